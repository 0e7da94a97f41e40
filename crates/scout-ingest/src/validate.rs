//! Checks an imported record must pass beyond being well-formed JSON of the
//! right shape: a usable id and dates Scout can read.

use scout_model::{Organization, Talent};

/// Longest id accepted, in characters.
pub const MAX_ID_CHARS: usize = 256;

fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("missing id: `id` must be a non-empty string".into());
    }
    let chars = id.chars().count();
    if chars > MAX_ID_CHARS {
        return Err(format!(
            "id is {chars} characters long; the limit is {MAX_ID_CHARS}"
        ));
    }
    if id.trim() != id || id.chars().any(char::is_control) {
        return Err("id must not have surrounding spaces or control characters".into());
    }
    Ok(())
}

/// Whether a date is ISO 8601 as Scout reads it: `YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, or a full timestamp.
fn check_date(path: &str, date: &Option<String>) -> Result<(), String> {
    let Some(d) = date else { return Ok(()) };
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4)
        && match b.len() {
            4 => true,
            7 => b[4] == b'-' && digits(5..7),
            _ => b.len() >= 10 && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        }
        && d.get(5..7)
            .is_none_or(|m| m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{path}: `{d}` is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a timestamp)"
        ))
    }
}

/// Links are absolute http(s) URLs (`scout_model::web_url`).
fn check_url(path: &str, url: &Option<String>) -> Result<(), String> {
    match url {
        Some(u) if !scout_model::is_web_url(u) => Err(format!(
            "{path}: `{}` is not an http or https URL",
            u.chars().take(80).collect::<String>()
        )),
        _ => Ok(()),
    }
}

pub(crate) fn talent(t: &Talent) -> Result<(), String> {
    check_id(&t.id)?;
    check_url("photoUrl", &t.photo_url)?;
    check_url("linkedinUrl", &t.linkedin_url)?;
    if let Some(o) = &t.current_organization {
        check_url("currentOrganization.logoUrl", &o.logo_url)?;
    }
    for (i, e) in t.experiences.iter().enumerate() {
        if let Some(o) = &e.organization {
            check_url(
                &format!("experiences[{i}].organization.logoUrl"),
                &o.logo_url,
            )?;
        }
        check_date(&format!("experiences[{i}].startDate"), &e.start_date)?;
        check_date(&format!("experiences[{i}].endDate"), &e.end_date)?;
    }
    for (i, e) in t.educations.iter().enumerate() {
        check_date(&format!("educations[{i}].startDate"), &e.start_date)?;
        check_date(&format!("educations[{i}].endDate"), &e.end_date)?;
    }
    for (i, c) in t.certifications.iter().enumerate() {
        check_date(&format!("certifications[{i}].startDate"), &c.start_date)?;
        check_date(&format!("certifications[{i}].endDate"), &c.end_date)?;
    }
    Ok(())
}

pub(crate) fn organization(o: &Organization) -> Result<(), String> {
    check_id(&o.id)?;
    if o.name.trim().is_empty() {
        return Err("organization `name` must not be empty".into());
    }
    check_url("logoUrl", &o.logo_url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_must_be_http_or_https() {
        let t: Talent =
            serde_json::from_str(r#"{"id":"a","linkedinUrl":"javascript:alert(1)"}"#).unwrap();
        assert!(talent(&t).unwrap_err().contains("linkedinUrl"));
        let t: Talent = serde_json::from_str(
            r#"{"id":"a","currentOrganization":{"logoUrl":"data:image/svg+xml,<svg/onload=alert(1)>"}}"#,
        )
        .unwrap();
        assert!(talent(&t).unwrap_err().contains("logoUrl"));
        let t: Talent =
            serde_json::from_str(r#"{"id":"a","photoUrl":"https://media.example/p.jpg"}"#).unwrap();
        assert!(talent(&t).is_ok());
    }

    #[test]
    fn ids_and_dates_are_checked() {
        let mut t = Talent {
            id: "ok".into(),
            ..Default::default()
        };
        assert!(talent(&t).is_ok());
        t.id = " ".into();
        assert!(talent(&t).unwrap_err().contains("missing id"));
        t.id = "x".repeat(300);
        assert!(talent(&t).is_err());
        for good in ["2021", "2021-03", "2021-03-01", "2021-03-01T00:00:00.000Z"] {
            assert!(check_date("d", &Some(good.into())).is_ok(), "{good}");
        }
        for bad in ["March 2021", "2021-13", "21-03-01", ""] {
            assert!(check_date("d", &Some(bad.into())).is_err(), "{bad}");
        }
    }
}
