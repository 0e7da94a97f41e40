//! The labelled CV corpus (`tests/corpus/`, made by
//! `scripts/cv-corpus/make.py` with Chromium and LibreOffice): every file is
//! read without panicking, image-only scans are refused as having no text
//! layer, and the scores of each half stay at least where they stand
//! (floors below; the targets are in docs/benchmarks.md). Run with
//! `--nocapture` to see the per-field figures.

use std::path::{Path, PathBuf};

use scout_ingest::cv::accuracy::FieldScore;
use scout_ingest::cv::corpus::{score, CorpusScores, Labelled, FIELDS};
use scout_ingest::cv::parse_cv;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read_half(split: &str) -> CorpusScores {
    let labels: Vec<Labelled> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("labels.json")).unwrap()).unwrap();
    let cases: Vec<_> = labels
        .into_iter()
        .filter(|l| l.split == split)
        .filter(|l| in_styles(&l.style))
        .map(|l| {
            let bytes = std::fs::read(dir().join(&l.file)).unwrap();
            let read = parse_cv(&bytes).map(|r| r.parsed);
            (l, read)
        })
        .collect();
    score(&cases)
}

/// Whether a style is among those named in `SCOUT_CV_STYLES` (comma
/// separated; all when unset): to measure a new round of development styles
/// on its own before the reader is tuned on it.
fn in_styles(style: &str) -> bool {
    std::env::var("SCOUT_CV_STYLES")
        .map(|s| s.split(',').any(|x| x.trim() == style))
        .unwrap_or(true)
}

fn report(split: &str, s: &CorpusScores) {
    eprintln!("{split}: {} CVs", s.files);
    for f in FIELDS {
        let x: &FieldScore = &s.fields[f];
        eprintln!(
            "  {f:<15} P {:.3} R {:.3} ({}/{}/{})",
            x.precision(),
            x.recall(),
            x.correct,
            x.extracted,
            x.expected
        );
    }
    for f in &s.failed {
        eprintln!("  failed: {f}");
    }
}

#[test]
fn image_only_scans_are_refused_as_having_no_text_layer() {
    let s = read_half("scan");
    assert!(s.refusals_expected >= 4);
    assert_eq!(s.refused_right, s.refusals_expected);
}

/// Floors under today's figures (a change that lowers one fails here); the
/// held-out half is only ever scored, never read while tuning.
#[test]
fn both_halves_are_read_at_least_as_well_as_recorded() {
    // (field, precision, recall) under which the held-out half may not fall;
    // the development half keeps every field at 0.97 or more
    const HELD_OUT_FLOORS: &[(&str, f64, f64)] = &[
        ("name", 0.97, 0.97),
        ("email", 1.0, 1.0),
        ("phone", 0.97, 0.95),
        ("location", 0.97, 0.9),
        ("title", 0.97, 0.97),
        ("skills", 0.97, 0.97),
        ("experiences", 0.95, 0.9),
        ("jobTitles", 0.95, 0.9),
        ("employers", 0.95, 0.9),
        ("schools", 0.97, 0.97),
        ("education", 0.97, 0.97),
        ("languages", 0.97, 0.95),
        ("certifications", 0.9, 0.9),
        ("links", 0.97, 0.97),
    ];
    for split in ["dev", "heldout"] {
        let s = read_half(split);
        report(split, &s);
        assert!(s.files >= 40, "{split}: {} files", s.files);
        assert!(s.failed.is_empty(), "{split}: {:?}", s.failed);
        for field in FIELDS {
            let (p, r) = if split == "dev" {
                (0.97, 0.97)
            } else {
                HELD_OUT_FLOORS
                    .iter()
                    .find(|(f, ..)| f == field)
                    .map(|(_, p, r)| (*p, *r))
                    .unwrap_or_else(|| panic!("no floor for {field}"))
            };
            let x = &s.fields[field];
            assert!(
                x.precision() >= p && x.recall() >= r,
                "{split} {field}: P {:.3} R {:.3} under {p} / {r}",
                x.precision(),
                x.recall()
            );
        }
    }
}

/// Prints, for the development half, what each file's reading missed and
/// added in the field named by `SCOUT_CV_FIELD` (while working on the reader).
#[test]
#[ignore]
fn misses() {
    let field = std::env::var("SCOUT_CV_FIELD").unwrap_or_default();
    let labels: Vec<Labelled> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("labels.json")).unwrap()).unwrap();
    for l in labels.iter().filter(|l| l.split == "dev") {
        let bytes = std::fs::read(dir().join(&l.file)).unwrap();
        let Ok(read) = parse_cv(&bytes).map(|r| r.parsed) else {
            eprintln!("{}: failed", l.file);
            continue;
        };
        let s = score(&[(l.clone(), Ok(read.clone()))]);
        let x = &s.fields[field.as_str()];
        if x.correct != x.expected || x.correct != x.extracted {
            let label = serde_json::to_value(&read).unwrap();
            let got = match field.as_str() {
                "name" => label["fullName"].clone(),
                "phone" => label["phoneE164"].clone(),
                "education" | "schools" => label["education"].clone(),
                "experiences" | "jobTitles" | "employers" => label["experiences"].clone(),
                f => label[f].clone(),
            };
            eprintln!(
                "{} ({}/{}/{}): read {got}",
                l.file, x.correct, x.extracted, x.expected
            );
        }
    }
}

/// Prints the text and the reading of the files named in `SCOUT_CV_DUMP`
/// (development files only, while working on the reader).
#[test]
#[ignore]
fn dump() {
    for file in std::env::var("SCOUT_CV_DUMP")
        .unwrap_or_default()
        .split(',')
    {
        let bytes = std::fs::read(dir().join(file)).unwrap();
        match scout_ingest::cv::extract::text_of(&bytes) {
            Ok((_, text)) => eprintln!("=== {file}\n{text}\n---"),
            Err(e) => eprintln!("=== {file}: {e}"),
        }
        eprintln!("{:#?}", parse_cv(&bytes).map(|r| r.parsed));
    }
}
