//! Properties every reader keeps, over generated input: no panic on any
//! bytes; a profile Scout exports as CSV reads back with the same fields;
//! every date a reader writes is one the importer accepts.

use proptest::prelude::*;
use scout_model::{CurrentOrganization, Language, Talent};

use super::{csv, json_resume, linkedin, text};

/// Text a spreadsheet cell may hold: separators, quotes, line breaks,
/// accents, formula starts — but no leading or trailing blanks (cells are
/// trimmed) and not empty.
fn cell_text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ0-9=+@\"';,|\t\r\n -]{1,24}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not blank", |s| !s.is_empty())
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 .+#]{0,14}[A-Za-zÀ-ÿ0-9]".prop_map(|s| s.to_owned())
}

prop_compose! {
    fn profile()(
        id in "[a-z0-9_-]{1,20}",
        first in proptest::option::of(cell_text()),
        last in proptest::option::of(cell_text()),
        title in proptest::option::of(cell_text()),
        company in proptest::option::of(cell_text()),
        skills in proptest::collection::vec(word(), 0..5),
        languages in proptest::collection::vec((word(), proptest::option::of(proptest::sample::select(vec![
            "native_or_bilingual", "full_professional", "professional_working", "limited_working", "elementary",
        ]))), 0..3),
    ) -> Talent {
        let mut skills_seen: Vec<String> = Vec::new();
        for s in skills {
            if !skills_seen.iter().any(|k| k.eq_ignore_ascii_case(&s)) {
                skills_seen.push(s);
            }
        }
        let mut langs: Vec<Language> = Vec::new();
        for (name, level) in languages {
            if !langs.iter().any(|l| l.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&name))) {
                langs.push(Language { name: Some(name), proficiency: level.map(str::to_owned) });
            }
        }
        Talent {
            id,
            firstname: first,
            lastname: last,
            job_title: title,
            current_organization: company.map(|c| CurrentOrganization { name: Some(c), ..Default::default() }),
            skills: skills_seen,
            languages: langs,
            ..Default::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_reader_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = csv::read(&bytes, &[]);
        let _ = json_resume::read(&bytes);
        let _ = linkedin::read_zip(&bytes);
        let _ = text::decode(&bytes);
    }

    #[test]
    fn no_csv_reader_panics_on_any_text(text in "[a-z,;\t\"\r\n ]{0,200}") {
        let file = format!("First Name,Last Name,Skills\n{text}");
        if let Ok((_, rows)) = csv::read(file.as_bytes(), &[]) {
            for r in rows {
                if let Ok(t) = r.profile {
                    prop_assert!(!t.id.is_empty());
                }
            }
        }
    }

    #[test]
    fn an_exported_profile_reads_back(t in profile()) {
        let file = crate::export::csv_header() + &crate::export::csv_row(&t);
        let (_, rows) = csv::read(file.as_bytes(), &[]).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rows.len(), 1);
        let back = rows[0].profile.as_ref().map_err(|e| TestCaseError::fail(e.clone()))?;
        prop_assert_eq!(&back.id, &t.id);
        prop_assert_eq!(&back.firstname, &t.firstname);
        prop_assert_eq!(&back.lastname, &t.lastname);
        prop_assert_eq!(&back.job_title, &t.job_title);
        prop_assert_eq!(
            back.current_organization.as_ref().and_then(|o| o.name.clone()),
            t.current_organization.as_ref().and_then(|o| o.name.clone())
        );
        prop_assert_eq!(&back.skills, &t.skills);
        prop_assert_eq!(&back.languages, &t.languages);
    }

    #[test]
    fn dates_read_are_dates_the_importer_takes(raw in "[0-9A-Za-z/.,: -]{0,20}") {
        if let Some(d) = text::date(&raw) {
            let t = Talent {
                id: "x".into(),
                experiences: vec![scout_model::Experience { start_date: Some(d.clone()), ..Default::default() }],
                ..Default::default()
            };
            prop_assert!(crate::validate::talent(&t).is_ok(), "{} from {}", d, raw);
        }
    }
}
