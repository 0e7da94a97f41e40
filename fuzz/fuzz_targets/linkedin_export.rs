//! Any bytes as a LinkedIn data export archive: the reader never panics
//! (however the zip is broken, or however large it says its files are),
//! and what it reads is a profile with an id or a rejection with a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(one) = scout_ingest::formats::linkedin::read_zip(data) {
        match one.profile {
            Ok(t) => assert!(!t.id.is_empty()),
            Err(reason) => assert!(!reason.is_empty()),
        }
    }
});
