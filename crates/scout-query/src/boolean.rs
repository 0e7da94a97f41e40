//! Boolean keyword strings, as recruiters write them for LinkedIn
//! Recruiter, SeekOut or hireEZ, → a [`BoolExpr`].
//!
//! ```text
//! expression := or
//! or         := and { "OR" and }
//! and        := unary { [ "AND" ] unary }     two operands side by side are ANDed
//! unary      := ( "NOT" | "-" ) unary | primary
//! primary    := "(" expression ")" | phrase | word
//! phrase     := '"' text '"'                  straight or curly quotes
//! word       := a run of characters other than white space, brackets and quotes
//! ```
//!
//! - `AND`, `OR` and `NOT` are operators only in capitals (as on LinkedIn);
//!   `and`, `or`, `not` are words. `NOT` binds tighter than `AND`, `AND`
//!   tighter than `OR`: `a OR b AND NOT c` is `a OR (b AND (NOT c))`.
//! - `-` directly before a word, a quote or a bracket is `NOT` (`-agency`);
//!   a `-` inside a word is part of it (`e-commerce`), and one standing
//!   alone is punctuation, skipped, as is any word with no letter or digit.
//! - A word matches the profile's text as a phrase of its own words after
//!   folding (`node.js` is `node js`); a phrase matches its words in order.
//! - Limits: at most [`MAX_TERMS`] words and phrases, brackets nested at
//!   most [`MAX_NESTING`] deep. Every error names the character (counted
//!   from 1) where reading failed.
//!
//! A value is read with this grammar only when [`looks_boolean`] says so
//! (an operator, a quote, a bracket or a leading `-`); any other value keeps
//! the plain meaning of a `KEYWORD` filter.

pub use scout_model::boolean::{BoolExpr, BooleanKeyword};
use scout_taxonomy::fold;

/// Most words and phrases in one expression.
pub const MAX_TERMS: usize = 30;
/// Deepest nesting of brackets.
pub const MAX_NESTING: usize = 6;

/// Why a boolean string cannot be read (positions count characters from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BooleanError {
    /// Nothing to search for.
    #[error("the expression has no word or phrase to search for")]
    Empty,
    /// A quote never closed.
    #[error("the quote at character {0} is never closed")]
    UnclosedQuote(usize),
    /// Two quotes with nothing between.
    #[error("the quotes at character {0} hold no words")]
    EmptyPhrase(usize),
    /// A bracket never closed.
    #[error("the bracket at character {0} is never closed")]
    UnclosedBracket(usize),
    /// A closing bracket with no opening one.
    #[error("the closing bracket at character {0} has no opening bracket")]
    UnopenedBracket(usize),
    /// Brackets with nothing between.
    #[error("the brackets at character {0} hold nothing")]
    EmptyBrackets(usize),
    /// An operator with no operand on one side.
    #[error("`{operator}` at character {at} has nothing to its {side}")]
    MissingOperand {
        /// `AND`, `OR`, `NOT` or `-`.
        operator: &'static str,
        /// Where it stands.
        at: usize,
        /// `left` or `right`.
        side: &'static str,
    },
    /// Over [`MAX_TERMS`].
    #[error("the expression has more than {MAX_TERMS} words and phrases")]
    TooManyTerms,
    /// Over [`MAX_NESTING`].
    #[error("brackets nest deeper than {MAX_NESTING} levels")]
    TooDeep,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    And,
    Or,
    Not,
    /// `-` glued to what follows.
    Minus,
    Word(String),
    Phrase(String),
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || is_quote(c)
}

/// Whether `value` uses the boolean grammar: an operator in capitals, a
/// quote, a bracket, or a `-` before a word.
pub fn looks_boolean(value: &str) -> bool {
    let mut prev_space = true;
    let chars: Vec<char> = value.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_quote(c) || c == '(' || c == ')' {
            return true;
        }
        if c == '-' && prev_space && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            return true;
        }
        prev_space = c.is_whitespace();
    }
    value
        .split_whitespace()
        .any(|w| matches!(w, "AND" | "OR" | "NOT"))
}

/// Tokens with the character (from 1) each starts at.
fn lex(text: &str) -> Result<Vec<(Tok, usize)>, BooleanError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push((Tok::Open, at));
            i += 1;
        } else if c == ')' {
            out.push((Tok::Close, at));
            i += 1;
        } else if is_quote(c) {
            let close = chars[i + 1..]
                .iter()
                .position(|&x| is_quote(x))
                .ok_or(BooleanError::UnclosedQuote(at))?;
            let inner: String = chars[i + 1..i + 1 + close].iter().collect();
            let inner = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            if fold(&inner).is_empty() {
                return Err(BooleanError::EmptyPhrase(at));
            }
            out.push((Tok::Phrase(inner), at));
            i += close + 2;
        } else if c == '-' {
            match chars.get(i + 1) {
                Some(&n) if !n.is_whitespace() => out.push((Tok::Minus, at)),
                _ => {} // a dash on its own is punctuation
            }
            i += 1;
        } else {
            let end = chars[i..]
                .iter()
                .position(|&x| ends_word(x))
                .map_or(chars.len(), |p| i + p);
            let word: String = chars[i..end].iter().collect();
            i = end;
            match word.as_str() {
                "AND" => out.push((Tok::And, at)),
                "OR" => out.push((Tok::Or, at)),
                "NOT" => out.push((Tok::Not, at)),
                _ if fold(&word).is_empty() => {} // punctuation: "/", "&", "|"
                _ => out.push((Tok::Word(word), at)),
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    nesting: usize,
    terms: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(0, |(_, a)| *a)
    }

    fn or(&mut self) -> Result<BoolExpr, BooleanError> {
        let mut operands = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            let at = self.at();
            self.pos += 1;
            if !self.starts_operand() {
                return Err(missing("OR", at, "right"));
            }
            operands.push(self.and()?);
        }
        Ok(join(operands, false))
    }

    fn and(&mut self) -> Result<BoolExpr, BooleanError> {
        let mut operands = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    let at = self.at();
                    self.pos += 1;
                    if !self.starts_operand() {
                        return Err(missing("AND", at, "right"));
                    }
                }
                _ if self.starts_operand() => {}
                _ => break,
            }
            operands.push(self.unary()?);
        }
        Ok(join(operands, true))
    }

    fn starts_operand(&self) -> bool {
        matches!(
            self.peek(),
            Some(Tok::Open | Tok::Not | Tok::Minus | Tok::Word(_) | Tok::Phrase(_))
        )
    }

    fn unary(&mut self) -> Result<BoolExpr, BooleanError> {
        match self.peek() {
            Some(Tok::Not | Tok::Minus) => {
                let (op, at) = match self.toks[self.pos] {
                    (Tok::Not, at) => ("NOT", at),
                    (_, at) => ("-", at),
                };
                self.pos += 1;
                if !self.starts_operand() {
                    return Err(missing(op, at, "right"));
                }
                Ok(BoolExpr::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<BoolExpr, BooleanError> {
        let at = self.at();
        let tok = self.peek().cloned();
        self.pos += 1;
        match tok {
            Some(Tok::Word(w)) => self.term(BoolExpr::Word(w)),
            Some(Tok::Phrase(p)) => self.term(BoolExpr::Phrase(p)),
            Some(Tok::Open) => {
                self.nesting += 1;
                if self.nesting > MAX_NESTING {
                    return Err(BooleanError::TooDeep);
                }
                if self.peek() == Some(&Tok::Close) {
                    return Err(BooleanError::EmptyBrackets(at));
                }
                if !self.starts_operand() {
                    return Err(match self.toks.get(self.pos) {
                        Some((Tok::And, a)) => missing("AND", *a, "left"),
                        Some((Tok::Or, a)) => missing("OR", *a, "left"),
                        _ => BooleanError::UnclosedBracket(at),
                    });
                }
                let inner = self.or()?;
                match self.peek() {
                    Some(Tok::Close) => {
                        self.pos += 1;
                        self.nesting -= 1;
                        Ok(inner)
                    }
                    _ => Err(BooleanError::UnclosedBracket(at)),
                }
            }
            Some(Tok::And) => Err(missing("AND", at, "left")),
            Some(Tok::Or) => Err(missing("OR", at, "left")),
            Some(Tok::Close) => Err(BooleanError::UnopenedBracket(at)),
            // unary() reads NOT and -, and callers check an operand follows
            Some(Tok::Not | Tok::Minus) | None => Err(BooleanError::Empty),
        }
    }

    fn term(&mut self, t: BoolExpr) -> Result<BoolExpr, BooleanError> {
        self.terms += 1;
        if self.terms > MAX_TERMS {
            return Err(BooleanError::TooManyTerms);
        }
        Ok(t)
    }
}

fn missing(operator: &'static str, at: usize, side: &'static str) -> BooleanError {
    BooleanError::MissingOperand { operator, at, side }
}

/// One operand is itself; several are one flat list (an `AND` in an `AND`
/// spreads its operands, so `(a AND b) AND c` reads as `a AND b AND c`).
fn join(operands: Vec<BoolExpr>, and: bool) -> BoolExpr {
    if operands.len() == 1 {
        return operands
            .into_iter()
            .next()
            .unwrap_or(BoolExpr::And(Vec::new()));
    }
    let mut flat = Vec::with_capacity(operands.len());
    for o in operands {
        match o {
            BoolExpr::And(xs) if and => flat.extend(xs),
            BoolExpr::Or(xs) if !and => flat.extend(xs),
            o => flat.push(o),
        }
    }
    if and {
        BoolExpr::And(flat)
    } else {
        BoolExpr::Or(flat)
    }
}

/// Reads `text` with the grammar above.
pub fn parse(text: &str) -> Result<BoolExpr, BooleanError> {
    let toks = lex(text)?;
    if toks.is_empty() {
        return Err(BooleanError::Empty);
    }
    let mut p = Parser {
        toks,
        pos: 0,
        nesting: 0,
        terms: 0,
    };
    if !p.starts_operand() {
        return Err(match p.toks[0] {
            (Tok::And, a) => missing("AND", a, "left"),
            (Tok::Or, a) => missing("OR", a, "left"),
            (_, a) => BooleanError::UnopenedBracket(a),
        });
    }
    let expr = p.or()?;
    match p.toks.get(p.pos) {
        None => Ok(expr),
        Some((Tok::Close, a)) => Err(BooleanError::UnopenedBracket(*a)),
        Some((Tok::Or, a)) => Err(missing("OR", *a, "right")),
        Some((Tok::And, a)) => Err(missing("AND", *a, "right")),
        Some((_, a)) => Err(BooleanError::UnopenedBracket(*a)),
    }
}

/// A `KEYWORD` value: `Ok(None)` when it is plain text (no boolean syntax),
/// the expression when it is one, the reason when it is a broken one.
pub fn read_keyword(value: &str) -> Result<Option<BooleanKeyword>, BooleanError> {
    if !looks_boolean(value) {
        return Ok(None);
    }
    let expr = parse(value)?;
    Ok(Some(BooleanKeyword {
        text: value.trim().to_owned(),
        expr,
    }))
}

/// Byte ranges of a prompt that hold a boolean string, for the prompt
/// reader. The prompt is cut at commas, semicolons and line ends outside
/// quotes and brackets; a piece holds one when it has an operator in
/// capitals and either a quote or bracket that an operator works with
/// (inside the brackets, or right beside the group or phrase) or a second
/// operator one of which is `AND` — so "java OR kotlin developer", "NOT at
/// Apple" and "terraform AND ansible (not just one)" stay plain language. The string runs from the piece's start to its last operand;
/// a word that follows a closed bracket (or an operand phrase) with no
/// operator between ends it: `nurse AND (ICU OR "intensive care") in
/// Houston` leaves "in Houston" to the other readers.
pub fn spans_in(prompt: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in prompt.char_indices() {
        match c {
            _ if is_quote(c) => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            ',' | ';' | '\n' if !quoted && depth == 0 => {
                out.extend(span_in_piece(prompt, start, i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.extend(span_in_piece(prompt, start, prompt.len()));
    out
}

fn span_in_piece(prompt: &str, from: usize, to: usize) -> Option<std::ops::Range<usize>> {
    #[derive(PartialEq)]
    enum Kind {
        Open,
        Close,
        Operator(&'static str),
        Minus,
        Phrase,
        Word,
    }
    let piece = &prompt[from..to];
    let mut toks: Vec<(Kind, usize, usize)> = Vec::new();
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind_end = if c == '(' {
            (Kind::Open, i + 1)
        } else if c == ')' {
            (Kind::Close, i + 1)
        } else if is_quote(c) {
            let mut end = piece.len();
            for (j, d) in chars.by_ref() {
                if is_quote(d) {
                    end = j + d.len_utf8();
                    break;
                }
            }
            (Kind::Phrase, end)
        } else if c == '-' && chars.peek().is_some_and(|(_, n)| !n.is_whitespace()) {
            (Kind::Minus, i + 1)
        } else {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if ends_word(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let kind = match &piece[i..end] {
                "AND" => Kind::Operator("AND"),
                "OR" => Kind::Operator("OR"),
                "NOT" => Kind::Operator("NOT"),
                _ => Kind::Word,
            };
            (kind, end)
        };
        toks.push((kind_end.0, i, kind_end.1));
    }
    let operators: Vec<&str> = toks
        .iter()
        .filter_map(|(k, _, _)| match k {
            Kind::Operator(o) => Some(*o),
            _ => None,
        })
        .collect();
    // a bracket or a quote counts when an operator works with it: inside
    // the brackets, or right beside the group or the phrase ("AND (a OR
    // b)", "\"x y\" AND z") — not "terraform AND ansible (not just one)"
    let mut depth = 0usize;
    let mut inside = false;
    for (k, _, _) in &toks {
        match k {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            Kind::Operator(_) if depth > 0 => inside = true,
            _ => {}
        }
    }
    let beside = toks.windows(2).any(|w| {
        let group = |k: &Kind| matches!(k, Kind::Open | Kind::Close | Kind::Phrase);
        (matches!(w[0].0, Kind::Operator(_)) && group(&w[1].0))
            || (group(&w[0].0) && matches!(w[1].0, Kind::Operator(_)))
    });
    let grouped = inside || beside;
    if operators.is_empty() || !(grouped || (operators.len() >= 2 && operators.contains(&"AND"))) {
        return None;
    }
    // "people with Kubernetes AND Terraform": the words that lead to the
    // expression ("people with", "anyone who knows") are no operands
    let first_operator = toks
        .iter()
        .position(|(k, _, _)| !matches!(k, Kind::Word))
        .unwrap_or(toks.len());
    let lead_in = |w: &str| {
        let w = w.to_lowercase();
        crate::prompt::lexicon::FILLER.contains(&w.as_str())
            || crate::prompt::lexicon::CARRY_NOTHING.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "with" | "w/" | "know" | "knows" | "knowing" | "using" | "who"
            )
    };
    let skip = toks
        .iter()
        .take(first_operator.saturating_sub(1))
        .take_while(|(k, s, e)| matches!(k, Kind::Word) && lead_in(&piece[*s..*e]))
        .count();
    let (first, last) = (toks.get(skip)?.1, toks.last()?.2);
    let mut end = last;
    let mut depth = 0usize;
    let mut closed = false;
    let mut joined = true;
    for (kind, s, e) in &toks {
        match kind {
            Kind::Open => depth += 1,
            Kind::Close => {
                depth = depth.saturating_sub(1);
                closed |= depth == 0;
            }
            Kind::Word | Kind::Phrase if depth == 0 && closed && !joined => {
                end = *s;
                break;
            }
            Kind::Phrase if depth == 0 && joined => closed = true,
            _ => {}
        }
        end = *e;
        joined = matches!(kind, Kind::Operator(_) | Kind::Minus | Kind::Open);
    }
    let text = piece[first..end].trim_end();
    (!text.is_empty()).then(|| from + first..from + first + text.len())
}

/// The words of a broken boolean string with its syntax taken out, for
/// readers that keep what they can (a pasted Sales Navigator URL): quotes,
/// brackets, operators and leading dashes removed.
pub fn plain_words(value: &str) -> String {
    value
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || is_quote(c))
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT" | "" | "-"))
        .map(|w| w.trim_start_matches('-'))
        .filter(|w| !fold(w).is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
