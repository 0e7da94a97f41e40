//! Any text as a boolean keyword string: the parser never panics, a
//! reading stays within the limits, and printing it reads back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use scout_query::boolean::{parse, MAX_TERMS};

fuzz_target!(|text: &str| {
    if let Ok(expr) = parse(text) {
        assert!(expr.terms().len() <= MAX_TERMS);
        assert_eq!(parse(&expr.to_string()), Ok(expr));
    }
});
