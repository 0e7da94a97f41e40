//! Splits a prompt into word tokens with byte offsets and clause numbers.
//!
//! A word is a run of letters, digits, `+` and `#`; `.`, `-`, `'` and `’`
//! join two word characters ("Node.js", "ex-Google", "master's"), a comma
//! joins a digit to a group of three ("5,000"), and a leading `.` starts a
//! word before a letter (".NET"); two language names joined by a dash are
//! two words ("German-English"), and so are a place and *-based*
//! ("Amsterdam-based") and a German compound's field and role
//! ("DevOps-Ingenieur"). Clauses end at `,`,
//! `;`, `(`, `)`, `!`, `?`, a newline, a sentence-ending `.` and the word
//! "but" (and its French, Spanish and German forms), so a marker such as
//! "not" or "ideally" never reaches past the phrase it belongs to.

use scout_taxonomy::fold;

/// One word of a prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The word as typed.
    pub text: String,
    /// Lowercase form.
    pub lower: String,
    /// Folded form (ASCII, no punctuation), as the taxonomies key words.
    pub folded: String,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Which clause the word is in.
    pub clause: usize,
}

impl Token {
    /// Starts with an uppercase letter (a name, an acronym, a proper noun).
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '+' || c == '#'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '\'' | '’' | '&')
}

/// Abbreviations written with a dot before a number.
const NUMBER_ABBREVIATIONS: &[&str] = &["mind", "min", "max", "approx", "ca", "env", "mín", "máx"];

const CLAUSE_WORDS: &[&str] = &["but", "mais", "pero", "aber", "however"];

/// The second halves of German compounds that are words of their own
/// ("DevOps-Ingenieur", "DATEV-Kenntnisse").
const GERMAN_COMPOUND_TAILS: &[&str] = &[
    "ingenieur",
    "ingenieurin",
    "entwickler",
    "entwicklerin",
    "berater",
    "beraterin",
    "leiter",
    "leiterin",
    "spezialist",
    "spezialistin",
    "architekt",
    "architektin",
    "kenntnisse",
    "erfahrung",
];

/// The words of `prompt`, in order.
pub fn tokenize(prompt: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = prompt.char_indices().collect();
    let mut tokens = Vec::new();
    let mut clause = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let next_is_word = chars.get(i + 1).is_some_and(|&(_, n)| is_word_char(n));
        let starts_dot_word = c == '.'
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic())
            && (i == 0 || !is_word_char(chars[i - 1].1));
        if is_word_char(c) || starts_dot_word {
            let start = pos;
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                let joins =
                    is_joiner(cj) && chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
                // "5,000": a comma between a digit and a group of three digits
                let thousands = cj == ','
                    && chars[j - 1].1.is_ascii_digit()
                    && (1..=3).all(|d| chars.get(j + d).is_some_and(|&(_, n)| n.is_ascii_digit()))
                    && !chars.get(j + 4).is_some_and(|&(_, n)| n.is_ascii_digit());
                let joins = joins || thousands;
                if is_word_char(cj) || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(prompt.len(), |&(p, _)| p);
            let text = &prompt[start..end];
            let lower = text.to_lowercase();
            // "anyone but X" excludes X: there "but" is a word, not a clause end
            let after_anyone = tokens.last().is_some_and(|t: &Token| {
                ["anyone", "anybody", "everyone", "everybody", "all"].contains(&t.lower.as_str())
            });
            // "Ingeniero/a", "Entwickler/in", "Abogado/a": the feminine
            // ending after a slash is the same word
            // (in lower case after a word in lower case: "CIPP/E" is a name)
            let gender_ending = ["a", "as", "in", "innen", "e"].contains(&text)
                && start >= 2
                && prompt[..start].ends_with('/')
                && tokens.last().is_some_and(|t: &Token| {
                    t.end + 1 == start
                        && t.text.chars().all(char::is_alphabetic)
                        && t.text.chars().last().is_some_and(char::is_lowercase)
                });
            // "bilingual German-English": two languages joined by a dash
            // are two words
            let languages = text.split_once('-').filter(|(a, b)| {
                [a, b].iter().all(|w| {
                    w.chars().count() >= 4
                        && scout_taxonomy::languages::canonical_language(w).is_some()
                })
            });
            // "Amsterdam-based": a place and the word that says so, as
            // "Amsterdam based" (not "cloud-based")
            let based = text.rsplit_once('-').filter(|(place, suffix)| {
                suffix.eq_ignore_ascii_case("based")
                    && place.chars().next().is_some_and(char::is_uppercase)
                    && scout_taxonomy::geocode(place).is_some()
            });
            // "DevOps-Ingenieur", "SAP-Kenntnisse": a German compound of a
            // field and a role or a word for knowing it, as two words
            let compound = text.rsplit_once('-').filter(|(field, role)| {
                !field.is_empty() && GERMAN_COMPOUND_TAILS.contains(&role.to_lowercase().as_str())
            });
            let two_words = languages.or(based).or(compound);
            if gender_ending {
                // (the word before keeps its span; the ending is no word)
            } else if let Some((first, second)) = two_words {
                for (part, at) in [(first, start), (second, start + first.len() + 1)] {
                    tokens.push(Token {
                        folded: fold(part),
                        lower: part.to_lowercase(),
                        text: part.to_owned(),
                        start: at,
                        end: at + part.len(),
                        clause,
                    });
                }
            } else if CLAUSE_WORDS.contains(&lower.as_str()) && !(lower == "but" && after_anyone) {
                clause += 1;
            } else {
                tokens.push(Token {
                    folded: fold(text),
                    lower,
                    text: text.to_owned(),
                    start,
                    end,
                    clause,
                });
            }
            i = j;
            continue;
        }
        // "Sr. engineer": the dot of a title abbreviation ends nothing
        // ("mind. 5 Jahre", "min. 3 years", "approx. 10": so does a word's
        // abbreviation before a number)
        let after_abbreviation = tokens.last().is_some_and(|t: &Token| {
            t.end == pos
                && (scout_taxonomy::titles::is_title_abbreviation(&t.lower)
                    || (NUMBER_ABBREVIATIONS.contains(&t.lower.as_str())
                        && chars[i + 1..]
                            .iter()
                            .find(|(_, n)| !n.is_whitespace())
                            .is_some_and(|(_, n)| n.is_ascii_digit())))
        });
        let ends_sentence = c == '.' && !next_is_word && !after_abbreviation;
        // a dash between words ("not from Amazon — senior SDEs in Seattle")
        let spaced_dash = matches!(c, '—' | '–')
            || (c == '-' && chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace()));
        if matches!(c, ',' | ';' | '(' | ')' | '!' | '?' | '\n' | '|')
            || ends_sentence
            || spaced_dash
        {
            clause += 1;
        }
        i += 1;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feminine_ending_after_a_slash_is_no_word_but_a_name_keeps_its_letters() {
        let words = |p: &str| tokenize(p).into_iter().map(|t| t.text).collect::<Vec<_>>();
        assert_eq!(words("Ingeniero/a de datos"), ["Ingeniero", "de", "datos"]);
        assert_eq!(words("Entwickler/in"), ["Entwickler"]);
        assert_eq!(words("CIPP/E"), ["CIPP", "E"]);
        assert_eq!(words("mind. 5 Jahre"), ["mind", "5", "Jahre"]);
        assert_eq!(
            tokenize("mind. 5 Jahre")[0].clause,
            tokenize("mind. 5 Jahre")[1].clause
        );
    }

    #[test]
    fn words_keep_their_inner_punctuation_and_offsets() {
        let t = tokenize("Node.js, ex-Google (C++/.NET) master's. but 5+ years");
        let n = tokenize("above 5,000 staff, 3,5 or 10,0000");
        let words: Vec<&str> = n.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            ["above", "5,000", "staff", "3", "5", "or", "10", "0000"]
        );
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            [
                "Node.js",
                "ex-Google",
                "C++",
                ".NET",
                "master's",
                "5+",
                "years"
            ]
        );
        assert_eq!(&"Node.js, ex"[t[0].start..t[0].end], "Node.js");
        let clauses: Vec<usize> = t.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 1, 2, 2, 3, 5, 5]);
    }

    #[test]
    fn a_place_before_based_is_a_word_of_its_own() {
        let words: Vec<String> = tokenize("Amsterdam-based, cloud-based")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(words, ["Amsterdam", "based", "cloud-based"]);
    }
}
