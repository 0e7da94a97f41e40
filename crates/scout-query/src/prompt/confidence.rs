//! How sure each reading rule is of what it read: the `confidence` of every
//! explanation, fixed per rule. These are judgements, not probabilities
//! fitted to data: a rule that reads an explicit cue (*within 30 km of*)
//! is surer than one that reads a capitalised word alone. They order the
//! readings (the lowest are dropped first when a prompt holds too many
//! filters) and tell a reader of the explanation how much to trust each.
//!
//! `docs/prompt-search.md` lists them per reader; [`BY_READER`] is that
//! table, and a test holds the two together.

/// A boolean string in the prompt (`(java OR kotlin) AND "spring boot"`),
/// read by the boolean grammar.
pub const BOOLEAN: f32 = 0.9;
/// A place with a distance around it (*within 30 km of Lyon*).
pub const RADIUS: f32 = 0.95;
/// A number of years of experience, or in the current role.
pub const YEARS: f32 = 0.95;
/// A graduation year (*class of 2020*).
pub const GRADUATION_YEAR: f32 = 0.9;
/// A company-size word (*startup, scale-up, big tech*).
pub const COMPANY_SIZE: f32 = 0.85;
/// An employer after a cue (*at X, ex-X, chez X*) or a named group (*FAANG*).
pub const EMPLOYER: f32 = 0.9;
/// An employer no cue introduced, known from the asker's own data.
pub const EMPLOYER_KNOWN_FROM_DATA: f32 = 0.7;
/// A school after a cue (*graduated from X*).
pub const SCHOOL_AFTER_CUE: f32 = 0.9;
/// A school whose name says so (*… University, École …*).
pub const SCHOOL_BY_ITS_NAME: f32 = 0.85;
/// A well-known school named alone (*MIT, INSEAD*).
pub const SCHOOL_WELL_KNOWN: f32 = 0.8;
/// A known certification acronym typed in capitals (*PMP, CKA*).
pub const CERTIFICATION_KNOWN: f32 = 0.9;
/// A certification read by the word *certified* / *certification*.
pub const CERTIFICATION_BY_THE_WORD: f32 = 0.8;
/// A language name or endonym.
pub const LANGUAGE: f32 = 0.9;
/// A level word next to a language (*fluent, C1, native*).
pub const LANGUAGE_LEVEL: f32 = 0.85;
/// A freelance word (*freelance, contractor*).
pub const FREELANCE: f32 = 0.9;
/// A title of a career family, or one of its synonyms.
pub const TITLE_OF_A_FAMILY: f32 = 0.9;
/// One word whose normalised form is a known title (*SWE*, *dev*).
pub const TITLE_ONE_WORD_NORMALISED: f32 = 0.85;
/// A title of the title gazetteer.
pub const TITLE_IN_THE_GAZETTEER: f32 = 0.8;
/// A French, Spanish or German title, translated.
pub const TITLE_TRANSLATED: f32 = 0.8;
/// *title of field* (*head of marketing*).
pub const TITLE_OF_A_FIELD: f32 = 0.75;
/// A common one-word role (*nurse, accountant*), or a one-word family title.
pub const TITLE_COMMON_ROLE: f32 = 0.75;
/// *field + role word* (*cybersecurity analyst*).
pub const TITLE_FIELD_AND_ROLE: f32 = 0.7;
/// The skill of a skill title (*Java* in *Java developer*).
pub const SKILL_IN_A_TITLE: f32 = 0.85;
/// A degree (*PhD, MSc, bachelor's*).
pub const DEGREE: f32 = 0.9;
/// A bare *degree*, read as a bachelor's.
pub const DEGREE_BARE: f32 = 0.6;
/// A place after a cue (*in, near, based in*).
pub const PLACE_AFTER_CUE: f32 = 0.9;
/// A large place named without a cue.
pub const PLACE_WITHOUT_CUE: f32 = 0.7;
/// An industry by a documented name or shorthand (*fintech*).
pub const INDUSTRY: f32 = 0.85;
/// A one-word industry name read because a cue surrounds it.
pub const INDUSTRY_ONE_WORD_CUED: f32 = 0.8;
/// A canonical skill or alias.
pub const SKILL: f32 = 0.9;
/// A skill that is also an everyday word, typed as the skill is written (*Go*).
pub const SKILL_EVERYDAY_WORD: f32 = 0.7;
/// A word Scout does not know, listed with skills (*Sketch and Photoshop*).
pub const SKILL_IN_A_LIST: f32 = 0.65;
/// The experience a seniority word suggests (optional).
pub const SENIORITY: f32 = 0.5;
/// The experience an excluded seniority word rules out.
pub const SENIORITY_EXCLUDED: f32 = 0.6;
/// A leftover run of words, kept as an optional keyword.
pub const KEYWORD: f32 = 0.4;

/// Each reader of the documented table (by its name there) with every
/// confidence it gives.
pub const BY_READER: &[(&str, &[f32])] = &[
    ("boolean strings", &[BOOLEAN]),
    ("remote", &[]),
    ("radius", &[RADIUS]),
    ("years", &[YEARS]),
    ("tenure", &[YEARS]),
    ("graduation", &[GRADUATION_YEAR]),
    ("company size", &[COMPANY_SIZE]),
    (
        "schools",
        &[SCHOOL_AFTER_CUE, SCHOOL_BY_ITS_NAME, SCHOOL_WELL_KNOWN],
    ),
    ("employers", &[EMPLOYER]),
    (
        "certifications",
        &[CERTIFICATION_KNOWN, CERTIFICATION_BY_THE_WORD],
    ),
    ("languages", &[LANGUAGE, LANGUAGE_LEVEL]),
    ("freelance", &[FREELANCE]),
    (
        "job titles",
        &[
            TITLE_OF_A_FAMILY,
            TITLE_ONE_WORD_NORMALISED,
            TITLE_IN_THE_GAZETTEER,
            TITLE_TRANSLATED,
            TITLE_OF_A_FIELD,
            TITLE_COMMON_ROLE,
            TITLE_FIELD_AND_ROLE,
        ],
    ),
    ("skill titles", &[SKILL_IN_A_TITLE]),
    ("degrees", &[DEGREE, DEGREE_BARE]),
    ("places", &[PLACE_AFTER_CUE, PLACE_WITHOUT_CUE]),
    ("industries", &[INDUSTRY, INDUSTRY_ONE_WORD_CUED]),
    ("skills", &[SKILL, SKILL_EVERYDAY_WORD]),
    ("seniority", &[SENIORITY, SENIORITY_EXCLUDED]),
    ("listed skills", &[SKILL_IN_A_LIST]),
    ("employers the data knows", &[EMPLOYER_KNOWN_FROM_DATA]),
    ("keywords", &[KEYWORD]),
];

#[cfg(test)]
mod tests {
    use super::BY_READER;

    /// Every number in a table cell (*0.9 after a cue / 0.8 well known*), in
    /// hundredths.
    fn numbers(cell: &str) -> Vec<u32> {
        let mut found: Vec<u32> = cell
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|w| w.starts_with("0."))
            .filter_map(|w| w.trim_end_matches('.').parse::<f32>().ok())
            .map(|v| (v * 100.0).round() as u32)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn the_documented_table_gives_every_confidence_and_only_those() {
        let doc = include_str!("../../../../docs/prompt-search.md");
        let table: Vec<(String, String)> = doc
            .lines()
            .skip_while(|l| !l.starts_with("| reader | reads | filter | confidence |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
                (
                    cells[0].trim().to_owned(),
                    cells.last().unwrap_or(&"").trim().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            table.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(),
            BY_READER.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            "the documented readers, in the documented order"
        );
        for ((reader, cell), (_, values)) in table.iter().zip(BY_READER) {
            let mut code: Vec<u32> = values.iter().map(|v| (v * 100.0).round() as u32).collect();
            code.sort_unstable();
            code.dedup();
            assert_eq!(numbers(cell), code, "{reader}: the document says {cell:?}");
        }
    }
}
