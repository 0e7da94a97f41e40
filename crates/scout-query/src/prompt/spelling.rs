//! Words misspelt within one edit ("Pyhton", "Amsterdm", "develper") read
//! as what they mean: the prompt is read with them corrected
//! (`scout_taxonomy::spelling` says which words and to what), then every
//! span is mapped back to the prompt as typed, the filters read from a
//! corrected word get a lower confidence, and a note says what was read.

use std::collections::HashSet;
use std::sync::LazyLock;

use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::spelling::{is_known_word, one_edit_correction};

use super::lexicon as lx;
use super::{Intent, Note, Token};

/// The most a filter read from a corrected word is trusted.
pub const CORRECTED_CONFIDENCE: f32 = 0.6;

/// One corrected word: its byte span in the prompt and what it is read as.
#[derive(Debug, Clone)]
pub(super) struct Correction {
    start: usize,
    end: usize,
    pub(super) typed: String,
    read_as: String,
}

/// Every word of the reader's own lists (French, Spanish and German phrases
/// included): never corrected ("projet" is French, not a typo).
static LEXICON_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let lists: &[&[&str]] = &[
        lx::EXCLUDE,
        lx::WISH_BEFORE,
        lx::WISH_AFTER,
        lx::REMOTE,
        lx::PLACE_CUES,
        lx::CURRENT_EMPLOYER_CUES,
        lx::PAST_EMPLOYER_CUES,
        lx::ANY_EMPLOYER_CUES,
        lx::EMPLOYEE_WORDS,
        lx::COMPANY_WORDS,
        lx::SIZE_CUES_BEFORE,
        lx::SIZE_ABOVE,
        lx::SIZE_BELOW,
        lx::SIZE_UP_TO,
        lx::INDUSTRY_CUES_AFTER,
        lx::INDUSTRY_NOUNS_AFTER,
        lx::FREELANCE,
        lx::SCHOOL_WORDS,
        lx::SCHOOL_CUES,
        lx::CERTIFICATION_WORDS,
        lx::CARRY_NOTHING,
        lx::FILLER,
        lx::COMMON_ROLES,
        lx::YEAR_UNITS,
        lx::MONTH_UNITS,
        lx::TENURE_WORDS,
        lx::NEW_IN_ROLE,
        lx::EXPERIENCE_WORDS,
        lx::AT_LEAST,
        lx::AT_MOST,
        lx::RADIUS_BEFORE,
        lx::GRADUATION_BEFORE,
        lx::SENIORITY_PREFIX,
        lx::DEV_WORDS,
        lx::DOMAIN_WORDS,
        lx::SHORTHAND,
    ];
    let pairs: &[&[(&str, &str)]] = &[
        lx::INDUSTRY_WORDS,
        lx::DEGREES,
        lx::FOREIGN_HEADS,
        lx::FOREIGN_MODIFIERS,
        lx::LEVEL_WORDS,
    ];
    lists
        .iter()
        .flat_map(|l| l.iter().copied())
        .chain(pairs.iter().flat_map(|l| l.iter().map(|(w, _)| *w)))
        .chain(lx::SIZE_WORDS.iter().map(|(w, _)| *w))
        .chain(lx::SENIORITY_YEARS.iter().map(|(w, _)| *w))
        .flat_map(|phrase| phrase.split(' '))
        .collect()
});

/// The corrections of `tokens`: words no list of the reader knows that are
/// one edit from one word of the reference data.
pub(super) fn corrections(prompt: &str, tokens: &[Token]) -> Vec<Correction> {
    // "Stripe or Adyen": a capitalised word listed with a name that is no
    // place is a name too (a company), not a typo of a city ("Aden"); one
    // listed with a place ("Berlin or Amsterdm") is a place mistyped
    let listed_with_a_name = |k: usize| {
        let t = &tokens[k];
        if !t.capitalized() {
            return false;
        }
        // ("Booking.com or Adyen", "P&G or Unilever": a name's own marks)
        let unknown_name = |n: &Token| {
            n.capitalized()
                && n.text
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '&' | '\'' | '’' | '-'))
                && scout_taxonomy::geocode(&n.text).is_none()
        };
        let joiner = |n: &Token| {
            matches!(
                n.lower.as_str(),
                "or" | "and" | "&" | "," | "/" | "ou" | "oder" | "o" | "y" | "und" | "et"
            )
        };
        let before = k
            .checked_sub(2)
            .filter(|&b| joiner(&tokens[b + 1]) && tokens[b].clause == t.clause)
            .is_some_and(|b| unknown_name(&tokens[b]));
        let after = tokens
            .get(k + 2)
            .filter(|n| joiner(&tokens[k + 1]) && n.clause == t.clause)
            .is_some_and(unknown_name);
        // "Stripe, Adyen, Checkout.com": a comma is no token, and it parts
        // clauses; a name right beside this one across a comma counts too
        let comma_between =
            |a: &Token, b: &Token| a.end <= b.start && prompt[a.end..b.start].trim() == ",";
        let name_beside = |n: &Token| {
            n.capitalized()
                && n.text.chars().any(char::is_alphabetic)
                && scout_taxonomy::geocode(&n.text).is_none()
        };
        let comma_before = k
            .checked_sub(1)
            .is_some_and(|b| comma_between(&tokens[b], t) && name_beside(&tokens[b]));
        let comma_after = tokens
            .get(k + 1)
            .is_some_and(|n| comma_between(t, n) && name_beside(n));
        before || after || comma_before || comma_after
    };
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.text.chars().all(char::is_alphabetic)
                && !LEXICON_WORDS.contains(t.lower.as_str())
                && !LEXICON_WORDS.contains(t.folded.as_str())
                && canonical_language(&t.text).is_none()
        })
        .filter_map(|(k, t)| {
            // a plural of a misspelt word: its singular corrected, then the s
            let word: String = match one_edit_correction(&t.text) {
                Some(w) => w.to_owned(),
                None => {
                    let stem = t
                        .text
                        .strip_suffix('s')
                        .filter(|s| s.len() >= 5 && !is_known_word(&t.text) && !is_known_word(s))?;
                    format!("{}s", one_edit_correction(stem)?)
                }
            };
            let word = word.as_str();
            // "associates": the plural of a seniority word that is a role too
            // is the role, a noun — kept as typed, not made the seniority
            // word ("chefs" may become "chef": other plurals read alike)
            let plural_of = |w: &str| {
                let typed = t.lower.as_str();
                typed.strip_suffix('s') == Some(w) || typed.strip_suffix("es") == Some(w)
            };
            let singular = word.to_lowercase();
            if plural_of(&singular)
                && lx::SENIORITY_PREFIX.contains(&singular.as_str())
                && lx::COMMON_ROLES.contains(&singular.as_str())
            {
                return None;
            }
            // (nor of a title's word: "Aetna or Humana" is no "human"; a
            // skill mistyped in a list stays one: "Kubernets, Terraform")
            if listed_with_a_name(k)
                && (scout_taxonomy::geocode(word).is_some()
                    || scout_taxonomy::skills::canonical_skill(word).is_none())
            {
                return None;
            }
            // "Blue Yonder": a capitalised word after another in its clause
            // is part of a name, not a place mistyped ("Gonder")
            let inside_a_name = t.capitalized()
                && k > 0
                && tokens[k - 1].capitalized()
                && tokens[k - 1].clause == t.clause
                && tokens[k - 1].end + 1 == t.start;
            if inside_a_name && scout_taxonomy::geocode(word).is_some() {
                return None;
            }
            // "Adyen people", "Workday alumni": a capitalised word before an
            // employer's word names an employer, not a place mistyped
            let before_employer_word = t.capitalized()
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| lx::EMPLOYER_AFTER.iter().any(|(w, _)| *w == n.lower));
            if before_employer_word && scout_taxonomy::geocode(word).is_some() {
                return None;
            }
            // the case the word was typed in
            let read_as = if t.text.chars().all(|c| c.is_lowercase()) {
                word.to_lowercase()
            } else if t.capitalized() {
                let mut c = word.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                word.to_owned()
            };
            Some(Correction {
                start: t.start,
                end: t.end,
                typed: t.text.clone(),
                read_as,
            })
        })
        .collect()
}

/// `prompt` with the corrections made.
pub(super) fn corrected(prompt: &str, corrections: &[Correction]) -> String {
    let mut out = String::with_capacity(prompt.len() + 16);
    let mut at = 0;
    for c in corrections {
        out.push_str(&prompt[at..c.start]);
        out.push_str(&c.read_as);
        at = c.end;
    }
    out.push_str(&prompt[at..]);
    out
}

/// A byte offset of the corrected prompt as an offset of the prompt as
/// typed: inside a corrected word, its start (`end` false) or end.
fn typed_offset(x: usize, corrections: &[Correction], end: bool) -> usize {
    let mut shift: isize = 0;
    for c in corrections {
        let cs = (c.start as isize + shift) as usize;
        let ce = cs + c.read_as.len();
        if x < cs || (end && x == cs) {
            break;
        }
        if x < ce || (end && x == ce) {
            return if end { c.end } else { c.start };
        }
        shift += c.read_as.len() as isize - (c.end - c.start) as isize;
    }
    (x as isize - shift).max(0) as usize
}

/// The intent read from the corrected prompt, told in the prompt as typed.
pub(super) fn restore(mut intent: Intent, prompt: &str, corrections: &[Correction]) -> Intent {
    for f in &mut intent.filters {
        let (start, end) = (
            typed_offset(f.start, corrections, false),
            typed_offset(f.end, corrections, true),
        );
        let touched: Vec<&Correction> = corrections
            .iter()
            .filter(|c| c.start < end && c.end > start)
            .collect();
        f.start = start;
        f.end = end.max(start);
        f.text = prompt.get(f.start..f.end).unwrap_or_default().to_owned();
        for c in touched {
            f.confidence = f.confidence.min(CORRECTED_CONFIDENCE);
            f.reason.push_str(&format!(
                "; \"{}\" read as \"{}\" (one edit)",
                c.typed, c.read_as
            ));
        }
    }
    for n in &mut intent.notes {
        n.start = typed_offset(n.start, corrections, false);
        n.end = typed_offset(n.end, corrections, true).max(n.start);
        n.text = prompt.get(n.start..n.end).unwrap_or_default().to_owned();
    }
    if let Some(r) = &mut intent.remote {
        r.start = typed_offset(r.start, corrections, false);
        r.end = typed_offset(r.end, corrections, true).max(r.start);
        r.text = prompt.get(r.start..r.end).unwrap_or_default().to_owned();
    }
    for c in corrections {
        intent.notes.push(Note {
            start: c.start,
            end: c.end,
            text: c.typed.clone(),
            reason: format!(
                "read as \"{}\": one edit from a word Scout knows; check it",
                c.read_as
            ),
        });
    }
    intent.notes.sort_by_key(|n| n.start);
    intent.prompt = prompt.to_owned();
    intent
}
