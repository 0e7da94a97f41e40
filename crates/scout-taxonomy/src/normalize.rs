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
    let mut push = |c: u8, out: &mut String| {
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'#' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase() as char);
        } else {
            pending_space = true;
        }
    };
    // Bytes for the common ASCII case; deunicode only for the rest.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            push(b, &mut out);
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            for c in deunicode_char(ch).unwrap_or(" ").bytes() {
                push(c, &mut out);
            }
        }
    }
    out
}

/// The folded tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
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
        assert_eq!(
            tokens("Sr. Software Engineer"),
            vec!["sr", "software", "engineer"]
        );
    }
}
