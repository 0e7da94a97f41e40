//! Rest.li object notation, as Sales Navigator writes its `query` parameter.
//!
//! ```text
//! value  = object | list | scalar
//! object = "(" [ pair *( "," pair ) ] ")"
//! pair   = key ":" value
//! list   = "List(" [ value *( "," value ) ] ")"
//! scalar = *( any character but "(", ")", "," and ":" )   ; percent-decoded
//! ```
//!
//! Leniency: a scalar in a value's place reads on through `:` up to the next
//! `,` or `)` — `id:urn:li:organization:1441`, as a URL decoded once too
//! often or typed by hand carries it, is the one value
//! `urn:li:organization:1441` (a value is only ever followed by `,` or `)`,
//! so this reads no valid query differently); likewise an object's value
//! reads on through a `,` that no `key:` follows (`text:Paris, France`).
//! [`salvage`] reads the objects
//! of a query that does not parse as a whole.
//!
//! Text inside scalars arrives percent-encoded once more than the URL
//! around it (`%2520` in a browser's address bar is a space); scalars are
//! decoded here, after the structure has been read, so an encoded `,` or
//! `)` inside a company name never breaks the structure.

use std::collections::BTreeMap;

/// A Rest.li value.
#[derive(Debug, Clone, PartialEq)]
pub enum RestLi {
    /// `(key:value,…)`
    Object(BTreeMap<String, RestLi>),
    /// `List(…)`
    List(Vec<RestLi>),
    /// Anything else, decoded.
    Scalar(String),
}

impl RestLi {
    /// The value under `key` of an object.
    pub fn get(&self, key: &str) -> Option<&RestLi> {
        match self {
            RestLi::Object(m) => m.get(key),
            _ => None,
        }
    }

    /// The text of a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            RestLi::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a list (a lone value counts as a list of one).
    pub fn items(&self) -> Vec<&RestLi> {
        match self {
            RestLi::List(v) => v.iter().collect(),
            other => vec![other],
        }
    }
}

/// Decodes `%XX` sequences; invalid ones are kept as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `text` opens with a key and its bare colon (`[A-Za-z0-9_]+:`).
pub fn opens_with_key(text: &[u8]) -> bool {
    let n = text
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    n > 0 && text.get(n) == Some(&b':')
}

/// Decodes a scalar until no encoded `%` remains (at most three times).
pub fn decode_scalar(raw: &str) -> String {
    let mut s = percent_decode(raw);
    for _ in 0..2 {
        if !s.contains("%25") && !s.contains("%20") && !s.contains("%2C") && !s.contains("%2c") {
            break;
        }
        s = percent_decode(&s);
    }
    s
}

/// Where and why a query could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the query.
    pub at: usize,
    /// What was expected.
    pub message: String,
}

struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
    depth: usize,
}

/// Deepest nesting accepted (real queries nest four levels).
const MAX_DEPTH: usize = 32;

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            at: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Result<(), SyntaxError> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected `{}`", b as char)))
        }
    }

    /// A value; `in_object`: an object's (followed by `,key:` or `)`).
    fn value(&mut self, in_object: bool) -> Result<RestLi, SyntaxError> {
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        let v = if self.peek() == Some(b'(') {
            self.object()
        } else if self.text[self.pos..].starts_with(b"List(") {
            self.pos += 4;
            self.list()
        } else {
            Ok(RestLi::Scalar(decode_scalar(
                &self.scalar_raw(true, in_object),
            )))
        };
        self.depth -= 1;
        v
    }

    /// Whether the text at `at` is a key and its colon (`[A-Za-z0-9_]+:`).
    fn key_at(&self, at: usize) -> bool {
        opens_with_key(&self.text[at.min(self.text.len())..])
    }

    /// A key (up to `:`) or, `in_value`, a value (through `:`). An object's
    /// value also reads through a `,` that no key follows: only `,key:`
    /// can follow it in a valid query, so `text:Paris, France` is a place.
    fn scalar_raw(&mut self, in_value: bool, in_object: bool) -> String {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b == b',' && in_object && !self.key_at(self.pos + 1) {
                self.pos += 1;
                continue;
            }
            if matches!(b, b'(' | b')' | b',') || (b == b':' && !in_value) {
                break;
            }
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.text[start..self.pos]).into_owned()
    }

    fn object(&mut self) -> Result<RestLi, SyntaxError> {
        self.expect(b'(')?;
        let mut map = BTreeMap::new();
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(RestLi::Object(map));
        }
        loop {
            let key = self.scalar_raw(false, false);
            if key.is_empty() {
                return Err(self.error("expected a key"));
            }
            self.expect(b':')?;
            let value = self.value(true)?;
            map.insert(percent_decode(&key), value);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(RestLi::Object(map));
                }
                _ => return Err(self.error("expected `,` or `)` in an object")),
            }
        }
    }

    fn list(&mut self) -> Result<RestLi, SyntaxError> {
        self.expect(b'(')?;
        let mut items = Vec::new();
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(RestLi::List(items));
        }
        loop {
            items.push(self.value(false)?);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(RestLi::List(items));
                }
                _ => return Err(self.error("expected `,` or `)` in a list")),
            }
        }
    }
}

/// Parses a whole Rest.li value; trailing text is an error.
pub fn parse(text: &str) -> Result<RestLi, SyntaxError> {
    let mut p = Parser {
        text: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let v = p.value(false)?;
    if p.pos != text.len() {
        return Err(p.error("unexpected text after the end of the value"));
    }
    Ok(v)
}

/// The objects that open with `(<key>:` anywhere in `text` and parse on
/// their own, each with its byte offset; and where the first one that does
/// not parse stops. For a query that does not parse as a whole: its
/// filters (`key` `type`) can still be read one by one.
pub fn salvage(text: &str, key: &str) -> (Vec<(usize, RestLi)>, Option<SyntaxError>) {
    let opening = format!("({key}:");
    let mut found = Vec::new();
    let mut first_error = None;
    let mut from = 0;
    while let Some(offset) = text[from..].find(&opening) {
        let start = from + offset;
        let mut p = Parser {
            text: text.as_bytes(),
            pos: start,
            depth: 0,
        };
        match p.object() {
            Ok(v) => {
                found.push((start, v));
                from = p.pos;
            }
            Err(e) => {
                first_error.get_or_insert(e);
                from = start + opening.len();
            }
        }
    }
    (found, first_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_lists_and_encoded_scalars_parse() {
        let v = parse("(keywords:data%2520engineer,filters:List((type:REGION,values:List((id:1,text:Paris%252C%2520France)))))").unwrap();
        assert_eq!(v.get("keywords").unwrap().as_str(), Some("data engineer"));
        let f = &v.get("filters").unwrap().items()[0];
        assert_eq!(f.get("type").unwrap().as_str(), Some("REGION"));
        let value = &f.get("values").unwrap().items()[0];
        assert_eq!(value.get("text").unwrap().as_str(), Some("Paris, France"));
        assert!(parse("(a:(b:c)").is_err());
        assert!(parse("(a:b))").is_err());
        assert_eq!(parse("()").unwrap(), RestLi::Object(BTreeMap::new()));
        assert!(parse(&"(a:".repeat(100)).is_err());
    }

    #[test]
    fn values_read_through_unescaped_colons() {
        let v = parse(
            "(values:List((id:urn:li:organization:1441,text:Google,selectionType:INCLUDED)))",
        )
        .unwrap();
        let value = &v.get("values").unwrap().items()[0];
        assert_eq!(
            value.get("id").unwrap().as_str(),
            Some("urn:li:organization:1441")
        );
        assert_eq!(value.get("text").unwrap().as_str(), Some("Google"));
        // keys still end at the first colon
        assert!(parse("(a:b:c)").is_ok());
        assert_eq!(
            parse("(a:b:c)").unwrap().get("a").unwrap().as_str(),
            Some("b:c")
        );
    }

    #[test]
    fn salvage_reads_each_object_that_parses() {
        let text = "(filters:List((type:REGION,values:List((text:Paris, France))),(type:TITLE,values:List((text:x)(,(type:SCHOOL,values:List((text:MIT))))";
        assert!(parse(text).is_err());
        let (found, error) = salvage(text, "type");
        let kinds: Vec<&str> = found
            .iter()
            .map(|(_, v)| v.get("type").unwrap().as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["REGION", "SCHOOL"]);
        assert_eq!(
            found[0].1.get("values").unwrap().items()[0]
                .get("text")
                .unwrap()
                .as_str(),
            Some("Paris, France")
        );
        assert!(error.is_some());
    }

    #[test]
    fn percent_decoding_keeps_invalid_sequences() {
        assert_eq!(percent_decode("a%20b%zz%"), "a b%zz%");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
    }
}
