//! Fixtures (`data/sales_navigator_fixtures.json`), error cases and
//! properties of the Sales Navigator URL reader.

use proptest::prelude::*;

use super::*;
use crate::prompt::evaluation::label;

fn labels(imported: &Imported) -> Vec<String> {
    imported.filters.iter().map(label).collect()
}

#[test]
fn fixtures_read_as_recorded() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../data/sales_navigator_fixtures.json")).unwrap();
    for case in file["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let imported = parse_sales_navigator_url(case["url"].as_str().unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let want: Vec<String> = serde_json::from_value(case["filters"].clone()).unwrap();
        assert_eq!(labels(&imported), want, "{name}");
        let ignored: Vec<&str> = imported.ignored.iter().map(|i| i.kind.as_str()).collect();
        let want: Vec<String> = serde_json::from_value(case["ignored"].clone()).unwrap();
        assert_eq!(ignored, want, "{name}");
    }
}

#[test]
fn bad_urls_say_what_is_wrong() {
    let err = |u: &str| parse_sales_navigator_url(u).unwrap_err();
    assert!(matches!(
        err("https://example.com/?q=1"),
        ImportError::NotPeopleSearch(_)
    ));
    assert!(
        err("https://www.linkedin.com/sales/search/company?query=()")
            .to_string()
            .contains("Company searches")
    );
    assert!(matches!(
        err("https://www.linkedin.com/sales/search/people?savedSearchId=1234567"),
        ImportError::SavedSearchOnly(id) if id == "1234567"
    ));
    assert!(matches!(
        err("https://www.linkedin.com/sales/search/people?query=(filters:List((type:TITLE)"),
        ImportError::Malformed { .. }
    ));
    assert_eq!(
        err("https://www.linkedin.com/sales/search/people"),
        ImportError::Empty
    );
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

proptest! {
    #[test]
    fn arbitrary_input_never_panics(s in ".{0,300}") {
        let _ = parse_sales_navigator_url(&s);
        let _ = parse_sales_navigator_url(&format!("https://www.linkedin.com/sales/search/people?query={s}"));
        let _ = restli::parse(&s);
        let mut out = Imported::default();
        read_keywords(&s, &mut out);
        prop_assert!(out.filters.len() <= 1);
    }

    #[test]
    fn titles_survive_every_encoding(
        titles in proptest::collection::vec("[A-Za-z][A-Za-z ,()&:]{0,20}[A-Za-z]", 1..5),
        excluded in proptest::collection::vec(any::<bool>(), 5),
        times in 0usize..3,
    ) {
        let values: Vec<String> = titles
            .iter()
            .zip(&excluded)
            .map(|(t, x)| format!("(id:1,text:{},selectionType:{})", encode(t), if *x { "EXCLUDED" } else { "INCLUDED" }))
            .collect();
        let mut query = format!("(filters:List((type:CURRENT_TITLE,values:List({}))))", values.join(","));
        for _ in 0..times {
            query = encode(&query);
        }
        let imported = parse_sales_navigator_url(&format!("https://www.linkedin.com/sales/search/people?query={query}")).unwrap();
        prop_assert_eq!(imported.filters.len(), titles.len());
        for ((f, t), x) in imported.filters.iter().zip(&titles).zip(&excluded) {
            prop_assert_eq!(&f.criterion, &Criterion::JobTitle { title: t.trim().to_owned(), history: History::Current });
            prop_assert_eq!(f.excluded, *x);
        }
    }

    /// Companies named by URNs, escaped as LinkedIn writes them or bare as a
    /// URL decoded once too often or typed by hand has them, at every
    /// encoding depth of the query.
    #[test]
    fn urns_are_read_escaped_or_bare_at_every_depth(
        names in proptest::collection::vec("[A-Za-z][A-Za-z &,]{0,15}[A-Za-z]", 1..4),
        bare in any::<bool>(),
        times in 0usize..3,
    ) {
        let values: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(n, name)| format!("(id:URNSLOT{n}X,text:{},selectionType:INCLUDED)", encode(name)))
            .collect();
        let mut query = format!("(filters:List((type:CURRENT_COMPANY,values:List({}))))", values.join(","));
        for _ in 0..times {
            query = encode(&query);
        }
        for n in 0..names.len() {
            let urn = format!("urn:li:organization:{}", 1000 + n);
            let written = if bare {
                urn
            } else {
                // escaped one level deeper than the structure, as scalars are
                (0..=times).fold(urn, |u, _| encode(&u))
            };
            query = query.replace(&format!("URNSLOT{n}X"), &written);
        }
        let imported = parse_sales_navigator_url(&format!("https://www.linkedin.com/sales/search/people?query={query}")).unwrap();
        prop_assert_eq!(imported.filters.len(), names.len());
        for (f, name) in imported.filters.iter().zip(&names) {
            prop_assert_eq!(&f.criterion, &Criterion::CompanyName { name: name.trim().to_owned(), history: History::Current });
        }
        prop_assert!(imported.ignored.is_empty());
    }
    /// Places given only by a LinkedIn geo id of the bundled table — the
    /// number or its URN, escaped or bare — resolve to their place at every
    /// encoding depth.
    #[test]
    fn geo_ids_resolve_as_numbers_or_urns_at_every_depth(
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 1..4),
        as_urn in any::<bool>(),
        bare in any::<bool>(),
        times in 0usize..3,
    ) {
        let mut table: Vec<_> = scout_taxonomy::places::linkedin_geo_ids().collect();
        table.sort_by_key(|(id, _)| *id);
        let chosen: Vec<_> = picks.iter().map(|i| table[i.index(table.len())]).collect();
        let values: Vec<String> = (0..chosen.len())
            .map(|n| format!("(id:GEOSLOT{n}X,selectionType:INCLUDED)"))
            .collect();
        let mut query = format!("(filters:List((type:REGION,values:List({}))))", values.join(","));
        for _ in 0..times {
            query = encode(&query);
        }
        for (n, (id, _)) in chosen.iter().enumerate() {
            let id = if as_urn { format!("urn:li:geo:{id}") } else { (*id).to_owned() };
            let written = if bare { id } else { (0..=times).fold(id, |u, _| encode(&u)) };
            query = query.replace(&format!("GEOSLOT{n}X"), &written);
        }
        let imported = parse_sales_navigator_url(&format!("https://www.linkedin.com/sales/search/people?query={query}")).unwrap();
        prop_assert!(imported.ignored.is_empty(), "{:?}", imported.ignored);
        prop_assert_eq!(imported.filters.len(), chosen.len());
        for (f, (_, geo)) in imported.filters.iter().zip(&chosen) {
            prop_assert_eq!(&f.criterion, &Criterion::Location { place: geo.place.to_owned(), radius_km: None });
        }
    }
}
