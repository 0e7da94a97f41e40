//! A cover letter sent in the same file before the CV ("Dear Ms Doe, … Yours
//! sincerely, Ana Ruiz", then the CV): its lines are no part of the CV —
//! the addressee's name and title would be read as the candidate's. The
//! letter is recognised by a salutation, a closing and the signature after
//! it, followed by a CV (at least two known section headings); it is then
//! left out. A text without a CV after the letter is left as it is.

use super::sections;
use scout_taxonomy::fold;

/// Salutations a letter opens with, folded.
const SALUTATIONS: &[&str] = &[
    "dear",
    "to whom it may concern",
    "hello",
    "madame",
    "monsieur",
    "madame monsieur",
    "sehr geehrte",
    "sehr geehrter",
    "estimado",
    "estimada",
    "estimados",
];

/// Closings a letter ends with, folded.
const CLOSINGS: &[&str] = &[
    "yours sincerely",
    "sincerely",
    "yours faithfully",
    "kind regards",
    "best regards",
    "warm regards",
    "regards",
    "best",
    "cordialement",
    "bien cordialement",
    "veuillez agreer",
    "mit freundlichen grussen",
    "freundliche grusse",
    "atentamente",
    "un saludo",
    "saludos cordiales",
];

/// The lines with a cover letter before the CV left out.
pub fn without_cover_letter(lines: &mut Vec<(String, bool)>) {
    let window = lines.len().min(80);
    let starts_with_any = |line: &str, list: &[&str]| {
        let f = fold(line);
        list.iter()
            .any(|w| f == *w || f.starts_with(&format!("{w} ")))
    };
    let Some(salutation) = (0..window).find(|&i| starts_with_any(&lines[i].0, SALUTATIONS)) else {
        return;
    };
    let Some(closing) = (salutation + 1..window).find(|&i| {
        let t = lines[i].0.trim().trim_end_matches([',', '.', '!']);
        t.split_whitespace().count() <= 5 && starts_with_any(t, CLOSINGS)
    }) else {
        return;
    };
    // the signature: on the closing's own line when a comma at its end
    // joined them ("Yours sincerely, Ana Ruiz"), else the next line
    let closing_only = {
        let f = fold(lines[closing].0.trim().trim_end_matches([',', '.', '!']));
        CLOSINGS.contains(&f.as_str())
    };
    let signature = if closing_only {
        match (closing + 1..lines.len()).find(|&i| !lines[i].0.trim().is_empty()) {
            Some(s) => s,
            None => return,
        }
    } else {
        closing
    };
    let headings = lines[signature + 1..]
        .iter()
        .filter(|(l, _)| sections::known_heading(l).is_some())
        .count();
    if headings >= 2 {
        lines.drain(..=signature);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(String, bool)> {
        text.lines().map(|l| (l.to_owned(), false)).collect()
    }

    #[test]
    fn a_letter_before_a_cv_is_left_out() {
        let mut l = lines(
            "Ana Ruiz\nMs Jane Doe\nHead of Talent\nDear Ms Doe,\nI am writing to apply.\nYours sincerely,\nAna Ruiz\nAna Ruiz\nData Engineer\nExperience\nData Engineer, Acme\nSkills\nSQL",
        );
        without_cover_letter(&mut l);
        assert_eq!(l[0].0, "Ana Ruiz");
        assert_eq!(l[1].0, "Data Engineer");
        // the closing and signature joined on one line
        let mut l = lines(
            "Dear Ms Doe,\nI am writing to apply.\nYours sincerely, Ana Ruiz\nAna Ruiz\nData Engineer\nExperience\nData Engineer, Acme\nSkills\nSQL",
        );
        without_cover_letter(&mut l);
        assert_eq!(l[0].0, "Ana Ruiz");
    }

    #[test]
    fn a_letter_alone_or_a_cv_without_one_is_kept() {
        let text = "Dear Ms Doe,\nI am writing to apply.\nKind regards,\nAna Ruiz";
        let mut l = lines(text);
        without_cover_letter(&mut l);
        assert_eq!(l.len(), 4);
        let cv = "Ana Ruiz\nExperience\nBest Buy, Sales Associate\nSkills\nSQL";
        let mut l = lines(cv);
        without_cover_letter(&mut l);
        assert_eq!(l.len(), 5);
    }
}
