//! For every filter type: a profile that must match and one that must not,
//! under required, excluded, optional and (where it changes anything) exact.

use scout_engine::{Engine, OrgDirectory, SearchOptions};
use scout_model::criteria::{Criterion, Degree, Filter, YearRange};
use scout_model::{CompanySize, History, Organization, Talent};

fn talent(v: serde_json::Value) -> Talent {
    serde_json::from_value(v).unwrap()
}

/// `yes` meets every criterion below; `no` meets none.
fn profiles() -> Vec<Talent> {
    vec![
        talent(serde_json::json!({
            "id": "yes", "jobTitle": "Senior Data Engineer", "city": "Berlin", "country": "Germany",
            "currentOrganization": {"id": "o1", "name": "Nimbus Labs"},
            "experiences": [
                {"title": "Senior Data Engineer", "organizationName": "Nimbus Labs", "isCurrent": true, "startDate": "2022-01-01", "description": "Airflow pipelines"},
                {"title": "Analytics Intern", "organizationName": "Globex", "startDate": "2014-01-01", "endDate": "2015-01-01"}
            ],
            "educations": [{"schoolName": "Technische Universität Berlin", "degrees": ["Master of Science"], "endDate": "2013-07-01"}],
            "skills": ["Apache Airflow", "Kubernetes"], "summary": "Streaming at scale",
            "languages": [{"name": "German", "proficiency": "native_or_bilingual"}, {"name": "Italian", "proficiency": "limited_working"}],
            "certifications": [{"name": "Databricks Certified Data Engineer"}]
        })),
        talent(serde_json::json!({
            "id": "no", "jobTitle": "Freelance Pastry Chef", "city": "Lisbon", "country": "Portugal",
            "experiences": [{"title": "Freelance Pastry Chef", "organizationName": "Freelance", "isCurrent": true, "startDate": "2025-06-01"}],
            "educations": [{"schoolName": "Culinary School", "degrees": ["Bachelor of Arts"], "endDate": "2019-07-01"}],
            "skills": ["Pastry"], "languages": [{"name": "Portuguese", "proficiency": "native_or_bilingual"}]
        })),
    ]
}

fn engine() -> Engine {
    let e = Engine::in_memory();
    let mut w = e.writer(30_000_000).unwrap();
    let mut orgs = OrgDirectory::default();
    orgs.upsert(&Organization {
        id: "o1".into(),
        name: "Nimbus Labs".into(),
        size: Some(CompanySize::S51To200),
        industry: Some("software development".into()),
        ..Default::default()
    });
    *w.organizations_mut() = orgs;
    for (i, t) in profiles().iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
    }
    w.commit().unwrap();
    e.reload().unwrap();
    e
}

fn ids(e: &Engine, f: Filter) -> Vec<String> {
    let mut v: Vec<String> = e
        .search(
            &[f],
            &SearchOptions {
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    v.sort();
    v
}

/// Criteria `yes` meets and `no` does not; the flag says whether an exact
/// version of the same value still matches `yes` (exact places match the
/// profile's own text; "Potsdam + 40 km" only through geography).
fn criteria() -> Vec<(Criterion, bool)> {
    vec![
        (
            Criterion::JobTitle {
                title: "Data Engineer".into(),
                history: History::Current,
            },
            true,
        ),
        (
            Criterion::JobTitle {
                title: "Analytics Intern".into(),
                history: History::Past,
            },
            true,
        ),
        (
            Criterion::Location {
                place: "Berlin".into(),
                radius_km: None,
            },
            true,
        ),
        (
            Criterion::Location {
                place: "Potsdam".into(),
                radius_km: Some(40.0),
            },
            false,
        ),
        (
            Criterion::Location {
                place: "Germany".into(),
                radius_km: None,
            },
            true,
        ),
        (
            Criterion::YearsOfExperience(YearRange { lo: 3, hi: 10 }),
            true,
        ),
        (Criterion::DurationInJob(YearRange { lo: 3, hi: 5 }), true),
        (Criterion::Skill("Airflow".into()), false),
        (Criterion::Skill("apache airflow".into()), true),
        (Criterion::Keyword("streaming at scale".into()), true),
        (Criterion::Language("deutsch".into()), true),
        (Criterion::Language("german".into()), true),
        (
            Criterion::LanguageProficiency {
                language: Some("italian".into()),
                level: "elementary",
            },
            true,
        ),
        (
            Criterion::LanguageProficiency {
                language: Some("german".into()),
                level: "native_or_bilingual",
            },
            true,
        ),
        (
            Criterion::CompanyName {
                name: "Nimbus Labs".into(),
                history: History::Current,
            },
            true,
        ),
        (
            Criterion::CompanyName {
                name: "Globex".into(),
                history: History::Past,
            },
            true,
        ),
        (
            Criterion::CompanySize {
                size: CompanySize::S51To200,
                history: History::Current,
            },
            true,
        ),
        (
            Criterion::CompanyIndustry {
                industry: "Computer Software".into(),
                history: History::CurrentOrPast,
            },
            true,
        ),
        (Criterion::EducationDegree(Degree::Masters), true),
        (
            Criterion::EducationSchoolName("Berlin Technische Universität".into()),
            false,
        ),
        (
            Criterion::EducationSchoolName("Technische Universität Berlin".into()),
            true,
        ),
        (
            Criterion::CertificationName("Databricks Certified".into()),
            true,
        ),
        (Criterion::GraduationYear(2013), true),
    ]
}

#[test]
fn every_type_matches_the_right_profile_required_excluded_and_optional() {
    let e = engine();
    for (c, exact_also) in criteria() {
        assert_eq!(
            ids(&e, Filter::required(c.clone())),
            vec!["yes"],
            "required {c:?}"
        );
        assert_eq!(
            ids(&e, Filter::optional(c.clone())),
            vec!["yes"],
            "optional {c:?}"
        );
        assert_eq!(
            ids(&e, Filter::excluded(c.clone())),
            vec!["no"],
            "excluded {c:?}"
        );
        let mut exact = Filter::required(c.clone());
        exact.exact = true;
        let expected: Vec<&str> = if exact_also { vec!["yes"] } else { vec![] };
        assert_eq!(ids(&e, exact), expected, "exact {c:?}");
    }
}

#[test]
fn freelance_matches_the_freelancer_and_excluding_it_the_other() {
    let e = engine();
    assert_eq!(ids(&e, Filter::required(Criterion::Freelance)), vec!["no"]);
    assert_eq!(ids(&e, Filter::excluded(Criterion::Freelance)), vec!["yes"]);
}

#[test]
fn an_excluded_filter_wins_over_required() {
    let e = engine();
    let mut f = Filter::required(Criterion::Location {
        place: "Germany".into(),
        radius_km: None,
    });
    f.excluded = true;
    assert_eq!(ids(&e, f), vec!["no"]);
}

/// Issue 19: a non-exact title strips seniority to widen, along the ladder
/// (docs/search.md): senior reaches unranked titles and lead/staff/principal,
/// never junior or intern; junior never senior, lead or head. Per title
/// field: a past junior title does not hide a current match.
#[test]
fn stripped_seniority_widens_to_neighbouring_rungs_never_the_opposite_end() {
    let people = [
        ("senior", "Senior Backend Engineer", None),
        ("plain", "Backend Engineer", Some("Junior Backend Engineer")),
        ("lead", "Lead Backend Engineer", None),
        ("staff", "Staff Backend Engineer", None),
        ("junior", "Junior Backend Engineer", None),
        ("intern", "Backend Engineer Intern", None),
        ("head", "Head Backend Engineer", None),
    ];
    let e = Engine::in_memory();
    let mut w = e.writer(30_000_000).unwrap();
    for (i, (id, title, past)) in people.iter().enumerate() {
        let mut experiences = vec![
            serde_json::json!({"title": title, "organizationName": "Acme", "isCurrent": true, "startDate": "2022-01-01"}),
        ];
        if let Some(p) = past {
            experiences.push(serde_json::json!({"title": p, "organizationName": "Globex", "startDate": "2018-01-01", "endDate": "2021-12-01"}));
        }
        let t =
            talent(serde_json::json!({"id": id, "jobTitle": title, "experiences": experiences}));
        w.upsert(i as i64 + 1, &t).unwrap();
    }
    w.commit().unwrap();
    e.reload().unwrap();
    let title = |t: &str, history| {
        Filter::required(Criterion::JobTitle {
            title: t.into(),
            history,
        })
    };
    assert_eq!(
        ids(&e, title("Senior Backend Engineer", History::Current)),
        ["lead", "plain", "senior", "staff"]
    );
    assert_eq!(
        ids(&e, title("Sr. Backend Engineer", History::CurrentOrPast)),
        ["lead", "plain", "senior", "staff"],
        "a past junior title does not hide a current match"
    );
    assert_eq!(
        ids(&e, title("Junior Backend Engineer", History::Current)),
        ["intern", "junior", "plain"]
    );
    assert_eq!(
        ids(&e, title("Backend Engineer", History::Current)),
        ["head", "intern", "junior", "lead", "plain", "senior", "staff"],
        "a title on no rung widens everywhere"
    );
    let mut exact = title("Senior Backend Engineer", History::Current);
    exact.exact = true;
    assert_eq!(ids(&e, exact), ["senior"]);
}

/// Issue 19: a city takes in its districts, whatever the profile's text
/// calls them; metropolitan and regional names take in their member
/// places; the explanation says which place the profile matched through.
#[test]
fn places_as_people_mean_them_districts_metros_and_regions() {
    let people = [
        ("nyc", "New York City", "US"),
        ("brooklyn", "Brooklyn", "US"),
        ("staten", "Staten Island", "US"),
        ("jersey", "Jersey City", "US"),
        ("paris11", "Paris 11 Popincourt", "FR"),
        ("boulogne", "Boulogne-Billancourt", "FR"),
        ("munich", "Munich", "DE"),
        ("zurich", "Zurich", "CH"),
        ("paloalto", "Palo Alto", "US"),
        ("seattle", "Seattle", "US"),
        ("tokyo", "Tokyo", "JP"),
    ];
    let e = Engine::in_memory();
    let mut w = e.writer(30_000_000).unwrap();
    let mut talents = Vec::new();
    for (i, (id, city, country)) in people.iter().enumerate() {
        let t = talent(serde_json::json!({"id": id, "city": city, "country": country}));
        w.upsert(i as i64 + 1, &t).unwrap();
        talents.push(t);
    }
    w.commit().unwrap();
    e.reload().unwrap();
    let at = |place: &str| {
        Filter::required(Criterion::Location {
            place: place.into(),
            radius_km: None,
        })
    };
    fn sorted(mut v: Vec<&str>) -> Vec<String> {
        v.sort_unstable();
        v.into_iter().map(str::to_owned).collect()
    }
    for (place, want) in [
        ("New York", vec!["brooklyn", "nyc", "staten"]),
        ("NYC", vec!["brooklyn", "nyc", "staten"]),
        ("Brooklyn", vec!["brooklyn"]),
        ("Paris", vec!["paris11"]),
        ("Greater Paris", vec!["boulogne", "paris11"]),
        (
            "Tri-State Area",
            vec!["brooklyn", "jersey", "nyc", "staten"],
        ),
        ("Silicon Valley", vec!["paloalto"]),
        ("DACH", vec!["munich", "zurich"]),
        ("Pacific Northwest", vec!["seattle"]),
        ("APAC", vec!["tokyo"]),
        ("EMEA", vec!["boulogne", "munich", "paris11", "zurich"]),
    ] {
        assert_eq!(ids(&e, at(place)), sorted(want), "{place}");
    }
    // excluding a city excludes its districts too
    let mut not_ny = at("New York");
    not_ny.excluded = true;
    assert!(!ids(&e, not_ny).iter().any(|id| id == "brooklyn"));
    // explanations name the place matched through
    let via = |place: &str, who: usize| {
        scout_engine::Explainer::new(&[at(place)]).explain(&talents[who], &OrgDirectory::default())
            [0]
        .via
        .clone()
    };
    assert_eq!(
        via("New York", 1).as_deref(),
        Some("Brooklyn, part of New York City")
    );
    assert_eq!(via("DACH", 6).as_deref(), Some("Munich, in DACH"));
    assert_eq!(via("New York", 0), None, "matched by its own name");
}
