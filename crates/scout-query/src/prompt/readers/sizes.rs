//! Company sizes said in numbers: "firms above 5,000 staff", "11-50 person
//! companies", "a 200–500 headcount business", "10k+ employees", "(<10
//! people)" → the `COMPANY_SIZE` bands that cover the number or range.
//!
//! A number is a size only next to a word that says so: an employee word
//! after it (*employees, staff, people, person, headcount, FTE, salariés,
//! Mitarbeiter, empleados…*), or a company word or size word right before
//! it (*companies with, firms of, scale-up*). A lower bound that is a
//! band's upper edge starts the next band ("5000+" is 5001-10000 and up,
//! as people mean it); "above N" starts after N, "under N" ends before it.

use super::{in_list, Reader};

/// Words joined to a head count by a hyphen ("a 40-person startup").
const HEAD_COUNT_SUFFIXES: &[&str] = &["person", "people", "strong", "employee", "staff"];
use crate::prompt::lexicon as lx;
use scout_model::{CompanySize, History};

/// The bands' edges, smallest first (the last has no upper edge).
const BANDS: [(u32, u32, CompanySize); 8] = [
    (1, 10, CompanySize::S1To10),
    (11, 50, CompanySize::S11To50),
    (51, 200, CompanySize::S51To200),
    (201, 500, CompanySize::S201To500),
    (501, 1000, CompanySize::S501To1000),
    (1001, 5000, CompanySize::S1001To5000),
    (5001, 10000, CompanySize::S5001To10000),
    (10001, u32::MAX, CompanySize::S10001Plus),
];

/// `5,000`, `10k`, `1.000`, `200` → the count; a trailing `+` → `true`.
fn count(word: &str) -> Option<(u32, bool)> {
    let plus = word.ends_with('+');
    let w = word.trim_end_matches('+');
    let (digits, times) = match w.strip_suffix('k') {
        Some(d) => (d, 1000),
        None => (w, 1),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // separators only between groups of three ("5,000", "1.000")
    let groups: Vec<&str> = digits.split([',', '.']).collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let n: u32 = groups.concat().parse().ok()?;
    (n > 0).then_some((n.saturating_mul(times), plus))
}

/// The bands meeting `lo..=hi`; a lower bound on a band's upper edge
/// starts the next band when `edge_starts_next`.
pub(crate) fn bands_for(lo: u32, hi: u32, edge_starts_next: bool) -> Vec<CompanySize> {
    let lo = if edge_starts_next && BANDS.iter().any(|(_, top, _)| *top == lo) {
        lo + 1
    } else {
        lo
    };
    BANDS
        .iter()
        .filter(|(a, b, _)| *b >= lo && *a <= hi)
        .map(|(_, _, s)| *s)
        .collect()
}

impl Reader<'_> {
    /// The count at `i` and the range it starts: (lo, hi, first word after,
    /// whether the range was open upwards).
    fn count_at(&self, i: usize) -> Option<(u32, u32, usize, bool)> {
        let lower = self.lower(i);
        // "a 40-person startup": the head count and its word in one
        if let Some((a, _)) = lower
            .split_once('-')
            .filter(|(_, b)| HEAD_COUNT_SUFFIXES.contains(b))
        {
            let (n, _) = count(a)?;
            return Some((n, n, i + 1, false));
        }
        // "11-50", "1000-5000"
        if let Some((a, b)) = lower.split_once('-') {
            let ((lo, _), (hi, plus)) = (count(a)?, count(b)?);
            return (hi > lo).then_some((lo, if plus { u32::MAX } else { hi }, i + 1, plus));
        }
        let (lo, plus) = count(lower)?;
        if plus {
            return Some((lo, u32::MAX, i + 1, true));
        }
        // "500 to 1,000", "200–500"
        let k = i + 1;
        if self.same_clause(i, k) {
            let between = &self.prompt[self.tokens[i].end..self.tokens[k].start];
            let dash =
                !between.trim().is_empty() && between.trim().chars().all(|c| "-–—".contains(c));
            if dash {
                if let Some((hi, plus)) = count(self.lower(k)) {
                    return (hi > lo).then_some((
                        lo,
                        if plus { u32::MAX } else { hi },
                        k + 1,
                        plus,
                    ));
                }
            }
            if lx::RANGE_JOINERS.contains(&self.lower(k)) && self.same_clause(i, k + 1) {
                if let Some((hi, plus)) = count(self.lower(k + 1)) {
                    if hi > lo {
                        return Some((lo, if plus { u32::MAX } else { hi }, k + 2, plus));
                    }
                }
            }
        }
        Some((lo, lo, i + 1, false))
    }

    pub(super) fn number_sizes(&mut self) {
        let mut i = 0;
        while i < self.len() {
            if !self.free(i, 1) {
                i += 1;
                continue;
            }
            let Some((mut lo, mut hi, mut end, open)) = self.count_at(i) else {
                i += 1;
                continue;
            };
            let mut start = i;
            // what says it is a size: a word after, or a word before (or
            // in the word itself: "40-person")
            let mut said = self
                .lower(i)
                .split_once('-')
                .is_some_and(|(_, b)| HEAD_COUNT_SUFFIXES.contains(&b));
            while end < self.len()
                && self.same_clause(i, end)
                && self.free(end, 1)
                && (lx::EMPLOYEE_WORDS.contains(&self.lower(end))
                    || lx::COMPANY_WORDS.contains(&self.lower(end)))
            {
                said |= lx::EMPLOYEE_WORDS.contains(&self.lower(end));
                end += 1;
            }
            if let Some(s) = self.phrase_before(start, lx::SIZE_CUES_BEFORE) {
                start = s;
                said = true;
            }
            // "built a data team (at least 10 people)", "supporting 500+
            // employees", "managed 40 people": a team or the people served,
            // not the employer's head count
            let team = (start.saturating_sub(8)..start)
                .any(|k| in_list(&["team", "teams", "department", "org"], self.lower(k)))
                || (start > 0
                    && in_list(
                        &[
                            "supporting",
                            "support",
                            "supported",
                            "managing",
                            "managed",
                            "manage",
                            "led",
                            "leading",
                            "leads",
                            "hired",
                            "hiring",
                            "grew",
                            "growing",
                        ],
                        self.lower(start - 1),
                    ));
            // ("50+ staff managed", "20 direct reports": the team size said
            // before its verb is claimed by `Reader::asides` already)
            if !said || team || !self.free(start, end - start) {
                i += 1;
                continue;
            }
            let mut edge_starts_next = open || hi > lo;
            if let Some(s) = self.phrase_before(start, lx::SIZE_ABOVE) {
                start = s;
                lo = lo.saturating_add(1);
                hi = u32::MAX;
                edge_starts_next = false;
            } else if let Some(s) = self.phrase_before(start, lx::SIZE_BELOW) {
                start = s;
                hi = lo.saturating_sub(1).max(1);
                lo = 1;
            } else if let Some(s) = self.phrase_before(start, lx::SIZE_UP_TO) {
                start = s;
                hi = lo;
                lo = 1;
            } else if self.sign_before(i, &['<']) {
                hi = lo.saturating_sub(1).max(1);
                lo = 1;
            } else if self.sign_before(i, &['>']) {
                lo = lo.saturating_add(1);
                hi = u32::MAX;
                edge_starts_next = false;
            } else if let Some(s) = self.phrase_before(start, &["between", "entre", "zwischen"]) {
                start = s;
            }
            let bands = bands_for(lo, hi, edge_starts_next);
            if bands.is_empty() {
                i += 1;
                continue;
            }
            let history = if self.phrase_before(start, lx::PAST_CUES).is_some() {
                History::Past
            } else if end < self.len()
                && self.same_clause(i, end)
                && ["experience", "background"].contains(&self.lower(end))
            {
                end += 1;
                History::CurrentOrPast
            } else {
                History::Current
            };
            // "scale-up 200-500", "mid-size companies 200-1000": the number
            // says what the word only suggests, and takes the word
            let mut s = start;
            while s > 0
                && self.free(s - 1, 1)
                && self.same_clause(s - 1, i)
                && lx::COMPANY_WORDS.contains(&self.lower(s - 1))
            {
                s -= 1;
            }
            if let Some(w) = self.phrase_before(s, &lx::SIZE_WORD_KEYS) {
                start = w;
            }
            let mode = self.modes[i];
            let said = format!("company size in numbers: \"{}\"", self.text(start, end));
            self.push_sizes((start, end), mode, &bands, history, &said);
            self.claim(start, end);
            self.numeric_size |= history != History::Past;
            i = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_people_write_them() {
        assert_eq!(count("5,000"), Some((5000, false)));
        assert_eq!(count("10k+"), Some((10000, true)));
        assert_eq!(count("1.000"), Some((1000, false)));
        assert_eq!(count("3,5"), None);
        assert_eq!(count("abc"), None);
    }

    #[test]
    fn a_lower_bound_on_an_edge_starts_the_next_band() {
        use CompanySize::*;
        assert_eq!(
            bands_for(5000, u32::MAX, true),
            vec![S5001To10000, S10001Plus]
        );
        assert_eq!(bands_for(500, 1000, true), vec![S501To1000]);
        assert_eq!(bands_for(200, 500, true), vec![S201To500]);
        assert_eq!(bands_for(1, 49, false), vec![S1To10, S11To50]);
    }
}
