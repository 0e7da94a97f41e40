//! Spoken languages under their documented lowercase names ("french",
//! "mandarin"), with endonyms and foreign names as aliases, and LinkedIn's
//! five proficiency levels with the words people use for them.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::normalize::fold;

/// LinkedIn's proficiency levels, weakest first.
pub const PROFICIENCY_LEVELS: [&str; 5] = [
    "elementary",
    "limited_working",
    "professional_working",
    "full_professional",
    "native_or_bilingual",
];

struct Languages {
    by_alias: HashMap<String, &'static str>,
    names: Vec<&'static str>,
}

static LANGUAGES: LazyLock<Languages> = LazyLock::new(|| {
    let mut by_alias = HashMap::new();
    let mut names = Vec::new();
    for line in crate::data::LANGUAGES.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(name), Some(code)) = (cols.next(), cols.next()) else {
            continue;
        };
        names.push(name);
        by_alias.insert(fold(name), name);
        by_alias.entry(code.to_owned()).or_insert(name);
        for alias in cols
            .next()
            .unwrap_or("")
            .split('|')
            .filter(|a| !a.is_empty())
        {
            by_alias.entry(fold(alias)).or_insert(name);
        }
    }
    Languages { by_alias, names }
});

/// The canonical lowercase name of a language ("Français" → "french").
pub fn canonical_language(text: &str) -> Option<&'static str> {
    LANGUAGES.by_alias.get(&fold(text)).copied()
}

/// Every known language, canonical names.
pub fn all_languages() -> &'static [&'static str] {
    &LANGUAGES.names
}

/// Maps a proficiency as written ("Native", "fluent", "B2", "Full professional
/// proficiency") to one of [`PROFICIENCY_LEVELS`].
pub fn canonical_proficiency(text: &str) -> Option<&'static str> {
    let f = fold(text);
    // English, then the words French, German and Spanish CVs use
    let level = match f.as_str() {
        "elementary"
        | "elementary proficiency"
        | "basic"
        | "basic knowledge"
        | "beginner"
        | "a1"
        | "a2"
        | "notions"
        | "debutant"
        | "elementaire"
        | "grundkenntnisse"
        | "basiskenntnisse"
        | "anfanger"
        | "basico"
        | "basica"
        | "principiante"
        | "elemental" => 0,
        "limited working"
        | "limited working proficiency"
        | "limited"
        | "intermediate"
        | "pre intermediate"
        | "b1"
        | "intermediaire"
        | "scolaire"
        | "mittel"
        | "gute kenntnisse"
        | "intermedio"
        | "intermedia" => 1,
        "professional working"
        | "professional working proficiency"
        | "professional"
        | "working"
        | "b2"
        | "conversational"
        | "good"
        | "upper intermediate"
        | "professionnel"
        | "bon niveau"
        | "sehr gute kenntnisse"
        | "intermedio alto"
        | "alto" => 2,
        "full professional"
        | "full professional proficiency"
        | "fluent"
        | "advanced"
        | "c1"
        | "c2"
        | "proficient"
        | "courant"
        | "avance"
        | "fliessend"
        | "verhandlungssicher"
        | "avanzado"
        | "avanzada"
        | "fluido"
        | "fluida" => 3,
        "native or bilingual"
        | "native or bilingual proficiency"
        | "native"
        | "native speaker"
        | "bilingual"
        | "mother tongue"
        | "first language"
        | "langue maternelle"
        | "maternelle"
        | "bilingue"
        | "muttersprache"
        | "muttersprachlich"
        | "muttersprachler"
        | "nativo"
        | "nativa"
        | "lengua materna" => 4,
        _ => {
            return PROFICIENCY_LEVELS
                .iter()
                .copied()
                .find(|l| *l == text.trim())
        }
    };
    Some(PROFICIENCY_LEVELS[level])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_levels_resolve() {
        assert_eq!(canonical_language("Français"), Some("french"));
        assert_eq!(canonical_language("Mandarin"), Some("mandarin"));
        assert_eq!(canonical_language("chinese"), Some("mandarin"));
        assert_eq!(canonical_language("klingon"), None);
        assert_eq!(
            canonical_proficiency("native_or_bilingual"),
            Some("native_or_bilingual")
        );
        assert_eq!(canonical_proficiency("Native"), Some("native_or_bilingual"));
        assert_eq!(canonical_proficiency("fluent"), Some("full_professional"));
        assert_eq!(canonical_proficiency("nope"), None);
    }
}
