//! Any text: the prompt reader never panics and its spans stay inside the prompt.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    if let Ok(intent) = scout_query::prompt::read_prompt(data) {
        for f in &intent.filters {
            assert!(f.start <= f.end && f.end <= data.len());
            assert_eq!(&data[f.start..f.end], f.text);
        }
    }
});
