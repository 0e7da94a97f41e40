//! Why a talent matched: for each filter, where in the profile the match is
//! (field, text, byte offsets into that text, so a page can highlight it),
//! the distance for locations, the computed years for durations. Whether a
//! filter matched at all, and how well, comes from the index itself (see
//! `Engine::search`); this only points at the evidence.

use scout_model::{History, Talent};
use scout_query::{Criterion, Filter};
use scout_taxonomy::places::{geocode, locate_profile};
use scout_taxonomy::titles::{core_title, normalize_title, synonyms};
use scout_taxonomy::{fold, haversine_km, skills::skill_forms};
use serde::Serialize;

use crate::document::{current_month, OrgDirectory, ProfileFacts};

/// Where a filter's match is in a profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// JSON path of the field, e.g. `experiences[0].title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The field's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offsets `[start, end)` of the matched words in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<[usize; 2]>,
    /// Great-circle distance from the searched place, for locations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// The computed value compared, for durations, degrees and years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

/// Words of `text` with their byte spans, each folded.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = c.is_alphanumeric() || c == '+' || c == '#';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let f = fold(&text[s..i]);
                if !f.is_empty() {
                    out.push((f, s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Byte span of the folded phrase `needle` (already folded) in `text`.
pub fn find_phrase(text: &str, needle: &str) -> Option<[usize; 2]> {
    let want: Vec<&str> = needle.split(' ').filter(|w| !w.is_empty()).collect();
    if want.is_empty() {
        return None;
    }
    let ws = words(text);
    // A word may fold to several tokens ("C.I." → "ci"); compare token by token.
    let toks: Vec<(&str, usize, usize)> = ws
        .iter()
        .flat_map(|(f, s, e)| f.split(' ').map(move |t| (t, *s, *e)))
        .collect();
    toks.windows(want.len())
        .find(|w| w.iter().zip(&want).all(|(t, n)| t.0 == *n))
        .map(|w| [w[0].1, w[w.len() - 1].2])
}

fn first_hit<'a>(
    candidates: impl IntoIterator<Item = (String, &'a str)>,
    needles: &[String],
) -> Option<Evidence> {
    let candidates: Vec<(String, &str)> = candidates.into_iter().collect();
    for needle in needles {
        for (field, text) in &candidates {
            if let Some(off) = find_phrase(text, needle) {
                return Some(Evidence {
                    field: Some(field.clone()),
                    text: Some((*text).to_owned()),
                    offsets: Some(off),
                    ..Default::default()
                });
            }
        }
    }
    None
}

/// Whether a role belongs to the roles `history` names.
fn in_history(t: &Talent, role: &scout_model::Experience, history: History) -> bool {
    let current = t.is_current_role(role);
    match history {
        History::Current => current,
        History::Past => !current,
        History::CurrentOrPast => true,
    }
}

fn titles(t: &Talent, history: History) -> Vec<(String, &str)> {
    let mut v = Vec::new();
    if history != History::Past {
        if let Some(j) = &t.job_title {
            v.push(("jobTitle".to_owned(), j.as_str()));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        let wanted = in_history(t, e, history);
        if let (true, Some(title)) = (wanted, &e.title) {
            v.push((format!("experiences[{i}].title"), title.as_str()));
        }
    }
    v
}

fn companies(t: &Talent, history: History) -> Vec<(String, &str)> {
    let mut v = Vec::new();
    if history != History::Past {
        if let Some(n) = t
            .current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
        {
            v.push(("currentOrganization.name".to_owned(), n));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        let wanted = in_history(t, e, history);
        if let (true, Some(n)) = (wanted, &e.organization_name) {
            v.push((format!("experiences[{i}].organizationName"), n.as_str()));
        }
    }
    v
}

fn all_text(t: &Talent) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = Vec::new();
    for (name, val) in [
        ("jobTitle", &t.job_title),
        ("headline", &t.headline),
        ("summary", &t.summary),
    ] {
        if let Some(s) = val {
            v.push((name.to_owned(), s.as_str()));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        for (name, val) in [
            ("title", &e.title),
            ("organizationName", &e.organization_name),
            ("description", &e.description),
        ] {
            if let Some(s) = val {
                v.push((format!("experiences[{i}].{name}"), s.as_str()));
            }
        }
    }
    for (i, s) in t.skills.iter().enumerate() {
        v.push((format!("skills[{i}]"), s.as_str()));
    }
    for (i, e) in t.educations.iter().enumerate() {
        if let Some(s) = &e.school_name {
            v.push((format!("educations[{i}].schoolName"), s.as_str()));
        }
    }
    for (i, c) in t.certifications.iter().enumerate() {
        if let Some(s) = &c.name {
            v.push((format!("certifications[{i}].name"), s.as_str()));
        }
    }
    v
}

/// Points at the evidence of `filter` in `talent` (empty when there is none).
pub fn evidence(talent: &Talent, filter: &Filter, orgs: &OrgDirectory) -> Evidence {
    let exact = filter.exact;
    let found = match &filter.criterion {
        Criterion::JobTitle { title, history } => {
            let mut needles = vec![normalize_title(title), fold(title)];
            if !exact {
                needles.push(core_title(title));
                needles.extend(synonyms(title));
            }
            let cands = titles(talent, *history);
            first_hit(cands.iter().map(|(f, t)| (f.clone(), *t)), &needles).or_else(|| {
                // Abbreviations are expanded on both sides: compare normalised forms.
                cands
                    .iter()
                    .find(|(_, t)| normalize_title(t).contains(&core_title(title)))
                    .map(|(f, t)| Evidence {
                        field: Some(f.clone()),
                        text: Some((*t).to_owned()),
                        ..Default::default()
                    })
            })
        }
        Criterion::CompanyName { name, history } => {
            first_hit(companies(talent, *history), &[fold(name)])
        }
        Criterion::Skill(s) => {
            let forms = if exact { vec![fold(s)] } else { skill_forms(s) };
            let cands: Vec<(String, &str)> = talent
                .skills
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("skills[{i}]"), s.as_str()))
                .collect();
            cands
                .iter()
                .find(|(_, text)| forms.contains(&fold(text)))
                .map(|(f, text)| Evidence {
                    field: Some(f.clone()),
                    text: Some((*text).to_owned()),
                    offsets: Some([0, text.len()]),
                    ..Default::default()
                })
                .or_else(|| first_hit(cands.iter().map(|(f, t)| (f.clone(), *t)), &[fold(s)]))
        }
        Criterion::Keyword(k) => first_hit(all_text(talent), &[fold(k)]),
        Criterion::EducationSchoolName(s) => first_hit(
            talent.educations.iter().enumerate().filter_map(|(i, e)| {
                e.school_name
                    .as_deref()
                    .map(|n| (format!("educations[{i}].schoolName"), n))
            }),
            &[fold(s)],
        ),
        Criterion::CertificationName(c) => first_hit(
            talent
                .certifications
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    e.name
                        .as_deref()
                        .map(|n| (format!("certifications[{i}].name"), n))
                }),
            &[fold(c)],
        ),
        Criterion::Location { place, .. } => {
            let here = locate_profile(
                talent.city.as_deref(),
                talent.state.as_deref(),
                talent.country.as_deref(),
            );
            let field = if talent.city.is_some() {
                "city"
            } else {
                "country"
            };
            let text = if field == "city" {
                talent.city.clone()
            } else {
                talent.country.clone()
            };
            let distance = match (geocode(place), &here) {
                (Some(there), Some(h)) if h.city_id.is_some() => {
                    Some((haversine_km(there.lat, there.lon, h.lat, h.lon) * 10.0).round() / 10.0)
                }
                _ => None,
            };
            Some(Evidence {
                field: Some(field.to_owned()),
                text,
                distance_km: distance,
                ..Default::default()
            })
        }
        Criterion::Language(l) => talent
            .languages
            .iter()
            .enumerate()
            .find(|(_, x)| {
                x.name.as_deref().map(fold).is_some_and(|n| {
                    n == fold(l)
                        || scout_taxonomy::languages::canonical_language(&n)
                            == scout_taxonomy::languages::canonical_language(l)
                })
            })
            .map(|(i, x)| Evidence {
                field: Some(format!("languages[{i}]")),
                text: x.name.clone(),
                value: x.proficiency.clone().map(Into::into),
                ..Default::default()
            }),
        Criterion::LanguageProficiency { language, .. } => talent
            .languages
            .iter()
            .enumerate()
            .find(|(_, x)| {
                language.as_deref().is_none_or(|l| {
                    x.name.as_deref().map(fold).is_some_and(|n| {
                        scout_taxonomy::languages::canonical_language(&n)
                            == scout_taxonomy::languages::canonical_language(l)
                    })
                })
            })
            .map(|(i, x)| Evidence {
                field: Some(format!("languages[{i}].proficiency")),
                text: x.proficiency.clone(),
                ..Default::default()
            }),
        Criterion::YearsOfExperience(_)
        | Criterion::DurationInJob(_)
        | Criterion::EducationDegree(_)
        | Criterion::Freelance
        | Criterion::GraduationYear(_)
        | Criterion::CompanySize { .. }
        | Criterion::CompanyIndustry { .. } => {
            let facts = ProfileFacts::derive(talent, orgs);
            let now = current_month();
            Some(match &filter.criterion {
                Criterion::YearsOfExperience(_) => Evidence {
                    field: Some("experiences".into()),
                    value: Some(
                        ((facts.experience.months_at(now) as f64 / 12.0 * 10.0).round() / 10.0)
                            .into(),
                    ),
                    ..Default::default()
                },
                Criterion::DurationInJob(_) => Evidence {
                    field: Some("experiences".into()),
                    value: Some(
                        ((facts.tenure.months_at(now) as f64 / 12.0 * 10.0).round() / 10.0).into(),
                    ),
                    ..Default::default()
                },
                Criterion::EducationDegree(_) => Evidence {
                    field: Some("educations".into()),
                    value: facts
                        .highest_degree
                        .map(|d| ["none", "bachelors", "masters", "doctorates"][d as usize].into()),
                    ..Default::default()
                },
                Criterion::GraduationYear(_) => Evidence {
                    field: Some("educations".into()),
                    value: Some(facts.graduation_years.into()),
                    ..Default::default()
                },
                Criterion::Freelance => Evidence {
                    field: Some("jobTitle".into()),
                    text: talent.job_title.clone(),
                    ..Default::default()
                },
                Criterion::CompanySize { .. } => Evidence {
                    field: Some("currentOrganization".into()),
                    value: Some(
                        facts
                            .sizes_current
                            .iter()
                            .chain(&facts.sizes_past)
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .into(),
                    ),
                    ..Default::default()
                },
                _ => Evidence {
                    field: Some("currentOrganization".into()),
                    value: Some(
                        facts
                            .industries_current
                            .iter()
                            .chain(&facts.industries_past)
                            .copied()
                            .collect::<Vec<_>>()
                            .into(),
                    ),
                    ..Default::default()
                },
            })
        }
    };
    found.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_with_offsets_into_the_original_text() {
        assert_eq!(
            find_phrase("Senior Software Engineer", "software engineer"),
            Some([7, 24])
        );
        assert_eq!(
            find_phrase("Ingénieur Logiciel, Paris", "ingenieur logiciel"),
            Some([0, 19])
        );
        assert_eq!(find_phrase("Nurse", "software"), None);
    }

    #[test]
    fn evidence_points_at_the_matching_role() {
        let t: Talent = serde_json::from_str(
            r#"{"id":"x","jobTitle":"Senior Software Engineer","city":"Versailles","country":"France",
                "experiences":[{"title":"Senior Software Engineer","isCurrent":true},{"title":"Java Developer","endDate":"2019-01"}]}"#,
        )
        .unwrap();
        let f = Filter::required(Criterion::JobTitle {
            title: "Software Engineer".into(),
            history: History::Current,
        });
        let e = evidence(&t, &f, &OrgDirectory::default());
        assert_eq!(
            (e.field.as_deref(), e.offsets),
            (Some("jobTitle"), Some([7, 24]))
        );
        let past = Filter::required(Criterion::JobTitle {
            title: "java developer".into(),
            history: History::Past,
        });
        assert_eq!(
            evidence(&t, &past, &OrgDirectory::default())
                .field
                .as_deref(),
            Some("experiences[1].title")
        );
        let loc = Filter::required(Criterion::Location {
            place: "Paris".into(),
            radius_km: Some(30.0),
        });
        let d = evidence(&t, &loc, &OrgDirectory::default())
            .distance_km
            .unwrap();
        assert!(d > 10.0 && d < 25.0, "{d}");
    }
}
