use proptest::prelude::*;

use super::*;
use BoolExpr::*;

fn w(s: &str) -> BoolExpr {
    Word(s.into())
}

fn not(e: BoolExpr) -> BoolExpr {
    Not(Box::new(e))
}

#[test]
fn reads_what_recruiters_write() {
    assert_eq!(
        parse("(java OR kotlin) AND \"distributed systems\" NOT android"),
        Ok(And(vec![
            Or(vec![w("java"), w("kotlin")]),
            Phrase("distributed systems".into()),
            not(w("android")),
        ]))
    );
    assert_eq!(
        parse("recruiter AND (“technical recruiting” OR \"tech recruiting\") -agency"),
        Ok(And(vec![
            w("recruiter"),
            Or(vec![
                Phrase("technical recruiting".into()),
                Phrase("tech recruiting".into())
            ]),
            not(w("agency")),
        ]))
    );
    // precedence: NOT over AND over OR; side by side is AND
    assert_eq!(
        parse("a OR b c NOT d"),
        Ok(Or(vec![w("a"), And(vec![w("b"), w("c"), not(w("d"))])]))
    );
    // lower-case operators are words; a dash inside a word or on its own is no NOT
    assert_eq!(
        parse("(rust and go) - e-commerce"),
        Ok(And(vec![w("rust"), w("and"), w("go"), w("e-commerce")]))
    );
    assert_eq!(parse("-(a OR b)"), Ok(not(Or(vec![w("a"), w("b")]))));
    assert_eq!(parse("c++ / c#"), Ok(And(vec![w("c++"), w("c#")])));
}

#[test]
fn tells_plain_values_from_boolean_ones() {
    for plain in [
        "open source",
        "e-commerce",
        "B2B SaaS",
        "rust and go",
        "a - b",
        "C++",
    ] {
        assert!(!looks_boolean(plain), "{plain}");
        assert_eq!(read_keyword(plain), Ok(None));
    }
    for boolean in [
        "java OR kotlin",
        "\"machine learning\"",
        "-agency",
        "NOT crypto",
        "api (rest)",
    ] {
        assert!(looks_boolean(boolean), "{boolean}");
        assert!(matches!(read_keyword(boolean), Ok(Some(_))), "{boolean}");
    }
}

#[test]
fn every_broken_expression_says_where() {
    let cases = [
        ("", BooleanError::Empty),
        ("( )", BooleanError::EmptyBrackets(1)),
        ("\"java", BooleanError::UnclosedQuote(1)),
        ("java \"\"", BooleanError::EmptyPhrase(6)),
        ("(java OR go", BooleanError::UnclosedBracket(1)),
        ("java) OR go", BooleanError::UnopenedBracket(5)),
        ("java OR", missing("OR", 6, "right")),
        ("AND java", missing("AND", 1, "left")),
        ("java AND OR go", missing("AND", 6, "right")),
        ("(OR go)", missing("OR", 2, "left")),
        ("java NOT", missing("NOT", 6, "right")),
        ("java -", BooleanError::Empty),
    ];
    for (text, want) in cases {
        let got = parse(text);
        if text == "java -" {
            // a lone dash is punctuation: what is left is one word
            assert_eq!(got, Ok(w("java")));
            continue;
        }
        assert_eq!(got, Err(want.clone()), "{text}");
        assert!(!want.to_string().is_empty());
    }
}

#[test]
fn limits_hold() {
    let many = (0..=MAX_TERMS)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    assert_eq!(parse(&many), Err(BooleanError::TooManyTerms));
    let enough = (0..MAX_TERMS)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    assert!(parse(&enough).is_ok());
    let deep = format!(
        "{}a{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    assert_eq!(parse(&deep), Err(BooleanError::TooDeep));
    let fine = format!("{}a{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
    assert_eq!(parse(&fine), Ok(w("a")));
}

#[test]
fn the_syntax_of_a_broken_string_can_be_taken_out() {
    assert_eq!(
        plain_words("(java OR \"spring boot\" -agency"),
        "java spring boot agency"
    );
}

/// Trees as the parser builds them: no operator directly inside one of its
/// own kind, at least two operands each.
fn tree() -> impl Strategy<Value = BoolExpr> {
    let leaf = prop_oneof![
        "[a-z][a-z0-9+#.]{0,6}"
            .prop_filter("operators are no words", |s| !s.is_empty())
            .prop_map(Word),
        "[a-z]{1,5}( [a-z]{1,5}){0,2}".prop_map(Phrase),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(|xs| super::join(xs, true)),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|xs| super::join(xs, false)),
            inner.prop_map(|x| Not(Box::new(x))),
        ]
    })
}

proptest! {
    #[test]
    fn a_printed_expression_reads_back_the_same(e in tree()) {
        let printed = e.to_string();
        prop_assert_eq!(parse(&printed), Ok(e), "{}", printed);
    }

    #[test]
    fn any_string_reads_without_panicking_and_a_reading_is_stable(s in "[a-z ()\"“”\\-ANDORT]{0,60}") {
        if let Ok(e) = parse(&s) {
            let printed = e.to_string();
            prop_assert_eq!(parse(&printed), Ok(e.clone()), "{} → {}", s, printed);
            prop_assert!(e.terms().len() <= MAX_TERMS);
        }
    }
}

#[test]
fn a_prompt_holds_a_boolean_string_only_where_it_uses_the_syntax() {
    let found =
        |p: &str| -> Vec<String> { spans_in(p).into_iter().map(|r| p[r].to_owned()).collect() };
    let whole = "(java OR kotlin) AND \"distributed systems\" NOT android";
    assert_eq!(found(whole), vec![whole]);
    assert_eq!(
        found("\"site reliability\" AND (kubernetes OR k8s), Amsterdam"),
        vec!["\"site reliability\" AND (kubernetes OR k8s)"]
    );
    assert_eq!(
        found("nurse AND (ICU OR \"intensive care\") in Houston"),
        vec!["nurse AND (ICU OR \"intensive care\")"]
    );
    assert_eq!(
        found("Berlin; rust AND go AND NOT php"),
        vec!["rust AND go AND NOT php"]
    );
    // the words that lead to it are no operands; a phrase of two words is
    assert_eq!(
        found("people with Kubernetes AND Terraform AND (AWS OR GCP), remote"),
        vec!["Kubernetes AND Terraform AND (AWS OR GCP)"]
    );
    assert_eq!(
        found("machine learning AND python AND (aws OR gcp)"),
        vec!["machine learning AND python AND (aws OR gcp)"]
    );
    for plain in [
        "java OR kotlin developer in Berlin",
        "iOS devs, swift + objective-c, NOT at Apple",
        "backend engineer, rust or go, NOT crypto",
        "product designer (B2C), Figma",
    ] {
        assert!(found(plain).is_empty(), "{plain}");
    }
}
