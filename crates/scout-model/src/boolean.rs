//! A boolean keyword expression — `(java OR kotlin) AND "distributed
//! systems" NOT android` — as a tree, its canonical printed form, and its
//! truth over a profile's text. The grammar and the parser live in
//! `scout-query` (`boolean.rs`); the engine compiles the tree to a query and
//! the explainer evaluates it, so both need the type and neither the parser.

use std::fmt;

/// One node of a boolean keyword expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoolExpr {
    /// A bare word, as typed (`kotlin`, `c++`, `node.js`).
    Word(String),
    /// A quoted phrase: its words in this order, as typed.
    Phrase(String),
    /// Every operand matches.
    And(Vec<BoolExpr>),
    /// At least one operand matches.
    Or(Vec<BoolExpr>),
    /// The operand does not match.
    Not(Box<BoolExpr>),
}

impl BoolExpr {
    /// The words and phrases of the expression, left to right, each with
    /// whether it sits under an odd number of `NOT`s (a term the profile
    /// must lack).
    pub fn terms(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        self.collect_terms(false, &mut out);
        out
    }

    fn collect_terms<'a>(&'a self, negated: bool, out: &mut Vec<(&'a str, bool)>) {
        match self {
            BoolExpr::Word(t) | BoolExpr::Phrase(t) => out.push((t, negated)),
            BoolExpr::And(xs) | BoolExpr::Or(xs) => {
                for x in xs {
                    x.collect_terms(negated, out);
                }
            }
            BoolExpr::Not(x) => x.collect_terms(!negated, out),
        }
    }

    /// Whether the expression holds when `has(term)` says which words and
    /// phrases a text contains.
    pub fn holds(&self, has: &mut dyn FnMut(&str) -> bool) -> bool {
        match self {
            BoolExpr::Word(t) | BoolExpr::Phrase(t) => has(t),
            BoolExpr::And(xs) => xs.iter().all(|x| x.holds(has)),
            BoolExpr::Or(xs) => xs.iter().any(|x| x.holds(has)),
            BoolExpr::Not(x) => !x.holds(has),
        }
    }

    /// Nesting depth: a term is 1, an operator one more than its deepest operand.
    pub fn depth(&self) -> usize {
        match self {
            BoolExpr::Word(_) | BoolExpr::Phrase(_) => 1,
            BoolExpr::And(xs) | BoolExpr::Or(xs) => {
                1 + xs.iter().map(BoolExpr::depth).max().unwrap_or(0)
            }
            BoolExpr::Not(x) => 1 + x.depth(),
        }
    }

    fn precedence(&self) -> u8 {
        match self {
            BoolExpr::Or(_) => 1,
            BoolExpr::And(_) => 2,
            BoolExpr::Not(_) => 3,
            BoolExpr::Word(_) | BoolExpr::Phrase(_) => 4,
        }
    }

    fn write_operand(&self, f: &mut fmt::Formatter<'_>, above: u8) -> fmt::Result {
        if self.precedence() <= above {
            write!(f, "({self})")
        } else {
            write!(f, "{self}")
        }
    }
}

/// The canonical form: operators in capitals, `NOT` for every negation,
/// phrases in double quotes, brackets only where precedence needs them
/// (`NOT` binds tighter than `AND`, `AND` than `OR`). Parsing the printed
/// form gives the same tree.
impl fmt::Display for BoolExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BoolExpr::Word(t) => f.write_str(t),
            BoolExpr::Phrase(t) => write!(f, "\"{t}\""),
            BoolExpr::And(xs) | BoolExpr::Or(xs) => {
                let (joiner, own) = match self {
                    BoolExpr::And(_) => (" AND ", 2),
                    _ => (" OR ", 1),
                };
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(joiner)?;
                    }
                    x.write_operand(f, own)?;
                }
                Ok(())
            }
            BoolExpr::Not(x) => {
                f.write_str("NOT ")?;
                x.write_operand(f, 2)
            }
        }
    }
}

/// A `KEYWORD` value read as a boolean expression: the text as the client
/// sent it (echoed back) and its tree (searched and explained).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BooleanKeyword {
    /// The value as sent, trimmed.
    pub text: String,
    /// What it means.
    pub expr: BoolExpr,
}

#[cfg(test)]
mod tests {
    use super::BoolExpr::*;
    use super::*;

    fn w(s: &str) -> BoolExpr {
        Word(s.into())
    }

    #[test]
    fn prints_with_brackets_only_where_precedence_needs_them() {
        let e = And(vec![
            Or(vec![w("java"), w("kotlin")]),
            Phrase("distributed systems".into()),
            Not(Box::new(w("android"))),
        ]);
        assert_eq!(
            e.to_string(),
            "(java OR kotlin) AND \"distributed systems\" AND NOT android"
        );
        let e = Or(vec![
            And(vec![w("a"), w("b")]),
            Not(Box::new(Or(vec![w("c"), w("d")]))),
        ]);
        assert_eq!(e.to_string(), "a AND b OR NOT (c OR d)");
    }

    #[test]
    fn terms_know_their_negation_and_truth_follows_the_operators() {
        let e = And(vec![
            w("rust"),
            Not(Box::new(Not(Box::new(w("go"))))),
            Not(Box::new(w("php"))),
        ]);
        assert_eq!(
            e.terms(),
            vec![("rust", false), ("go", false), ("php", true)]
        );
        assert!(e.holds(&mut |t| t != "php"));
        assert!(!e.holds(&mut |_| true));
        assert_eq!(e.depth(), 4);
    }
}
