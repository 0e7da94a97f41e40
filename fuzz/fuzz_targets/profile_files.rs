//! Any bytes as a file people import — CSV, a JSON Resume, a LinkedIn
//! export archive: no reader panics, a file it cannot read at all is an
//! error with a reason, and every profile it makes has an id and passes the
//! importer's checks or is rejected with a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;
use scout_ingest::formats::{csv, json_resume, linkedin, Converted};

fn check(rows: &[Converted]) {
    for r in rows {
        match &r.profile {
            Ok(t) => assert!(!t.id.is_empty()),
            Err(reason) => assert!(!reason.is_empty()),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok((_, rows)) = csv::read(data, &[]) {
        check(&rows);
    }
    check(&json_resume::read(data));
    if let Ok(one) = linkedin::read_zip(data) {
        check(std::slice::from_ref(&one));
    }
});
