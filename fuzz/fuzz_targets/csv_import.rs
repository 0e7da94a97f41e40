//! Any bytes as a CSV or spreadsheet export: the reader never panics, a
//! file it cannot read at all is an error with a reason, and every row is
//! a profile with an id or a rejection with a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((_, rows)) = scout_ingest::formats::csv::read(data, &[]) {
        for r in rows {
            match r.profile {
                Ok(t) => assert!(!t.id.is_empty()),
                Err(reason) => assert!(!reason.is_empty()),
            }
        }
    }
});
