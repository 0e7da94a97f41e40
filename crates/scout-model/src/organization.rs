//! Organizations (employers). A profile only names its employers; the size
//! band and industry that `COMPANY_SIZE` and `COMPANY_INDUSTRY` filter on
//! live here, joined by organization id.

use serde::{Deserialize, Serialize};

/// An employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    /// Stable identifier, referenced by `currentOrganization.id`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Logo URL.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Headcount band, one of the documented `COMPANY_SIZE` values.
    #[serde(default)]
    pub size: Option<CompanySize>,
    /// Industry, from the documented industry list.
    #[serde(default)]
    pub industry: Option<String>,
    /// Country of the headquarters.
    #[serde(default)]
    pub country: Option<String>,
}

/// The documented `COMPANY_SIZE` headcount bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum CompanySize {
    #[serde(rename = "1-10")]
    S1To10,
    #[serde(rename = "11-50")]
    S11To50,
    #[serde(rename = "51-200")]
    S51To200,
    #[serde(rename = "201-500")]
    S201To500,
    #[serde(rename = "501-1000")]
    S501To1000,
    #[serde(rename = "1001-5000")]
    S1001To5000,
    #[serde(rename = "5001-10000")]
    S5001To10000,
    #[serde(rename = "10001+")]
    S10001Plus,
}

impl CompanySize {
    /// All bands, smallest first.
    pub const ALL: [CompanySize; 8] = [
        CompanySize::S1To10,
        CompanySize::S11To50,
        CompanySize::S51To200,
        CompanySize::S201To500,
        CompanySize::S501To1000,
        CompanySize::S1001To5000,
        CompanySize::S5001To10000,
        CompanySize::S10001Plus,
    ];

    /// The wire value, e.g. `51-200`.
    pub fn as_str(self) -> &'static str {
        match self {
            CompanySize::S1To10 => "1-10",
            CompanySize::S11To50 => "11-50",
            CompanySize::S51To200 => "51-200",
            CompanySize::S201To500 => "201-500",
            CompanySize::S501To1000 => "501-1000",
            CompanySize::S1001To5000 => "1001-5000",
            CompanySize::S5001To10000 => "5001-10000",
            CompanySize::S10001Plus => "10001+",
        }
    }

    /// Parses a wire value.
    pub fn parse(value: &str) -> Option<CompanySize> {
        CompanySize::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The band holding a headcount.
    pub fn for_headcount(n: u64) -> CompanySize {
        match n {
            0..=10 => CompanySize::S1To10,
            11..=50 => CompanySize::S11To50,
            51..=200 => CompanySize::S51To200,
            201..=500 => CompanySize::S201To500,
            501..=1000 => CompanySize::S501To1000,
            1001..=5000 => CompanySize::S1001To5000,
            5001..=10000 => CompanySize::S5001To10000,
            _ => CompanySize::S10001Plus,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_round_trip_and_cover_headcounts() {
        for s in CompanySize::ALL {
            assert_eq!(CompanySize::parse(s.as_str()), Some(s));
        }
        assert_eq!(CompanySize::for_headcount(200), CompanySize::S51To200);
        assert_eq!(CompanySize::for_headcount(10_001), CompanySize::S10001Plus);
    }
}
