//! Text folding shared by indexing and querying: one definition, so a value
//! folded at index time always meets the same value folded at query time.

use deunicode::deunicode_char;

/// Lowercase ASCII form of `text`: accents dropped ("École" → "ecole"),
/// punctuation other than `+` and `#` turned into single spaces, trimmed.
/// `+` and `#` survive because "C++" and "C#" are different skills from "C".
/// Runs of single letters join up, so initialisms written with dots match
/// those written without ("U.S.A." → "usa", "A/B testing" → "ab testing").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` (see [`fold`]) to `out`, so that text
/// built from many pieces is folded without a string per piece.
pub fn fold_into(text: &str, out: &mut String) {
    let mut folder = Folder {
        start: out.len(),
        out,
        pending_space: false,
        token_len: 0,
        token_alpha: false,
        single_letters: false,
    };
    // ASCII is read as it is; anything else through deunicode's ASCII form.
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        folder.feed_ascii(&rest[..ascii]);
        rest = &rest[ascii..];
        if let Some(ch) = rest.chars().next() {
            folder.feed_ascii(deunicode_char(ch).unwrap_or(" "));
            rest = &rest[ch.len_utf8()..];
        }
    }
    folder.end_token();
    if folder.single_letters {
        let start = folder.start;
        join_single_letters(out, start);
    }
}

/// Whether each byte is kept (letters, digits, `+`, `#`) rather than a separator.
const KEPT: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric() || b == b'+' || b == b'#';
        i += 1;
    }
    table
};

/// One pass of folding into `out[start..]`, noting whether a token of one
/// letter was written (only then is the second pass needed).
struct Folder<'a> {
    out: &'a mut String,
    start: usize,
    pending_space: bool,
    token_len: usize,
    token_alpha: bool,
    single_letters: bool,
}

impl Folder<'_> {
    /// ASCII text: runs of kept bytes are copied whole, the rest separate them.
    fn feed_ascii(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !KEPT[usize::from(bytes[i])] {
                self.pending_space = true;
                i += 1;
                continue;
            }
            let end = bytes[i..]
                .iter()
                .position(|&c| !KEPT[usize::from(c)])
                .map_or(bytes.len(), |n| i + n);
            self.push_run(&text[i..end]);
            i = end;
        }
    }

    /// A run of kept ASCII characters (letters, digits, `+`, `#`).
    fn push_run(&mut self, run: &str) {
        if self.pending_space {
            self.end_token();
            if self.out.len() > self.start {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
        if self.token_len == 0 {
            self.token_alpha = run.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
        }
        let at = self.out.len();
        self.out.push_str(run);
        self.out[at..].make_ascii_lowercase();
        self.token_len += run.len();
    }

    fn end_token(&mut self) {
        self.single_letters |= self.token_len == 1 && self.token_alpha;
        self.token_len = 0;
    }
}

/// Joins runs of single-letter tokens in `out[start..]` ("u s a" → "usa").
fn join_single_letters(out: &mut String, start: usize) {
    let spaced = out.split_off(start);
    let mut prev_single = false;
    for (i, tok) in spaced.split(' ').enumerate() {
        let single = tok.len() == 1 && tok.as_bytes()[0].is_ascii_alphabetic();
        if i > 0 && !(single && prev_single) {
            out.push(' ');
        }
        out.push_str(tok);
        prev_single = single;
    }
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
        assert_eq!(fold("R&D, C-3PO and 3 D"), "rdc 3po and 3 d");
        assert_eq!(fold("-- !"), "");
        assert_eq!(
            tokens("Sr. Software Engineer"),
            vec!["sr", "software", "engineer"]
        );
    }

    /// The definition `fold` implements in one pass: fold characters, then
    /// join runs of single letters.
    fn reference_fold(text: &str) -> String {
        let mut spaced = String::new();
        for ch in text.chars() {
            let ascii = if ch.is_ascii() {
                ch.to_string()
            } else {
                deunicode_char(ch).unwrap_or(" ").to_owned()
            };
            for c in ascii.chars() {
                if c.is_ascii_alphanumeric() || c == '+' || c == '#' {
                    spaced.push(c.to_ascii_lowercase());
                } else {
                    spaced.push(' ');
                }
            }
        }
        let words: Vec<&str> = spaced.split(' ').filter(|w| !w.is_empty()).collect();
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            let single = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic();
            if i > 0 && !(single(w) && single(words[i - 1])) {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    #[test]
    fn one_pass_folding_agrees_with_its_definition() {
        let alphabet: Vec<char> = "aB3 .-/+#xÉüß北\u{301}Z9 ".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let len = (state % 12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(fold(&text), reference_fold(&text), "{text:?}");
        }
    }

    #[test]
    fn folding_into_a_buffer_appends_what_fold_returns() {
        for text in ["U.S.A. and A/B", " École ", "", "?!", "x", "Big C++ ü"] {
            let mut out = String::from("kept ");
            fold_into(text, &mut out);
            assert_eq!(out, format!("kept {}", fold(text)), "{text:?}");
        }
    }
}
