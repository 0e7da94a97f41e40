//! Text folding shared by indexing and querying: one definition, so a value
//! folded at index time always meets the same value folded at query time.

use deunicode::deunicode_char;

/// Lowercase ASCII form of `text`: accents dropped ("École" → "ecole"),
/// punctuation other than `+` and `#` turned into single spaces, trimmed.
/// `+` and `#` survive because "C++" and "C#" are different skills from "C".
/// Runs of single letters join up, so initialisms written with dots match
/// those written without ("U.S.A." → "usa", "A/B testing" → "ab testing").
pub fn fold(text: &str) -> String {
    let spaced = fold_spaced(text);
    if !spaced.split(' ').any(|t| t.len() == 1) {
        return spaced;
    }
    let mut out = String::with_capacity(spaced.len());
    let mut prev_single = false;
    for (i, tok) in spaced.split(' ').enumerate() {
        let single = tok.len() == 1 && tok.as_bytes()[0].is_ascii_alphabetic();
        if i > 0 && !(single && prev_single) {
            out.push(' ');
        }
        out.push_str(tok);
        prev_single = single;
    }
    out
}

fn fold_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        let mapped: &str;
        let mut buf = [0u8; 4];
        if ch.is_ascii() {
            mapped = ch.encode_utf8(&mut buf);
        } else {
            mapped = deunicode_char(ch).unwrap_or(" ");
        }
        for c in mapped.chars() {
            if c.is_ascii_alphanumeric() || c == '+' || c == '#' {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c.to_ascii_lowercase());
            } else {
                pending_space = true;
            }
        }
    }
    out
}

/// The folded tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  École   Polytechnique! "), "ecole polytechnique");
        assert_eq!(fold("Île-de-France"), "ile de france");
        assert_eq!(fold("C++ / C#"), "c++ c#");
        assert_eq!(fold("Node.js"), "node js");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("U.S.A."), "usa");
        assert_eq!(fold("A/B testing"), "ab testing");
        assert_eq!(fold("Vitamin C"), "vitamin c");
        assert_eq!(tokens("Sr. Software Engineer"), vec!["sr", "software", "engineer"]);
    }
}
