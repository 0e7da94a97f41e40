//! Given and family names by country (from Faker's locale providers), so
//! generated people have names that fit where they live.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Names for one country.
pub struct NameSet {
    /// Female given names.
    pub female: Vec<&'static str>,
    /// Male given names.
    pub male: Vec<&'static str>,
    /// Family names.
    pub last: Vec<&'static str>,
}

static NAMES: LazyLock<HashMap<&'static str, NameSet>> = LazyLock::new(|| {
    include_str!("../data/people/names.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let split =
                |s: &'static str| s.split('|').filter(|n| !n.is_empty()).collect::<Vec<_>>();
            let set = NameSet {
                female: split(c[1]),
                male: split(c[2]),
                last: split(c[3]),
            };
            // A country missing any list falls back to US names as a whole.
            (c.len() == 4 && !set.female.is_empty() && !set.male.is_empty() && !set.last.is_empty())
                .then_some((c[0], set))
        })
        .collect()
});

/// Names fitting a country (ISO alpha-2), falling back to US names.
pub fn names_for(country_code: &str) -> &'static NameSet {
    NAMES
        .get(country_code)
        .or_else(|| NAMES.get("US"))
        .expect("names.tsv ships a US row")
}

/// Countries that have their own name lists.
pub fn countries_with_names() -> Vec<&'static str> {
    let mut v: Vec<_> = NAMES.keys().copied().collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn french_names_are_french() {
        let fr = super::names_for("FR");
        assert!(fr.last.len() > 50 && fr.female.len() > 50);
        assert!(super::names_for("ZZ").last.len() > 50);
    }
}
