//! Job titles: normalisation ("Sr. SWE" → "senior software engineer"),
//! seniority stripping ("Senior Software Engineer" → "software engineer"),
//! synonyms and alternate titles from the career families, and a gazetteer
//! of ~74,000 real titles plus the O*NET occupation titles for recognising
//! titles in free text.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::LazyLock;

use crate::careers::{families, CareerFamily};
use crate::normalize::fold;

/// Words that say how senior a role is, not what it is.
pub const SENIORITY_WORDS: &[&str] = &[
    "junior",
    "senior",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "associate",
    "intern",
    "trainee",
    "apprentice",
    "entry",
    "level",
    "mid",
    "graduate",
    "expert",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "group",
    "strategic",
    "enterprise",
    "commis",
    "master",
    "executive",
    "of",
];

/// The seniority ladder, lowest rung first: the words of each rung.
/// Titles without any of these words (or with only "associate" or Roman
/// numerals, whose rung differs from one employer to the next) sit on no
/// rung. See docs/search.md, "Titles as people mean them".
pub const LADDER: &[&[&str]] = &[
    &["intern", "trainee", "apprentice"],
    &["junior", "entry", "graduate"],
    &["mid"],
    &["senior", "expert"],
    &["lead", "staff", "principal"],
    &["head", "chief"],
];

/// The rung of a normalised title: that of its highest ladder word.
pub fn rung_of(normalized: &str) -> Option<usize> {
    normalized
        .split(' ')
        .filter_map(|w| LADDER.iter().position(|rung| rung.contains(&w)))
        .max()
}

/// Whether a title on rung `other` is too far from a search on rung `own`
/// for the search to widen to it: more than one step apart. A senior title
/// widens to titles without a rung and to lead/staff/principal, never to
/// intern or junior (or head); a junior one to intern and unranked titles,
/// never to senior, lead or head.
pub fn is_distant(own: usize, other: usize) -> bool {
    own.abs_diff(other) > 1
}

/// The rungs of every ladder word in a normalised title, as a bit set (bit
/// `r` for rung `r`): a title may name several ("lead junior developer").
pub fn rungs_named(normalized: &str) -> u8 {
    normalized
        .split(' ')
        .filter_map(|w| LADDER.iter().position(|rung| rung.contains(&w)))
        .fold(0, |set, r| set | 1 << r)
}

/// The searches (by their rung) that must not widen to titles naming the
/// rungs in `named` ([`rungs_named`]): each rung with a named rung distant
/// from it, as a bit set. The index stores this per title field, so a
/// search's guard is one term.
pub fn rungs_kept_away(named: u8) -> u8 {
    (0..LADDER.len())
        .filter(|&own| (0..LADDER.len()).any(|r| named & 1 << r != 0 && is_distant(own, r)))
        .fold(0, |set, own| set | 1 << own)
}

/// The ladder words a title's search must not widen to when it strips the
/// title's seniority: the words of every rung [`is_distant`] from the
/// title's own. A title on no rung widens everywhere.
pub fn distant_rungs(text: &str) -> Vec<&'static str> {
    let Some(own) = rung_of(&normalize_title(text)) else {
        return Vec::new();
    };
    LADDER
        .iter()
        .enumerate()
        .filter(|(i, _)| is_distant(own, *i))
        .flat_map(|(_, words)| words.iter().copied())
        .collect()
}

struct Titles {
    abbreviations: HashMap<String, String>,
    family_by_title: HashMap<String, usize>,
    gazetteer: HashSet<String>,
    onet: Vec<&'static str>,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let mut abbreviations = HashMap::new();
    for line in crate::data::ABBREVIATIONS.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() == 3 && c[0] == "title" {
            abbreviations.insert(c[1].to_owned(), c[2].to_owned());
        }
    }
    let mut family_by_title = HashMap::new();
    for (i, f) in families().iter().enumerate() {
        for t in std::iter::once(&f.title).chain(&f.synonyms) {
            family_by_title.entry(fold(t)).or_insert(i);
        }
    }
    let mut gz =
        flate2::read::GzDecoder::new(&include_bytes!("../data/titles/gazetteer.txt.gz")[..]);
    let mut raw = String::new();
    let gazetteer = match gz.read_to_string(&mut raw) {
        Ok(_) => raw.lines().map(fold).collect(),
        Err(_) => HashSet::new(),
    };
    let onet = include_str!("../data/titles/onet_occupations.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    Titles {
        abbreviations,
        family_by_title,
        gazetteer,
        onet,
    }
});

/// Folds a title and expands abbreviations word by word ("Sr. SWE" →
/// "senior software engineer").
pub fn normalize_title(text: &str) -> String {
    let folded = fold(text);
    let mut out = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        match TITLES.abbreviations.get(word) {
            Some(long) => out.push(long.as_str()),
            None => out.push(word),
        }
    }
    out.join(" ")
}

/// [`core_title`] of a title already normalised by [`normalize_title`].
pub fn core_of_normalized(normalized: &str) -> String {
    let core: Vec<&str> = normalized
        .split(' ')
        .filter(|w| !SENIORITY_WORDS.contains(w))
        .collect();
    if core.is_empty() {
        normalized.to_owned()
    } else {
        core.join(" ")
    }
}

/// The title without its seniority words ("Senior Software Engineer II" →
/// "software engineer"). A title made only of seniority words is kept whole.
pub fn core_title(text: &str) -> String {
    let normalized = normalize_title(text);
    let core: Vec<&str> = normalized
        .split(' ')
        .filter(|w| !SENIORITY_WORDS.contains(w))
        .collect();
    if core.is_empty() {
        normalized
    } else {
        core.join(" ")
    }
}

/// The career family a title belongs to, by its core title.
pub fn family_of(text: &str) -> Option<&'static CareerFamily> {
    let core = core_title(text);
    TITLES.family_by_title.get(&core).map(|&i| &families()[i])
}

/// Alternate titles for the same job (folded, without the title itself),
/// the family's core title first.
pub fn synonyms(text: &str) -> Vec<String> {
    let core = core_title(text);
    let Some(f) = family_of(text) else {
        return Vec::new();
    };
    std::iter::once(&f.title)
        .chain(&f.synonyms)
        .map(|t| fold(t))
        .filter(|t| *t != core)
        .collect()
}

/// Titles of other career families, closest first, scored by the Jaccard
/// overlap of the two families' skills (a real, explainable measure: two
/// jobs that need the same skills are related), plus the family's manager
/// title. Empty when the title belongs to no family.
pub fn related_titles(text: &str) -> Vec<(String, f64)> {
    let Some(own) = family_of(text) else {
        return Vec::new();
    };
    let mine: HashSet<&str> = own.skills.iter().map(String::as_str).collect();
    let mut out: Vec<(String, f64)> = families()
        .iter()
        .filter(|f| f.id != own.id)
        .filter_map(|f| {
            let theirs: HashSet<&str> = f.skills.iter().map(String::as_str).collect();
            let shared = mine.intersection(&theirs).count();
            let union = mine.union(&theirs).count();
            (shared > 0 && union > 0).then(|| (fold(&f.title), shared as f64 / union as f64))
        })
        .collect();
    if let Some(m) = &own.manager {
        out.push((fold(m), 0.5));
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Whether `word` (lower case) is a title abbreviation people write with a
/// dot ("Sr.", "Jr.", "Mgr."): the dot does not end a sentence.
pub fn is_title_abbreviation(word: &str) -> bool {
    TITLES.abbreviations.contains_key(word)
}

/// Whether the text is a known job title (gazetteer, O*NET or a career family).
pub fn is_known_title(text: &str) -> bool {
    let f = fold(text);
    TITLES.gazetteer.contains(&f) || TITLES.family_by_title.contains_key(&core_title(text))
}

/// In how many titles of the gazetteer `word` (folded) appears.
fn title_word_count(word: &str) -> usize {
    static WORDS: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
        let mut counts = HashMap::new();
        for w in TITLES
            .gazetteer
            .iter()
            .flat_map(|t| t.split(' '))
            .filter(|w| !w.is_empty())
        {
            *counts.entry(w).or_insert(0) += 1;
        }
        counts
    });
    WORDS.get(word).copied().unwrap_or(0)
}

/// Whether `word` (folded) is a word of some title of the gazetteer.
pub fn is_title_word(word: &str) -> bool {
    title_word_count(word) > 0
}

/// Whether `word` (folded) is a word of working life: one that at least
/// three titles of the gazetteer use ("van" of *van driver*, "mobile",
/// "reading") — a word that also names a city is that word when typed in
/// lower case. A place named in a title or two ("Boston") is not one.
pub fn is_common_title_word(word: &str) -> bool {
    title_word_count(word) >= 3
}

/// The O*NET occupation titles.
pub fn onet_titles() -> &'static [&'static str] {
    &TITLES.onet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ladder_keeps_searches_from_the_opposite_end() {
        let senior = distant_rungs("Sr. Backend Engineer");
        for w in ["intern", "junior", "entry", "head"] {
            assert!(senior.contains(&w), "{w}");
        }
        for w in ["senior", "lead", "staff", "principal"] {
            assert!(!senior.contains(&w), "{w}");
        }
        let junior = distant_rungs("Junior Backend Engineer");
        for w in ["senior", "lead", "principal", "head", "staff"] {
            assert!(junior.contains(&w), "{w}");
        }
        assert!(!junior.contains(&"intern"));
        assert!(distant_rungs("Backend Engineer").is_empty());
        assert!(distant_rungs("Associate Product Manager").is_empty());
    }

    #[test]
    fn a_title_keeps_away_the_searches_far_from_any_rung_it_names() {
        let senior = rung_of("senior").expect("on the ladder");
        let junior = rung_of("junior").expect("on the ladder");
        let lead = rung_of("lead").expect("on the ladder");
        let kept = rungs_kept_away(rungs_named("junior backend engineer"));
        assert!(kept & 1 << senior != 0 && kept & 1 << lead != 0);
        assert!(kept & 1 << junior == 0);
        // a title naming two rungs keeps away what either keeps away
        let both = rungs_kept_away(rungs_named("lead junior developer"));
        assert!(both & 1 << senior != 0, "junior keeps senior searches away");
        assert!(both & 1 << junior != 0, "lead keeps junior searches away");
        assert_eq!(rungs_kept_away(rungs_named("backend engineer")), 0);
        // the same rule as the words a search excludes
        for (i, words) in LADDER.iter().enumerate() {
            let kept = rungs_kept_away(1 << i);
            for (own, own_words) in LADDER.iter().enumerate() {
                let title = format!("{} backend engineer", own_words[0]);
                let excluded = distant_rungs(&title).contains(&words[0]);
                assert_eq!(kept & 1 << own != 0, excluded, "{title} vs {}", words[0]);
            }
        }
    }

    #[test]
    fn seniority_and_abbreviations_normalise() {
        assert_eq!(normalize_title("Sr. SWE"), "senior software engineer");
        assert_eq!(
            core_title("Senior Software Engineer II"),
            "software engineer"
        );
        assert_eq!(core_title("Lead"), "lead");
        assert_eq!(
            family_of("Senior Backend Developer").unwrap().id,
            "backend_engineer"
        );
    }

    #[test]
    fn synonyms_come_from_the_family() {
        let s = synonyms("Software Engineer");
        assert!(s.contains(&"software developer".to_owned()));
        assert!(!s.contains(&"software engineer".to_owned()));
        assert!(synonyms("Chief Unicorn Wrangler").is_empty());
        assert!(is_known_title("Registered Nurse"));
        assert!(onet_titles().len() > 900);
        let related = related_titles("backend engineer");
        assert!(!related.is_empty());
        assert!(related.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(related_titles("Chief Unicorn Wrangler").is_empty());
    }
}
