//! One person once: what says two profiles of a pool are the same person,
//! how two profiles merge, and the review queue of probable duplicates.
//! The statements are in `duplicates_sql/statements.rs`.
//!
//! Every stored profile carries up to four *identity keys* (columns of
//! `profiles`, each a digest, never the value itself):
//!
//! | key | from | means |
//! | --- | --- | --- |
//! | `linkedin` | the LinkedIn address, normalised | **certain**: the same person |
//! | `email` | an e-mail a file gave (CSV, JSON Resume, LinkedIn export) | **certain** |
//! | `phone` | a phone a file gave, its last nine digits | probable |
//! | `name` | the folded full name with the current employer | probable, when their times at that employer overlap (or either has no dates) |
//!
//! Rules, in order: a profile arriving in an import whose certain key
//! another profile of the pool has, under another id, is merged into it on
//! arrival (the older profile keeps its id); two stored profiles sharing a
//! certain key are merged by a scan (`scout duplicates scan`, `POST
//! /v1/duplicates/scan`); a probable match is queued for review. A pair
//! dismissed ("not a duplicate") is never queued or merged again, and a
//! merge undone counts as dismissed. Keys are compared within one pool
//! only: a workspace's profile is never merged into the shared pool's.

use scout_model::{Certification, Education, Experience, Language, Talent};
use scout_taxonomy::fold;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// E-mail addresses and phone numbers a file gave for a profile; the talent
/// schema has none, so they are kept only as identity keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contacts {
    /// E-mail addresses.
    pub emails: Vec<String>,
    /// Phone numbers, as written.
    pub phones: Vec<String>,
}

/// A profile's identity keys (`None` where it has none): the first 64 bits
/// of a SHA-256 digest — compact in the indexes that find them (at a
/// billion profiles two people share one with a chance of about 3 in 100
/// million).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityKeys {
    /// The LinkedIn address's.
    pub linkedin: Option<i64>,
    /// The first e-mail's.
    pub email: Option<i64>,
    /// The first phone's.
    pub phone: Option<i64>,
    /// The full name with the current employer's.
    pub name: Option<i64>,
}

impl IdentityKeys {
    /// Every key it has.
    pub fn all(&self) -> impl Iterator<Item = i64> {
        [self.linkedin, self.email, self.phone, self.name]
            .into_iter()
            .flatten()
    }
}

fn digest(kind: &str, normal: &str) -> i64 {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update(b":");
    h.update(normal.as_bytes());
    let d = h.finalize();
    i64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// The public-profile slug of a LinkedIn address (`/in/<slug>`), lower case.
pub fn linkedin_slug(url: &str) -> Option<String> {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let (host, path) = rest.split_once('/')?;
    if !host.ends_with("linkedin.com") {
        return None;
    }
    let slug = path
        .strip_prefix("in/")?
        .split(['/', '?', '#'])
        .next()?
        .trim();
    (!slug.is_empty()).then(|| slug.to_owned())
}

/// The last nine digits of a phone number (so `+33 6 12 34 56 78` and
/// `06 12 34 56 78` agree); `None` under seven digits.
fn phone_digits(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 7 {
        return None;
    }
    Some(digits[digits.len().saturating_sub(9)..].to_owned())
}

fn full_name(t: &Talent) -> String {
    let name = [t.firstname.as_deref(), t.lastname.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    fold(&name)
}

/// Legal forms an employer's name is written with or without ("Acme Inc."
/// and "Acme" are one employer), folded.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "ab",
    "as",
    "oy",
    "pty",
    "group",
    "holding",
    "holdings",
];

/// An employer's name as identity keys compare it: folded, without its
/// legal form and punctuation.
fn employer_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut end = words.len();
    while end > 1 && LEGAL_FORMS.contains(&words[end - 1]) {
        end -= 1;
    }
    words[..end].join(" ")
}

fn current_employer(t: &Talent) -> Option<String> {
    t.current_organization
        .as_ref()
        .and_then(|o| o.name.clone())
        .or_else(|| {
            t.current_experiences()
                .find_map(|e| e.organization_name.clone())
        })
        .map(|n| employer_key(&n))
        .filter(|n| !n.is_empty())
}

/// A profile's identity keys.
pub fn identity_keys(t: &Talent, contacts: &Contacts) -> IdentityKeys {
    let name = full_name(t);
    IdentityKeys {
        linkedin: t
            .linkedin_url
            .as_deref()
            .and_then(linkedin_slug)
            .map(|s| digest("linkedin", &s)),
        email: contacts
            .emails
            .iter()
            .map(|e| e.trim().to_lowercase())
            .find(|e| e.contains('@'))
            .map(|e| digest("email", &e)),
        phone: contacts
            .phones
            .iter()
            .find_map(|p| phone_digits(p))
            .map(|p| digest("phone", &p)),
        name: current_employer(t)
            .filter(|_| name.split(' ').count() >= 2)
            .map(|employer| digest("name", &format!("{name}|{employer}"))),
    }
}

/// Why two profiles are taken for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The same LinkedIn address.
    Linkedin,
    /// The same e-mail address.
    Email,
    /// The same phone number.
    Phone,
    /// The same name at the same employer at the same time.
    NameAndEmployer,
}

impl Reason {
    /// Its name in the store and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Linkedin => "linkedin",
            Reason::Email => "email",
            Reason::Phone => "phone",
            Reason::NameAndEmployer => "name_and_employer",
        }
    }

    /// A reason by its name.
    pub fn parse(s: &str) -> Option<Reason> {
        [
            Reason::Linkedin,
            Reason::Email,
            Reason::Phone,
            Reason::NameAndEmployer,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    /// Whether it settles that the two are one person.
    pub fn certain(self) -> bool {
        matches!(self, Reason::Linkedin | Reason::Email)
    }
}

/// The months a profile spent at `employer` (folded), as `(start, end)`
/// in months since year 0; open ends run to `now`. `None` when no role
/// there has a start date.
fn spans_at(t: &Talent, employer: &str, now: i64) -> Option<Vec<(i64, i64)>> {
    let month = |d: &str| -> Option<i64> {
        let y: i64 = d.get(..4)?.parse().ok()?;
        let m: i64 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        Some(y * 12 + m - 1)
    };
    let spans: Vec<(i64, i64)> = t
        .experiences
        .iter()
        .filter(|e| {
            e.organization_name
                .as_deref()
                .is_some_and(|n| employer_key(n) == employer)
        })
        .filter_map(|e| {
            let start = month(e.start_date.as_deref()?)?;
            let end = e.end_date.as_deref().and_then(month).unwrap_or(now);
            Some((start, end.max(start)))
        })
        .collect();
    (!spans.is_empty()).then_some(spans)
}

/// Whether two profiles with the same name and current employer were
/// there at the same time (or either says nothing of when).
pub fn times_overlap(a: &Talent, b: &Talent) -> bool {
    let Some(employer) = current_employer(a) else {
        return false;
    };
    let now = {
        let (y, m) = scout_model_now();
        y * 12 + m - 1
    };
    match (spans_at(a, &employer, now), spans_at(b, &employer, now)) {
        (Some(x), Some(y)) => x
            .iter()
            .any(|(s1, e1)| y.iter().any(|(s2, e2)| s1 <= e2 && s2 <= e1)),
        _ => true,
    }
}

fn scout_model_now() -> (i64, i64) {
    let now = time::OffsetDateTime::now_utc();
    (i64::from(now.year()), i64::from(u8::from(now.month())))
}

fn push_unique<T: Clone>(into: &mut Vec<T>, from: &[T], same: impl Fn(&T, &T) -> bool) {
    for item in from {
        if !into.iter().any(|x| same(x, item)) {
            into.push(item.clone());
        }
    }
}

fn same_text(a: &Option<String>, b: &Option<String>) -> bool {
    fold(a.as_deref().unwrap_or("")) == fold(b.as_deref().unwrap_or(""))
}

/// One profile of two: each field the newer one has wins, the older one's
/// fills the rest; lists are the union (the newer's first). The id is
/// `older`'s: the profile that was there first keeps its place.
pub fn merge(older: &Talent, newer: &Talent) -> Talent {
    let pick = |n: &Option<String>, o: &Option<String>| {
        n.clone()
            .filter(|v| !v.trim().is_empty())
            .or_else(|| o.clone())
    };
    let mut skills = newer.skills.clone();
    push_unique(&mut skills, &older.skills, |a, b| a.eq_ignore_ascii_case(b));
    let mut interests = newer.interests.clone();
    push_unique(&mut interests, &older.interests, |a, b| {
        a.eq_ignore_ascii_case(b)
    });
    let mut languages: Vec<Language> = newer.languages.clone();
    push_unique(&mut languages, &older.languages, |a, b| {
        same_text(&a.name, &b.name)
    });
    let mut certifications: Vec<Certification> = newer.certifications.clone();
    push_unique(&mut certifications, &older.certifications, |a, b| {
        same_text(&a.name, &b.name)
    });
    let mut experiences: Vec<Experience> = newer.experiences.clone();
    push_unique(&mut experiences, &older.experiences, |a, b| {
        same_text(&a.organization_name, &b.organization_name)
            && same_text(&a.title, &b.title)
            && (a.start_date == b.start_date || a.start_date.is_none() || b.start_date.is_none())
    });
    let mut educations: Vec<Education> = newer.educations.clone();
    push_unique(&mut educations, &older.educations, |a, b| {
        same_text(&a.school_name, &b.school_name) && a.degrees == b.degrees
    });
    Talent {
        id: older.id.clone(),
        firstname: pick(&newer.firstname, &older.firstname),
        lastname: pick(&newer.lastname, &older.lastname),
        gender: pick(&newer.gender, &older.gender),
        city: pick(&newer.city, &older.city),
        country: pick(&newer.country, &older.country),
        job_title: pick(&newer.job_title, &older.job_title),
        summary: pick(&newer.summary, &older.summary),
        state: pick(&newer.state, &older.state),
        headline: pick(&newer.headline, &older.headline),
        photo_url: pick(&newer.photo_url, &older.photo_url),
        linkedin_url: pick(&newer.linkedin_url, &older.linkedin_url),
        current_organization: newer
            .current_organization
            .clone()
            .filter(|o| o.name.is_some() || o.id.is_some())
            .or_else(|| older.current_organization.clone()),
        experiences,
        educations,
        skills,
        interests,
        languages,
        certifications,
    }
}

/// A pair of profiles taken for one person, and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicate {
    /// `dup_…`.
    pub id: String,
    /// The workspace whose profiles they are; `None` for the shared pool.
    pub workspace_id: Option<String>,
    /// The two talent ids (in the order their store keys sort).
    pub talent_ids: [String; 2],
    /// Why they are taken for one person.
    pub reason: Reason,
    /// `open`, `merged` or `dismissed`.
    pub status: String,
    /// When it was found (ms since the epoch).
    pub created_at: i64,
    /// When it was merged or dismissed.
    pub decided_at: Option<i64>,
    /// Who decided (`import:<source>` for a merge on arrival, `scan`, an
    /// actor: `key:<id>`, `user:<id>`, `cli`).
    pub decided_by: Option<String>,
    /// The talent that stayed, for a merge.
    pub survivor_id: Option<String>,
}

/// Which duplicates to list.
#[derive(Debug, Clone, Default)]
pub struct DuplicateQuery {
    /// Only this status (`open` by default in the API).
    pub status: Option<String>,
    /// From this many in.
    pub offset: i64,
    /// At most this many.
    pub limit: i64,
}

/// What a merge moved, so that undoing it can move it back.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Repointed {
    /// Candidates that now name the survivor.
    pub moved_candidates: Vec<String>,
    /// Candidates whose sourcing already held the survivor: unlinked from
    /// the index (their snapshot and history stay).
    pub unlinked_candidates: Vec<String>,
    /// Lists whose member is now the survivor.
    pub moved_members: Vec<String>,
    /// Lists that held both: the merged one's place, `(list, position)`.
    pub removed_members: Vec<(String, i64)>,
    /// The e-mail and phone keys each profile had before (a file gave
    /// them; the profiles cannot give them again): `[survivor's e-mail,
    /// survivor's phone, merged one's e-mail, merged one's phone]`.
    #[serde(default)]
    pub contact_keys: [Option<i64>; 4],
}

/// What a scan found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanOutcome {
    /// Profiles looked at.
    pub profiles: u64,
    /// Certain duplicates merged.
    pub merged: u64,
    /// Probable duplicates queued for review (new ones).
    pub queued: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(v: serde_json::Value) -> Talent {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn keys_agree_on_the_same_person_written_differently() {
        let a = person(
            serde_json::json!({"id": "a", "firstname": "Zoé", "lastname": "Martin",
            "linkedinUrl": "https://www.linkedin.com/in/Zoe-M/?trk=x",
            "currentOrganization": {"name": "Atelier Verre"}}),
        );
        let b = person(
            serde_json::json!({"id": "b", "firstname": "ZOE", "lastname": "martin",
            "linkedinUrl": "http://linkedin.com/in/zoe-m",
            "experiences": [{"organizationName": "atelier verre", "isCurrent": true}]}),
        );
        let ca = Contacts {
            emails: vec![" Zoe@Example.com".into()],
            phones: vec!["+33 6 12 34 56 78".into()],
        };
        let cb = Contacts {
            emails: vec!["zoe@example.com".into()],
            phones: vec!["06.12.34.56.78".into()],
        };
        let (ka, kb) = (identity_keys(&a, &ca), identity_keys(&b, &cb));
        assert!(
            ka.linkedin.is_some() && ka.email.is_some() && ka.phone.is_some() && ka.name.is_some()
        );
        assert_eq!(ka, kb);
        let renamed = person(
            serde_json::json!({"id": "r", "firstname": "Zoe", "lastname": "Martin",
            "currentOrganization": {"name": "Atelier Verre S.A."}}),
        );
        assert_eq!(
            identity_keys(&renamed, &Contacts::default()).name,
            ka.name,
            "a legal form is no other employer"
        );
        let c = person(serde_json::json!({"id": "c", "firstname": "Zoé"}));
        assert_eq!(
            identity_keys(&c, &Contacts::default()),
            IdentityKeys::default(),
            "one name and no employer say nothing"
        );
    }

    #[test]
    fn the_newer_fields_win_and_lists_are_joined() {
        let older = person(
            serde_json::json!({"id": "old", "firstname": "Zoe", "headline": "Glass",
            "skills": ["Glass", "Kilns"], "city": "Lyon",
            "experiences": [{"organizationName": "Verre", "title": "Glassblower", "startDate": "2019-01"}]}),
        );
        let newer = person(
            serde_json::json!({"id": "new", "firstname": "Zoé", "city": "",
            "skills": ["glass", "Sales"],
            "experiences": [{"organizationName": "Verre", "title": "Glassblower", "startDate": "2019-01"},
                            {"organizationName": "Atelier", "title": "Owner", "startDate": "2023-01"}]}),
        );
        let m = merge(&older, &newer);
        assert_eq!(m.id, "old");
        assert_eq!(m.firstname.as_deref(), Some("Zoé"));
        assert_eq!(m.headline.as_deref(), Some("Glass"));
        assert_eq!(
            m.city.as_deref(),
            Some("Lyon"),
            "an empty value does not win"
        );
        assert_eq!(m.skills, ["glass", "Sales", "Kilns"]);
        assert_eq!(m.experiences.len(), 2);
    }

    #[test]
    fn the_same_name_at_the_same_employer_counts_when_the_times_meet() {
        let at = |start: &str, end: Option<&str>| {
            person(
                serde_json::json!({"id": "x", "firstname": "Ann", "lastname": "Lee",
                "currentOrganization": {"name": "Acme"},
                "experiences": [{"organizationName": "Acme", "startDate": start, "endDate": end}]}),
            )
        };
        assert!(times_overlap(
            &at("2015-01", Some("2018-01")),
            &at("2017-06", None)
        ));
        assert!(!times_overlap(
            &at("2010-01", Some("2012-01")),
            &at("2015-01", Some("2016-01"))
        ));
        let undated = person(
            serde_json::json!({"id": "y", "firstname": "Ann", "lastname": "Lee", "currentOrganization": {"name": "Acme"}}),
        );
        assert!(times_overlap(&at("2010-01", Some("2012-01")), &undated));
    }
}
