//! Ids for profiles from files that carry none, derived from what says who
//! the person is, so that importing the same file again updates the same
//! profiles instead of adding them twice: `li-<public profile slug>` from a
//! LinkedIn address, else `em-<first 16 hex digits of the SHA-256 of the
//! e-mail in lower case>`, else `nm-<the same of the folded name, employer
//! and title>`. An e-mail address never appears in an id.

use sha2::{Digest, Sha256};

/// A LinkedIn profile address reduced to its public slug (the store's,
/// which its identity keys use).
pub use scout_store::duplicates::linkedin_slug;

fn digest(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    hash[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A profile's first and last names as one ("" when it has neither).
pub fn full_name(t: &scout_model::Talent) -> String {
    [t.firstname.as_deref(), t.lastname.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The id of a profile that has none in its file.
pub fn derived_id(
    linkedin: Option<&str>,
    email: Option<&str>,
    name: &str,
    employer: Option<&str>,
    title: Option<&str>,
) -> String {
    if let Some(slug) = linkedin.and_then(linkedin_slug) {
        return format!("li-{slug}");
    }
    if let Some(e) = email.map(str::trim).filter(|e| e.contains('@')) {
        return format!("em-{}", digest(&e.to_lowercase()));
    }
    let key = [Some(name), employer, title]
        .iter()
        .map(|p| scout_taxonomy::fold(p.unwrap_or("")))
        .collect::<Vec<_>>()
        .join("|");
    format!("nm-{}", digest(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_linkedin_then_email_then_name() {
        assert_eq!(
            linkedin_slug("https://www.linkedin.com/in/Ada-L/?trk=x").as_deref(),
            Some("ada-l")
        );
        assert_eq!(linkedin_slug("linkedin.com/company/acme"), None);
        assert_eq!(linkedin_slug("https://example.com/in/ada"), None);
        assert_eq!(
            derived_id(
                Some("http://linkedin.com/in/ada-l"),
                Some("a@b.c"),
                "Ada",
                None,
                None
            ),
            "li-ada-l"
        );
        let by_mail = derived_id(None, Some(" Ada@Example.com "), "Ada", None, None);
        assert_eq!(
            by_mail,
            derived_id(None, Some("ada@example.com"), "X", None, None)
        );
        assert!(by_mail.starts_with("em-") && !by_mail.contains("example"));
        let by_name = derived_id(None, None, "Ada Lovelace", Some("Acme"), None);
        assert_eq!(
            by_name,
            derived_id(None, None, "ADA LOVELACE", Some("acme"), None)
        );
        assert_ne!(
            by_name,
            derived_id(None, None, "Ada Lovelace", Some("Initech"), None)
        );
    }
}
