//! Any bytes as a JSON Resume upload: the reader never panics, and every
//! record is a profile with an id or a rejection with a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for r in scout_ingest::formats::json_resume::read(data) {
        match r.profile {
            Ok(t) => assert!(!t.id.is_empty()),
            Err(reason) => assert!(!reason.is_empty()),
        }
    }
});
