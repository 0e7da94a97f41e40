//! The industry list: the documented values of `COMPANY_INDUSTRY` first,
//! then more of LinkedIn's taxonomy. LinkedIn renamed many industries in
//! 2022; the old names in the documented list resolve to the new ones so a
//! filter on either finds both.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::normalize::fold;

/// Old (2016) LinkedIn names → their current names.
const RENAMED: &[(&str, &str)] = &[
    ("computer software", "software development"),
    ("internet", "technology, information and media"),
    ("hospital & health care", "hospitals and health care"),
    ("marketing and advertising", "advertising services"),
    ("management consulting", "business consulting and services"),
    ("oil & energy", "oil, gas, and mining"),
    (
        "logistics and supply chain",
        "transportation, logistics, supply chain and storage",
    ),
    ("pharmaceuticals", "pharmaceutical manufacturing"),
    ("architecture & planning", "architecture and planning"),
    (
        "information technology & services",
        "it services and it consulting",
    ),
    ("staffing & recruiting", "staffing and recruiting"),
    (
        "computer & network security",
        "computer and network security",
    ),
    (
        "venture capital & private equity",
        "venture capital and private equity principals",
    ),
    ("airlines/aviation", "airlines and aviation"),
    ("luxury goods & jewelry", "retail luxury goods and jewelry"),
    ("biotechnology", "biotechnology research"),
    ("medical device", "medical equipment manufacturing"),
];

struct Industries {
    all: Vec<&'static str>,
    documented: usize,
    by_folded: HashMap<String, &'static str>,
}

static INDUSTRIES: LazyLock<Industries> = LazyLock::new(|| {
    let mut all = Vec::new();
    let mut documented = None;
    for line in crate::data::INDUSTRIES.lines() {
        if line.starts_with("# ---") {
            documented = Some(all.len());
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            all.push(line.trim());
        }
    }
    let by_folded = all.iter().map(|i| (fold(i), *i)).collect();
    Industries {
        documented: documented.unwrap_or(all.len()),
        all,
        by_folded,
    }
});

/// Every industry Scout knows, documented ones first.
pub fn all_industries() -> &'static [&'static str] {
    &INDUSTRIES.all
}

/// The industries listed in the API document.
pub fn documented_industries() -> &'static [&'static str] {
    &INDUSTRIES.all[..INDUSTRIES.documented]
}

/// The canonical (current LinkedIn) name of an industry, case- and
/// punctuation-insensitive; `None` when not in the list.
pub fn canonical_industry(text: &str) -> Option<&'static str> {
    let f = fold(text);
    if let Some((_, new)) = RENAMED.iter().find(|(old, _)| fold(old) == f) {
        return INDUSTRIES.by_folded.get(&fold(new)).copied().or(Some(new));
    }
    INDUSTRIES.by_folded.get(&f).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_values_are_all_present_and_old_names_map_to_new() {
        assert!(documented_industries().contains(&"oil, gas, and mining"));
        assert!(documented_industries()
            .contains(&"transportation, logistics, supply chain and storage"));
        assert_eq!(
            canonical_industry("Software Development"),
            Some("software development")
        );
        assert_eq!(
            canonical_industry("computer software"),
            Some("software development")
        );
        assert_eq!(
            canonical_industry("Hospital & Health Care"),
            Some("hospitals and health care")
        );
        assert!(all_industries().len() > 150);
        assert_eq!(canonical_industry("underwater basket weaving"), None);
    }
}
