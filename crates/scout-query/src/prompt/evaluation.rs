//! The labelled prompt set (`data/labelled_prompts.tsv`) and the precision
//! and recall of the reader on it, per filter type; `scout bench prompts`
//! prints them and a unit test keeps them from falling.
//!
//! A label is one filter in a compact notation: a mode (`+` required, `~`
//! optional, `-` excluded), the documented type, `=`, the value, then
//! `@KM` for a radius and `/HISTORY` when the history is not the type's
//! default — e.g. `+LOCATION=Lyon@30`, `+COMPANY_NAME=Google/PAST`. A line is
//! the prompt, a tab, and its labels separated by ` ; `. Values compare
//! case-insensitively; a predicted filter counts as right only when the
//! mode, type, value, radius and history all agree.

use std::collections::BTreeMap;

use scout_taxonomy::geocode;
use scout_taxonomy::industries::canonical_industry;
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::skills::canonical_skill;
use serde_json::Value;

use super::{filter_type, read_prompt_knowing, KnownNames, NoKnownNames};
use crate::filter::Filter;
use crate::search_request::{default_history, filter_to_json};

/// The development set: the prompts the rules were built against.
pub const LABELLED: &str = include_str!("../../data/labelled_prompts.tsv");
/// The held-out set: labelled by hand after the rules were frozen.
pub const HELD_OUT: &str = include_str!("../../data/heldout_prompts.tsv");
/// The recruiters' set (issue 21): written as recruiters write and
/// labelled by hand before any rule was changed for it; never tuned against.
pub const RECRUITERS: &str = include_str!("../../data/recruiter_prompts.tsv");

/// One labelled prompt.
#[derive(Debug, Clone)]
pub struct Case {
    /// The prompt.
    pub prompt: String,
    /// The filters a careful reader would take from it, in label notation.
    pub expected: Vec<String>,
}

/// The labelled cases of `text` (lines starting with `#` are comments).
pub fn cases(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (prompt, labels) = l.split_once('\t')?;
            Some(Case {
                prompt: prompt.to_owned(),
                expected: labels
                    .split(" ; ")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(normalize)
                    .collect(),
            })
        })
        .collect()
}

/// Lowercase, single spaces, and skills, languages, industries and places
/// under their canonical names, so "Kafka" and "Apache Kafka" are one label,
/// and "Wien" and "Vienna" one place.
fn normalize(label: &str) -> String {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((head, rest)) = label.split_once('=') else {
        return label.to_lowercase();
    };
    let kind = head.trim_start_matches(['+', '~', '-']);
    let (value, suffix) = match rest.find(['@', '/']) {
        Some(p) if kind != "SKILL" => (&rest[..p], &rest[p..]),
        _ => (rest, ""),
    };
    let canonical = match kind {
        "SKILL" => canonical_skill(value).map(str::to_owned),
        "LANGUAGE" => canonical_language(value).map(str::to_owned),
        "COMPANY_INDUSTRY" => canonical_industry(value).map(str::to_owned),
        // one place under any of its names ("Wien", "Vienna"): the search
        // resolves both to the same place
        "LOCATION" => {
            geocode(value).map(|m| format!("{} ({:?} {})", m.name, m.kind, m.country_code))
        }
        _ => None,
    };
    format!("{head}={}{suffix}", canonical.as_deref().unwrap_or(value)).to_lowercase()
}

/// A filter in label notation.
pub fn label(f: &Filter) -> String {
    let v = filter_to_json(f);
    let mode = if f.excluded {
        '-'
    } else if f.required {
        '+'
    } else {
        '~'
    };
    let t = filter_type(f);
    let mut s = format!("{mode}{}={}", t.as_str(), v["value"].as_str().unwrap_or(""));
    if let Some(r) = v.get("radius").and_then(Value::as_f64) {
        s.push_str(&format!("@{}", r.round()));
    }
    if let Some(h) = v.get("history").and_then(Value::as_str) {
        if serde_json::to_value(default_history(t))
            .ok()
            .as_ref()
            .and_then(Value::as_str)
            != Some(h)
        {
            s.push_str(&format!("/{h}"));
        }
    }
    s
}

/// Counts for one filter type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeScore {
    /// Predicted and labelled.
    pub true_positives: usize,
    /// Predicted, not labelled.
    pub false_positives: usize,
    /// Labelled, not predicted.
    pub false_negatives: usize,
}

impl TypeScore {
    /// Share of predictions that are right (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        let p = self.true_positives + self.false_positives;
        if p == 0 {
            1.0
        } else {
            self.true_positives as f64 / p as f64
        }
    }

    /// Share of labels that were predicted (1 when nothing was labelled).
    pub fn recall(&self) -> f64 {
        let l = self.true_positives + self.false_negatives;
        if l == 0 {
            1.0
        } else {
            self.true_positives as f64 / l as f64
        }
    }
}

/// What the reader got right and wrong on a labelled set.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Prompts read.
    pub prompts: usize,
    /// Prompts read exactly as labelled.
    pub exact: usize,
    /// Counts per documented filter type.
    pub per_type: BTreeMap<String, TypeScore>,
    /// Every prompt read differently: (prompt, missed labels, extra predictions).
    pub differences: Vec<(String, Vec<String>, Vec<String>)>,
}

impl Evaluation {
    /// Counts over every type.
    pub fn overall(&self) -> TypeScore {
        let mut all = TypeScore::default();
        for s in self.per_type.values() {
            all.true_positives += s.true_positives;
            all.false_positives += s.false_positives;
            all.false_negatives += s.false_negatives;
        }
        all
    }
}

fn type_of(label: &str) -> String {
    label
        .trim_start_matches(['+', '~', '-'])
        .split('=')
        .next()
        .unwrap_or("")
        .to_uppercase()
}

/// Reads every case with the rules alone and compares, as a multiset per
/// prompt.
pub fn evaluate(cases: &[Case]) -> Evaluation {
    evaluate_knowing(cases, &NoKnownNames)
}

/// Reads every case as a workspace whose data knows `known` would, and
/// compares as [`evaluate`] does.
pub fn evaluate_knowing(cases: &[Case], known: &dyn KnownNames) -> Evaluation {
    let mut eval = Evaluation {
        prompts: cases.len(),
        ..Evaluation::default()
    };
    for case in cases {
        let predicted: Vec<String> = read_prompt_knowing(&case.prompt, known)
            .map(|i| {
                i.filters
                    .iter()
                    .map(|r| normalize(&label(&r.filter)))
                    .collect()
            })
            .unwrap_or_default();
        let mut missed = case.expected.clone();
        let mut extra = Vec::new();
        for p in predicted {
            if let Some(pos) = missed.iter().position(|e| *e == p) {
                let hit = missed.remove(pos);
                eval.per_type
                    .entry(type_of(&hit))
                    .or_default()
                    .true_positives += 1;
            } else {
                eval.per_type
                    .entry(type_of(&p))
                    .or_default()
                    .false_positives += 1;
                extra.push(p);
            }
        }
        for m in &missed {
            eval.per_type.entry(type_of(m)).or_default().false_negatives += 1;
        }
        if missed.is_empty() && extra.is_empty() {
            eval.exact += 1;
        } else {
            eval.differences.push((case.prompt.clone(), missed, extra));
        }
    }
    eval
}
