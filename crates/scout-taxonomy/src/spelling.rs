//! Misspellings within one edit ("Pyhton", "Kubernets", "Amsterdm",
//! "develper") → the word of the reference data they stand for.
//!
//! The words a misspelling may stand for are the one-word names of the
//! bundled data: skills and their aliases, the words of the career
//! families' titles, cities of at least 200,000 people and countries. A
//! word is corrected only when all of these hold:
//!
//! - it is at least five letters long (six for a substitution: "later" is
//!   no "latex"), all letters;
//! - it is itself no word of that data, nor of the title gazetteer's 74,000
//!   titles, nor a place's other spelling (`abbreviations.tsv`: *Genève*) —
//!   a real word is never "corrected";
//! - exactly one target lies one edit away (a deletion, an insertion, a
//!   substitution or two neighbouring letters swapped — Damerau's edits)
//!   that keeps the first letter: people seldom mistype it, and words that
//!   differ there are most often other words ("ranking", "banking").
//!
//! The reader that uses it lowers its confidence and says what it did.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::careers::families;
use crate::normalize::fold;

/// Shortest word corrected by a deletion, an insertion or a swap.
pub const MIN_LEN: usize = 5;
/// Shortest word corrected by a substitution.
pub const MIN_LEN_SUBSTITUTION: usize = 6;

struct Vocabulary {
    /// Folded target → the form to read it as (the city or skill as written).
    targets: HashMap<String, &'static str>,
    /// Folded words that are never corrected.
    known: HashSet<String>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut targets: HashMap<String, &'static str> = HashMap::new();
    let mut add = |form: &'static str| {
        let f = fold(form);
        if f.len() >= MIN_LEN - 1 && !f.contains(' ') && f.chars().all(|c| c.is_ascii_lowercase()) {
            targets.entry(f).or_insert(form);
        }
    };
    for name in crate::skills::skill_names() {
        add(name);
    }
    for f in families() {
        for t in std::iter::once(&f.title).chain(&f.synonyms) {
            for w in t.split(' ') {
                add(w);
            }
        }
    }
    for (name, _, _, _, population) in crate::places::cities() {
        if population >= 200_000 {
            add(name);
        }
    }
    for c in crate::places::country_names() {
        add(c);
    }
    let mut known: HashSet<String> = targets.keys().cloned().collect();
    // a place's other spelling is no typo of its name ("Genève", not Geneva)
    known.extend(crate::places::place_aliases().map(str::to_owned));
    Vocabulary { targets, known }
});

/// Whether `word` is a word Scout's data knows (never corrected).
pub fn is_known_word(word: &str) -> bool {
    is_known(&fold(word))
}

/// Whether `folded` is a word Scout's data knows (never corrected).
fn is_known(folded: &str) -> bool {
    VOCABULARY.known.contains(folded) || crate::titles::is_title_word(folded)
}

/// The word `word` stands for when it is one edit from exactly one word of
/// the reference data (see the module documentation), as that word is
/// written ("Amsterdm" → "Amsterdam", "pyhton" → "python").
pub fn one_edit_correction(word: &str) -> Option<&'static str> {
    let w = fold(word);
    let n = w.chars().count();
    if n < MIN_LEN || !w.chars().all(|c| c.is_ascii_lowercase()) || is_known(&w) {
        return None;
    }
    let v = &*VOCABULARY;
    let correction = correct(&w, v)?;
    // "backed" is an English word, not "backend" mistyped: an inflected
    // word is only corrected into a word inflected the same way
    for ending in ["ed", "ing", "ly"] {
        if w.ends_with(ending) && !fold(correction).ends_with(ending) {
            return None;
        }
    }
    Some(correction)
}

/// The one target of the vocabulary one edit away from `w`, if exactly one.
fn correct(w: &str, v: &Vocabulary) -> Option<&'static str> {
    let n = w.chars().count();
    let b = w.as_bytes();
    let mut found: Option<&'static str> = None;
    let mut ambiguous = false;
    let mut consider = |candidate: &[u8]| {
        // people seldom mistype a word's first letter: "ranking" is no
        // "banking", "CREST" no "REST"
        if candidate.first() != b.first() {
            return;
        }
        let Ok(c) = std::str::from_utf8(candidate) else {
            return;
        };
        if let Some(&form) = v.targets.get(c) {
            match found {
                Some(f) if f != form => ambiguous = true,
                _ => found = Some(form),
            }
        }
    };
    let mut buf: Vec<u8> = Vec::with_capacity(b.len() + 1);
    for i in 0..b.len() {
        // deletion
        buf.clear();
        buf.extend_from_slice(&b[..i]);
        buf.extend_from_slice(&b[i + 1..]);
        consider(&buf);
        // swap of neighbours
        if i + 1 < b.len() && b[i] != b[i + 1] {
            buf.clear();
            buf.extend_from_slice(b);
            buf.swap(i, i + 1);
            consider(&buf);
        }
        // substitution
        if n >= MIN_LEN_SUBSTITUTION {
            for c in b'a'..=b'z' {
                if c != b[i] {
                    buf.clear();
                    buf.extend_from_slice(b);
                    buf[i] = c;
                    consider(&buf);
                }
            }
        }
    }
    // insertion
    for i in 0..=b.len() {
        for c in b'a'..=b'z' {
            buf.clear();
            buf.extend_from_slice(&b[..i]);
            buf.push(c);
            buf.extend_from_slice(&b[i..]);
            consider(&buf);
        }
    }
    if ambiguous {
        None
    } else {
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_read_as_what_it_means() {
        let lower = |w: &str| one_edit_correction(w).map(str::to_lowercase);
        assert_eq!(lower("Pyhton").as_deref(), Some("python"));
        assert_eq!(lower("Kubernets").as_deref(), Some("kubernetes"));
        assert_eq!(one_edit_correction("Amsterdm"), Some("Amsterdam"));
        assert_eq!(lower("develper").as_deref(), Some("developer"));
        assert_eq!(lower("acountant").as_deref(), Some("accountant"));
    }

    #[test]
    fn real_words_short_words_and_far_words_stay() {
        for w in [
            "Python", "London", "manager", "later", "Lyon", "Zalando", "xyzzyq", "teams",
            "ranking", "crest", "Genève",
        ] {
            assert_eq!(one_edit_correction(w), None, "{w}");
        }
    }
}
