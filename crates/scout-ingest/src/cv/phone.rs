//! Phone numbers as people write them → E.164 (`+33612345678`) when the
//! country is known or written, with the calling codes of the countries
//! Scout's reference data covers best.

/// ISO 3166-1 alpha-2 → international calling code.
pub const CALLING_CODES: &[(&str, &str)] = &[
    ("US", "1"),
    ("CA", "1"),
    ("GB", "44"),
    ("IE", "353"),
    ("FR", "33"),
    ("DE", "49"),
    ("ES", "34"),
    ("PT", "351"),
    ("IT", "39"),
    ("NL", "31"),
    ("BE", "32"),
    ("LU", "352"),
    ("CH", "41"),
    ("AT", "43"),
    ("DK", "45"),
    ("SE", "46"),
    ("NO", "47"),
    ("FI", "358"),
    ("PL", "48"),
    ("CZ", "420"),
    ("SK", "421"),
    ("HU", "36"),
    ("RO", "40"),
    ("BG", "359"),
    ("GR", "30"),
    ("TR", "90"),
    ("UA", "380"),
    ("RU", "7"),
    ("IL", "972"),
    ("AE", "971"),
    ("SA", "966"),
    ("EG", "20"),
    ("MA", "212"),
    ("NG", "234"),
    ("KE", "254"),
    ("ZA", "27"),
    ("IN", "91"),
    ("PK", "92"),
    ("BD", "880"),
    ("SG", "65"),
    ("MY", "60"),
    ("ID", "62"),
    ("PH", "63"),
    ("VN", "84"),
    ("TH", "66"),
    ("CN", "86"),
    ("HK", "852"),
    ("TW", "886"),
    ("JP", "81"),
    ("KR", "82"),
    ("AU", "61"),
    ("NZ", "64"),
    ("BR", "55"),
    ("AR", "54"),
    ("CL", "56"),
    ("CO", "57"),
    ("PE", "51"),
    ("MX", "52"),
    ("EE", "372"),
    ("LV", "371"),
    ("LT", "370"),
    ("HR", "385"),
    ("SI", "386"),
    ("RS", "381"),
    ("IS", "354"),
    ("MT", "356"),
    ("CY", "357"),
];

/// The calling code of a country.
pub fn calling_code(iso2: &str) -> Option<&'static str> {
    CALLING_CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(iso2))
        .map(|(_, code)| *code)
}

/// A written phone number in E.164, when it can be: an international
/// number (`+…` or `00…`) as it is, a national one (`0…`) with the calling
/// code of `country`. `None` when too short, too long or ambiguous.
pub fn to_e164(written: &str, country: Option<&str>) -> Option<String> {
    let trimmed = written.trim();
    // "(+34) 612 34 56 78": the calling code in brackets
    let plus = trimmed.trim_start_matches(['(', ' ']).starts_with('+');
    // "+49 (0)151 …", "+44 (0) 20 …": the trunk zero said in brackets is
    // dialled only at home
    let kept = if plus {
        trimmed.replace("(0)", "")
    } else {
        trimmed.to_owned()
    };
    let digits: String = kept.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        Some(digits.clone())
    } else {
        digits.strip_prefix("00").map(str::to_owned)
    };
    let number = match international {
        Some(n) => n,
        None => {
            let code = calling_code(country?)?;
            let national = if code == "1" {
                digits.strip_prefix('1').unwrap_or(&digits).to_owned()
            } else {
                digits.strip_prefix('0').unwrap_or(&digits).to_owned()
            };
            format!("{code}{national}")
        }
    };
    (8..=15)
        .contains(&number.len())
        .then(|| format!("+{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calling_codes_in_brackets_and_trunk_zeros_in_brackets_normalise() {
        assert_eq!(
            to_e164("(+34) 612 34 56 78", Some("ES")).as_deref(),
            Some("+34612345678")
        );
        assert_eq!(
            to_e164("+49 (0)151 23456789", Some("DE")).as_deref(),
            Some("+4915123456789")
        );
        assert_eq!(
            to_e164("+44 (0) 20 7946 0958", None).as_deref(),
            Some("+442079460958")
        );
    }

    #[test]
    fn national_and_international_numbers_normalise() {
        assert_eq!(
            to_e164("06 12 34 56 78", Some("FR")).as_deref(),
            Some("+33612345678")
        );
        assert_eq!(
            to_e164("+33 6 12 34 56 78", None).as_deref(),
            Some("+33612345678")
        );
        assert_eq!(
            to_e164("0044 20 7946 0958", None).as_deref(),
            Some("+442079460958")
        );
        assert_eq!(
            to_e164("(415) 555-0132", Some("US")).as_deref(),
            Some("+14155550132")
        );
        assert_eq!(to_e164("0612345678", None), None);
        assert_eq!(to_e164("12", Some("FR")), None);
    }
}
