//! The bundled reference files, each included once, and the fingerprint of
//! those the search index derives terms from: an index built from other
//! reference data must be rebuilt, not trusted (see `scout-engine`'s
//! checkpoint).

pub(crate) const COUNTRIES: &str = include_str!("../data/places/countries.tsv");
pub(crate) const REGIONS: &str = include_str!("../data/places/regions.tsv");
pub(crate) const CITIES: &str = include_str!("../data/places/cities.tsv");
pub(crate) const AREAS: &str = include_str!("../data/places/areas.tsv");
pub(crate) const LINKEDIN_GEO: &str = include_str!("../data/places/linkedin_geo.tsv");
pub(crate) const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
pub(crate) const CAREERS: &str = include_str!("../data/careers/careers.json");
pub(crate) const SKILL_ALIASES: &str = include_str!("../data/skills/aliases.tsv");
pub(crate) const SKILL_TOOLS: &str = include_str!("../data/skills/tools.tsv");
pub(crate) const PROGRAMMING_LANGUAGES: &str =
    include_str!("../data/skills/programming_languages.tsv");
pub(crate) const LANGUAGES: &str = include_str!("../data/languages.tsv");
pub(crate) const INDUSTRIES: &str = include_str!("../data/industries.txt");

/// A stable 64-bit FNV-1a hash of every file the index derives terms from,
/// in hex. It changes whenever one of them does, and only then.
pub fn fingerprint() -> &'static str {
    static FINGERPRINT: std::sync::LazyLock<String> = std::sync::LazyLock::new(hash_files);
    &FINGERPRINT
}

fn hash_files() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in [
        COUNTRIES,
        REGIONS,
        CITIES,
        AREAS,
        ABBREVIATIONS,
        CAREERS,
        SKILL_ALIASES,
        SKILL_TOOLS,
        PROGRAMMING_LANGUAGES,
        LANGUAGES,
        INDUSTRIES,
        // which aliases are read changes the skills derived from profiles
        crate::skills::EVERYDAY_ALIASES.join("|").as_str(),
    ] {
        // the length first, so no split of the same bytes hashes alike
        for byte in (file.len() as u64)
            .to_le_bytes()
            .iter()
            .chain(file.as_bytes())
        {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fingerprint_is_stable_within_a_build() {
        assert_eq!(super::fingerprint(), super::fingerprint());
        assert_eq!(super::fingerprint().len(), 16);
    }
}
