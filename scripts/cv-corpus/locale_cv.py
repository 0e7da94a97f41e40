"""How each language writes the parts of a CV: headings, months, 'present',
language names and levels. Used by the styles in make.py."""

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "en_long": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."],
    "es": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
}

LANG_NAMES = {
    "en": {"english": "English", "french": "French", "german": "German", "spanish": "Spanish", "italian": "Italian",
           "portuguese": "Portuguese", "hindi": "Hindi", "tamil": "Tamil", "telugu": "Telugu", "marathi": "Marathi", "kannada": "Kannada"},
    "fr": {"english": "Anglais", "french": "Français", "german": "Allemand", "spanish": "Espagnol", "italian": "Italien", "portuguese": "Portugais"},
    "de": {"english": "Englisch", "french": "Französisch", "german": "Deutsch", "spanish": "Spanisch", "italian": "Italienisch", "portuguese": "Portugiesisch"},
    "es": {"english": "Inglés", "french": "Francés", "german": "Alemán", "spanish": "Español", "italian": "Italiano", "portuguese": "Portugués"},
}

LEVELS = {
    "en": {"Native or bilingual": "Native", "Full professional": "Fluent", "Professional working": "Professional working proficiency",
           "Limited working": "Intermediate", "Elementary": "Basic"},
    "en_cefr": {"Native or bilingual": "Native speaker", "Full professional": "C1", "Professional working": "B2",
                "Limited working": "B1", "Elementary": "A2"},
    "linkedin": {"Native or bilingual": "Native or Bilingual", "Full professional": "Full Professional",
                 "Professional working": "Professional Working", "Limited working": "Limited Working",
                 "Elementary": "Elementary"},
    "fr": {"Native or bilingual": "langue maternelle", "Full professional": "courant", "Professional working": "professionnel (B2)",
           "Limited working": "intermédiaire", "Elementary": "notions"},
    "de": {"Native or bilingual": "Muttersprache", "Full professional": "verhandlungssicher", "Professional working": "fließend (B2)",
           "Limited working": "gute Kenntnisse (B1)", "Elementary": "Grundkenntnisse"},
    "es": {"Native or bilingual": "nativo", "Full professional": "avanzado (C1)", "Professional working": "intermedio alto (B2)",
           "Limited working": "intermedio (B1)", "Elementary": "básico"},
}

PRESENT = {"en": "Present", "fr": "aujourd'hui", "de": "heute", "es": "actualidad"}


def month(ym, lang, form="short"):
    y, m = int(ym[:4]), int(ym[5:7])
    if form == "num":
        return f"{m:02d}/{y}"
    if form == "iso":
        return f"{y}-{m:02d}"
    if form == "year":
        return str(y)
    names = MONTHS["en_long" if form == "long" else lang]
    return f"{names[m - 1]} {y}"


def span(e, lang, form="short", sep=" – ", present=None):
    start = month(e["start"], lang, form)
    end = month(e["end"], lang, form) if e["end"] else (present or PRESENT[lang])
    return f"{start}{sep}{end}"


def lang_name(code, lang):
    return LANG_NAMES.get(lang, LANG_NAMES["en"]).get(code) or LANG_NAMES["en"][code]


def level(lvl, lang):
    return LEVELS[lang][lvl]
