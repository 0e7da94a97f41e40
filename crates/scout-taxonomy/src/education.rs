//! Degree levels from how degrees are written on profiles and CVs.

use crate::normalize::fold;

/// 1 for a bachelor's, 2 for a master's, 3 for a doctorate, `None` for
/// anything else (diplomas, certificates, high school).
pub fn degree_level(text: &str) -> Option<u8> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    // "B.Sc." folds to "b sc": adjacent pairs joined catch dotted abbreviations.
    let pairs: Vec<String> = words
        .windows(2)
        .map(|w| format!("{}{}", w[0], w[1]))
        .collect();
    let has = |w: &str| words.contains(&w) || pairs.iter().any(|p| p == w);
    if has("phd")
        || has("doctorate")
        || has("doctor")
        || has("dphil")
        || has("edd")
        || f.contains("doctor of")
        || has("doctorat")
    {
        return Some(3);
    }
    if has("master")
        || has("masters")
        || has("msc")
        || has("mba")
        || has("ma")
        || has("meng")
        || has("ms")
        || has("mres")
        || has("llm")
        || has("mphil")
        || has("mastere")
        || has("magister")
        || has("master s")
    {
        return Some(2);
    }
    if has("bachelor")
        || has("bachelors")
        || has("bsc")
        || has("ba")
        || has("beng")
        || has("bs")
        || has("bba")
        || has("llb")
        || has("licence")
        || has("licenciatura")
        || has("btech")
        || has("bcom")
        || has("bachelor s")
    {
        return Some(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::degree_level;

    #[test]
    fn common_spellings_resolve() {
        assert_eq!(degree_level("Master of Science"), Some(2));
        assert_eq!(degree_level("MBA"), Some(2));
        assert_eq!(degree_level("Ph.D."), Some(3));
        assert_eq!(degree_level("Bachelor's degree"), Some(1));
        assert_eq!(degree_level("B.Sc."), Some(1));
        assert_eq!(degree_level("High School Diploma"), None);
    }
}
