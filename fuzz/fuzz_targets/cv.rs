//! Any bytes as an uploaded CV: the reader never panics — a file it cannot
//! read is an error with a reason — and what it reads keeps its promises
//! (an E.164 phone starts with `+`, dates are `YYYY-MM-01`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(read) = scout_ingest::cv::parse_cv(data) {
        let cv = &read.parsed;
        if let Some(phone) = &cv.phone_e164 {
            assert!(phone.starts_with('+'), "{phone}");
        }
        for x in &cv.experiences {
            for date in [&x.start, &x.end].into_iter().flatten() {
                assert!(date.len() == 10 && date.ends_with("-01"), "{date}");
            }
        }
    }
});
