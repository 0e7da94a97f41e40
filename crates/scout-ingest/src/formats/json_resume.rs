//! JSON Resume (<https://jsonresume.org/schema>): `basics` (name, label,
//! email, url, summary, location, profiles), `work`, `education`,
//! `skills` (with keywords), `languages`, `certificates`. One résumé per
//! file, or an array of them. Fields outside the talent schema (phone,
//! projects, volunteer, awards, references…) are not kept.

use scout_model::{Certification, Education, Experience, Language, Talent};
use serde_json::Value;

use super::text::{date, excerpt, proficiency, split_name};
use super::{ids, Converted};
use scout_store::duplicates::Contacts;

/// Reads one file: a résumé, or an array of résumés (record numbers from 1).
pub fn read(bytes: &[u8]) -> Vec<Converted> {
    let raw = super::text::decode(bytes);
    let value: Value = match serde_json::from_str(&raw) {
        Ok(v) => v,
        Err(e) => {
            return vec![Converted {
                line: e.line() as u64,
                profile: Err(format!("not JSON: {e}")),
                contacts: Contacts::default(),
                excerpt: excerpt(&raw),
            }]
        }
    };
    let resumes: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    resumes
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let basics = r.get("basics").cloned().unwrap_or(Value::Null);
            Converted {
                line: i as u64 + 1,
                profile: resume(r),
                contacts: Contacts {
                    emails: text(&basics, "email").into_iter().collect(),
                    phones: text(&basics, "phone").into_iter().collect(),
                },
                excerpt: excerpt(&r.to_string()),
            }
        })
        .collect()
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|i| i.is_object())
}

/// One résumé as a profile.
pub fn resume(r: &Value) -> Result<Talent, String> {
    if !r.is_object() {
        return Err("a résumé is a JSON object".into());
    }
    let basics = r.get("basics").cloned().unwrap_or(Value::Null);
    let mut t = Talent::default();
    if let Some(name) = text(&basics, "name") {
        let (first, last) = split_name(&name);
        t.firstname = first;
        t.lastname = last;
    }
    t.headline = text(&basics, "label");
    t.summary = text(&basics, "summary");
    t.photo_url = text(&basics, "image").filter(|u| scout_model::is_web_url(u));
    if let Some(place) = basics.get("location") {
        t.city = text(place, "city");
        t.state = text(place, "region");
        t.country = text(place, "countryCode").map(|code| {
            scout_taxonomy::places::country_name(&code.to_uppercase()).map_or(code, str::to_owned)
        });
    }
    t.linkedin_url = items(&basics, "profiles")
        .filter(|p| {
            text(p, "network").is_some_and(|n| n.eq_ignore_ascii_case("linkedin"))
                || text(p, "url").is_some_and(|u| u.contains("linkedin.com/in/"))
        })
        .find_map(|p| {
            text(p, "url")
                .or_else(|| text(p, "username").map(|u| format!("https://www.linkedin.com/in/{u}")))
        })
        .filter(|u| scout_model::is_web_url(u));
    for w in items(r, "work") {
        let end = text(w, "endDate").and_then(|d| date(&d));
        t.experiences.push(Experience {
            organization_name: text(w, "name").or_else(|| text(w, "company")),
            title: text(w, "position"),
            start_date: text(w, "startDate").and_then(|d| date(&d)),
            is_current: end.is_none() && w.get("startDate").is_some(),
            end_date: end,
            description: {
                let mut parts: Vec<String> = text(w, "summary").into_iter().collect();
                parts.extend(
                    w.get("highlights")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(|h| format!("• {h}")),
                );
                (!parts.is_empty()).then(|| parts.join("\n"))
            },
            organization: None,
        });
    }
    super::take_current_role(&mut t);
    if t.job_title.is_none() {
        t.job_title = t.headline.clone();
    }
    for e in items(r, "education") {
        t.educations.push(Education {
            school_name: text(e, "institution"),
            degrees: text(e, "studyType").into_iter().collect(),
            majors: text(e, "area").into_iter().collect(),
            start_date: text(e, "startDate").and_then(|d| date(&d)),
            end_date: text(e, "endDate").and_then(|d| date(&d)),
            ..Default::default()
        });
    }
    for s in items(r, "skills") {
        if let Some(name) = text(s, "name") {
            push_unique(&mut t.skills, name);
        }
        for k in s
            .get("keywords")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(k) = k.as_str().map(str::trim).filter(|k| !k.is_empty()) {
                push_unique(&mut t.skills, k.to_owned());
            }
        }
    }
    for l in items(r, "languages") {
        if let Some(name) = text(l, "language") {
            t.languages.push(Language {
                name: Some(name),
                proficiency: text(l, "fluency").and_then(|f| proficiency(&f)),
            });
        }
    }
    for c in items(r, "certificates") {
        t.certifications.push(Certification {
            name: text(c, "name"),
            organization_name: text(c, "issuer"),
            start_date: text(c, "date").and_then(|d| date(&d)),
            end_date: None,
        });
    }
    let full_name = ids::full_name(&t);
    let email = text(&basics, "email");
    if full_name.is_empty() && t.linkedin_url.is_none() && email.is_none() {
        return Err(
            "`basics` has no name, e-mail or LinkedIn profile: nothing says who this is".into(),
        );
    }
    t.id = ids::derived_id(
        t.linkedin_url.as_deref(),
        email.as_deref(),
        &full_name,
        t.current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref()),
        t.job_title.as_deref(),
    );
    Ok(t)
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.iter().any(|s| s.eq_ignore_ascii_case(&item)) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample résumé of the JSON Resume schema's documentation, abridged.
    const SAMPLE: &str = r#"{
      "basics": {
        "name": "Richard Hendriks", "label": "Programmer", "image": "",
        "email": "richard.hendriks@mail.com", "phone": "(912) 555-4321", "url": "http://richardhendricks.example.com",
        "summary": "Richard hails from Tulsa. He has earned degrees from the University of Oklahoma and Stanford.",
        "location": {"address": "2712 Broadway St", "postalCode": "CA 94115", "city": "San Francisco", "countryCode": "US", "region": "California"},
        "profiles": [{"network": "Twitter", "username": "neutralthoughts", "url": ""},
                     {"network": "SoundCloud", "username": "dandymusicnl", "url": "https://soundcloud.example.com/dandymusicnl"}]
      },
      "work": [{"name": "Pied Piper", "location": "Palo Alto, CA", "description": "Awesome compression company",
                "position": "CEO/President", "url": "http://piedpiper.example.com", "startDate": "2013-12-01", "endDate": "2014-12-01",
                "summary": "Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm.",
                "highlights": ["Build an algorithm for artist to detect if their music was violating copy right infringement laws"]}],
      "education": [{"institution": "University of Oklahoma", "url": "https://www.ou.edu/", "area": "Information Technology",
                     "studyType": "Bachelor", "startDate": "2011-06-01", "endDate": "2014-01-01", "score": "4.0", "courses": ["DB1101 - Basic SQL"]}],
      "certificates": [{"name": "Certified Kubernetes Administrator", "date": "2021-11-07", "issuer": "CNCF"}],
      "skills": [{"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS", "Javascript"]},
                 {"name": "Compression", "level": "Master", "keywords": ["Mpeg", "MP4", "GIF"]}],
      "languages": [{"language": "English", "fluency": "Native speaker"}],
      "interests": [{"name": "Wildlife", "keywords": ["Ferrets", "Unicorns"]}]
    }"#;

    #[test]
    fn the_documented_sample_reads_into_a_profile() {
        let rows = read(SAMPLE.as_bytes());
        let t = rows[0].profile.as_ref().unwrap();
        assert_eq!(
            (t.firstname.as_deref(), t.lastname.as_deref()),
            (Some("Richard"), Some("Hendriks"))
        );
        assert_eq!(t.headline.as_deref(), Some("Programmer"));
        assert_eq!(t.country.as_deref(), Some("United States"));
        assert_eq!(
            (t.city.as_deref(), t.state.as_deref()),
            (Some("San Francisco"), Some("California"))
        );
        assert_eq!(
            t.experiences[0].organization_name.as_deref(),
            Some("Pied Piper")
        );
        assert_eq!(t.experiences[0].end_date.as_deref(), Some("2014-12-01"));
        assert!(!t.experiences[0].is_current);
        assert_eq!(t.educations[0].degrees, ["Bachelor"]);
        assert_eq!(
            t.skills,
            [
                "Web Development",
                "HTML",
                "CSS",
                "Javascript",
                "Compression",
                "Mpeg",
                "MP4",
                "GIF"
            ]
        );
        assert_eq!(
            t.languages[0].proficiency.as_deref(),
            Some("native_or_bilingual")
        );
        assert_eq!(
            t.certifications[0].organization_name.as_deref(),
            Some("CNCF")
        );
        assert!(t.id.starts_with("em-"));
        crate::validate::talent(t).unwrap();
    }

    #[test]
    fn arrays_of_resumes_and_bad_ones() {
        let rows = read(br#"[{"basics": {"name": "Ada"}}, {"work": []}, 7]"#);
        assert!(rows[0].profile.is_ok());
        assert!(rows[1]
            .profile
            .as_ref()
            .unwrap_err()
            .contains("nothing says who"));
        assert!(rows[2].profile.is_err());
        assert_eq!(rows[2].line, 3);
        assert!(read(b"{not json").first().unwrap().profile.is_err());
    }
}
