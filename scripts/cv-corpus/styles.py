"""The styles of the CV corpus: each writes one person as HTML or Markdown
the way a different kind of CV is written (one or two columns, sidebars,
tables, prose or bullets, symbol-font bullets, headings in four languages
and in upper, lower and mixed case, repeated headers and footers). A style
also says which real tool turns it into the file a recruiter receives and
how precisely it writes dates (month or year only).

Styles in DEV may be looked at while the reader is tuned; styles in HELD_OUT
never are: only their scores are read (make.py)."""

import html

from locale_cv import month, span, lang_name, level

E = html.escape
SYMBOL_BULLET = '<span style="font-family:Symbol">\uf0b7</span>'


def bullets(p):
    """Achievement lines that mention only the person's own skills."""
    s = p["skills"]
    return [
        f"Delivered projects using {s[0]} and {s[1]} for internal and external clients",
        f"Improved team processes; mentored two colleagues in {s[2]}",
        "Worked closely with stakeholders to plan quarterly priorities",
    ]


def summary(p, lang="en"):
    if lang == "fr":
        return f"{p['title']} avec plusieurs années d'expérience, à l'aise en équipe et orienté(e) résultats."
    if lang == "de":
        return f"{p['title']} mit mehrjähriger Erfahrung, teamorientiert und zuverlässig."
    if lang == "es":
        return f"{p['title']} con varios años de experiencia, orientado/a a resultados y al trabajo en equipo."
    return f"{p['title']} with several years of experience delivering results in collaborative teams."


def projects(p, lang="en"):
    """An unlabelled section: its text must stay out of every field."""
    head = {"en": "Projects", "fr": "Projets", "de": "Projekte", "es": "Proyectos"}[lang]
    return head, [
        "Customer portal redesign — a six-month project with a team of eight; launched on time.",
        "Internal reporting tool: cut the monthly close from five days to two.",
    ]


def doc(body, css=""):
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; margin: 0; }}
@page {{ size: A4; margin: 16mm; }}
{css}
</style></head><body>{body}</body></html>"""


def contacts_line(p, sep=" | "):
    parts = [E(p["email"]), E(p["phone_written"]), E(p["city_written"])]
    parts += [E(l) for l in p["links"]]
    return sep.join(parts)


# --- development styles -------------------------------------------------

def classic_en(p):
    h = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])}</p><p>{contacts_line(p)}</p>",
         "<h2>PROFESSIONAL SUMMARY</h2>", f"<p>{E(summary(p))}</p>", "<h2>WORK EXPERIENCE</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])} — {E(e['company'])}</b><br>{span(e, 'en')}</p><ul>")
        h += [f"<li>{E(b)}</li>" for b in bullets(p)[:2]]
        h.append("</ul>")
    h.append("<h2>EDUCATION</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])}, {E(ed['school'])}<br>{ed['year']}</p>")
    h.append(f"<h2>SKILLS</h2><p>{E(', '.join(p['skills']))}</p>")
    if p["certifications"]:
        h.append("<h2>CERTIFICATIONS</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h2>LANGUAGES</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h), "h2 { font-size: 12pt; border-bottom: 1px solid #333; }"), "month"


def sidebar_en(p):
    side = [f"<h3>Contact</h3><p>{E(p['email'])}<br>{E(p['phone_written'])}<br>{E(p['city_written'])}</p>"]
    side += [f"<p>{E(l)}</p>" for l in p["links"]]
    side.append("<h3>Skills</h3><ul>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>")
    side.append("<h3>Languages</h3>" + "".join(f"<p>{lang_name(l['name'], 'en')}<br><small>{level(l['level'], 'en_cefr')}</small></p>" for l in p["languages"]))
    main = [f"<h1>{E(p['name'])}</h1><h2 class=t>{E(p['title'])}</h2>", "<h3>Profile</h3>", f"<p>{E(summary(p))}</p>", "<h3>Experience</h3>"]
    for e in p["experiences"]:
        main.append(f"<p><b>{E(e['title'])}</b><br>{E(e['company'])}<br><i>{span(e, 'en', 'num', ' - ')}</i></p>")
        main.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)) + "</ul>")
    main.append("<h3>Education</h3>")
    for ed in p["education"]:
        main.append(f"<p><b>{E(ed['school'])}</b><br>{E(ed['degree'])}<br>{ed['year'] - 3} - {ed['year']}</p>")
    if p["certifications"]:
        main.append("<h3>Certifications</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    css = """.grid { display: grid; grid-template-columns: 62mm 1fr; gap: 8mm; }
.side { background: #eef2f6; padding: 4mm; } h1 { margin: 0; } .t { font-weight: normal; margin-top: 0; }"""
    return "html", doc(f"<div class=grid><div class=side>{''.join(side)}</div><div>{''.join(main)}</div></div>", css), "month"


def prose_in(p):
    h = [f"<p style='text-align:center'><b>RESUME</b></p><p><b>{E(p['name'].upper())}</b></p>",
         f"<p>Email: {E(p['email'])}</p><p>Mobile: {E(p['phone_written'])}</p><p>Address: {E(p['city_written'])}, India</p>",
         "<p><b>CAREER OBJECTIVE</b></p>",
         f"<p>{SYMBOL_BULLET} To work in a challenging environment as {E(p['title'])} where I can use my skills for the growth of the organisation.</p>",
         "<p><b>PROFESSIONAL EXPERIENCE</b></p>"]
    for i, e in enumerate(p["experiences"]):
        s = month(e["start"], "en")
        if e["end"] is None:
            h.append(f"<p>{SYMBOL_BULLET} Currently working with {E(e['company'])}, from {s} to till date as {E(e['title'])}.</p>")
        else:
            h.append(f"<p>{SYMBOL_BULLET} Worked for {E(e['company'])}, from {s} to {month(e['end'], 'en')} in the designation of {E(e['title'])}.</p>")
    h.append("<p><b>TECHNICAl SKILLS</b></p><table border=1>")
    sk = p["skills"]
    half = (len(sk) + 1) // 2
    h.append(f"<tr><td>Primary Skills</td><td>{E(', '.join(sk[:half]))}</td></tr>")
    h.append(f"<tr><td>Other Skills</td><td>{E(', '.join(sk[half:]))}</td></tr></table>")
    head, items = projects(p)
    h.append(f"<p><b>{head.upper()}</b></p>" + "".join(f"<p>{SYMBOL_BULLET} {E(x)}</p>" for x in items))
    h.append("<p><b>EDUCATIONAL QUALIFICATION</b></p><table border=1><tr><td>Qualification</td><td>Institute</td><td>Year</td></tr>")
    for ed in p["education"]:
        h.append(f"<tr><td>{E(ed['degree'])}</td><td>{E(ed['school'])}</td><td>{ed['year']}</td></tr>")
    h.append("</table><p><b>LANGUAGES KNOWN</b></p>")
    h.append("<p>" + ", ".join(lang_name(l["name"], "en") for l in p["languages"]) + "</p>")
    h.append("<p><b>DECLARATION</b></p><p>I hereby declare that the above information is true to the best of my knowledge.</p>")
    return "html", doc("".join(h)), "month-nolevel"


def fr_table(p):
    h = [f"<h1>{E(p['name'])}</h1><p><i>{E(p['title'])}</i></p>",
         f"<p>{E(p['phone_written'])} · {E(p['email'])} · {E(p['city_written'])}</p>",
         "<h2>Profil</h2>", f"<p>{E(summary(p, 'fr'))}</p>", "<h2>Expérience professionnelle</h2><table>"]
    for e in p["experiences"]:
        end = month(e["end"], "fr", "num") if e["end"] else "aujourd'hui"
        h.append(f"<tr><td width=25%>{month(e['start'], 'fr', 'num')} - {end}</td><td><b>{E(e['title'])}</b>, {E(e['company'])}<br>"
                 f"Pilotage des projets {E(p['skills'][0])}</td></tr>")
    h.append("</table><h2>Formation</h2>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']} : {E(ed['degree'])} — {E(ed['school'])}</p>")
    h.append("<h2>Compétences</h2><table border=1>")
    sk = p["skills"]
    for i in range(0, len(sk), 3):
        h.append("<tr>" + "".join(f"<td>{E(s)}</td>" for s in sk[i:i + 3]) + "</tr>")
    h.append("</table><h2>Langues</h2>")
    h += [f"<p>{lang_name(l['name'], 'fr')} : {level(l['level'], 'fr')}</p>" for l in p["languages"]]
    if p["certifications"]:
        h.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Centres d'intérêt</h2><p>Course à pied, photographie, bénévolat</p>")
    return "html", doc("".join(h)), "month"


def de_lebenslauf(p):
    h = ["<h1>Lebenslauf</h1>", f"<h2>{E(p['name'])}</h2>",
         f"<p>{E(p['title'])}</p><table><tr><td>E-Mail:</td><td>{E(p['email'])}</td></tr>"
         f"<tr><td>Telefon:</td><td>{E(p['phone_written'])}</td></tr><tr><td>Wohnort:</td><td>{E(p['city_written'])}</td></tr></table>",
         "<h3>BERUFLICHER WERDEGANG</h3><table>"]
    for e in p["experiences"]:
        when = f"seit {month(e['start'], 'de', 'num')}" if e["end"] is None else f"{month(e['start'], 'de', 'num')} – {month(e['end'], 'de', 'num')}"
        h.append(f"<tr><td width=30%>{when}</td><td><b>{E(e['title'])}</b><br>{E(e['company'])}, {E(p['city_written'])}</td></tr>")
    h.append("</table><h3>AUSBILDUNG</h3><table>")
    for ed in p["education"]:
        h.append(f"<tr><td width=30%>{ed['year'] - 4} – {ed['year']}</td><td>{E(ed['degree'])}<br>{E(ed['school'])}</td></tr>")
    h.append("</table><h3>IT-KENNTNISSE</h3>" + "".join(f"<p>{SYMBOL_BULLET} {E(s)}</p>" for s in p["skills"]))
    h.append("<h3>SPRACHKENNTNISSE</h3>" + "".join(f"<p>{lang_name(l['name'], 'de')}: {level(l['level'], 'de')}</p>" for l in p["languages"]))
    if p["certifications"]:
        h.append("<h3>ZERTIFIKATE</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append(f"<p>{E(p['city_written'])}, den 01.10.2026</p>")
    return "html", doc("".join(h)), "month"


def markdown_en(p):
    m = [f"# {p['name']}", "", f"**{p['title']}**  ", f"{p['city_written']} · {p['email']} · {p['phone_written']}", ""]
    m += [f"<{'https://' + l}>" for l in p["links"]] + [""]
    m += ["## Summary", "", summary(p), "", "## Experience", ""]
    for e in p["experiences"]:
        m += [f"### {e['title']}, {e['company']}", f"*{span(e, 'en', 'iso', ' – ')}*", ""]
        m += [f"- {b}" for b in bullets(p)[:2]] + [""]
    m += ["## Education", ""]
    for ed in p["education"]:
        m += [f"- **{ed['school']}** — {ed['degree']} ({ed['year']})"]
    m += ["", "## Skills", "", " · ".join(p["skills"]), "", "## Languages", ""]
    m += [f"- {lang_name(l['name'], 'en')}: {level(l['level'], 'en')}" for l in p["languages"]]
    if p["certifications"]:
        m += ["", "## Certifications", ""] + [f"- {c}" for c in p["certifications"]]
    return "md", "\n".join(m) + "\n", "month"


def es_header_footer(p):
    fixed = (f"<div class=hdr>Curriculum vitae — {E(p['name'])}</div>"
             f"<div class=ftr>{E(p['email'])} · CV actualizado en 2026</div>")
    h = [fixed, f"<h1>{E(p['name'])}</h1><p>{E(p['title'])}</p><p>{E(p['city_written'])} | {E(p['phone_written'])} | {E(p['email'])}</p>",
         "<h2>Sobre mí</h2>", f"<p>{E(summary(p, 'es'))}</p>", "<h2>Experiencia profesional</h2>"]
    for e in p["experiences"]:
        h.append(f"<h4>{E(e['title'])} en {E(e['company'])}</h4><p>{span(e, 'es', 'short', ' - ')}</p><ul>")
        h += [f"<li>{E(b)}</li>" for b in bullets(p)] + ["</ul>"]
    head, items = projects(p, "es")
    h.append(f"<h2>{head}</h2>" + "".join(f"<p>{E(x)}</p>" for x in items * 3))
    h.append("<h2>Formación académica</h2>")
    for ed in p["education"]:
        h.append(f"<p><b>{E(ed['degree'])}</b><br>{E(ed['school'])}, {ed['year']}</p>")
    h.append("<h2>Habilidades</h2><p>" + " / ".join(E(s) for s in p["skills"]) + "</p>")
    h.append("<h2>Idiomas</h2><p>" + "<br>".join(f"{lang_name(l['name'], 'es')} – {level(l['level'], 'es')}" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certificaciones</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    css = """.hdr { position: fixed; top: 0; right: 0; font-size: 8pt; color: #666; }
.ftr { position: fixed; bottom: 0; left: 0; font-size: 8pt; color: #666; }
h1 { margin-top: 10mm; } h2 { color: #1a4d8f; break-after: avoid; } h4 { margin-bottom: 0; }"""
    return "html", doc("".join(h), css), "month"


def compact_lower(p):
    h = [f"<div class=n>{E(p['name'].lower())}</div><div>{E(p['title'])} — {E(p['city_written'])}</div>",
         f"<div>{E(p['email'])} — {E(p['phone_written'])}</div>", "<h2>profile</h2>",
         f"<p>{E(summary(p))} Certified, efficient and fluent in office workflows.</p>", "<h2>experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p>{span(e, 'en', 'year', '–', 'now')} · <b>{E(e['title'])}</b>, {E(e['company'])}</p>")
    h.append("<h2>education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']} · {E(ed['school'])} · {E(ed['degree'])}</p>")
    h.append("<h2>skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>languages</h2><p>" + "; ".join(f"{lang_name(l['name'], 'en').lower()} — {level(l['level'], 'en').lower()}" for l in p["languages"]) + "</p>")
    css = "body { font-family: 'DejaVu Serif', serif; } .n { font-size: 20pt; font-weight: bold; } h2 { font-size: 11pt; letter-spacing: 1px; }"
    return "html", doc("".join(h), css), "year"


# --- held-out styles ----------------------------------------------------

def executive_en(p):
    h = [f"<h1 style='text-align:center'>{E(p['name'].upper())}</h1>",
         f"<p style='text-align:center'>{E(p['city_written'])} • {E(p['phone_written'])} • {E(p['email'])}</p>",
         f"<p style='text-align:center'><b>{E(p['title'])}</b></p>", "<h2>Executive Profile</h2>", f"<p>{E(summary(p))}</p>",
         "<h2>Career History</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b>, {E(p['city_written'])}<br><i>{E(e['title'])}</i><br>"
                 f"{span(e, 'en', 'long', ' to ', 'Present')}</p><ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)) + "</ul>")
    h.append("<h2>Qualifications</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])} ({ed['year']})<br>{E(ed['school'])}</p>")
    if p["certifications"]:
        h.append("<h2>Licenses &amp; Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Core Competencies</h2><ul>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>")
    h.append("<h2>Languages</h2><p>" + " | ".join(f"{lang_name(l['name'], 'en')}: {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    h.append("<h2>References</h2><p>Available upon request.</p>")
    return "html", doc("".join(h), "h2 { font-variant: small-caps; font-size: 13pt; }"), "month"


def right_sidebar_table(p):
    left = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}</p>", "<h3>Work Experience</h3>"]
    for e in p["experiences"]:
        left.append(f"<p><b>{E(e['title'])}</b> at {E(e['company'])}</p><p>{span(e, 'en', 'short', ' - ')}</p>")
        left += [f"<p>- {E(b)}</p>" for b in bullets(p)[:2]]
    left.append("<h3>Education</h3>")
    for ed in p["education"]:
        left.append(f"<p>{E(ed['school'])}</p><p>{E(ed['degree'])}, {ed['year']}</p>")
    right = ["<h3>Contact</h3>", f"<p>{E(p['phone_written'])}</p>", f"<p>{E(p['email'])}</p>", f"<p>{E(p['city_written'])}</p>"]
    right += [f"<p>{E(l)}</p>" for l in p["links"]]
    right.append("<h3>Skills</h3>" + "".join(f"<p>{E(s)}</p>" for s in p["skills"]))
    right.append("<h3>Languages</h3>" + "".join(f"<p>{lang_name(l['name'], 'en')} - {level(l['level'], 'en_cefr')}</p>" for l in p["languages"]))
    if p["certifications"]:
        right.append("<h3>Certificates</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    body = "<table width=100%>" + "".join(f"<tr><td width=68%>{a}</td><td width=32%>{b}</td></tr>" for a, b in zip(left, right)) + "</table>"
    return "html", doc(body), "month"


def fr_prose(p):
    h = [f"<p><b>{E(p['first'])} {E(p['last'].upper())}</b></p>", f"<p>{E(p['title'])}</p>",
         f"<p>Tél. : {E(p['phone_written'])} — Courriel : {E(p['email'])}</p>", f"<p>Adresse : 12 rue de la République, {E(p['city_written'])}</p>",
         "<p><b>EXPÉRIENCES</b></p>"]
    for e in p["experiences"]:
        if e["end"] is None:
            h.append(f"<p>Depuis {month(e['start'], 'fr')} : {E(e['title'])} chez {E(e['company'])}</p>")
        else:
            h.append(f"<p>De {month(e['start'], 'fr')} à {month(e['end'], 'fr')} : {E(e['title'])} chez {E(e['company'])}</p>")
        h.append(f"<p>{SYMBOL_BULLET} Responsable des outils {E(p['skills'][0])} et {E(p['skills'][1])}</p>")
    h.append("<p><b>DIPLÔMES ET FORMATIONS</b></p>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']} – {E(ed['degree'])}, {E(ed['school'])}</p>")
    h.append("<p><b>COMPÉTENCES TECHNIQUES</b></p><p>" + E(" – ".join(p["skills"])) + "</p>")
    h.append("<p><b>LANGUES</b></p><p>" + ", ".join(f"{lang_name(l['name'], 'fr')} ({level(l['level'], 'fr')})" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<p><b>CERTIFICATIONS</b></p>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<p><b>LOISIRS</b></p><p>Randonnée, échecs</p>")
    return "html", doc("".join(h)), "month"


def de_dates_table(p):
    h = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])} · {E(p['city_written'])}</p>",
         f"<p>{E(p['email'])} · {E(p['phone_written'])}</p>", "<h2>Berufserfahrung</h2><table>"]
    for e in p["experiences"]:
        end = "heute" if e["end"] is None else month(e["end"], "de")
        h.append(f"<tr><td class=d>{month(e['start'], 'de')} – {end}</td><td><b>{E(e['company'])}</b><br>{E(e['title'])}<br>"
                 f"Schwerpunkte: {E(p['skills'][0])}, {E(p['skills'][2])}</td></tr>")
    h.append("</table><h2>Studium</h2><table>")
    for ed in p["education"]:
        h.append(f"<tr><td class=d>{ed['year']}</td><td>{E(ed['school'])}<br>{E(ed['degree'])}</td></tr>")
    h.append("</table><h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><table>" + "".join(f"<tr><td class=d>{lang_name(l['name'], 'de')}</td><td>{level(l['level'], 'de')}</td></tr>" for l in p["languages"]) + "</table>")
    if p["certifications"]:
        h.append("<h2>Zertifizierungen</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    head, items = projects(p, "de")
    h.append(f"<h2>{head}</h2>" + "".join(f"<p>{E(x)}</p>" for x in items))
    css = "table { border-collapse: collapse; } td { vertical-align: top; padding: 2mm; } .d { width: 45mm; color: #555; }"
    return "html", doc("".join(h), css), "month"


def md_bullets(p):
    m = [p["name"].upper(), "=" * len(p["name"]), "", p["title"], "", f"- Email: {p['email']}", f"- Phone: {p['phone_written']}",
         f"- Location: {p['city_written']}"] + [f"- {l}" for l in p["links"]] + ["", "EXPERIENCE", "----------", ""]
    for e in p["experiences"]:
        end = "present" if e["end"] is None else e["end"][:4]
        m.append(f"* {e['start'][:4]}-{end}: {e['title']} @ {e['company']}")
    m += ["", "EDUCATION", "---------", ""] + [f"* {ed['degree']}, {ed['school']}, {ed['year']}" for ed in p["education"]]
    m += ["", "SKILLS", "------", ""] + [f"* {s}" for s in p["skills"]]
    m += ["", "LANGUAGES", "---------", ""] + [f"* {lang_name(l['name'], 'en')} ({level(l['level'], 'en_cefr')})" for l in p["languages"]]
    if p["certifications"]:
        m += ["", "CERTIFICATIONS", "--------------", ""] + [f"* {c}" for c in p["certifications"]]
    return "md", "\n".join(m) + "\n", "year"


def es_two_col(p):
    main = [f"<h1>{E(p['name'])}</h1><p class=t>{E(p['title'])}</p>", "<h2>EXPERIENCIA LABORAL</h2>"]
    for e in p["experiences"]:
        main.append(f"<p><b>{E(e['title'])}</b> | {E(e['company'])}<br>{span(e, 'es', 'num', ' - ')}</p>")
        main.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    main.append("<h2>EDUCACIÓN</h2>")
    for ed in p["education"]:
        main.append(f"<p>{E(ed['degree'])}<br>{E(ed['school'])} ({ed['year']})</p>")
    side = ["<h2>CONTACTO</h2>", f"<p>{E(p['phone_written'])}<br>{E(p['email'])}<br>{E(p['city_written'])}</p>",
            "<h2>CONOCIMIENTOS</h2><ul>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>",
            "<h2>IDIOMAS</h2>" + "".join(f"<p>{lang_name(l['name'], 'es')}: {level(l['level'], 'es')}</p>" for l in p["languages"])]
    if p["certifications"]:
        side.append("<h2>CERTIFICADOS</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    css = """.g { display: grid; grid-template-columns: 1fr 60mm; grid-template-areas: 'side main'; gap: 6mm; }
.g > .m { grid-column: 2; } .g > .s { grid-column: 1; grid-row: 1; } .t { color: #555; }"""
    css = """.g { display: grid; grid-template-columns: 60mm 1fr; gap: 6mm; } .m { grid-column: 2; grid-row: 1; } .s { grid-column: 1; grid-row: 1; } .t { color: #555; }"""
    return "html", doc(f"<div class=g><div class=m>{''.join(main)}</div><div class=s>{''.join(side)}</div></div>", css), "month"


def in_prose_2(p):
    h = [f"<p><b>{E(p['name'])}</b></p>", f"<p>{E(p['title'])}</p>",
         f"<p>{E(p['email'])} | {E(p['phone_written'])} | {E(p['city_written'])}</p>", "<p><b>Professional Summary</b></p>"]
    h.append(f"<p>{SYMBOL_BULLET} Having {len(p['experiences']) + 2} years of experience in {E(p['skills'][0])} and {E(p['skills'][1])}.</p>")
    h.append("<p><b>Work Experience</b></p>")
    for e in p["experiences"]:
        if e["end"] is None:
            h.append(f"<p>{SYMBOL_BULLET} Currently associated with {E(e['company'])} as {E(e['title'])} since {month(e['start'], 'en')}.</p>")
        else:
            h.append(f"<p>{SYMBOL_BULLET} Previously worked with {E(e['company'])} as {E(e['title'])} from {month(e['start'], 'en')} to {month(e['end'], 'en')}.</p>")
    h.append("<p><b>Skill Set</b></p><table border=1>")
    for i in range(0, len(p["skills"]), 2):
        h.append("<tr>" + "".join(f"<td>{E(s)}</td>" for s in p["skills"][i:i + 2]) + "</tr>")
    h.append("</table><p><b>Academic Profile</b></p>")
    for ed in p["education"]:
        h.append(f"<p>{SYMBOL_BULLET} {E(ed['degree'])} from {E(ed['school'])} in {ed['year']}.</p>")
    if p["certifications"]:
        h.append("<p><b>Certifications</b></p>" + "".join(f"<p>{SYMBOL_BULLET} {E(c)}</p>" for c in p["certifications"]))
    h.append("<p><b>Personal Details</b></p><p>Languages: " + ", ".join(lang_name(l["name"], "en") for l in p["languages"]) + "</p>")
    h.append("<p>Date of Birth: 12/05/1994</p><p>Marital Status: Single</p>")
    return "html", doc("".join(h)), "month-nolevel"


def academic_tabs(p):
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['email'])}  ·  {E(p['phone_written'])}  ·  {E(p['city_written'])}</p>",
         f"<p>Current role: {E(p['title'])}</p>", "<h2>Employment</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}, {E(e['company'])}</b>\t{span(e, 'en', 'short', ' – ', 'present')}</p>")
    h.append("<h2>Academic Background</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['school'])}\t{ed['year']}</p><p><i>{E(ed['degree'])}</i></p>")
    h.append("<h2>Technical Skills</h2><p>" + E("; ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2>" + "".join(f"<p>{lang_name(l['name'], 'en')} — {level(l['level'], 'en')}</p>" for l in p["languages"]))
    if p["certifications"]:
        h.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Interests</h2><p>Open-source contributions, cycling.</p>")
    return "html", doc("".join(h)), "month"


# name, function, locale countries, tools
DEV = [
    ("classic-en", classic_en, ["GB", "US"], ["chromium-pdf"]),
    ("sidebar-en", sidebar_en, ["US", "GB", "IN"], ["chromium-pdf"]),
    ("prose-in", prose_in, ["IN"], ["lo-docx", "lo-pdf"]),
    ("fr-table", fr_table, ["FR"], ["lo-pdf"]),
    ("de-lebenslauf", de_lebenslauf, ["DE"], ["lo-docx"]),
    ("markdown-en", markdown_en, ["US", "GB"], ["text"]),
    ("es-header-footer", es_header_footer, ["ES"], ["chromium-pdf"]),
    ("compact-lower", compact_lower, ["GB", "US", "IN"], ["chromium-pdf"]),
]
HELD_OUT = [
    ("executive-en", executive_en, ["US", "GB"], ["chromium-pdf"]),
    ("right-sidebar-table", right_sidebar_table, ["GB", "US"], ["lo-pdf"]),
    ("fr-prose", fr_prose, ["FR"], ["lo-docx"]),
    ("de-dates-table", de_dates_table, ["DE"], ["chromium-pdf"]),
    ("md-bullets", md_bullets, ["US", "IN"], ["text"]),
    ("es-two-col", es_two_col, ["ES"], ["chromium-pdf"]),
    ("in-prose", in_prose_2, ["IN"], ["lo-pdf"]),
    ("academic-tabs", academic_tabs, ["GB", "US"], ["lo-docx"]),
]


# --- development styles added after the first tuning (the held-out styles
# above are unchanged; make.py numbers these after them) -----------------

def company_first(p):
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}</p>",
         f"<p>Address: 21 Park Road, {E(p['city_written'])}<br>Phone: {E(p['phone_written'])}<br>Email: {E(p['email'])}</p>",
         "<h2>Experience:</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> · {E(p['city_written'])}<br><i>{E(e['title'])}</i> | {span(e, 'en', 'short', ' – ')}</p>")
        h.append(f"<p>{E(bullets(p)[0])}.</p>")
    h.append("<h2>Education:</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['school'])} — {E(ed['degree'])}, {ed['year']}</p>")
    h.append(f"<p><b>Skills:</b> {E(', '.join(p['skills']))}</p>")
    h.append("<p><b>Languages:</b> " + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications:</h2>" + "".join(f"<p>{E(c)} ({2018 + i})</p>" for i, c in enumerate(p["certifications"])))
    h.append("<h2>Volunteer Work</h2><p>Mentor at a local coding club; Certified first aider.</p>")
    return "html", doc("".join(h), "h2 { font-size: 13pt; }"), "month"


def title_at_company(p):
    first, last = p["first"], p["last"].upper()
    h = [f"<h1>{E(first)} {E(last)}</h1>", f"<p>{E(p['title'])} | {E(p['city_written'])} | {E(p['email'])} | {E(p['phone_written'])}</p>",
         "<h2>Professional Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])} at {E(e['company'])}</b> ({span(e, 'en', 'num', '–', 'present')})</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])} — {E(ed['school'])} ({ed['year']})</p>")
    h.append("<h2>Skills</h2><table>" + "".join(f"<tr><td>{E(s)}</td></tr>" for s in p["skills"]) + "</table>")
    h.append("<h2>Languages</h2><table>" + "".join(f"<tr><td>{lang_name(l['name'], 'en')}</td><td>{level(l['level'], 'en')}</td></tr>" for l in p["languages"]) + "</table>")
    if p["certifications"]:
        h.append("<h2>Certificates</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    css = "h2 { text-transform: uppercase; font-size: 11pt; border-bottom: 2px solid #000; } td { padding: 0 4mm 0 0; }"
    return "html", doc("".join(h), css), "month"


def de_labelled(p):
    h = ["<h2>Persönliche Daten</h2>", f"<p>Name: {E(p['name'])}</p>",
         f"<p>Anschrift: Hauptstraße 5, 10115 {E(p['city_written'])}</p>", f"<p>Telefon: {E(p['phone_written'])}</p>",
         f"<p>E-Mail: {E(p['email'])}</p>", "<h2>Beruflicher Werdegang</h2>"]
    for e in p["experiences"]:
        when = f"{month(e['start'], 'de', 'num')} – heute" if e["end"] is None else f"{month(e['start'], 'de', 'num')} – {month(e['end'], 'de', 'num')}"
        h.append(f"<p>{when}\t{E(e['title'])}, {E(e['company'])}</p>")
    h.append("<h2>Ausbildung</h2>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']}\t{E(ed['degree'])}, {E(ed['school'])}</p>")
    h.append("<h2>Kenntnisse</h2><p>" + E(" | ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><p>" + ", ".join(f"{lang_name(l['name'], 'de')} – {level(l['level'], 'de')}" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Weiterbildung und Zertifikate</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Hobbys</h2><p>Fußball, Lesen</p>")
    return "html", doc("".join(h)), "month"


def fr_two_col_table(p):
    side = [f"<p><b>{E(p['name'])}</b></p>", f"<p>{E(p['email'])}</p>", f"<p>{E(p['phone_written'])}</p>", f"<p>{E(p['city_written'])}</p>",
            "<p><b>COMPÉTENCES</b></p>"] + [f"<p>{E(s)}</p>" for s in p["skills"]]
    side += ["<p><b>LANGUES</b></p>"] + [f"<p>{lang_name(l['name'], 'fr')} ({level(l['level'], 'fr')})</p>" for l in p["languages"]]
    main = [f"<p><b>{E(p['title'].upper())}</b></p>", f"<p>{E(summary(p, 'fr'))}</p>", "<p><b>EXPÉRIENCES PROFESSIONNELLES</b></p>"]
    for e in p["experiences"]:
        end = "aujourd'hui" if e["end"] is None else month(e["end"], "fr", "year")
        main.append(f"<p><b>{E(e['title'])}</b> — {E(e['company'])}</p><p>{month(e['start'], 'fr', 'year')} - {end}</p>")
        main.append(f"<p>Missions : suivi des projets {E(p['skills'][1])}, reporting et animation d'équipe.</p>")
    main.append("<p><b>FORMATION</b></p>")
    for ed in p["education"]:
        main.append(f"<p>{E(ed['degree'])}</p><p>{E(ed['school'])} – {ed['year']}</p>")
    if p["certifications"]:
        main.append("<p><b>CERTIFICATIONS &amp; FORMATIONS</b></p>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    body = f"<table width=100%><tr><td width=32% valign=top>{''.join(side)}</td><td width=68% valign=top>{''.join(main)}</td></tr></table>"
    return "html", doc(body), "year"


DEV_LATER = [
    ("company-first", company_first, ["GB", "US"], ["lo-pdf"]),
    ("title-at-company", title_at_company, ["US", "GB", "IN"], ["chromium-pdf"]),
    ("de-labelled", de_labelled, ["DE"], ["lo-docx"]),
    ("fr-two-col-table", fr_two_col_table, ["FR"], ["lo-pdf"]),
]


def icons_modern(p):
    postal = {"GB": "SW1A 1AA", "US": "10001", "FR": "75011", "DE": "10115", "ES": "28013", "IN": "560001"}[p["country"]]
    h = [f"<h1>{E(p['name'])}, MBA</h1>" if p["n"] % 2 else f"<h1>{E(p['name'])}</h1>",
         f"<p class=head>{E(p['title'])} | {len(p['experiences']) * 3}+ years | Team player</p>",
         f"<p>✉ {E(p['email'])} &nbsp; ☎ {E(p['phone_written'])} &nbsp; 📍 {E(p['city_written'])} {postal}</p>",
         "<h2>💼 Work Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{span(e, 'en', 'short', ' – ')} | {E(e['company'])} | {E(e['title'])}</b></p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[1:]) + "</ul>")
    h.append("<h2>🎓 Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']} | {E(ed['school'])} | {E(ed['degree'])}</p>")
    h.append("<h2>🛠 Skills</h2><p>" + " • ".join(E(s) for s in p["skills"]) + "</p>")
    h.append("<h2>🌍 Languages</h2><p>" + " • ".join(f"{lang_name(l['name'], 'en')}: {level(l['level'], 'en_cefr')}" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>📜 Certifications</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h2>Interests</h2><p>Hiking, chess, volunteering</p>")
    css = "h1 { font-size: 24pt; margin-bottom: 0; } .head { color: #444; font-size: 12pt; } h2 { font-size: 13pt; color: #0a5; }"
    return "html", doc("".join(h), css), "month"


def dates_first_pipes(p):
    h = [f"<p><b>{E(p['name'].upper())}</b></p>", f"<p>{E(p['title'])}</p>",
         f"<p>{E(p['city_written'])} · {E(p['phone_written'])} · {E(p['email'])}</p>", "<p><b>Career</b></p>"]
    for e in p["experiences"]:
        h.append(f"<p>{span(e, 'en', 'num', ' – ', 'Present')} | {E(e['company'])} | {E(e['title'])}</p>")
        h.append(f"<p>{SYMBOL_BULLET} {E(bullets(p)[0])}</p>")
    h.append("<p><b>Education</b></p>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year'] - 3} – {ed['year']} | {E(ed['school'])} | {E(ed['degree'])}</p>")
    h.append("<p><b>Skills</b></p><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<p><b>Certifications</b></p>" + "".join(f"<p>{SYMBOL_BULLET} {E(c)}</p>" for c in p["certifications"]))
    h.append("<p><b>Languages</b></p>" + "".join(f"<p>{lang_name(l['name'], 'en')} – {level(l['level'], 'en')}</p>" for l in p["languages"]))
    h.append("<p><b>Hobbies</b></p><p>Photography; marathon running</p>")
    return "html", doc("".join(h)), "month"


def es_docx_table(p):
    side = [f"<p><b>{E(p['name'])}</b></p>", f"<p>{E(p['title'])}</p>", "<p><b>Contacto</b></p>",
            f"<p>{E(p['email'])}</p>", f"<p>{E(p['phone_written'])}</p>", f"<p>{E(p['city_written'])}, España</p>",
            "<p><b>Competencias</b></p>"] + [f"<p>{E(s)}</p>" for s in p["skills"]]
    side += ["<p><b>Idiomas</b></p>"] + [f"<p>{lang_name(l['name'], 'es')} ({level(l['level'], 'es')})</p>" for l in p["languages"]]
    main = ["<p><b>Experiencia</b></p>"]
    for e in p["experiences"]:
        main.append(f"<p><b>{E(e['title'])}</b> · {E(e['company'])}</p><p><i>{span(e, 'es', 'short', ' – ')}</i></p>")
        main.append("<p>Responsable de proyectos y equipos; mejora continua de procesos.</p>")
    main.append("<p><b>Formación</b></p>")
    for ed in p["education"]:
        main.append(f"<p>{E(ed['degree'])} — {E(ed['school'])} ({ed['year']})</p>")
    if p["certifications"]:
        main.append("<p><b>Certificaciones</b></p>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    main.append("<p><b>Voluntariado</b></p><p>Banco de alimentos, 2019 – 2021</p>")
    body = f"<table width=100%><tr><td width=35% valign=top>{''.join(side)}</td><td valign=top>{''.join(main)}</td></tr></table>"
    return "html", doc(body), "month"


def credentials_two_page(p):
    first = p["first"]
    h = [f"<h1>Dr. {E(first)} {E(p['last'])}</h1>" if p["n"] % 2 else f"<h1>{E(first)} {E(p['last'])}, PhD</h1>",
         f"<p>{E(p['title'])}</p>", f"<p>{E(p['email'])}<br>{E(p['phone_written'])}<br>{E(p['city_written'])}</p>",
         "<h2>Summary of Qualifications</h2>", f"<p>{E(summary(p))} {E(summary(p))} {E(summary(p))}</p>", "<h2>Professional Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b><br>{E(e['company'])}, {E(p['city_written'])}<br>{span(e, 'en', 'long', ' - ', 'Present')}</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}.</li>" for b in bullets(p) * 2) + "</ul>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])}<br>{E(ed['school'])}, {ed['year']}</p>")
    if p["certifications"]:
        h.append("<h2>Certificates</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<p><b>Memberships</b></p><p>Member of a professional society since 2015</p>")
    h.append("<h2>Skills</h2><p>" + E("; ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2><p>" + "; ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    css = "h2 { font-size: 12.5pt; }"
    return "html", doc("".join(h), css), "month"


DEV_LATER_2 = [
    ("icons-modern", icons_modern, ["GB", "US", "FR", "DE"], ["chromium-pdf"]),
    ("dates-first-pipes", dates_first_pipes, ["IN", "GB", "US"], ["lo-docx"]),
    ("es-docx-table", es_docx_table, ["ES"], ["lo-docx"]),
    ("credentials-two-page", credentials_two_page, ["US", "GB"], ["lo-pdf"]),
]


def linkedin_pdf(p):
    """Like the PDF LinkedIn saves from a profile: a sidebar of contact,
    top skills, languages and certifications; the name, headline and a
    location line of region and country; experience as company, title,
    dates with a duration, and place; no bullets."""
    region = {"GB": "England, United Kingdom", "US": "United States", "FR": "Île-de-France, France",
              "DE": "Germany", "ES": "Spain", "IN": "India"}[p["country"]]
    side = ["<h3>Contact</h3>", f"<p>{E(p['email'])}</p>"]
    side += [f"<p>www.{E(l)} (LinkedIn)</p>" for l in p["links"] if "linkedin" in l]
    side.append("<h3>Top Skills</h3>" + "".join(f"<p>{E(s)}</p>" for s in p["skills"][:3]))
    side.append("<h3>Languages</h3>" + "".join(f"<p>{lang_name(l['name'], 'en')} ({level(l['level'], 'linkedin')})</p>" for l in p["languages"]))
    if p["certifications"]:
        side.append("<h3>Certifications</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    main = [f"<h1>{E(p['name'])}</h1>", f"<p class=head>{E(p['title'])} at {E(p['experiences'][0]['company'])}</p>",
            f"<p class=loc>{E(p['city_written'])}, {region}</p>", "<h2>Summary</h2>", f"<p>{E(summary(p))} Skilled in {E(', '.join(p['skills'][3:]))}.</p>",
            "<h2>Experience</h2>"]
    for e in p["experiences"]:
        months = (int((e["end"] or "2026-11")[:4]) * 12 + int((e["end"] or "2026-11")[5:7])) - (int(e["start"][:4]) * 12 + int(e["start"][5:7]))
        dur = f"{months // 12} years {months % 12} months" if months >= 12 else f"{months} months"
        main.append(f"<p><b>{E(e['company'])}</b><br>{E(e['title'])}<br><span class=g>{span(e, 'en', 'long', ' - ', 'Present')} ({dur})<br>{E(p['city_written'])}, {region}</span></p>")
    main.append("<h2>Education</h2>")
    for ed in p["education"]:
        main.append(f"<p><b>{E(ed['school'])}</b><br>{E(ed['degree'])} · ({ed['year'] - 3} - {ed['year']})</p>")
    css = """.g2 { display: grid; grid-template-columns: 55mm 1fr; gap: 8mm; } .side { background: #e9eef3; padding: 4mm; font-size: 9.5pt; }
h1 { font-size: 22pt; margin: 0; } .head { font-size: 12pt; } .loc, .g { color: #666; } h2 { font-size: 13pt; }"""
    return "html", doc(f"<div class=g2><div class=side>{''.join(side)}</div><div>{''.join(main)}</div></div>", css), "month"


def contact_table_docx(p):
    h = [f"<p style='font-size:20pt'><b>{E(p['name'])}</b></p>", f"<p>{E(p['title'])} · {E(p['city_written'])} · open to relocation</p>",
         "<table border=1><tr><td>Email</td><td>" + E(p["email"]) + "</td></tr><tr><td>Mobile</td><td>" + E(p["phone_written"]) + "</td></tr></table>",
         "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b>, {E(e['company'])} — {E(p['city_written'])}</p><p>{span(e, 'en', 'short', ' – ')}</p>")
        h.append(f"<ul><li>{E(bullets(p)[2])}</li></ul>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>")
    h.append("<h2>Skills &amp; Tools</h2><p>" + E(" · ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>Training &amp; Certifications</h2>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<p>{E(c)}</p><p>Issued {month(f'{2019 + i}-0{3 + i}', 'en', 'long')} · Credential ID {1000 + p['n'] * 7 + i}</p>")
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} – {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_3 = [
    ("linkedin-pdf", linkedin_pdf, ["GB", "US", "FR", "DE", "IN"], ["chromium-pdf"]),
    ("contact-table-docx", contact_table_docx, ["GB", "US", "IN"], ["lo-docx"]),
]


# --- fifth round: addresses, labelled details, certifications with issuers ---

POSTCODES = {
    "Paris": "75011", "Lyon": "69003", "Toulouse": "31000", "Marseille": "13006", "Lille": "59000", "Nantes": "44000",
    "Bordeaux": "33000", "Berlin": "10115", "Munich": "80331", "Hamburg": "20095", "Frankfurt": "60311",
    "Cologne": "50667", "Stuttgart": "70173", "Düsseldorf": "40213", "Madrid": "28014", "Barcelona": "08013",
    "Valencia": "46002", "Seville": "41004", "Bilbao": "48001", "Malaga": "29015", "London": "N1 7GU",
    "Manchester": "M1 4AH", "Edinburgh": "EH1 1YZ", "Bristol": "BS1 5TR", "Leeds": "LS1 4DY", "Glasgow": "G1 2FF",
    "Birmingham": "B1 1BB", "San Francisco": "CA 94107", "New York": "NY 10016", "Austin": "TX 78701",
    "Seattle": "WA 98101", "Chicago": "IL 60607", "Boston": "MA 02116", "Denver": "CO 80202",
}
STREETS = {"FR": "rue de la République", "DE": "Hauptstraße", "ES": "Calle Mayor", "GB": "Hanover Street",
           "US": "Main Street", "IN": "MG Road"}
ISSUERS = {"AWS": "Amazon Web Services", "Oracle": "Oracle", "Microsoft": "Microsoft", "Tableau": "Tableau",
           "Databricks": "Databricks", "Google": "Google", "Kubernetes": "The Linux Foundation",
           "HashiCorp": "HashiCorp", "Scrum": "Scrum.org", "HubSpot": "HubSpot Academy", "ACCA": "ACCA",
           "CPA": "AICPA", "PMP": "PMI", "PRINCE2": "AXELOS", "ISTQB": "ISTQB"}


def issuer(cert):
    for key, who in ISSUERS.items():
        if key in cert:
            return who
    return "Professional body"


def address(p):
    street = f"{10 + p['n'] % 80} {STREETS[p['country']]}"
    city, code = p["city_written"], POSTCODES.get(p["city"], "")
    if p["country"] in ("FR", "DE", "ES"):
        return f"{street}, {code} {city}"
    if p["country"] == "US":
        return f"{street}, {city}, {code}"
    if p["country"] == "GB":
        return f"{street}, {city} {code}"
    return f"{street}, {city}"


def address_block_en(p):
    """A letterhead: the name in capitals, a postal address line, contact
    lines with labels; jobs as a table of employer/title and dates; licences
    and certifications with the issuer and year after a dash."""
    h = [f"<p style='font-size:18pt; letter-spacing:1pt'><b>{E(p['name'].upper())}</b></p>",
         f"<p style='font-variant: small-caps'>{E(p['title'])}</p>",
         f"<p>{E(address(p))}<br>Phone: {E(p['phone_written'])} &nbsp; Email: {E(p['email'])}</p>"]
    if p["links"]:
        h.append(f"<p>{E(' · '.join(p['links']))}</p>")
    h.append("<h3>Profile</h3><p>" + E(summary(p)) + "</p><h3>Employment History</h3><table width=100%>")
    for e in p["experiences"]:
        h.append(f"<tr><td><b>{E(e['company'])}</b>, {E(p['city_written'])}<br><i>{E(e['title'])}</i></td>"
                 f"<td align=right valign=top>{span(e, 'en', 'short', ' to ')}</td></tr>")
    h.append("</table><h3>Education</h3>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['school'])} — {E(ed['degree'])} ({ed['year']})</p>")
    h.append("<h3>Key Skills</h3><ul>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>")
    if p["certifications"]:
        h.append("<h3>Licenses &amp; Certifications</h3>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<p>{E(c)} — {E(issuer(c))}, {2020 + i}</p>")
    h.append("<h3>Languages</h3><p>" + "; ".join(f"{lang_name(l['name'], 'en')}: {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h), "h3 { font-size: 11pt; text-transform: uppercase; margin-bottom: 2pt; }"), "month"


def fr_adresse(p):
    """A French CV: surname in capitals, labelled details (Adresse, Tél.,
    E-mail), experience as dates then employer and title, certifications
    after their year."""
    first, last = p["first"], p["last"]
    h = [f"<h1>{E(first)} {E(last.upper())}</h1>", f"<h2 class=t>{E(p['title'])}</h2>",
         f"<p>Adresse : {E(address(p))}<br>Tél. : {E(p['phone_written'])}<br>E-mail : {E(p['email'])}</p>",
         "<h3>Expérience professionnelle</h3>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{span(e, 'fr', 'num', ' à ')}</b> — {E(e['company'])}<br>{E(e['title'])}</p>")
        h.append(f"<ul><li>{E(bullets(p)[0])}</li></ul>")
    h.append("<h3>Formation</h3>")
    for ed in p["education"]:
        h.append(f"<p>{ed['year']} : {E(ed['degree'])} — {E(ed['school'])}</p>")
    h.append("<h3>Compétences</h3><p>" + E(" • ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h3>Certifications</h3>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<p>{2021 + i} : {E(c)}</p>")
    h.append("<h3>Langues</h3><p>" + " ; ".join(f"{lang_name(l['name'], 'fr')} : {level(l['level'], 'fr')}" for l in p["languages"]) + "</p>")
    css = "h1 { font-size: 20pt; margin-bottom: 0; } .t { font-size: 12pt; font-weight: normal; color: #345; margin-top: 2pt; } h3 { color: #345; border-bottom: 1px solid #345; }"
    return "html", doc("".join(h), css), "month"


def de_anschrift(p):
    """A German CV for Word: 'Persönliche Daten' with Anschrift, a dates
    table for experience, 'Weiterbildungen & Zertifikate' as a dates table."""
    h = [f"<p style='font-size:20pt'>{E(p['name'])}</p>", f"<p><b>{E(p['title'])}</b></p>",
         "<h2>Persönliche Daten</h2><table>",
         f"<tr><td>Anschrift:</td><td>{E(address(p))}</td></tr>",
         f"<tr><td>Telefon:</td><td>{E(p['phone_written'])}</td></tr>",
         f"<tr><td>E-Mail:</td><td>{E(p['email'])}</td></tr></table>",
         "<h2>Berufserfahrung</h2><table>"]
    for e in p["experiences"]:
        h.append(f"<tr><td valign=top>{span(e, 'de', 'num', ' – ')}</td><td><b>{E(e['title'])}</b><br>{E(e['company'])}, {E(p['city_written'])}</td></tr>")
    h.append("</table><h2>Ausbildung</h2><table>")
    for ed in p["education"]:
        h.append(f"<tr><td valign=top>{ed['year']}</td><td>{E(ed['degree'])}<br>{E(ed['school'])}</td></tr>")
    h.append("</table>")
    if p["certifications"]:
        h.append("<h2>Weiterbildungen &amp; Zertifikate</h2><table>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<tr><td>0{4 + i}/{2021 + i}</td><td>{E(c)}</td></tr>")
        h.append("</table>")
    h.append("<h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><table>" + "".join(f"<tr><td>{lang_name(l['name'], 'de')}</td><td>{level(l['level'], 'de')}</td></tr>" for l in p["languages"]) + "</table>")
    return "html", doc("".join(h)), "month"


def es_icons_inline(p):
    """A Spanish one-pager: details after emoji icons on one line, the
    address first; certifications on one line separated by semicolons."""
    h = [f"<h1>{E(p['name'])}</h1><p class=t>{E(p['title'])}</p>",
         f"<p>📍 {E(address(p))} &nbsp; ✉ {E(p['email'])} &nbsp; ☎ {E(p['phone_written'])}</p>",
         "<h2>Experiencia</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> | {E(e['company'])} | {span(e, 'es', 'short', ' - ')}</p>")
    h.append("<h2>Formación</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])} | {E(ed['school'])} | {ed['year']}</p>")
    h.append("<h2>Habilidades</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<p><b>Certificaciones:</b> " + E("; ".join(p["certifications"])) + "</p>")
    h.append("<h2>Idiomas</h2><p>" + ", ".join(f"{lang_name(l['name'], 'es')} ({level(l['level'], 'es')})" for l in p["languages"]) + "</p>")
    css = "h1 { margin-bottom: 0; } .t { color: #a33; font-size: 13pt; margin-top: 0; } h2 { font-size: 12pt; color: #a33; }"
    return "html", doc("".join(h), css), "month"


DEV_LATER_4 = [
    ("address-block-en", address_block_en, ["GB", "US"], ["lo-pdf"]),
    ("fr-adresse", fr_adresse, ["FR"], ["chromium-pdf"]),
    ("de-anschrift", de_anschrift, ["DE"], ["lo-docx"]),
    ("es-icons-inline", es_icons_inline, ["ES"], ["chromium-pdf"]),
]


# --- sixth round: Europass, places only in the jobs, contact at the foot ---

EUROPASS_LABELS = {
    "en": dict(personal="PERSONAL INFORMATION", address="Address", phone="Telephone", email="E-mail",
               nationality="Nationality", work="WORK EXPERIENCE", dates="Dates", employer="Name of employer",
               position="Occupation or position held", education="EDUCATION AND TRAINING", title="Title of qualification awarded",
               org="Organisation providing education", skills="PERSONAL SKILLS", mother="Mother tongue(s)",
               other="Other language(s)", digital="Digital skills", certs="Certificates"),
    "fr": dict(personal="INFORMATIONS PERSONNELLES", address="Adresse", phone="Téléphone", email="Courriel",
               nationality="Nationalité", work="EXPÉRIENCE PROFESSIONNELLE", dates="Dates", employer="Nom de l'employeur",
               position="Fonction ou poste occupé", education="ÉDUCATION ET FORMATION", title="Intitulé du titre délivré",
               org="Organisme de formation", skills="COMPÉTENCES PERSONNELLES", mother="Langue(s) maternelle(s)",
               other="Autre(s) langue(s)", digital="Compétences numériques", certs="Certificats"),
    "es": dict(personal="INFORMACIÓN PERSONAL", address="Dirección", phone="Teléfono", email="Correo electrónico",
               nationality="Nacionalidad", work="EXPERIENCIA PROFESIONAL", dates="Fechas", employer="Nombre del empleador",
               position="Profesión o cargo desempeñado", education="EDUCACIÓN Y FORMACIÓN", title="Título de la cualificación obtenida",
               org="Organización que imparte la educación", skills="COMPETENCIAS PERSONALES", mother="Lengua(s) materna(s)",
               other="Otro(s) idioma(s)", digital="Competencias digitales", certs="Certificados"),
}
NATIONALITY = {"FR": {"fr": "française"}, "ES": {"es": "española"}, "GB": {"en": "British"}}
CEFR = {"Native or bilingual": "C2", "Full professional": "C1", "Professional working": "B2",
        "Limited working": "B1", "Elementary": "A2"}


def europass(p):
    """The Europass CV: a column of labels and one of values, the name in
    the values; jobs as Dates / employer / position rows; languages as a
    mother tongue and others with CEFR levels; certificates among the
    skills."""
    lang = {"FR": "fr", "ES": "es"}.get(p["country"], "en")
    L = EUROPASS_LABELS[lang]
    rows = []

    def head(text):
        rows.append(f"<tr><td class=h>{E(text)}</td><td class=rule></td></tr>")

    def row(label, value):
        rows.append(f"<tr><td class=l>{E(label)}</td><td>{value}</td></tr>")

    head(L["personal"])
    row("", f"<b style='font-size:14pt'>{E(p['name'])}</b>")
    row(L["address"], E(address(p)))
    row(L["phone"], E(p["phone_written"]))
    row(L["email"], E(p["email"]))
    if p["country"] in NATIONALITY:
        row(L["nationality"], E(NATIONALITY[p["country"]][lang]))
    row("", f"<b>{E(p['title'])}</b>")
    head(L["work"])
    for e in p["experiences"]:
        row(L["dates"], span(e, lang, "num", " – "))
        row(L["position"], E(e["title"]))
        row(L["employer"], E(e["company"]))
    head(L["education"])
    for ed in p["education"]:
        row(L["dates"], str(ed["year"]))
        row(L["title"], E(ed["degree"]))
        row(L["org"], E(ed["school"]))
    head(L["skills"])
    mother = [l for l in p["languages"] if l["level"] == "Native or bilingual"]
    others = [l for l in p["languages"] if l["level"] != "Native or bilingual"]
    row(L["mother"], ", ".join(lang_name(l["name"], lang) for l in mother))
    for l in others:
        row(L["other"], f"{lang_name(l['name'], lang)} {CEFR[l['level']]}")
    row(L["digital"], E(", ".join(p["skills"])))
    if p["certifications"]:
        row(L["certs"], "<br>".join(E(c) for c in p["certifications"]))
    css = """table { width: 100%; border-collapse: collapse; } td { vertical-align: top; padding: 1pt 4pt; }
.l { width: 38%; text-align: right; color: #1f3864; font-size: 9.5pt; } .h { text-align: right; color: #1f3864; font-weight: bold; padding-top: 8pt; }
.rule { border-bottom: 1px solid #1f3864; }"""
    return "html", doc(f"<table>{''.join(rows)}</table>", css), "month-cefr"


def places_in_jobs(p):
    """No place in the header: e-mail and phone only; each job says where it
    was ("Employer — City, Country"), the current one first."""
    country = {"GB": "UK", "US": "USA", "IN": "India"}[p["country"]]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}</p>", f"<p>{E(p['email'])} · {E(p['phone_written'])}</p>",
         "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])} — {E(p['city_written'])}, {country}</b><br>{E(e['title'])}<br>{span(e, 'en', 'long', ' – ')}</p>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])} — {E(ed['school'])}, {ed['year']}</p>")
    h.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def contact_at_foot(p):
    """A designed one-pager: the name in two lines of large type, the
    headline, the body, and the contact details at the foot of the page."""
    h = [f"<p class=n>{E(p['first'].upper())}<br>{E(p['last'].upper())}</p>", f"<p class=t>{E(p['title'])}</p>",
         f"<h2>About me</h2><p>{E(summary(p))}</p><h2>Career</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> · {E(e['company'])}<br>{span(e, 'en', 'short', ' — ')}</p>")
    h.append("<h2>Studies</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['school'])}<br>{E(ed['degree'])}, {ed['year']}</p>")
    h.append("<h2>Toolbox</h2><p>" + E(" / ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certified</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><p>" + " · ".join(f"{lang_name(l['name'], 'en')} — {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    h.append(f"<div class=foot>{E(p['city_written'])} &nbsp;·&nbsp; {E(p['phone_written'])} &nbsp;·&nbsp; {E(p['email'])}</div>")
    css = """.n { font-size: 30pt; line-height: 1.0; font-weight: bold; margin: 0; letter-spacing: 2pt; } .t { font-size: 13pt; color: #777; }
h2 { font-size: 11pt; text-transform: uppercase; color: #c60; } .foot { margin-top: 12mm; border-top: 1px solid #ccc; padding-top: 3mm; font-size: 9pt; }"""
    return "html", doc("".join(h), css), "month"


DEV_LATER_5 = [
    ("europass", europass, ["FR", "ES", "GB"], ["lo-pdf"]),
    ("places-in-jobs", places_in_jobs, ["GB", "US", "IN"], ["chromium-pdf"]),
    ("contact-at-foot", contact_at_foot, ["US", "GB", "DE"], ["chromium-pdf"]),
]


# --- seventh round: word-processor documents (ODT → DOCX/PDF): page
# headers, text frames, hyperlinks behind words ---

X = html.escape


def fodt(header, frame, body, footer="", frame_x="13.8cm"):
    """A flat ODT document: the header and footer of every page, a text
    frame anchored on page one (a sidebar), and the body paragraphs; each
    item is (style, xml)."""
    def paras(items):
        return "".join(
            f'<text:h text:style-name="H1" text:outline-level="1">{x}</text:h>' if s == "h"
            else f'<text:p text:style-name="{s}">{x}</text:p>' for s, x in items)
    frame_xml = ""
    if frame:
        frame_xml = (f'<draw:frame draw:style-name="fr1" draw:name="Sidebar" text:anchor-type="page" text:anchor-page-number="1" '
                     f'svg:x="{frame_x}" svg:y="4.2cm" svg:width="5.6cm" draw:z-index="0"><draw:text-box fo:min-height="8cm">'
                     f'{paras(frame)}</draw:text-box></draw:frame>')
    first, rest = body[0], body[1:]
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="10pt" style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'"/></style:style>
  <style:style style:name="H1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold" fo:color="#1f4e79"/></style:style>
  <style:style style:name="Big" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8.5pt" fo:color="#555555"/></style:style>
  <style:style style:name="B" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="12pt" fo:color="#444444"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="0.8cm" fo:margin-bottom="1cm" fo:margin-left="1.8cm" fo:margin-right="{'7.6cm' if frame else '1.8cm'}"/><style:header-style><style:header-footer-properties fo:min-height="2.4cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style></style:page-layout>
  <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="from-top" style:horizontal-pos="from-left" style:horizontal-rel="page" style:vertical-rel="page" fo:background-color="#eef2f6" fo:padding="0.25cm" fo:border="none"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header>{paras(header)}</style:header>
   <style:footer>{paras(footer) if footer else '<text:p text:style-name="Small">Page <text:page-number>1</text:page-number></text:p>'}</style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p text:style-name="{first[0]}">{frame_xml}{first[1]}</text:p>{paras(rest)}
 </office:text></office:body>
</office:document>
'''


def link(url, text):
    return f'<text:a xlink:type="simple" xlink:href="https://{X(url)}">{X(text)}</text:a>'


def word_header_sidebar(p):
    """A word-processor template: the name and contacts in the page header
    (repeated on every page), skills, languages and links (words linked to
    their addresses: "LinkedIn", "GitHub") in a text frame beside the body."""
    links = [link(l, "LinkedIn" if "linkedin" in l else "GitHub") for l in p["links"]]
    header = [("Big", X(p["name"])), ("Standard", f"{X(p['email'])} | {X(p['phone_written'])} | {X(p['city_written'])}")]
    frame = [("h", "Skills")] + [("Standard", X(s)) for s in p["skills"]]
    frame += [("h", "Languages")] + [("Standard", f"{X(lang_name(l['name'], 'en'))} ({X(level(l['level'], 'en'))})") for l in p["languages"]]
    if links:
        frame += [("h", "Links")] + [("Standard", x) for x in links]
    body = [("B", X(p["title"])), ("Standard", X(summary(p))), ("h", "Experience")]
    for e in p["experiences"]:
        body += [("B", f"{X(e['title'])}, {X(e['company'])}"), ("Standard", span(e, "en", "short", " – "))]
        body += [("Standard", "• " + X(b)) for b in bullets(p)[:2]]
    body.append(("h", "Education"))
    body += [("Standard", f"{X(ed['degree'])}, {X(ed['school'])} ({ed['year']})") for ed in p["education"]]
    if p["certifications"]:
        body.append(("h", "Certifications"))
        body += [("Standard", X(c)) for c in p["certifications"]]
    return "fodt", fodt(header, frame, body), "month"


def word_letterhead(p):
    """A word-processor CV with the whole contact block in the page header
    and a footer that repeats the name; one column; a profile link behind
    the person's name in the header."""
    lang = {"FR": "fr", "DE": "de", "ES": "es"}.get(p["country"], "en")
    heads = {"en": ("Experience", "Education", "Skills", "Languages", "Certifications"),
             "fr": ("Expérience professionnelle", "Formation", "Compétences", "Langues", "Certifications"),
             "de": ("Berufserfahrung", "Ausbildung", "Kenntnisse", "Sprachen", "Zertifikate"),
             "es": ("Experiencia profesional", "Formación", "Habilidades", "Idiomas", "Certificaciones")}[lang]
    name = X(p["name"])
    linked = [l for l in p["links"] if "linkedin" in l]
    if linked:
        name = link(linked[0], p["name"])
    header = [("Big", name), ("Standard", f"{X(p['title'])} — {X(p['city_written'])}"),
              ("Small", f"{X(p['phone_written'])} · {X(p['email'])}")]
    footer = [("Small", f"{X(p['name'])} — CV")]
    body = [("h", heads[0])]
    for e in p["experiences"]:
        body += [("B", f"{span(e, lang, 'num', ' – ')}  {X(e['title'])}"), ("Standard", X(e["company"]))]
    body.append(("h", heads[1]))
    body += [("Standard", f"{ed['year']}  {X(ed['degree'])} — {X(ed['school'])}") for ed in p["education"]]
    body += [("h", heads[2]), ("Standard", X(", ".join(p["skills"])))]
    body += [("h", heads[3]), ("Standard", ", ".join(f"{X(lang_name(l['name'], lang))} ({X(level(l['level'], lang))})" for l in p["languages"]))]
    if p["certifications"]:
        body.append(("h", heads[4]))
        body += [("Standard", X(c)) for c in p["certifications"]]
    return "fodt", fodt(header, [], body, footer), "month"


DEV_LATER_6 = [
    ("word-header-sidebar", word_header_sidebar, ["GB", "US", "IN"], ["lo-docx", "lo-pdf"]),
    ("word-letterhead", word_letterhead, ["FR", "DE", "ES", "US"], ["lo-docx", "lo-pdf"]),
]


# --- eighth round: typography — letter-spaced capitals, justified text,
# skills in newspaper columns, dates after dot leaders ---

def spaced_caps(p):
    """A modern template: the name and every heading in letter-spaced
    capitals, justified paragraphs, skills flowing in three CSS columns."""
    heads = ("Profile", "Experience", "Education", "Skills", "Certifications", "Languages")
    h = [f"<h1>{E(p['name'])}</h1><p class=t>{E(p['title'])}</p>",
         f"<p class=c>{E(p['city_written'])} &nbsp;&nbsp; {E(p['phone_written'])} &nbsp;&nbsp; {E(p['email'])}</p>",
         f"<h2>{heads[0]}</h2><p class=j>{E(summary(p))} {E(bullets(p)[2])}.</p>", f"<h2>{heads[1]}</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b>, {E(e['company'])}<br><span class=d>{span(e, 'en', 'short', ' — ')}</span></p>")
        h.append(f"<p class=j>{E(bullets(p)[0])}; {E(bullets(p)[1].lower())}.</p>")
    h.append(f"<h2>{heads[2]}</h2>")
    for ed in p["education"]:
        h.append(f"<p><b>{E(ed['degree'])}</b>, {E(ed['school'])}, {ed['year']}</p>")
    h.append(f"<h2>{heads[3]}</h2><ul class=cols>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>")
    if p["certifications"]:
        h.append(f"<h2>{heads[4]}</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append(f"<h2>{heads[5]}</h2><p>" + " · ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    css = """h1 { letter-spacing: 6pt; text-transform: uppercase; font-size: 22pt; font-weight: 300; margin-bottom: 2pt; }
h2 { letter-spacing: 4pt; text-transform: uppercase; font-size: 10.5pt; border-bottom: 1px solid #999; margin-top: 12pt; }
.t { letter-spacing: 2pt; text-transform: uppercase; color: #666; } .c { font-size: 9.5pt; } .j { text-align: justify; } .d { color: #777; }
.cols { column-count: 3; list-style: none; padding: 0; }"""
    return "html", doc("".join(h), css), "month"


def leader_dots(p):
    """A classic Word-style CV: small caps headings, each job a line of
    employer and title with its dates after a row of leader dots, the
    contact details split over two right-aligned lines."""
    h = [f"<table width=100%><tr><td><span style='font-size:20pt; font-variant: small-caps'>{E(p['name'])}</span><br>{E(p['title'])}</td>"
         f"<td align=right>{E(p['email'])}<br>{E(p['phone_written'])}<br>{E(p['city_written'])}</td></tr></table>"]
    h.append("<h3>Professional Experience</h3>")
    for e in p["experiences"]:
        h.append(f"<p class=l><span>{E(e['company'])} — {E(e['title'])}</span><span class=f></span><span>{span(e, 'en', 'num', ' – ')}</span></p>")
        h.append(f"<p class=b>{E(bullets(p)[0])}</p>")
    h.append("<h3>Education</h3>")
    for ed in p["education"]:
        h.append(f"<p class=l><span>{E(ed['school'])}, {E(ed['degree'])}</span><span class=f></span><span>{ed['year']}</span></p>")
    h.append("<h3>Skills</h3><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h3>Certifications</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h3>Languages</h3><p>" + ", ".join(f"{lang_name(l['name'], 'en')}: {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    css = """h3 { font-variant: small-caps; font-size: 13pt; margin-bottom: 2pt; }
.l { display: flex; margin: 3pt 0 0 0; } .f { flex: 1; border-bottom: 1.5px dotted #555; margin: 0 4pt 4pt 4pt; } .b { margin: 1pt 0 4pt 12pt; color: #333; }"""
    return "html", doc("".join(h), css), "month"


DEV_LATER_7 = [
    ("spaced-caps", spaced_caps, ["US", "GB", "FR", "DE"], ["chromium-pdf", "lo-pdf"]),
    ("leader-dots", leader_dots, ["GB", "US", "IN"], ["chromium-pdf"]),
]


# --- ninth round: skills matrices, dated side sections, Word title styles ---

def skills_matrix(p):
    """Skills as a matrix of skill, years and level; projects and
    volunteering with dates of their own after the experience; references
    on request."""
    h = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])} | {E(p['email'])} | {E(p['phone_written'])} | {E(p['city_written'])}</p>",
         "<h2>Objective</h2><p>To contribute my experience to a team that values quality and ownership.</p>",
         "<h2>Technical Skills</h2><table border=1 cellpadding=3><tr><th>Skill</th><th>Years</th><th>Level</th></tr>"]
    for k, s_ in enumerate(p["skills"]):
        h.append(f"<tr><td>{E(s_)}</td><td>{2 + k % 6}</td><td>{['Expert', 'Advanced', 'Intermediate'][k % 3]}</td></tr>")
    h.append("</table><h2>Work History</h2>")
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> — {E(e['company'])}, {span(e, 'en', 'short', ' - ')}</p>")
    h.append("<h2>Projects</h2><p>Open-source contributor — data pipeline toolkit (2021 - 2022)</p><p>Hackathon winner — city mobility app (2019)</p>")
    h.append("<h2>Volunteering</h2><p>Mentor, Code Club — Jan 2018 - Dec 2020</p>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p>{E(ed['degree'])} — {E(ed['school'])} ({ed['year'] - 3} - {ed['year']})</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} - {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    h.append("<h2>References</h2><p>Available on request.</p>")
    return "html", doc("".join(h)), "month"


def word_title_styles(p):
    """A word-processor CV whose name is in the Title style and whose
    headline and contacts are in the Subtitle style; core competencies in a
    three-column table without borders; experience with a one-line summary
    of each employer in italics."""
    name = [("Title", X(p["name"])), ("Subtitle", X(p["title"])),
            ("Subtitle", f"{X(p['city_written'])} • {X(p['phone_written'])} • {X(p['email'])}")]
    body = name + [("h", "Core Competencies")]
    skills = p["skills"]
    for k in range(0, len(skills), 3):
        body.append(("Standard", "   •   ".join(X(s_) for s_ in skills[k:k + 3])))
    body.append(("h", "Professional Experience"))
    for e in p["experiences"]:
        body += [("B", f"{X(e['company'])}, {X(p['city_written'])}"),
                 ("Small", f"A leading company in its sector."),
                 ("Standard", f"{X(e['title'])} ({span(e, 'en', 'long', ' to ')})")]
    body.append(("h", "Education"))
    body += [("Standard", f"{X(ed['school'])} — {X(ed['degree'])}, {ed['year']}") for ed in p["education"]]
    if p["certifications"]:
        body.append(("h", "Licenses and Certifications"))
        body += [("Standard", X(c)) for c in p["certifications"]]
    body.append(("h", "Languages"))
    body.append(("Standard", ", ".join(f"{X(lang_name(l['name'], 'en'))} ({X(level(l['level'], 'en'))})" for l in p["languages"])))
    return "fodt", fodt([("Small", "")], [], body, [("Small", "")]), "month"


DEV_LATER_8 = [
    ("skills-matrix", skills_matrix, ["US", "GB", "IN"], ["lo-docx", "chromium-pdf"]),
    ("word-title-styles", word_title_styles, ["GB", "US", "FR", "DE"], ["lo-docx", "lo-pdf"]),
]


# --- tenth round: what comes with a CV — a cover letter first, a rotated
# label, bilingual headings ---

def letter_then_cv(p):
    """A cover letter on the first page (addressed to a named person at the
    company, signed with the candidate's name), the CV on the second."""
    e0 = p["experiences"][0]
    letter = [f"<p>{E(p['name'])}<br>{E(p['email'])}<br>{E(p['phone_written'])}</p>",
              "<p>Ms Jane Doe<br>Head of Talent<br>Northwind Traders<br>10 Market Street</p>",
              "<p>Dear Ms Doe,</p>",
              f"<p>I am writing to apply for the position advertised on your website. In my current role at {E(e0['company'])} "
              f"I have worked with {E(p['skills'][0])} and {E(p['skills'][1])} every day, and I would welcome the chance to bring that experience to your team.</p>",
              "<p>I look forward to hearing from you.</p><p>Yours sincerely,</p>", f"<p>{E(p['name'])}</p>"]
    cv = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])} · {E(p['city_written'])} · {E(p['email'])} · {E(p['phone_written'])}</p>",
          "<h2>Experience</h2>"]
    for e in p["experiences"]:
        cv.append(f"<p><b>{E(e['title'])}</b>, {E(e['company'])} — {span(e, 'en', 'short', ' – ')}</p>")
    cv.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    cv.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        cv.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    cv.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    body = "".join(letter) + "<div style='page-break-before: always'></div>" + "".join(cv)
    return "html", doc(body), "month"


def rotated_label(p):
    """A designer's page: "RÉSUMÉ" written up the left edge, rotated; the
    name large; contacts in a band; skills as tags."""
    h = ["<div class=rot>RÉSUMÉ · PORTFOLIO</div><div class=main>",
         f"<h1>{E(p['name'])}</h1><p class=t>{E(p['title'])}</p>",
         f"<p class=band>{E(p['email'])} &nbsp;/&nbsp; {E(p['phone_written'])} &nbsp;/&nbsp; {E(p['city_written'])}</p>",
         "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> — {E(e['title'])}<br>{span(e, 'en', 'long', ' – ')}</p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['school'])} · {E(ed['degree'])} · {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + " ".join(f"<span class=tag>{E(s_)}</span>" for s_ in p["skills"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p></div>")
    css = """.rot { position: absolute; left: -40mm; top: 80mm; transform: rotate(-90deg); font-size: 26pt; letter-spacing: 4pt; color: #ccc; width: 100mm; }
.main { margin-left: 22mm; } h1 { font-size: 26pt; margin-bottom: 0; } .t { font-size: 13pt; color: #555; }
.band { background: #222; color: #fff; padding: 2mm; } .tag { border: 1px solid #999; border-radius: 3pt; padding: 1pt 4pt; margin-right: 3pt; }"""
    return "html", doc("".join(h), css), "month"


def bilingual_headings(p):
    """A CV for two markets: every heading in two languages ("Expérience
    professionnelle / Professional experience"), dates in French."""
    heads = [("Profil", "Profile"), ("Expérience professionnelle", "Professional experience"), ("Formation", "Education"),
             ("Compétences", "Skills"), ("Certifications", "Certifications"), ("Langues", "Languages")]
    hd = lambda k: f"<h2>{heads[k][0]} / {heads[k][1]}</h2>"
    h = [f"<p style='font-size:20pt'><b>{E(p['name'])}</b></p><p>{E(p['title'])}</p>",
         f"<p>{E(p['email'])} – {E(p['phone_written'])} – {E(p['city_written'])}</p>", hd(0), f"<p>{E(summary(p, 'fr'))}</p>", hd(1)]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> – {E(e['company'])}<br>{span(e, 'fr', 'short', ' – ')}</p>")
    h.append(hd(2) + "".join(f"<p>{E(ed['degree'])} – {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append(hd(3) + "<p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append(hd(4) + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append(hd(5) + "<p>" + ", ".join(f"{lang_name(l['name'], 'fr')} : {level(l['level'], 'fr')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_9 = [
    ("letter-then-cv", letter_then_cv, ["GB", "US"], ["chromium-pdf"]),
    ("rotated-label", rotated_label, ["US", "GB", "IN"], ["chromium-pdf"]),
    ("bilingual-headings", bilingual_headings, ["FR"], ["lo-docx"]),
]


# --- eleventh round: where people say they live (and where they were born),
# personal details with a driving licence, courses apart from certifications,
# LinkedIn's licences with issuer and credential lines, a headline of tags ---

BIRTHPLACES = {"FR": ["Nantes", "Rennes", "Grenoble"], "DE": ["Leipzig", "Dresden", "Hannover"],
               "ES": ["Zaragoza", "Granada", "Murcia"], "GB": ["Cardiff", "Belfast"], "US": ["Phoenix"],
               "IN": ["Jaipur", "Lucknow"]}
COUNTRY_NAMES = {"FR": "France", "DE": "Germany", "ES": "Spain", "GB": "United Kingdom", "US": "United States",
                 "IN": "India"}


def birthplace(p):
    """A town other than where the person lives: a birthplace is no location."""
    towns = [t for t in BIRTHPLACES[p["country"]] if t != p["city"]]
    return towns[p["n"] % len(towns)]


def personal_details_en(p):
    """A CV with a 'Personal details' table as British and Indian CVs have
    it: date and place of birth (another town), nationality, a driving
    licence, marital status; the town lived in as 'Current location';
    experience as 'Month YYYY to Month YYYY: title, employer'."""
    nationality = {"GB": "British", "IN": "Indian"}.get(p["country"], "—")
    h = [f"<h1>{E(p['name'])}</h1><p><b>{E(p['title'])}</b> · {E(p['email'])} · {E(p['phone_written'])}</p>",
         "<h2>PERSONAL DETAILS</h2><table>",
         f"<tr><td>Date of birth</td><td>14/05/{1985 + p['n'] % 10}</td></tr>",
         f"<tr><td>Place of birth</td><td>{E(birthplace(p))}</td></tr>",
         f"<tr><td>Nationality</td><td>{nationality}</td></tr>",
         "<tr><td>Driving licence</td><td>Full, clean</td></tr>",
         "<tr><td>Marital status</td><td>Married</td></tr>",
         f"<tr><td>Current location</td><td>{E(p['city_written'])}</td></tr></table>",
         "<h2>WORK HISTORY</h2>"]
    for e in p["experiences"]:
        end = month(e["end"], "en", "long") if e["end"] else "date"
        h.append(f"<p>{month(e['start'], 'en', 'long')} to {end}: <b>{E(e['title'])}</b>, {E(e['company'])}</p>")
    h.append("<h2>EDUCATION</h2>" + "".join(f"<p>{ed['year']} – {E(ed['degree'])}, {E(ed['school'])}</p>" for ed in p["education"]))
    h.append("<h2>KEY SKILLS</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>CERTIFICATIONS</h2>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<h2>LANGUAGES KNOWN</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    h.append("<h2>HOBBIES</h2><p>Running, photography, volunteering</p>")
    h.append(f"<p>Declaration: I hereby declare that the above information is true to the best of my knowledge.<br>Place: {E(p['city_written'])}</p>")
    return "html", doc("".join(h), "h2 { font-size: 11pt; color: #1a4d7a; }"), "month"


def es_datos_personales(p):
    """A Spanish CV for Word: 'Datos personales' with birth date and place,
    residence and driving licence; jobs as 'Empresa (ciudad) | puesto |
    fechas'; certifications with the year they were issued."""
    h = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])}</p>", "<h2>Datos personales</h2><table>",
         f"<tr><td>Fecha de nacimiento:</td><td>03/07/{1984 + p['n'] % 11}</td></tr>",
         f"<tr><td>Lugar de nacimiento:</td><td>{E(birthplace(p))}</td></tr>",
         f"<tr><td>Residencia:</td><td>{E(p['city_written'])}</td></tr>",
         "<tr><td>Carné de conducir:</td><td>B</td></tr>",
         f"<tr><td>Teléfono:</td><td>{E(p['phone_written'])}</td></tr>",
         f"<tr><td>Email:</td><td>{E(p['email'])}</td></tr></table>", "<h2>Experiencia profesional</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> ({E(p['city_written'])}) | {E(e['title'])} | {span(e, 'es', 'short', ' – ')}</p>")
    h.append("<h2>Formación académica</h2>" + "".join(f"<p>{E(ed['degree'])} – {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append("<h2>Habilidades</h2><p>" + E(" · ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certificaciones</h2>" + "".join(f"<p>{E(c)} (expedido en {2020 + i})</p>" for i, c in enumerate(p["certifications"])))
    h.append("<h2>Idiomas</h2><p>" + "; ".join(f"{lang_name(l['name'], 'es')}: {level(l['level'], 'es')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def greater_area(p):
    """Where LinkedIn says a member lives: a metro area or a city with its
    region and country."""
    if p["country"] == "IN":
        return f"{p['city_written']}, India"
    if p["country"] == "GB":
        return f"{p['city_written']}, England, United Kingdom" if p["city"] not in ("Edinburgh", "Glasgow") \
            else f"{p['city_written']}, Scotland, United Kingdom"
    return f"Greater {p['city_written']} Area"


def linkedin_licenses(p):
    """A profile saved from LinkedIn: headline 'title at employer', a metro
    area, 'Licenses & certifications' with issuer, issue and expiry dates and
    a credential id under each."""
    e0 = p["experiences"][0]
    h = [f"<h1>{E(p['name'])}</h1><p>{E(p['title'])} at {E(e0['company'])}</p><p class=g>{E(greater_area(p))}</p>",
         f"<p>Contact: {E(p['email'])}</p>", "<h2>About</h2>", f"<p>{E(summary(p))}</p>", "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b><br>{E(e['company'])} · Full-time<br><span class=g>{span(e, 'en', 'short', ' - ')}</span>"
                 f"<br><span class=g>{E(greater_area(p))}</span></p>")
    h.append("<h2>Education</h2>" + "".join(f"<p><b>{E(ed['school'])}</b><br>{E(ed['degree'])}<br><span class=g>{ed['year'] - 4} - {ed['year']}</span></p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<h2>Licenses &amp; certifications</h2>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<p><b>{E(c)}</b><br>{E(issuer(c))}<br><span class=g>Issued Mar {2021 + i} · Expires Mar {2024 + i}</span>"
                     f"<br><span class=g>Credential ID {p['n']:03d}-{i}XK7</span></p>")
    h.append("<h2>Skills</h2>" + "".join(f"<p>{E(s_)}</p>" for s_ in p["skills"]))
    h.append("<h2>Languages</h2>" + "".join(f"<p>{lang_name(l['name'], 'en')}<br><span class=g>{level(l['level'], 'en')} proficiency</span></p>" for l in p["languages"]))
    css = ".g { color: #666; } h2 { font-size: 13pt; margin-top: 8mm; }"
    return "html", doc("".join(h), css), "month"


def headline_tags(p):
    """A one-pager whose headline is the title then tags ('Data Engineer |
    Spark | Airflow | 6+ years'); the place after a pin with its country;
    online courses apart from certifications."""
    years = 2026 - int(p["experiences"][-1]["start"][:4])
    h = [f"<h1>{E(p['name'])}</h1>",
         f"<p class=h>{E(p['title'])} | {E(p['skills'][0])} | {E(p['skills'][1])} | {years}+ years</p>",
         f"<p>📍 {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]} · {E(p['email'])} · {E(p['phone_written'])}</p>",
         "<h2>Work Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> | {E(e['company'])} | {span(e, 'en', 'num', ' - ')}</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])} | {E(ed['school'])} | {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + E(" | ".join(p["skills"])) + "</p>")
    h.append("<h2>Courses</h2><ul><li>Coursera – Machine Learning (Stanford Online)</li>"
             "<li>Udemy – Docker Mastery: with Kubernetes</li><li>LinkedIn Learning – Time Management Fundamentals</li></ul>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h2>Languages</h2><p>" + " | ".join(f"{lang_name(l['name'], 'en')} – {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h), ".h { font-size: 12pt; color: #345; } h2 { font-size: 12pt; }"), "month"


def de_kurse(p):
    """A German Lebenslauf: details in a table with Wohnort and Geburtsort,
    a driving licence; 'Weiterbildung' (courses) apart from 'Zertifikate';
    closed with place, date and name."""
    h = ["<h1>Lebenslauf</h1>", f"<p style='font-size:16pt'><b>{E(p['name'])}</b></p><p>{E(p['title'])}</p><table>",
         f"<tr><td>Wohnort:</td><td>{E(p['city_written'])}</td></tr>",
         f"<tr><td>Geburtsdatum / -ort:</td><td>21.09.{1983 + p['n'] % 12} in {E(birthplace(p))}</td></tr>",
         "<tr><td>Führerschein:</td><td>Klasse B</td></tr>",
         f"<tr><td>Mobil:</td><td>{E(p['phone_written'])}</td></tr>",
         f"<tr><td>E-Mail:</td><td>{E(p['email'])}</td></tr></table>", "<h2>Beruflicher Werdegang</h2><table>"]
    for e in p["experiences"]:
        h.append(f"<tr><td valign=top>{span(e, 'de', 'num', ' – ')}</td><td>{E(e['title'])}, {E(e['company'])}</td></tr>")
    h.append("</table><h2>Ausbildung</h2><table>" + "".join(f"<tr><td>{ed['year']}</td><td>{E(ed['degree'])}, {E(ed['school'])}</td></tr>" for ed in p["education"]) + "</table>")
    h.append("<h2>Weiterbildung</h2><table><tr><td>2023</td><td>Seminar Zeitmanagement und Selbstorganisation (IHK, 2 Tage)</td></tr>"
             "<tr><td>2022</td><td>Kurs: Agiles Arbeiten im Team (Online, 16 Stunden)</td></tr></table>")
    if p["certifications"]:
        h.append("<h2>Zertifikate</h2><table>" + "".join(f"<tr><td>{2020 + i}</td><td>{E(c)}</td></tr>" for i, c in enumerate(p["certifications"])) + "</table>")
    h.append("<h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><p>" + ", ".join(f"{lang_name(l['name'], 'de')} ({level(l['level'], 'de')})" for l in p["languages"]) + "</p>")
    h.append(f"<p style='margin-top:10mm'>{E(p['city_written'])}, den 12.03.2026<br>{E(p['name'])}</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_10 = [
    ("personal-details-en", personal_details_en, ["GB", "IN"], ["lo-pdf"]),
    ("es-datos-personales", es_datos_personales, ["ES"], ["lo-docx"]),
    ("linkedin-licenses", linkedin_licenses, ["US", "GB", "IN"], ["chromium-pdf"]),
    ("headline-tags", headline_tags, ["IN", "US", "GB"], ["lo-pdf"]),
    ("de-kurse", de_kurse, ["DE"], ["lo-docx"]),
]


# --- twelfth round: certifications as tables, labelled lines, sentences and
# with their validity; places beside places a person would move to; titles
# with a tagline, a label or spaced capitals ---

def cert_table_columns(p):
    """A Word CV with a header table (name and title left; town, phone and
    e-mail right), the title followed by a tagline, and certifications as
    a table with Issuer and Year columns under a header row."""
    h = ["<table width=100%><tr>",
         f"<td><p style='font-size:20pt'><b>{E(p['name'])}</b></p><p>{E(p['title'])} — building reliable things with good people</p></td>",
         f"<td align=right>{E(p['city_written'])}, {COUNTRY_NAMES[p['country']]}<br>{E(p['phone_written'])}<br>{E(p['email'])}</td>",
         "</tr></table>", "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> · {E(e['company'])} · {span(e, 'en', 'short', ' – ')}</p>")
        h.append(f"<ul><li>{E(bullets(p)[0])}</li></ul>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2><table border=1><tr><th>Certification</th><th>Issuer</th><th>Year</th></tr>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<tr><td>{E(c)}</td><td>{E(issuer(c))}</td><td>{2020 + i}</td></tr>")
        h.append("</table>")
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def certs_inline_skills(p):
    """An Indian CV with labelled details: Designation, Current Location and
    Preferred Locations (other towns), and a skills section whose last line
    is 'Certifications: A; B'."""
    others = [c for c in ["Bangalore", "Hyderabad", "Chennai", "Pune", "Mumbai"] if c != p["city"]][:2]
    h = [f"<p style='text-align:center'><b>{E(p['name'].upper())}</b></p>",
         f"<p>Designation: {E(p['title'])}<br>Current Location: {E(p['city_written'])}<br>"
         f"Preferred Locations: {', '.join(others)}<br>Mobile: {E(p['phone_written'])}<br>Email: {E(p['email'])}</p>",
         "<p><b>PROFILE SUMMARY</b></p>", f"<p>{E(summary(p))}</p>", "<p><b>WORK EXPERIENCE</b></p>"]
    for e in p["experiences"]:
        h.append(f"<p>{E(e['company'])} | {E(e['title'])} | {span(e, 'en', 'short', ' to ')}</p>")
    h.append("<p><b>EDUCATION</b></p>" + "".join(f"<p>{E(ed['degree'])} – {E(ed['school'])} – {ed['year']}</p>" for ed in p["education"]))
    h.append("<p><b>SKILLS</b></p>" + f"<p>Technical: {E(', '.join(p['skills'][:3]))}</p><p>Tools: {E(', '.join(p['skills'][3:]))}</p>")
    if p["certifications"]:
        h.append(f"<p>Certifications: {E('; '.join(p['certifications']))}</p>")
    h.append("<p><b>LANGUAGES KNOWN</b></p><p>" + ", ".join(lang_name(l['name'], 'en') for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month-nolevel"


def es_cert_sentence(p):
    """A Spanish CV whose title is set in spaced capitals and whose
    certifications are sentences under 'Formación complementaria'."""
    h = [f"<h1>{E(p['name'])}</h1><p style='letter-spacing:3pt'>{E(p['title'].upper())}</p>",
         f"<p>{E(p['city_written'])}, España · {E(p['phone_written'])} · {E(p['email'])}</p>", "<h2>Experiencia</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> en {E(e['company'])}<br>{span(e, 'es', 'short', ' – ')}</p>")
    h.append("<h2>Formación</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<h2>Formación complementaria</h2>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<p>Certificación {E(c)}, obtenida en {2020 + i}.</p>")
    h.append("<h2>Competencias</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Idiomas</h2><p>" + "; ".join(f"{lang_name(l['name'], 'es')}: {level(l['level'], 'es')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def de_cert_validity(p):
    """A German CV: 'Aktuelle Position' as a label, 'Standort' beside
    'Umzugsbereit' (towns one would move to), certifications with their
    validity and number in brackets."""
    others = [c for c in ["Berlin", "Hamburg", "München", "Köln"] if c != p["city_written"]][:2]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>Aktuelle Position: {E(p['title'])}</p>",
         f"<p>Standort: {E(p['city_written'])} · Umzugsbereit: {', '.join(others)}<br>{E(p['phone_written'])} · {E(p['email'])}</p>",
         "<h2>Berufserfahrung</h2>"]
    for e in p["experiences"]:
        h.append(f"<p>{span(e, 'de', 'num', ' – ')}: {E(e['title'])} bei {E(e['company'])}</p>")
    h.append("<h2>Ausbildung</h2>" + "".join(f"<p>{ed['year']}: {E(ed['degree'])}, {E(ed['school'])}</p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<h2>Zertifizierungen</h2><ul>" + "".join(
            f"<li>{E(c)} (gültig bis {2026 + i}, Nr. {40000 + p['n'] * 3 + i})</li>" for i, c in enumerate(p["certifications"])) + "</ul>")
    h.append("<h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><p>" + ", ".join(f"{lang_name(l['name'], 'de')} – {level(l['level'], 'de')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def us_grid_header(p):
    """A US résumé with a two-column header (name and title left; 'City, ST',
    phone and e-mail right-aligned), a one-line summary, and certifications
    with an acronym and a year in brackets on one line each."""
    state = {"San Francisco": "CA", "New York": "NY", "Austin": "TX", "Seattle": "WA", "Chicago": "IL",
             "Boston": "MA", "Denver": "CO"}.get(p["city"], "")
    place = f"{p['city_written']}, {state}" if state else p["city_written"]
    h = ["<div class=head><div>", f"<p class=n>{E(p['name'])}</p><p>{E(p['title'])}</p></div>",
         f"<div class=r>{E(place)}<br>{E(p['phone_written'])}<br>{E(p['email'])}</div></div>",
         f"<p><i>{E(summary(p))}</i></p>", "<h2>PROFESSIONAL EXPERIENCE</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b>, {E(place)}<br>{E(e['title'])}, {span(e, 'en', 'num', ' – ')}</p>")
    h.append("<h2>EDUCATION</h2>" + "".join(f"<p>{E(ed['school'])} — {E(ed['degree'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>SKILLS</h2><p>" + E(" | ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<h2>CERTIFICATIONS</h2>" + "".join(f"<p>{E(c)} ({2019 + i})</p>" for i, c in enumerate(p["certifications"])))
    h.append("<h2>LANGUAGES</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    css = """.head { display: grid; grid-template-columns: 1fr 70mm; } .n { font-size: 20pt; font-weight: bold; margin: 0; }
.r { text-align: right; }"""
    return "html", doc("".join(h), css), "month"


DEV_LATER_11 = [
    ("cert-table-columns", cert_table_columns, ["US"], ["lo-docx"]),
    ("certs-inline-skills", certs_inline_skills, ["IN"], ["chromium-pdf"]),
    ("es-cert-sentence", es_cert_sentence, ["ES"], ["lo-pdf"]),
    ("de-cert-validity", de_cert_validity, ["DE"], ["chromium-pdf"]),
    ("us-grid-header", us_grid_header, ["US"], ["chromium-pdf"]),
]


# --- thirteenth round: what sits beside certifications and is none (awards,
# memberships, courses, seminars, trainings, volunteering); places written
# with a full state name, a postcode, a region in brackets; phones with a
# trunk zero in brackets; a title said only in a profile sentence ---

US_STATES = {"San Francisco": "California", "New York": "New York", "Austin": "Texas", "Seattle": "Washington",
             "Chicago": "Illinois", "Boston": "Massachusetts", "Denver": "Colorado"}
IN_STATES = {"Bangalore": ("Karnataka", "560001"), "Pune": ("Maharashtra", "411001"),
             "Hyderabad": ("Telangana", "500001"), "Chennai": ("Tamil Nadu", "600001"),
             "Mumbai": ("Maharashtra", "400001"), "Noida": ("Uttar Pradesh", "201301")}
ES_REGIONS = {"Madrid": "Comunidad de Madrid", "Barcelona": "Cataluña", "Valencia": "Comunidad Valenciana",
              "Seville": "Andalucía", "Bilbao": "País Vasco", "Malaga": "Andalucía"}


def awards_memberships(p):
    """A US résumé: 'Seattle, Washington' under the name, the phone in
    brackets and dashes, a section 'Certifications & Awards' where awards
    stand among the certifications, and 'Professional Memberships'."""
    d = p["phone"][2:]
    p["phone_written"] = f"({d[:3]}) {d[3:6]}-{d[6:]}"
    h = [f"<h1 style='margin-bottom:0'>{E(p['name'])}</h1><p style='margin-top:2pt'>{E(p['title'])}</p>",
         f"<p>{E(p['city_written'])}, {US_STATES[p['city']]} &nbsp;•&nbsp; {E(p['phone_written'])} &nbsp;•&nbsp; {E(p['email'])}</p>",
         "<h2>Summary</h2>", f"<p>{E(summary(p))}</p>", "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> — {E(e['company'])}<br><i>{span(e, 'en', 'long', ' – ')}</i></p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])} — {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    awards = [f"President's Club, {p['experiences'][0]['company']} (2022)", "Employee of the Quarter, Q3 2021"]
    h.append("<h2>Certifications &amp; Awards</h2><ul>"
             + "".join(f"<li>{E(c)}</li>" for c in p["certifications"])
             + "".join(f"<li>{E(a)}</li>" for a in awards) + "</ul>")
    h.append("<h2>Professional Memberships</h2><ul><li>Member, Association for Computing Machinery (ACM)</li>"
             "<li>Volunteer mentor, Women Who Code</li></ul>")
    h.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def trainings_volunteering(p):
    """An Indian résumé: 'Pune, Maharashtra 411001', the phone with a
    dash, 'Trainings & Workshops' (courses, no certification) before
    'Certifications', and a 'Volunteer Experience' section of roles that
    are no employment."""
    state, pin = IN_STATES[p["city"]]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p><b>{E(p['title'])}</b></p>",
         f"<p>Address: {E(p['city_written'])}, {state} {pin}<br>Mobile: {E(p['phone_written'])}<br>E-mail: {E(p['email'])}</p>",
         "<h3>CAREER OBJECTIVE</h3>", f"<p>{E(summary(p))}</p>", "<h3>PROFESSIONAL EXPERIENCE</h3>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> — {E(e['title'])} ({span(e, 'en', 'short', ' to ', 'Till date')})</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)) + "</ul>")
    h.append("<h3>EDUCATIONAL QUALIFICATIONS</h3>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])} — {ed['year']}</p>" for ed in p["education"]))
    h.append("<h3>TECHNICAL SKILLS</h3><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h3>TRAININGS &amp; WORKSHOPS</h3><ul><li>Attended a 3-day workshop on Agile Scrum practices</li>"
             f"<li>Internal training: Effective Communication ({p['experiences'][0]['company']})</li>"
             "<li>NPTEL online course: Introduction to Machine Learning</li></ul>")
    if p["certifications"]:
        h.append("<h3>CERTIFICATIONS</h3><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h3>VOLUNTEER EXPERIENCE</h3><p>Teaching Volunteer — Teach For India (Jun 2016 – Dec 2017)</p>"
             "<p>Coordinator — National Service Scheme (2012 – 2014)</p>")
    h.append("<h3>LANGUAGES</h3><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def de_weiterbildung_seminare(p):
    """A German Word CV: 'Anschrift' with street and postcode, 'Mobil' with
    the trunk zero in brackets, and 'Weiterbildung' mixing seminars with
    'Zertifikat:' lines."""
    n = p["phone"][3:]
    p["phone_written"] = f"+49 (0){n[:3]} {n[3:]}"
    h = [f"<h1>Lebenslauf</h1><p><b>{E(p['name'])}</b></p>",
         "<table><tr><td>Anschrift:</td><td>" + E(address(p)) + "</td></tr>",
         f"<tr><td>Mobil:</td><td>{E(p['phone_written'])}</td></tr><tr><td>E-Mail:</td><td>{E(p['email'])}</td></tr>",
         f"<tr><td>Beruf:</td><td>{E(p['title'])}</td></tr></table>", "<h2>Berufserfahrung</h2>"]
    for e in p["experiences"]:
        h.append(f"<p>{span(e, 'de', 'num', ' – ')}<br><b>{E(e['title'])}</b>, {E(e['company'])}</p>")
    h.append("<h2>Ausbildung</h2>" + "".join(f"<p>{ed['year']} {E(ed['degree'])}, {E(ed['school'])}</p>" for ed in p["education"]))
    h.append("<h2>Weiterbildung</h2><ul><li>Seminar: Konfliktmanagement im Team (2 Tage, 2021)</li>"
             "<li>Workshop: Design Thinking Grundlagen (2020)</li>"
             + "".join(f"<li>Zertifikat: {E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><p>" + ", ".join(f"{lang_name(l['name'], 'de')} ({level(l['level'], 'de')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def es_perfil_cursos(p):
    """A Spanish CV without a title line: the title only in 'Perfil
    profesional', 'Residencia: Madrid (Comunidad de Madrid)', the phone as
    '(+34) 612 34 56 78', 'Cursos' apart from 'Certificaciones', and
    'Voluntariado'."""
    n = p["phone"][3:]
    p["phone_written"] = f"(+34) {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"
    h = [f"<h1>{E(p['name'])}</h1>",
         f"<p>Residencia: {E(p['city_written'])} ({ES_REGIONS[p['city']]})<br>Teléfono: {E(p['phone_written'])}<br>Correo: {E(p['email'])}</p>",
         "<h2>Perfil profesional</h2>", f"<p>{E(p['title'])} con experiencia en equipos multidisciplinares y orientación a resultados.</p>",
         "<h2>Experiencia profesional</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> | {E(e['title'])} | {span(e, 'es', 'short', ' - ')}</p>")
    h.append("<h2>Formación académica</h2>" + "".join(f"<p>{E(ed['degree'])} – {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append("<h2>Cursos</h2><ul><li>Curso de Liderazgo de Equipos (40 h), 2021</li><li>Taller de Comunicación Eficaz (12 h), 2019</li></ul>")
    if p["certifications"]:
        h.append("<h2>Certificaciones</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<h2>Voluntariado</h2><p>Voluntario en Cruz Roja Española (2015 – 2017)</p>")
    h.append("<h2>Habilidades</h2><p>" + E(" · ".join(p["skills"])) + "</p>")
    h.append("<h2>Idiomas</h2><p>" + ", ".join(f"{lang_name(l['name'], 'es')} ({level(l['level'], 'es')})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


def us_functional(p):
    """A US functional résumé: 'Areas of Expertise' and 'Selected
    Achievements' first, then 'Employment History' as one line a job
    ('Company, City, ST — Title, 2019–Present'), licences and certifications
    under 'Licenses & Certifications' with an issuer after a comma."""
    st = {"San Francisco": "CA", "New York": "NY", "Austin": "TX", "Seattle": "WA", "Chicago": "IL",
          "Boston": "MA", "Denver": "CO"}[p["city"]]
    h = [f"<p style='font-size:18pt;text-align:center'><b>{E(p['name'].upper())}</b></p>",
         f"<p style='text-align:center'>{E(p['city_written'])}, {st} | {E(p['phone_written'])} | {E(p['email'])}</p>",
         f"<p style='text-align:center'><b>{E(p['title'])}</b></p>",
         "<h3>AREAS OF EXPERTISE</h3><p>" + E(" • ".join(p["skills"])) + "</p>",
         "<h3>SELECTED ACHIEVEMENTS</h3><ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)) + "</ul>",
         "<h3>EMPLOYMENT HISTORY</h3>"]
    for e in p["experiences"]:
        h.append(f"<p>{E(e['company'])}, {E(p['city_written'])}, {st} — {E(e['title'])}, {span(e, 'en', 'year', '–')}</p>")
    h.append("<h3>EDUCATION</h3>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<h3>LICENSES &amp; CERTIFICATIONS</h3>" + "".join(f"<p>{E(c)}, {E(issuer(c))}</p>" for c in p["certifications"]))
    h.append("<h3>LANGUAGES</h3><p>" + ", ".join(f"{lang_name(l['name'], 'en')} – {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "year"


DEV_LATER_12 = [
    ("awards-memberships", awards_memberships, ["US"], ["lo-pdf"]),
    ("trainings-volunteering", trainings_volunteering, ["IN"], ["chromium-pdf"]),
    ("de-weiterbildung-seminare", de_weiterbildung_seminare, ["DE"], ["lo-docx"]),
    ("es-perfil-cursos", es_perfil_cursos, ["ES"], ["chromium-pdf"]),
    ("us-functional", us_functional, ["US"], ["lo-docx"]),
]


# --- fourteenth round: where people write where they live (a sentence, a
# pin emoji, a line of personal details, a present and a permanent
# address), landline and mobile numbers, a page header repeated, a
# declaration signed with a place ---

def lives_in_sidebar(p):
    """A two-column design (grid) whose narrow right column holds the
    contacts without labels, the place as 'Lives in Valencia, Spain', and
    the languages; the wide column has a profile and the jobs."""
    h = ["<div class=g><div>", f"<p class=n>{E(p['name'])}</p><p class=t>{E(p['title'])}</p>",
         "<h2>Profile</h2>", f"<p>{E(summary(p))}</p>", "<h2>Work</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b><br>{E(e['title'])}<br><small>{span(e, 'en', 'short', ' → ')}</small></p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])}<br>{E(ed['school'])} · {ed['year']}</p>" for ed in p["education"]))
    h.append("</div><div class=side>")
    h.append(f"<p>Lives in {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]}</p><p>{E(p['phone_written'])}</p><p>{E(p['email'])}</p>")
    h.append("<h3>Skills</h3>" + "".join(f"<p>{E(s)}</p>" for s in p["skills"]))
    h.append("<h3>Languages</h3>" + "".join(f"<p>{lang_name(l['name'], 'en')} · {level(l['level'], 'en')}</p>" for l in p["languages"]))
    if p["certifications"]:
        h.append("<h3>Certificates</h3>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("</div></div>")
    css = """.g { display: grid; grid-template-columns: 1fr 58mm; gap: 8mm; } .side { background: #f3f3f3; padding: 4mm; font-size: 9.5pt; }
.n { font-size: 22pt; font-weight: bold; margin: 0; } .t { color: #555; margin-top: 2pt; } .side p { margin: 2pt 0; }"""
    return "html", doc("".join(h), css), "month"


def de_persoenliche_daten(p):
    """A German CV: 'Persönliche Daten' with birth date, marital status and
    nationality, the address on one line with middots, a landline before
    the mobile ('Tel. 040 …'), and the jobs in a two-column table."""
    n = p["phone"][3:]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}</p>", "<h2>Persönliche Daten</h2>",
         f"<p>{STREETS['DE']} {10 + p['n'] % 80} · {POSTCODES.get(p['city'], '')} {E(p['city_written'])}<br>"
         f"Tel. 040 {700000 + p['n'] * 7} · Mobil {E(p['phone_written'])}<br>{E(p['email'])}<br>"
         "Geburtsdatum: 14.03.1990 · Familienstand: verheiratet · Staatsangehörigkeit: deutsch</p>",
         "<h2>Beruflicher Werdegang</h2><table>"]
    for e in p["experiences"]:
        h.append(f"<tr><td width=30%>{span(e, 'de', 'num', ' – ')}</td><td><b>{E(e['title'])}</b><br>{E(e['company'])}</td></tr>")
    h.append("</table><h2>Ausbildung</h2><table>" + "".join(
        f"<tr><td width=30%>{ed['year']}</td><td>{E(ed['degree'])}<br>{E(ed['school'])}</td></tr>" for ed in p["education"]) + "</table>")
    h.append("<h2>Kenntnisse</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Sprachen</h2><p>" + ", ".join(f"{lang_name(l['name'], 'de')}: {level(l['level'], 'de')}" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Zertifikate</h2><p>" + "<br>".join(E(c) for c in p["certifications"]) + "</p>")
    return "html", doc("".join(h)), "month"


def us_page_header(p):
    """A US two-page résumé: the name and 'Page 2' as a running header on
    the second page, employers with 'City, ST', a 'Technical Proficiencies'
    section of labelled lines, and licences with their numbers."""
    st = {"San Francisco": "CA", "New York": "NY", "Austin": "TX", "Seattle": "WA", "Chicago": "IL",
          "Boston": "MA", "Denver": "CO"}[p["city"]]
    h = [f"<h1 style='margin:0'>{E(p['name'])}</h1>",
         f"<p>{E(p['title'])}<br>{E(p['city_written'])}, {st} {POSTCODES.get(p['city'], '').split(' ')[-1]} · {E(p['phone_written'])} · {E(p['email'])}</p>",
         "<h2>Professional Experience</h2>"]
    for i, e in enumerate(p["experiences"]):
        h.append(f"<p><b>{E(e['company'])}</b> — {E(p['city_written'])}, {st}<br><i>{E(e['title'])}</i> | {span(e, 'en', 'short', ' – ')}</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)) + "</ul>")
        if i == 0:
            h.append(f"<div style='page-break-after:always'></div><p class=hdr>{E(p['name'])} — Page 2</p>")
    h.append("<h2>Technical Proficiencies</h2>"
             f"<p>Core: {E(', '.join(p['skills'][:3]))}<br>Also: {E(', '.join(p['skills'][3:]))}</p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['school'])}, {E(ed['degree'])} ({ed['year']})</p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<h2>Licenses &amp; Certifications</h2>" + "".join(
            f"<p>{E(c)} — License #{300000 + p['n'] * 11 + i}</p>" for i, c in enumerate(p["certifications"])))
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    css = ".hdr { color: #888; font-size: 9pt; border-bottom: 1px solid #ccc; }"
    return "html", doc("".join(h), css), "month"


def in_personal_table(p):
    """An Indian résumé: experience as a table (Organization, Designation,
    Duration), 'Personal Details' with a permanent address in another town
    and the present one, and a declaration signed 'Place: <town>'."""
    state, pin = IN_STATES[p["city"]]
    home = [c for c in ["Lucknow", "Patna", "Jaipur", "Indore"]][p["n"] % 4]
    h = [f"<h2 style='text-align:center'>RESUME</h2><p><b>{E(p['name'])}</b><br>Mobile: {E(p['phone_written'])}<br>Email: {E(p['email'])}</p>",
         "<p><b>Career Objective</b></p>", f"<p>To work as {E(p['title'])} in a growth-oriented organisation.</p>",
         "<p><b>Professional Experience</b></p><table border=1><tr><th>Organization</th><th>Designation</th><th>Duration</th></tr>"]
    for e in p["experiences"]:
        h.append(f"<tr><td>{E(e['company'])}</td><td>{E(e['title'])}</td><td>{span(e, 'en', 'short', ' to ', 'Present')}</td></tr>")
    h.append("</table><p><b>Academic Qualifications</b></p><table border=1><tr><th>Qualification</th><th>Institute</th><th>Year</th></tr>"
             + "".join(f"<tr><td>{E(ed['degree'])}</td><td>{E(ed['school'])}</td><td>{ed['year']}</td></tr>" for ed in p["education"]) + "</table>")
    h.append("<p><b>Technical Skills</b></p><p>" + E(", ".join(p["skills"])) + "</p>")
    if p["certifications"]:
        h.append("<p><b>Certifications</b></p><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + "</ul>")
    h.append("<p><b>Personal Details</b></p><table>"
             f"<tr><td>Present Address</td><td>: {E(p['city_written'])}, {state} – {pin}</td></tr>"
             f"<tr><td>Permanent Address</td><td>: {home}</td></tr>"
             "<tr><td>Languages Known</td><td>: " + ", ".join(lang_name(l['name'], 'en') for l in p["languages"]) + "</td></tr></table>")
    h.append("<p><b>Declaration</b></p><p>I hereby declare that the above information is true to the best of my knowledge.</p>"
             f"<p>Place: {E(p['city_written'])}<br>Date:</p>")
    return "html", doc("".join(h)), "month-nolevel"


def md_readme_emoji(p):
    """A Markdown CV written like a GitHub profile README: emoji headings,
    '📍 Seville, Spain', badges of links, jobs as '**Title** @ Company'."""
    m = [f"# Hi, I'm {p['first']} 👋", "", f"## {p['name']}", "", f"**{p['title']}** · 📍 {p['city_written']}, {COUNTRY_NAMES[p['country']]}", "",
         f"📫 {p['email']} · ☎️ {p['phone_written']}", ""]
    m += [f"[![link](https://img.shields.io/badge/-profile-blue)](https://{l})" for l in p["links"]] + [""]
    m += ["## 💼 Experience", ""]
    for e in p["experiences"]:
        m += [f"- **{e['title']}** @ {e['company']} ({span(e, 'en', 'short', ' – ')})"]
    m += ["", "## 🎓 Education", ""]
    m += [f"- {ed['degree']}, {ed['school']} ({ed['year']})" for ed in p["education"]]
    m += ["", "## 🛠️ Skills", "", ", ".join(p["skills"]), "", "## 🌍 Languages", ""]
    m += [f"- {lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]]
    if p["certifications"]:
        m += ["", "## 📜 Certifications", ""] + [f"- {c}" for c in p["certifications"]]
    return "md", "\n".join(m) + "\n", "month"


DEV_LATER_13 = [
    ("lives-in-sidebar", lives_in_sidebar, ["ES", "DE"], ["chromium-pdf"]),
    ("de-persoenliche-daten", de_persoenliche_daten, ["DE"], ["lo-pdf"]),
    ("us-page-header", us_page_header, ["US"], ["chromium-pdf"]),
    ("in-personal-table", in_personal_table, ["IN"], ["lo-docx"]),
    ("md-readme-emoji", md_readme_emoji, ["ES", "US"], ["text"]),
]


# --- round 15: layouts taken from résumés people published themselves ------
# Each style below copies the layout (not the words or the person) of a
# résumé its author wrote and published in a public repository, read once
# to see how people who are not Scout's authors set a CV down.

US_STATE_CODES = {"San Francisco": "CA", "New York": "NY", "Austin": "TX", "Seattle": "WA", "Chicago": "IL",
                  "Boston": "MA", "Denver": "CO"}


def text_leaders(p):
    """A plain-text résumé in a Markdown code block: the place as 'Austin TX
    USA' (no commas) beside the contacts on one line, jobs as 'YEAR-YEAR
    EMPLOYER IN CAPITALS, Title ---- City ST' with a paragraph under each,
    skills as labelled lines of words separated by spaces, degrees with a
    leader line before the school."""
    st = US_STATE_CODES[p["city"]]
    links = "      ".join(p["links"])
    m = ["```text", "", p["name"], "", "-" * 90,
         f"{p['city_written']} {st} USA      {p['email']}      {links}".rstrip(), "",
         f"{p['title']} who likes building things that last. {bullets(p)[0]}.", "", "EXPERIENCE", ""]
    for e in p["experiences"]:
        years = f"{e['start'][:4]}-{e['end'][:4] if e['end'] else ''}"
        head = f"{e['company'].upper()}, {e['title']} "
        m.append(f"{years:<13}{head}{'-' * max(4, 70 - len(head))} {p['city_written']} {st}")
        m.append(f"     {bullets(p)[1]}.")
        m.append("")
    m += ["SKILLS", "", f"Core       {' '.join(p['skills'][:4])}", f"Also       {' '.join(p['skills'][4:])}", ""]
    m += ["LANGUAGES", "", "  ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]), ""]
    if p["certifications"]:
        m += ["CERTIFICATIONS", ""] + [f"{c} {'-' * max(4, 60 - len(c))} {p['experiences'][-1]['start'][:4]}" for c in p["certifications"]] + [""]
    m += ["EDUCATION", ""]
    m += [f"{ed['degree']} {'-' * max(4, 60 - len(ed['degree']))} {ed['school']} {ed['year']}" for ed in p["education"]]
    m += ["```", ""]
    return "md", "\n".join(m), "year"


def md_pipe_jobs(p):
    """A Markdown résumé with a tagline, links as '[GitHub](…) | [Email](mailto:…)',
    jobs as '### Title, Company | Jun 2021 -- Present | Pune, India' (earlier
    ones 'Remote'), grouped skills that also list spoken languages, and
    certifications as credential links with a month."""
    country = COUNTRY_NAMES[p["country"]]
    m = [f"# {p['name']}", "", f"**{p['title']} | Maker | Learner**", ""]
    parts = [f"[Email](mailto:{p['email']})"] + [
        f"[{'GitHub' if 'github' in l else 'LinkedIn'}](https://{l})" for l in p["links"]]
    m += [" | ".join(parts), "", "## Summary", "", summary(p), "", "## Experience", ""]
    for i, e in enumerate(p["experiences"]):
        where = f"{p['city_written']}, {country}" if i == 0 else "Remote"
        m += [f"### {e['title']}, {e['company']} | {span(e, 'en', 'short', ' -- ')} | {where}", ""]
        m += [f"- {b}." for b in bullets(p)[:2]] + [""]
    m += ["## Skills", "", f"- **Core:** {', '.join(p['skills'][:4])}", f"- **Tools:** {', '.join(p['skills'][4:])}",
          f"- **Languages:** {', '.join(lang_name(l['name'], 'en') for l in p['languages'])}", ""]
    if p["certifications"]:
        m += ["## Certifications", ""] + [
            f"- [{c}](https://www.credly.com/badges/{p['n']:04d}-{i}), {month(p['experiences'][0]['start'], 'en')}"
            for i, c in enumerate(p["certifications"])] + [""]
    m += ["## Education", ""] + [f"- {ed['degree']}, {ed['school']} ({ed['year']})" for ed in p["education"]]
    return "md", "\n".join(m) + "\n", "month-nolevel"


def md_details_list(p):
    """A Markdown CV opening with a bullet list of details ('Location:
    Germany, Hamburg' — the country first) with the languages nested in it,
    a quoted motto, jobs as '### Senior data engineer at Zalando' (the title
    in sentence case) with '*MM.YYYY - present* | Hamburg', and skills as
    bold words inside sentences."""
    country = COUNTRY_NAMES[p["country"]]
    t = lambda s: s[:1] + s[1:].lower()  # noqa: E731
    m = [f"# {p['name']}", "", "-" * 39, f"* Email: {p['email']}", f"* Phone: {p['phone_written']}",
         f"* Location: {country}, {p['city_written']}", "* Languages:"]
    m += [f"  * {lang_name(l['name'], 'en')} - {level(l['level'], 'en').lower()}" for l in p["languages"]]
    m += [f"* Profile: [link](https://{l})" for l in p["links"]]
    m += ["", "-" * 39, "", f"> {summary(p)}", "", "-" * 39, "", "## Experience", ""]
    for i, e in enumerate(p["experiences"]):
        dates = f"{month(e['start'], 'en', 'num').replace('/', '.')} - {month(e['end'], 'en', 'num').replace('/', '.') if e['end'] else 'present'}"
        m += [f"### {t(e['title'])} at {e['company']}", "", f"*{dates}* | {'Remote job' if i == 1 else p['city_written']}", ""]
        m += [f"* {b};" for b in bullets(p)] + [""]
    m += ["Technical Experience", "--------------------", "", "### Main tools", ""]
    m += [f"* **{s}** - used daily in production work." for s in p["skills"][:3]]
    m += ["", "### Also", "", ", ".join(p["skills"][3:]) + ".", ""]
    if p["certifications"]:
        m += ["Certificates", "------------", ""] + [f"* {c} ({p['experiences'][0]['start'][:4]})" for c in p["certifications"]] + [""]
    m += ["Education", "---------", ""] + [f"* {ed['degree']}, {ed['school']}, {ed['year']}" for ed in p["education"]]
    m += ["", "-" * 23, "The End", ""]
    return "md", "\n".join(m), "month"


def md_span_headings(p):
    """A Markdown résumé whose contact list follows the name ('- <email>',
    the phone, '- Seattle, United States'), employers as
    '### <span>Company</span>' with '<span>Nov 2020 -- Present</span>' and
    the title opening the next sentence, the tools as 'Main technologies:'
    bullets, and a certificate among extracurricular activities."""
    country = COUNTRY_NAMES[p["country"]]
    m = ["<!-- The (first) h1 is the page title -->", f"# {p['name']}", "", f"- <{p['email']}>", f"- {p['phone_written']}",
         f"- {p['city_written']}, {country}", "", summary(p), "", "## Experience", ""]
    half = (len(p["skills"]) + 1) // 2
    for i, e in enumerate(p["experiences"]):
        m += [f"### <span>{e['company']} </span>", f"<span>{span(e, 'en', 'short', ' -- ')}</span>",
              f"{e['title']}. Working closely with business units and engineers.", ""]
        m += [f" - {b}" for b in bullets(p)[:2]]
        tools = p["skills"][:half] if i == 0 else p["skills"][half:] if i == 1 else p["skills"][:2]
        m += [f" - Main technologies: {', '.join(tools)}", ""]
    if len(p["experiences"]) < 2:
        m += ["## Tools", "", ", ".join(p["skills"][half:]), ""]
    m += ["## Education", ""]
    for ed in p["education"]:
        m += [f"### <span>{ed['school']}</span> <span>{ed['year'] - 3} -- {ed['year']}</span>", "", f"  - {ed['degree']}", ""]
    m += ["## Languages", ""] + [f" - {lang_name(l['name'], 'en')} ({level(l['level'], 'en').lower()})" for l in p["languages"]]
    m += ["", "## Volunteering/ Extracurricular Activities", ""]
    m += [f" - Certificate: {c} https://bit.ly/{p['n']}c{i} May {p['experiences'][0]['start'][:4]}" for i, c in enumerate(p["certifications"])]
    m += [" - Study group speaker: https://meetup.example.org/events/96609  Oct, 2019", " - Women in Tech network member", ""]
    m += [f"[profile](https://{l})" for l in p["links"]]
    return "md", "\n".join(m) + "\n", "month"


def word_export_profile(p):
    """A profile exported to a word processor and printed: the name, the
    place as 'Pune, Maharashtra, India' on its own line, contacts on one
    line, bold one-word headings, 'My key skills include: …' in the
    summary, jobs as employer / title / 'Jun 2021 - Present (3 years)' /
    place, certifications as 'Name - Issuer' over a credential id, skills
    joined by bullets, and a 'Name - page 1' footer."""
    if p["country"] == "IN":
        region = IN_STATES[p["city"]][0]
    else:
        region = US_STATES[p["city"]]
    place = f"{p['city_written']}, {region}, {COUNTRY_NAMES[p['country']]}"
    h = [f"<p style='font-size:20pt'>{E(p['name'])}</p>", f"<p>{E(place)}</p>",
         f"<p>{E(p['email'])} &nbsp; {E(p['phone_written'])} &nbsp; " + " &nbsp; ".join(E(l) for l in p["links"]) + "</p>",
         "<p><b>Summary</b></p>", f"<p>{E(p['title'])} focused on dependable delivery.</p>",
         f"<p>My key skills include: {E(', '.join(p['skills'][:4]))}.</p>", "<p><b>Experience</b></p>"]
    for e in p["experiences"]:
        years = (int((e["end"] or "2026-11")[:4]) - int(e["start"][:4])) or 1
        h.append(f"<p><b>{E(e['company'])}</b><br>{E(e['title'])}<br>{span(e, 'en', 'short', ' - ')} ({years} year{'s' if years > 1 else ''})<br>{E(place)}</p>")
    h.append("<p><b>Education</b></p>" + "".join(
        f"<p><b>{E(ed['school'].upper())}</b><br>{E(ed['degree'])}<br>{ed['year'] - 4} - {ed['year']}</p>" for ed in p["education"]))
    if p["certifications"]:
        h.append("<p><b>Licenses &amp; Certifications</b></p>" + "".join(
            f"<p><b>{E(c)}</b> - Credential issuer<br>UC-{p['n']:04d}{i}-0d31-49f5-93fb</p>" for i, c in enumerate(p["certifications"])))
    h.append("<p><b>Skills</b></p><p>" + " &nbsp;•&nbsp; ".join(E(s) for s in p["skills"]) + "</p>")
    h.append("<p><b>Languages</b></p>" + "".join(
        f"<p>{lang_name(l['name'], 'en')} ({level(l['level'], 'linkedin')})</p>" for l in p["languages"]))
    h.append(f"<p style='color:#888'>{E(p['name'])} - page 1</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_14 = [
    ("text-leaders", text_leaders, ["US"], ["text"]),
    ("md-pipe-jobs", md_pipe_jobs, ["IN", "GB"], ["text"]),
    ("md-details-list", md_details_list, ["DE", "ES", "FR"], ["text"]),
    ("md-span-headings", md_span_headings, ["US", "GB"], ["text"]),
    ("word-export-profile", word_export_profile, ["IN", "US"], ["lo-pdf"]),
]


# --- round 16: more layouts of résumés people published -------------------

def yaml_front_matter(p):
    """A Markdown résumé for a static-site theme: YAML front matter with the
    name and header items holding icon <span>s ('Applying for: Title', the
    phone, the e-mail as text and mailto link, the place), entries as
    '**Employer**  ' / place / '*Title*' / dates with trailing double-space
    breaks, a projects section with their tools, grouped skills whose last
    group is the spoken languages, and a <style> block at the end."""
    country = COUNTRY_NAMES[p["country"]]
    icon = lambda name: f'<span class="iconify" data-icon="tabler:{name}"></span>'  # noqa: E731
    m = ["---", f"name: {p['name']}", "header:", "  - text: |",
         f'      <span style="font-size: 1.2em; font-weight: bold;">Applying for: {p["title"]}</span>',
         f"  - text: {icon('phone')} {p['phone_written']}", "    newLine: true",
         f"  - text: {icon('mail')} {p['email']}", f"    link: mailto:{p['email']}",
         f"  - text: {icon('map-pin')} {p['city_written']}, {country}"]
    m += [f"  - text: {icon('link')} {l.split('/')[-1]}\n    link: https://{l}" for l in p["links"]]
    m += ["---", "", "## Summary", "", summary(p), "", "---", "", "## Experience", ""]
    for e in p["experiences"]:
        m += [f"**{e['company']}**  ", f"{p['city_written']}, {country}  ", f"*{e['title']}*  ",
              f"{span(e, 'en', 'short', ' – ')}  ", f"- {bullets(p)[0]}.", ""]
    m += ["---", "", "## Education", ""]
    for ed in p["education"]:
        m += [f"**{ed['school']}**  ", f"*{ed['degree']}*  ", f"{ed['year'] - 3} – {ed['year']}  ", ""]
    m += ["---", "", "## Professional Projects", "", "**Customer portal**  ", f"*{', '.join(p['skills'][:2])}*  ",
          "- Rebuilt the portal with a team of four; cut page load time by half.", "", "---", "",
          "## Technical Skills", "", f"- **Main:** {', '.join(p['skills'][:4])}  ", f"- **Other:** {', '.join(p['skills'][4:])}  ",
          "- **Languages:** " + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"])]
    if p["certifications"]:
        m += ["", "---", "", "## Certifications", ""] + [f"- {c}" for c in p["certifications"]]
    m += ["", "<style>", "    table { width: 100%; }", "    body { background-color: #fff; color: #000; }", "</style>", ""]
    return "md", "\n".join(m), "month"


def md_contact_table(p):
    """A Markdown résumé with the contacts in a table beside labelled links
    ('| 📞 phone | [LinkedIn: name](url) |', the place as '🏳 Pune - India',
    a date of birth), jobs as '### Title at **Company**' over '*September
    2022 - Present*', a GPA under the degree, skills in sub-headed groups,
    languages as '- **Hindi**: Native or Bilingual Proficiency', and
    certifications as '- **Name** – Issuer *(Sep 2022)*'."""
    country = COUNTRY_NAMES[p["country"]]
    rows = [f"📞 {p['phone_written']}", f"✉ {p['email']}", f"🏳 {p['city_written']} - {country}", "📅 Date of Birth: 1994-05-05"]
    links = [f"[{'GitHub' if 'github' in l else 'LinkedIn'}: {l.split('/')[-1]}](https://{l})" for l in p["links"]]
    links += [""] * (len(rows) - len(links))
    m = [f"# {p['name']}", "", f"**{p['title']}**  ", "", "| **Contact Information** | **Links** |", "|---|---|"]
    m += [f"| {a} | {b} |" for a, b in zip(rows, links)]
    m += ["---", "", "", "## Summary", f" {summary(p)}", "", "---", "", "## Experience", ""]
    for e in p["experiences"]:
        m += [f"### {e['title']} at **{e['company']}**  ", f"*{span(e, 'en', 'long', ' - ')}*", ""]
        m += [f"- {b}." for b in bullets(p)[:2]] + [""]
    m += ["---", "", "## Education", ""]
    for ed in p["education"]:
        m += [f"**{ed['school']}**  ", f"*{ed['degree']}*  ", "*GPA: Very Good*  ", f"*September {ed['year'] - 4} - May {ed['year']}*", ""]
    m += ["---", "", "## Skills", "", "### Core", "", f"- **Main**: {', '.join(p['skills'][:3])}", "",
          "### Tools & Platforms", "", f"- **Also**: {', '.join(p['skills'][3:])}", "", "---", "", "## Languages", ""]
    m += [f"- **{lang_name(l['name'], 'en')}**: {level(l['level'], 'linkedin')} Proficiency" for l in p["languages"]]
    if p["certifications"]:
        y = p["experiences"][0]["start"][:4]
        m += ["", "---", "", "## Certifications", ""] + [f"- **{c}** – Issuer *(Sep {y})*" for c in p["certifications"]]
    m += ["", "---", "", "## Projects", "", "### **Reporting tool** (side project)  ", f"*October 11, {p['experiences'][0]['start'][:4]}*  ",
          "Built an internal reporting tool.  ", f"*Technologies Used: {', '.join(p['skills'][:2])}*", ""]
    return "md", "\n".join(m), "month"


def jakes_template(p):
    """The one-page LaTeX template students and engineers share most,
    printed to PDF: the contacts on one line under the name, no place in
    the header; each entry as two rows with a right-aligned column — school
    and 'City, ST' over degree and 'Aug. 2018 – May 2021', title and dates
    over employer and place —, projects as 'Name | tools', and technical
    skills whose 'Languages:' are programming languages, the spoken ones
    apart."""
    if p["country"] == "US":
        where = f"{p['city_written']}, {US_STATE_CODES[p['city']]}"
    else:
        where = f"{p['city_written']}, {COUNTRY_NAMES[p['country']]}"
    abbr = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
    ym = lambda s: f"{abbr[int(s[5:7]) - 1]} {s[:4]}"  # noqa: E731
    row = lambda left, right, cls="": f"<div class='row {cls}'><span>{left}</span><span>{right}</span></div>"  # noqa: E731
    contacts = " | ".join([E(p["phone_written"]), E(p["email"])] + [E(l) for l in p["links"]])
    h = [f"<h1>{E(p['name'])}</h1>", f"<p class=c>{contacts}</p>", "<h2>Education</h2>"]
    for ed in p["education"]:
        h.append(row(f"<b>{E(ed['school'])}</b>", E(where)) + row(f"<i>{E(ed['degree'])}</i>", f"<i>Aug. {ed['year'] - 3} – May {ed['year']}</i>", "sub"))
    h.append("<h2>Experience</h2>")
    for e in p["experiences"]:
        end = ym(e["end"]) if e["end"] else "Present"
        h.append(row(f"<b>{E(e['title'])}</b>", f"{ym(e['start'])} – {end}") + row(f"<i>{E(e['company'])}</i>", f"<i>{E(where)}</i>", "sub"))
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    h.append("<h2>Projects</h2>" + row(f"<b>Gitlytics</b> | <i>{E(', '.join(p['skills'][:2]))}</i>", "June 2020 – Present")
             + "<ul><li>Built a dashboard of a team's commits.</li></ul>")
    h.append("<h2>Technical Skills</h2><p>" + f"<b>Languages</b>: {E(', '.join(p['skills'][:3]))}<br>"
             + f"<b>Frameworks &amp; Tools</b>: {E(', '.join(p['skills'][3:]))}<br>"
             + "<b>Spoken</b>: " + ", ".join(lang_name(l['name'], 'en') for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2><p>" + "<br>".join(E(c) for c in p["certifications"]) + "</p>")
    css = """h1 { text-align: center; font-size: 24pt; margin: 0; font-weight: normal; } .c { text-align: center; margin: 2pt 0 6pt; }
h2 { font-variant: small-caps; font-size: 13pt; border-bottom: 1px solid #000; margin: 8pt 0 3pt; font-weight: normal; }
.row { display: flex; justify-content: space-between; } .sub { font-size: 9.5pt; } ul { margin: 2pt 0 4pt; }"""
    return "html", doc("".join(h), css), "month-nolevel"


DEV_LATER_15 = [
    ("yaml-front-matter", yaml_front_matter, ["IN", "FR", "GB"], ["text"]),
    ("md-contact-table", md_contact_table, ["IN", "ES", "DE"], ["text"]),
    ("jakes-template", jakes_template, ["US", "GB", "IN"], ["chromium-pdf"]),
]


# --- round 17: the templates job seekers are handed most ------------------

def google_docs_swiss(p):
    """The résumé template a word processor offers first, exported to DOCX:
    the address block under the name (street, 'City, ST 12345' or 'City,
    Country', phone, e-mail), entries as 'Company, City — Title' over dates
    in capitals ('SEPTEMBER 2019 - PRESENT'), schools as 'School, City —
    Degree', skills as bullets, languages as a plain line."""
    if p["country"] == "US":
        town = f"{p['city_written']}, {US_STATE_CODES[p['city']]} {POSTCODES.get(p['city'], '10001').split(' ')[-1]}"
    else:
        town = f"{p['city_written']}, {COUNTRY_NAMES[p['country']]}"
    up = lambda ym: f"{MONTHS_LONG[int(ym[5:7]) - 1].upper()} {ym[:4]}"  # noqa: E731
    h = [f"<p style='font-size:26pt;margin:0'>{E(p['name'])}</p>",
         f"<p>{STREETS.get(p['country'], 'Main Street')} {12 + p['n'] % 70}<br>{E(town)}<br><b>{E(p['phone_written'])}</b><br><b>{E(p['email'])}</b></p>",
         f"<p>{E(summary(p))}</p>", "<h2>EXPERIENCE</h2>"]
    for e in p["experiences"]:
        end = up(e["end"]) if e["end"] else "PRESENT"
        h.append(f"<p><b>{E(e['company'])}</b>, {E(p['city_written'])} — <i>{E(e['title'])}</i><br><small>{up(e['start'])} - {end}</small></p>")
        h.append(f"<p>{E(bullets(p)[0])}.</p>")
    h.append("<h2>EDUCATION</h2>")
    for ed in p["education"]:
        h.append(f"<p><b>{E(ed['school'])}</b>, {E(p['city_written'])} — <i>{E(ed['degree'])}</i><br><small>SEPTEMBER {ed['year'] - 3} - JUNE {ed['year']}</small></p>")
    h.append("<h2>SKILLS</h2><ul>" + "".join(f"<li>{E(s)}</li>" for s in p["skills"]) + "</ul>")
    if p["certifications"]:
        h.append("<h2>AWARDS</h2><p>" + "<br>".join(f"<b>{E(c)}</b>" for c in p["certifications"]) + "</p>")
    h.append("<h2>LANGUAGES</h2><p>" + ", ".join(lang_name(l['name'], 'en') for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month-nolevel"


def indeed_resume(p):
    """A résumé built on a job board and saved as PDF: name, title, 'City,
    ST' and contacts a line each; 'Work Experience' as title, 'Company -
    City, ST' and 'Month YYYY to Present'; degrees as 'Degree' over 'School
    - City, ST'; skills as '• Skill (5 years)'; 'Certifications and
    Licenses' with their validity; languages with their level after a dash."""
    if p["country"] == "US":
        town = f"{p['city_written']}, {US_STATE_CODES[p['city']]}"
    else:
        town = f"{p['city_written']}, {COUNTRY_NAMES[p['country']]}"
    lm = lambda ym: f"{MONTHS_LONG[int(ym[5:7]) - 1]} {ym[:4]}"  # noqa: E731
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}<br>{E(town)}<br>{E(p['email'])}<br>{E(p['phone_written'])}</p>",
         "<h2>Work Experience</h2>"]
    for e in p["experiences"]:
        end = lm(e["end"]) if e["end"] else "Present"
        h.append(f"<p><b>{E(e['title'])}</b><br>{E(e['company'])} - {E(town)}<br>{lm(e['start'])} to {end}</p>")
        h.append("<ul>" + "".join(f"<li>{E(b)}</li>" for b in bullets(p)[:2]) + "</ul>")
    h.append("<h2>Education</h2>")
    for ed in p["education"]:
        h.append(f"<p><b>{E(ed['degree'])}</b><br>{E(ed['school'])} - {E(town)}<br>September {ed['year'] - 4} to May {ed['year']}</p>")
    h.append("<h2>Skills</h2><ul>" + "".join(f"<li>{E(s)} ({2 + i % 5} years)</li>" for i, s in enumerate(p["skills"])) + "</ul>")
    if p["certifications"]:
        h.append("<h2>Certifications and Licenses</h2>" + "".join(
            f"<p><b>{E(c)}</b><br>{lm(p['experiences'][0]['start'])} to Present</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><ul>" + "".join(f"<li>{lang_name(l['name'], 'en')} - {level(l['level'], 'en')}</li>" for l in p["languages"]) + "</ul>")
    css = "h1 { font-size: 20pt; margin: 0; } h2 { font-size: 13pt; border-bottom: 1px solid #999; }"
    return "html", doc("".join(h), css), "month"


def rsschool_md(p):
    """A course's Markdown CV template: headings of every level ('## Contacts',
    '### About', '#### Experience', '##### Education'), labelled contacts
    ('* Phone:', '* Location:'), jobs as '- Company (YYYY-YYYY) - Title',
    schools as 'YYYY-YYYY - School (Degree)', languages as 'English - B2'."""
    m = [f"# {p['name']}", "## Contacts", f"* Phone: {p['phone_written']}", f"* E-mail: {p['email']}",
         f"* Location: {p['city_written']}"]
    m += [f"* GitHub: [{l.split('/')[-1]}](https://{l})" for l in p["links"] if "github" in l]
    m += ["### About", f"I am {p['title']}. {bullets(p)[1]}.", "### Skills"]
    m += [f"* {s}" for s in p["skills"]]
    m += ["#### Experience"]
    for e in p["experiences"]:
        end = e["end"][:4] if e["end"] else "now"
        m += [f"- {e['company']} ({e['start'][:4]}-{end}) - {e['title']}"]
    m += ["##### Education"]
    m += [f"{ed['year'] - 4}-{ed['year']} - {ed['school']} ({ed['degree']})" for ed in p["education"]]
    if p["certifications"]:
        m += ["##### Certificates"] + [f"* {c}" for c in p["certifications"]]
    m += ["### Languages"] + [f"* {lang_name(l['name'], 'en')} - {level(l['level'], 'en_cefr')}" for l in p["languages"]]
    return "md", "\n".join(m) + "\n", "year"


MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]

DEV_LATER_16 = [
    ("indeed-resume", indeed_resume, ["US", "IN", "GB"], ["chromium-pdf"]),
    ("rsschool-md", rsschool_md, ["DE", "ES", "FR", "IN"], ["text"]),
    # last: the people of the countries it was first written for were all taken
    ("google-docs-swiss", google_docs_swiss, ["ES", "DE"], ["lo-docx"]),
]


# --- round 18: certifications as people list them -------------------------

def linkedin_certs_page(p):
    """A profile page saved as PDF whose 'Licenses & certifications' show,
    under each name, the issuer, 'Issued Mar 2021 · Expires Mar 2024',
    'Credential ID …', a 'Show credential' button and 'Skills: A · B'; the
    jobs as title, 'Company · Full-time', dates with a duration and place."""
    country = COUNTRY_NAMES[p["country"]]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}</p>", f"<p class=g>{E(p['city_written'])}, {country} · <a>Contact info</a></p>",
         f"<p>{E(p['email'])} · {E(p['phone_written'])}</p>", "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b><br>{E(e['company'])} · Full-time<br><span class=g>{span(e, 'en', 'short', ' - ')}</span><br>"
                 f"<span class=g>{E(p['city_written'])}, {country} · On-site</span></p>")
    h.append("<h2>Education</h2>" + "".join(f"<p><b>{E(ed['school'])}</b><br>{E(ed['degree'])}<br><span class=g>{ed['year'] - 4} - {ed['year']}</span></p>" for ed in p["education"]))
    h.append("<h2>Licenses &amp; certifications</h2>")
    for i, c in enumerate(p["certifications"]):
        h.append(f"<p><b>{E(c)}</b><br>{E(issuer(c))}<br><span class=g>Issued Mar {2021 + i} · Expires Mar {2024 + i}</span><br>"
                 f"<span class=g>Credential ID {p['n']:03d}{i}-XK7</span><br><span class=btn>Show credential ↗</span><br>"
                 f"<b>Skills:</b> {E(p['skills'][i])} · {E(p['skills'][i + 1])}</p>")
    if not p["certifications"]:
        h.append("<p class=g>Nothing to see for now</p>")
    h.append("<h2>Skills</h2>" + "".join(f"<p>{E(s)}</p>" for s in p["skills"]))
    h.append("<h2>Languages</h2>" + "".join(f"<p>{lang_name(l['name'], 'en')}<br><span class=g>{level(l['level'], 'linkedin')} proficiency</span></p>" for l in p["languages"]))
    css = ".g { color: #666; } h2 { font-size: 13pt; margin-top: 6mm; } .btn { border: 1px solid #666; border-radius: 10px; padding: 0 6px; }"
    return "html", doc("".join(h), css), "month"


def md_cert_links(p):
    """A Markdown résumé whose certifications are '- **Name** – Issuer
    *(Sep 2022)*' each followed by '[Link to Certificate](url)', a course
    nested under the certificate it led to, and the same list again under
    '## 📜 Licenses'."""
    country = COUNTRY_NAMES[p["country"]]
    m = [f"# {p['name']}", "", f"**{p['title']}**  ", f"📍 {p['city_written']}, {country} · ✉ {p['email']} · 📞 {p['phone_written']}", "",
         "## Experience", ""]
    for e in p["experiences"]:
        m += [f"### {e['title']} at **{e['company']}**  ", f"*{span(e, 'en', 'long', ' - ')}*", "", f"- {bullets(p)[0]}.", ""]
    m += ["## Education", ""] + [f"**{ed['school']}**  \n*{ed['degree']}*  \n*{ed['year'] - 4} - {ed['year']}*\n" for ed in p["education"]]
    m += ["## Skills", "", ", ".join(p["skills"]), "", "## Languages", ""]
    m += [f"- **{lang_name(l['name'], 'en')}**: {level(l['level'], 'en')}" for l in p["languages"]]
    listing = []
    for i, c in enumerate(p["certifications"]):
        listing += [f"- **{c}** – {issuer(c)} *(Sep {2020 + i})*", f"  [Link to Certificate](https://www.credly.com/badges/{p['n']}-{i})", ""]
        if i == 0:
            listing += [f"    - Preparation course: *{p['skills'][0]} fundamentals* (online, 20 hours)", ""]
    if listing:
        m += ["", "## Certifications", ""] + listing + ["---", "## 📜 Licenses", ""] + listing
    return "md", "\n".join(m) + "\n", "month"


def cert_descriptions(p):
    """A word processor's CV whose certifications each have a sentence under
    them saying what they prove, one 'in progress' with the month it is
    expected, and memberships in the same section."""
    country = COUNTRY_NAMES[p["country"]]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])} · {E(p['city_written'])}, {country}<br>{E(p['phone_written'])} · {E(p['email'])}</p>",
         "<h2>PROFESSIONAL EXPERIENCE</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b>, {E(e['company'])}<br>{span(e, 'en', 'short', ' – ')}</p>")
    h.append("<h2>EDUCATION</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>SKILLS</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>LANGUAGES</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    h.append("<h2>CERTIFICATIONS &amp; MEMBERSHIPS</h2>")
    for c in p["certifications"]:
        h.append(f"<p><b>{E(c)}</b> ({p['experiences'][-1]['start'][:4]})<br><i>Proves the ability to plan, build and run work of this kind to a professional standard.</i></p>")
    h.append("<p><b>Certified Information Systems Auditor (CISA)</b> – in progress, exam expected June 2027</p>")
    h.append("<p>Member of the national professional association since 2019</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_17 = [
    ("linkedin-certs-page", linkedin_certs_page, ["ES", "DE"], ["chromium-pdf"]),
    ("md-cert-links", md_cert_links, ["ES", "DE"], ["text"]),
    ("cert-descriptions", cert_descriptions, ["ES", "DE"], ["lo-pdf"]),
]


# --- round 19: certifications beside what is written around them ----------

def cert_table_issuer_date(p):
    """A word processor's CV whose certifications are a table with the
    issuing body, the date and a credential number in columns of their
    own (an unknown body's name among them), and personal details with a
    driving licence."""
    country = COUNTRY_NAMES[p["country"]]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}<br>{E(p['city_written'])}, {country} · {E(p['phone_written'])} · {E(p['email'])}</p>",
         "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> — {E(e['company'])}<br>{span(e, 'en', 'short', ' – ')}</p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2><table border=1><tr><th>Certification</th><th>Issuing body</th><th>Date</th><th>Credential no.</th></tr>")
        for i, c in enumerate(p["certifications"]):
            h.append(f"<tr><td>{E(c)}</td><td>{E(issuer(c))}</td><td>{3 + i:02d}/{2019 + i}</td><td>CR-{p['n']:04d}-{i}</td></tr>")
        h.append("</table>")
    h.append("<h2>Personal details</h2><p>Driving licence: full, clean (category B)<br>Nationality: "
             f"{country}<br>Availability: one month's notice</p>")
    return "html", doc("".join(h)), "month"


def licences_with_numbers(p):
    """A US-style résumé whose 'Licenses & Certifications' give each its
    state or body, a licence number and an expiry on the same line, after a
    dash or in brackets, and a first-aid course listed with them."""
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])} | {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]} | {E(p['phone_written'])} | {E(p['email'])}</p>",
         "<h2>PROFESSIONAL EXPERIENCE</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['company'])}</b> — {E(e['title'])}<br><i>{span(e, 'en', 'long', ' – ')}</i></p>")
    h.append("<h2>EDUCATION</h2>" + "".join(f"<p>{E(ed['school'])} — {E(ed['degree'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>CORE SKILLS</h2><p>" + " • ".join(E(s) for s in p["skills"]) + "</p>")
    h.append("<h2>LANGUAGES</h2><p>" + " • ".join(f"{lang_name(l['name'], 'en')}: {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    h.append("<h2>LICENSES &amp; CERTIFICATIONS</h2><ul>")
    for i, c in enumerate(p["certifications"]):
        h.append(f"<li>{E(c)} — {E(issuer(c))}, Lic. No. {700000 + p['n'] * 3 + i} (exp. 0{i + 4}/2028)</li>")
    h.append("<li>Workplace first-aid course (1 day), renewed yearly</li></ul>")
    return "html", doc("".join(h)), "month"


def certs_in_summary_and_extras(p):
    """A CV whose summary says the person is certified, and whose last
    section, 'Additional information', lists certifications after a label
    beside a driving licence, first-aid training and interests."""
    certs = p["certifications"]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['email'])} · {E(p['phone_written'])} · {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]}</p>",
         "<h2>Summary</h2>", f"<p>{E(p['title'])} with a record of delivery"
         + (f", holding the {E(certs[0])} certification" if certs else "") + ".</p>", "<h2>Work history</h2>"]
    for e in p["experiences"]:
        h.append(f"<p>{span(e, 'en', 'short', ' - ')}: <b>{E(e['title'])}</b>, {E(e['company'])}</p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{ed['year']}: {E(ed['degree'])}, {E(ed['school'])}</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2><p>" + "; ".join(f"{lang_name(l['name'], 'en')} – {level(l['level'], 'en')}" for l in p["languages"]) + "</p>")
    h.append("<h2>Additional information</h2><ul>")
    if certs:
        h.append("<li>Certifications: " + "; ".join(E(c) for c in certs) + "</li>")
    h.append("<li>Driving licence (B), own car</li><li>First aid trained (2023)</li><li>Interests: running, chess, photography</li></ul>")
    return "html", doc("".join(h)), "month"


DEV_LATER_18 = [
    ("cert-table-issuer-date", cert_table_issuer_date, ["GB", "FR", "US"], ["lo-docx"]),
    ("licences-with-numbers", licences_with_numbers, ["US", "IN", "GB"], ["chromium-pdf"]),
    ("certs-in-summary-and-extras", certs_in_summary_and_extras, ["FR", "DE", "ES"], ["lo-pdf"]),
]


# --- round 20: what comes after the certifications ------------------------
# Section headings that are bold at the body's size, in mixed case and not
# in any list, right after a certifications section; a driving licence
# among the licences; issuers and years in cells and lines of their own.

def bold_headings_talks(p):
    """A word processor's CV whose headings are bold paragraphs at the
    body's size, in sentence case; after the certifications come
    'Conferences & talks', 'Open source' and 'Referees', none of which a
    reader knows by name."""
    h = [f"<p style='font-size:18pt'><b>{E(p['name'])}</b></p>", f"<p>{E(p['title'])}<br>{E(p['email'])} · {E(p['phone_written'])} · {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]}</p>",
         "<p><b>Work experience</b></p>"]
    for e in p["experiences"]:
        h.append(f"<p>{E(e['title'])}, {E(e['company'])} ({span(e, 'en', 'short', ' – ')})</p>")
    h.append("<p><b>Education</b></p>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append("<p><b>Skills</b></p><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append("<p><b>Languages</b></p><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<p><b>Certifications</b></p>" + "".join(f"<p>{E(c)}</p>" for c in p["certifications"]))
    h.append("<p><b>Conferences &amp; talks</b></p>"
             f"<p>Speaker, {E(p['city_written'])} Tech Summit 2023: “{E(p['skills'][0])} in production”</p>"
             f"<p>Panellist, Women in Tech meetup, {E(p['city_written'])} (2022)</p>")
    h.append("<p><b>Open source</b></p>"
             f"<p>Maintainer of a small {E(p['skills'][1])} helper library (40+ merged pull requests)</p>")
    h.append("<p><b>Referees</b></p><p>Available on request</p>")
    return "html", doc("".join(h)), "month"


def sidebar_certs_years(p):
    """A two-column template printed by a browser: a shaded sidebar with
    contacts, skills and certifications (the name in bold, the issuer and
    the year a grey line each below it), then 'Driving licence' and
    'Hobbies' headed like the rest, at the body's size."""
    side = ["<h3>Contact</h3>", f"<p>{E(p['email'])}<br>{E(p['phone_written'])}<br>{E(p['city_written'])}</p>",
            "<h3>Skills</h3>" + "".join(f"<p>{E(s)}</p>" for s in p["skills"])]
    if p["certifications"]:
        side.append("<h3>Certifications</h3>")
        for i, c in enumerate(p["certifications"]):
            side.append(f"<p><b>{E(c)}</b><br><span class=g>{E(issuer(c))}</span><br><span class=g>{2020 + i}</span></p>")
    side.append("<h3>Driving licence</h3><p>Full licence, category B</p><h3>Hobbies</h3><p>Climbing, photography</p>")
    main = [f"<h1>{E(p['name'])}</h1>", f"<p class=t>{E(p['title'])}</p>", "<h2>Profile</h2>", f"<p>{E(summary(p))}</p>", "<h2>Experience</h2>"]
    for e in p["experiences"]:
        main.append(f"<p><b>{E(e['title'])}</b> · {E(e['company'])}<br><span class=g>{span(e, 'en', 'short', ' – ')}</span></p>")
    main.append("<h2>Education</h2>" + "".join(f"<p><b>{E(ed['degree'])}</b><br>{E(ed['school'])} · {ed['year']}</p>" for ed in p["education"]))
    main.append("<h2>Languages</h2>" + "".join(f"<p>{lang_name(l['name'], 'en')} — {level(l['level'], 'en')}</p>" for l in p["languages"]))
    css = (".wrap { display: flex; } .side { width: 58mm; background: #eef1f4; padding: 4mm; margin-right: 6mm; } .main { flex: 1; }"
           " h3 { font-size: 10.5pt; margin: 4mm 0 1mm; } h2 { font-size: 13pt; } .g { color: #667; } .t { font-size: 12pt; }")
    return "html", doc(f"<div class=wrap><div class=side>{''.join(side)}</div><div class=main>{''.join(main)}</div></div>", css), "month"


def de_es_licences_sonstiges(p):
    """A German or Spanish word processor's CV whose 'Zertifikate &
    Lizenzen' / 'Certificaciones y licencias' hold a driving licence beside
    the certifications, followed by a bold heading at the body's size,
    'Sonstiges' / 'Otros datos de interés'."""
    de = p["country"] == "DE"
    lang = "de" if de else "es"
    t = {"exp": "Berufserfahrung" if de else "Experiencia profesional", "edu": "Ausbildung" if de else "Formación académica",
         "skills": "Kenntnisse" if de else "Conocimientos", "langs": "Sprachen" if de else "Idiomas",
         "certs": "Zertifikate &amp; Lizenzen" if de else "Certificaciones y licencias",
         "drive": "Führerschein Klasse B" if de else "Carné de conducir B, vehículo propio",
         "other": "Sonstiges" if de else "Otros datos de interés",
         "more": ["Ehrenamtlich: Jugendtrainer im Sportverein", "Verfügbarkeit: ab sofort"] if de
         else ["Voluntariado en un banco de alimentos", "Disponibilidad inmediata"]}
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])}<br>{E(p['city_written'])} · {E(p['phone_written'])} · {E(p['email'])}</p>",
         f"<h2>{t['exp']}</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b>, {E(e['company'])}<br>{span(e, lang, 'num', ' – ')}</p>")
    h.append(f"<h2>{t['edu']}</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])} ({ed['year']})</p>" for ed in p["education"]))
    h.append(f"<h2>{t['skills']}</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append(f"<h2>{t['langs']}</h2><p>" + ", ".join(f"{lang_name(l['name'], lang)}: {level(l['level'], lang)}" for l in p["languages"]) + "</p>")
    h.append(f"<h2>{t['certs']}</h2><ul>" + "".join(f"<li>{E(c)}</li>" for c in p["certifications"]) + f"<li>{t['drive']}</li></ul>")
    h.append(f"<p><b>{t['other']}</b></p>" + "".join(f"<p>{x}</p>" for x in t["more"]))
    return "html", doc("".join(h)), "month"


def plain_text_colon_headings(p):
    """A plain-text résumé (pasted from an e-mail) whose headings are words
    in title case ending in a colon, with 'Side projects:', 'Talks:' and
    'Community:' after the certifications."""
    t = [p["name"], p["title"], f"{p['email']} | {p['phone_written']} | {p['city_written']}, {COUNTRY_NAMES[p['country']]}", "",
         "Summary:", summary(p), "", "Experience:"]
    for e in p["experiences"]:
        t += [f"{e['title']} - {e['company']} ({span(e, 'en', 'short', ' to ')})", ""]
    t += ["Education:"] + [f"{ed['degree']}, {ed['school']}, {ed['year']}" for ed in p["education"]] + [""]
    t += ["Skills:", ", ".join(p["skills"]), "", "Languages:"]
    t += [f"{lang_name(l['name'], 'en')} - {level(l['level'], 'en')}" for l in p["languages"]] + [""]
    if p["certifications"]:
        t += ["Certifications:"] + p["certifications"] + [""]
    t += ["Side projects:", f"A budgeting app for a local charity, built with {p['skills'][0]} (2022)", "",
          "Talks:", f"Lessons from migrating to {p['skills'][1]}, internal engineering day 2023", "",
          "Community:", "Mentor at a coding club for teenagers since 2021", ""]
    return "md", "\n".join(t) + "\n", "month"


def cert_cells_unknown_issuers(p):
    """A word processor's CV whose certifications are a table without a
    header row: the name in one cell and 'Issuer (ACRONYM) · year' in the
    next, issuers written as their full legal names; then a bold
    'Professional development' list of courses."""
    full = {"Amazon Web Services": "Amazon Web Services (AWS)", "Professional body": "Chartered professional body",
            "Microsoft": "Microsoft Corporation", "Oracle": "Oracle University"}
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])} — {E(p['city_written'])}, {COUNTRY_NAMES[p['country']]}<br>{E(p['email'])} — {E(p['phone_written'])}</p>",
         "<h2>Experience</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> at {E(e['company'])}, {span(e, 'en', 'long', ' – ')}</p>")
    h.append("<h2>Education</h2>" + "".join(f"<p>{E(ed['school'])}: {E(ed['degree'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append("<h2>Skills</h2><p>" + E(" · ".join(p["skills"])) + "</p>")
    h.append("<h2>Languages</h2><p>" + ", ".join(f"{lang_name(l['name'], 'en')} ({level(l['level'], 'en')})" for l in p["languages"]) + "</p>")
    if p["certifications"]:
        h.append("<h2>Certifications</h2><table>" + "".join(
            f"<tr><td>{E(c)}</td><td>{E(full.get(issuer(c), issuer(c)))} · {2019 + i}</td></tr>" for i, c in enumerate(p["certifications"])) + "</table>")
    h.append("<p><b>Professional development</b></p>"
             f"<p>Advanced {E(p['skills'][0])} — LinkedIn Learning (2021)</p><p>Negotiation essentials — in-house programme (2022)</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_19 = [
    ("bold-headings-talks", bold_headings_talks, ["US", "IN", "GB"], ["lo-docx"]),
    ("sidebar-certs-years", sidebar_certs_years, ["ES", "DE", "US"], ["chromium-pdf"]),
    ("de-es-licences-sonstiges", de_es_licences_sonstiges, ["DE", "ES"], ["lo-pdf"]),
    ("plain-text-colon-headings", plain_text_colon_headings, ["IN", "US"], ["text"]),
    ("cert-cells-unknown-issuers", cert_cells_unknown_issuers, ["ES", "DE", "US"], ["lo-docx"]),
]


# --- round 21: the names people give their certifications section --------

CERT_HEADINGS = {
    "GB": ["Professional Qualifications", "Accreditations", "Certifications & Training"],
    "US": ["Professional Certifications", "Technical Certifications", "Certifications and Courses"],
    "IN": ["Certifications & Achievements", "Qualifications & Certifications", "Certificates & Courses"],
    "DE": ["Zertifizierungen & Weiterbildung", "Qualifikationen", "Zertifikate und Kurse"],
    "ES": ["Certificaciones y formación", "Acreditaciones", "Certificaciones profesionales"],
    "FR": ["Certifications professionnelles", "Habilitations et certifications", "Certifications et formations"],
}
LOCAL = {"DE": "de", "ES": "es", "FR": "fr"}
LOCAL_HEADINGS = {
    "de": ("Berufserfahrung", "Ausbildung", "Kenntnisse", "Sprachen"),
    "es": ("Experiencia profesional", "Formación académica", "Conocimientos", "Idiomas"),
    "fr": ("Expérience professionnelle", "Formation", "Compétences", "Langues"),
    "en": ("Experience", "Education", "Skills", "Languages"),
}


def cert_section_names(p):
    """A one-column CV whose certifications section is called what people
    call it in their country ('Professional Qualifications',
    'Accreditations', 'Certifications & Achievements', 'Zertifizierungen &
    Weiterbildung', 'Acreditaciones', 'Habilitations et certifications'),
    a course listed with them in a mixed section, and a year after each."""
    lang = LOCAL.get(p["country"], "en")
    exp, edu, skills, langs = LOCAL_HEADINGS[lang]
    heading = CERT_HEADINGS[p["country"]][p["n"] % 3]
    h = [f"<h1>{E(p['name'])}</h1>", f"<p>{E(p['title'])} · {E(p['city_written'])} · {E(p['phone_written'])} · {E(p['email'])}</p>",
         f"<h2>{exp}</h2>"]
    for e in p["experiences"]:
        h.append(f"<p><b>{E(e['title'])}</b> — {E(e['company'])}<br>{span(e, lang, 'short', ' – ')}</p>")
    h.append(f"<h2>{edu}</h2>" + "".join(f"<p>{E(ed['degree'])}, {E(ed['school'])}, {ed['year']}</p>" for ed in p["education"]))
    h.append(f"<h2>{skills}</h2><p>" + E(", ".join(p["skills"])) + "</p>")
    h.append(f"<h2>{E(heading)}</h2><ul>" + "".join(f"<li>{E(c)} ({2018 + i})</li>" for i, c in enumerate(p["certifications"])) + "</ul>")
    h.append(f"<h2>{langs}</h2><p>" + ", ".join(f"{lang_name(l['name'], lang)} ({level(l['level'], lang)})" for l in p["languages"]) + "</p>")
    return "html", doc("".join(h)), "month"


DEV_LATER_20 = [
    ("cert-section-names-en", cert_section_names, ["GB", "US", "IN"], ["lo-pdf", "lo-docx"]),
    ("cert-section-names-de-es", cert_section_names, ["DE", "ES"], ["lo-pdf", "lo-docx"]),
    ("cert-section-names-fr", cert_section_names, ["FR", "ES"], ["lo-pdf", "lo-docx"]),
]
