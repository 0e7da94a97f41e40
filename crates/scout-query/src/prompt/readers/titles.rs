//! Job titles (career families, the title gazetteer, translated titles,
//! skill titles such as *Java developer*) and seniority words.

use super::Reader;
use super::{in_list, singular};
use crate::filter::{Criterion, YearRange};
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::lexicon::{DEV_WORDS, DOMAIN_WORDS, SENIORITY_PREFIX};
use crate::prompt::Mode;
use crate::search_request::MAX_VALUE_CHARS;
use scout_model::History;
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::titles::{family_of, is_known_title, normalize_title};
use scout_taxonomy::{fold, geocode};

/// Words for people after a field that name its engineers (*DevOps folks,
/// QA people, site reliability peeps*).
const PEOPLE_AFTER_A_FIELD: &[&str] = &[
    "folks", "people", "ppl", "guys", "talent", "profiles", "peeps",
];

/// Abbreviated words of a title written out ("sr product designer" →
/// senior product designer, "backend dev" → backend developer, "salesforce
/// admin" → salesforce administrator, "legal ops manager" → legal
/// operations manager); acronyms that titles are written
/// with (VP, QA, ML, UX, CTO) stay as they are.
fn spelled_out(title: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("sr", "senior"),
        ("snr", "senior"),
        ("jr", "junior"),
        ("jnr", "junior"),
        ("mgr", "manager"),
        ("eng", "engineer"),
        ("engr", "engineer"),
        ("dev", "developer"),
        ("devs", "developer"),
        ("admin", "administrator"),
        ("admins", "administrator"),
        ("asst", "assistant"),
        ("assoc", "associate"),
        ("rep", "representative"),
        ("exec", "executive"),
        ("execs", "executive"),
        ("mech", "mechanical"),
        ("elec", "electrical"),
        ("reps", "representative"),
        ("ops", "operations"),
        ("infra", "infrastructure"),
        ("dir", "director"),
        ("revops", "revenue operations"),
        ("bizops", "business operations"),
        ("salesops", "sales operations"),
        ("bizdev", "business development"),
        ("fullstack", "full stack"),
        ("full-stack", "full stack"),
    ];
    // "sales dev reps": a development representative; "corp dev" a field
    let title = title
        .replace("dev reps", "development representative")
        .replace("dev rep", "development representative")
        .replace("biz dev", "business development")
        // "HR BPs": a business partner of HR (BP alone is a company's name)
        .replace("hr bps", "hr business partner")
        .replace("hr bp", "hr business partner")
        .replace("corp dev", "corporate development");
    let mut out: Vec<&str> = Vec::new();
    for w in title.split(' ') {
        let bare = w.trim_end_matches('.');
        // "VP Eng", "head of dev": after a head's word, the field
        let after_a_head = out
            .last()
            .is_some_and(|p| matches!(p.to_lowercase().as_str(), "vp" | "svp" | "evp" | "of"));
        // ("eng manager", "eng lead": the field before a role, too)
        let before_a_role = title.split(' ').next_back() != Some(w);
        let field = match bare.to_lowercase().as_str() {
            "eng" | "engg" if after_a_head || before_a_role => Some("engineering"),
            "dev" if after_a_head => Some("development"),
            _ => None,
        };
        out.push(field.unwrap_or_else(|| {
            WORDS
                .iter()
                .find(|(short, _)| *short == bare)
                .map_or(w, |(_, long)| *long)
        }));
    }
    out.join(" ")
}

impl Reader<'_> {
    /// Whether the words before `start` are an employer read after *ex-*
    /// ("ex-Google engineers", "ex-Bain or Oliver Wyman consultants").
    fn after_an_ex_employer(&self, start: usize) -> bool {
        let Some(at) = self.tokens.get(start).map(|t| t.start) else {
            return false;
        };
        self.found.iter().any(|r| {
            matches!(
                r.filter.criterion,
                Criterion::CompanyName {
                    history: History::Past,
                    ..
                }
            ) && r.reason.contains("(\"ex-\"")
                && r.end <= at
                && self.prompt[r.end..at].trim().is_empty()
        })
    }
}

/// The role a skill's developer or engineer is searched as ("Java
/// developer" → software developer, "Golang engineer" → software engineer).
fn generic_role(dev_word: &str) -> &'static str {
    if dev_word.starts_with("engineer") {
        "software engineer"
    } else {
        "software developer"
    }
}

/// "devops/platform engineer", "iOS/Android developer": two fields before
/// one role are two titles (OR'd, as titles are); a title without such a
/// word is itself.
fn slash_alternatives(title: &str) -> Vec<String> {
    let words: Vec<&str> = title.split(' ').collect();
    let Some(at) = words.iter().position(|w| {
        let parts: Vec<&str> = w.split('/').collect();
        parts.len() == 2 && parts.iter().all(|p| p.chars().any(char::is_alphabetic))
    }) else {
        return vec![title.to_owned()];
    };
    if at + 1 >= words.len() {
        return vec![title.to_owned()];
    }
    words[at]
        .split('/')
        .map(|field| {
            let mut w = words.clone();
            w[at] = field;
            w.join(" ")
        })
        .collect()
}

impl<'a> Reader<'a> {
    /// Whether `phrase` (of `n` words) names a job title, and how sure that is.
    pub(super) fn title_confidence(&self, phrase: &str, n: usize) -> Option<f32> {
        let folded = fold(phrase);
        let normalized = normalize_title(phrase);
        // shift names are no titles ("night shift"), nor are industries
        // ("medical devices")
        let last = folded.rsplit(' ').next().unwrap_or("");
        // "biostatistician", "neuroscientist": one word of the gazetteer that
        // ends with a common role is that kind of role
        if n == 1
            && is_known_title(phrase)
            && lx::COMMON_ROLES
                .iter()
                .any(|r| folded.len() > r.len() + 2 && folded.ends_with(r))
        {
            return Some(confidence::TITLE_IN_THE_GAZETTEER);
        }
        if folded.ends_with(" shift")
            || folded.ends_with(" shifts")
            || folded.ends_with(" time")
            || lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == folded)
            || (n > 1
                && in_list(
                    &[
                        "hospital",
                        "hospitals",
                        "clinic",
                        "clinics",
                        "setting",
                        "settings",
                        "environment",
                        // "urgent care", "primary care": a setting of care
                        "care",
                    ],
                    last,
                ))
        {
            return None;
        }
        if n > 1 {
            if family_of(phrase).is_some() {
                return Some(confidence::TITLE_OF_A_FAMILY);
            }
            let spelled = spelled_out(&folded);
            if spelled != folded && is_known_title(&spelled) {
                return Some(confidence::TITLE_IN_THE_GAZETTEER);
            }
            if is_known_title(phrase) || (normalized != folded && is_known_title(&normalized)) {
                return Some(confidence::TITLE_IN_THE_GAZETTEER);
            }
            // "tax adviser": the gazetteer spells it "advisor" (and the other
            // way round); the title keeps the spelling typed
            let other_spelling = if folded.ends_with("adviser") {
                Some(format!(
                    "{}advisor",
                    &folded[..folded.len() - "adviser".len()]
                ))
            } else {
                folded
                    .strip_suffix("advisor")
                    .map(|head| format!("{head}adviser"))
            };
            if other_spelling.is_some_and(|o| is_known_title(&o)) {
                return Some(confidence::TITLE_IN_THE_GAZETTEER);
            }
            let words: Vec<&str> = phrase.split(' ').collect();
            let n = words.len();
            // "head of marketing", "vp of engineering": a title, "of", a field
            // ("head of people", "vp of engineering": a leader word before
            // "of" takes any field, people and talent included)
            let leader = in_list(&["head", "vp", "svp", "evp", "director", "chief"], words[0]);
            let field = |w: &str| {
                (leader && in_list(&["people", "talent", "growth"], w))
                    || (!in_list(lx::FILLER, w) && !in_list(lx::CARRY_NOTHING, w))
            };
            if n == 3
                && words[1] == "of"
                && field(words[2])
                && (leader || self.title_confidence(words[0], 1).is_some())
            {
                return Some(confidence::TITLE_OF_A_FIELD);
            }
            // "head of customer support", "director of data science": a
            // leader word, "of", a field of two words (no place, language
            // or role among them)
            if n == 4
                && leader
                && words[1] == "of"
                && words[2..].iter().all(|w| {
                    field(w)
                        && geocode(w).is_none()
                        && canonical_language(w).is_none()
                        && !in_list(lx::COMMON_ROLES, w)
                        && !in_list(lx::MARKET_SEGMENTS, w)
                })
            {
                return Some(confidence::TITLE_OF_A_FIELD);
            }
            // "VP engineering", "head sales": a leader word, then a function
            if n == 2
                && in_list(&["vp", "svp", "evp", "head", "director"], words[0])
                && in_list(
                    &[
                        "engineering",
                        "sales",
                        "marketing",
                        "product",
                        "finance",
                        "operations",
                        "people",
                        "hr",
                        "design",
                        "data",
                        "growth",
                        "technology",
                        "talent",
                        "legal",
                        "security",
                        "it",
                        "research",
                        "partnerships",
                        "procurement",
                    ],
                    words[1],
                )
            {
                return Some(confidence::TITLE_OF_A_FIELD);
            }
            // "cybersecurity analyst", "blockchain developer": a field, then a role
            if n == 2
                && (in_list(lx::COMMON_ROLES, words[1])
                    || in_list(lx::COMMON_ROLES, &spelled_out(words[1])))
                && !in_list(lx::FILLER, words[0])
                && !lx::DEGREES.iter().any(|(d, _)| *d == words[0])
                && !words[0].chars().any(|c| c.is_ascii_digit())
                // (a field word is no skill, place or language: "ml" is no
                // Mali and no Malayalam, "ai" no Anguilla)
                && (in_list(DOMAIN_WORDS, words[0])
                    || (canonical_skill(words[0]).is_none()
                        && geocode(words[0]).is_none()
                        && canonical_language(words[0]).is_none()))
                && !in_list(lx::CARRY_NOTHING, words[0])
                // ("launched dev…", "second-time founders": what someone
                // did or how often, not a field)
                && (!words[0].ends_with("ed") || in_list(DOMAIN_WORDS, words[0]))
                && !words[0].ends_with("-time")
            {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            // "backend SWE", "growth PM": a field word, then a role's
            // acronym (written out below)
            if n == 2 && in_list(DOMAIN_WORDS, words[0]) && words[1].len() <= 4 && {
                let expanded = normalize_title(words[1]);
                expanded.contains(' ')
                    && (is_known_title(&expanded) || family_of(&expanded).is_some())
            } {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            // "customer support team lead": a field of two words the
            // taxonomy knows before a title the gazetteer knows
            if n == 4
                && canonical_skill(&words[..2].join(" ")).is_some()
                // (a standard is no field: "ISO 27001 compliance manager")
                && !words[..2].iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                && in_list(lx::COMMON_ROLES, words[3])
                && is_known_title(&words[2..].join(" "))
            {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            // "HubSpot admins", "Salesforce consultant", "SAP architect": a
            // skill before a role that works on it (a developer of a skill
            // is read as the skill and a developer, below)
            if n == 2
                && canonical_skill(words[0]).is_some()
                && !in_list(DOMAIN_WORDS, words[0])
                && in_list(
                    &["administrator", "consultant", "architect", "specialist"],
                    &spelled_out(words[1]),
                )
            {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            // "data protection officer", "data product manager", "IT
            // service desk analyst": a field word before a title of two or
            // three words the gazetteer knows
            if (3..=4).contains(&n)
                && in_list(DOMAIN_WORDS, words[0])
                && in_list(lx::COMMON_ROLES, words[n - 1])
                && is_known_title(&words[1..].join(" "))
            {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            // "machine learning researcher", "computer vision scientist": a
            // field of two words the taxonomy knows, then a role
            if n == 3
                && in_list(lx::COMMON_ROLES, words[2])
                && !in_list(DEV_WORDS, words[2])
                && canonical_skill(&words[..2].join(" ")).is_some()
            {
                return Some(confidence::TITLE_FIELD_AND_ROLE);
            }
            return None;
        }
        if canonical_skill(phrase).is_some()
            || in_list(lx::FILLER, &folded)
            || canonical_language(phrase).is_some()
        {
            return None;
        }
        // ("physio": a common role written short)
        if normalized != folded
            && !in_list(SENIORITY_PREFIX, &folded)
            && (is_known_title(&normalized)
                || family_of(&normalized).is_some()
                || in_list(lx::COMMON_ROLES, &normalized))
        {
            return Some(confidence::TITLE_ONE_WORD_NORMALISED);
        }
        if in_list(lx::COMMON_ROLES, &folded) {
            return Some(confidence::TITLE_COMMON_ROLE);
        }
        (family_of(phrase).is_some() && is_known_title(phrase))
            .then_some(confidence::TITLE_COMMON_ROLE)
    }

    /// "développeur backend", "ingeniero de datos", "Frontend Entwickler": the
    /// English title, its confidence and the span's end.
    pub(super) fn foreign_title(&self, i: usize) -> Option<(usize, usize, String)> {
        // "el sector farmacéutico": an industry's adjective, not a role
        if i > 0
            && in_list(
                &[
                    "sector",
                    "secteur",
                    "settore",
                    "setor",
                    "industria",
                    "industrie",
                    "branche",
                ],
                self.lower(i - 1),
            )
        {
            return None;
        }
        let heads: Vec<&str> = lx::FOREIGN_HEADS.iter().map(|(w, _)| *w).collect();
        let modifiers: Vec<&str> = lx::FOREIGN_MODIFIERS.iter().map(|(w, _)| *w).collect();
        let english = |list: &[(&str, &'static str)], w: &str| {
            list.iter().find(|(x, _)| *x == w).map(|(_, e)| *e)
        };
        // German order: modifier, head
        if let Some((mn, m)) = self.longest(i, &modifiers) {
            if let Some((hn, h)) = self.longest(i + mn, &heads) {
                let head = english(lx::FOREIGN_HEADS, h)?;
                let modifier = english(lx::FOREIGN_MODIFIERS, m)?;
                if head != "designer" && head != "consultant" {
                    return Some((i, i + mn + hn, format!("{modifier} {head}")));
                }
            }
        }
        let (hn, h) = self.longest(i, &heads)?;
        let head = english(lx::FOREIGN_HEADS, h)?;
        // French "commercial" is a salesperson; English "commercial
        // contracts" is an adjective before its noun
        if h == "commercial" {
            let next = i + hn;
            let noun_after = next < self.len()
                && self.same_clause(i, next)
                && self.tokens[next].text.chars().all(char::is_alphabetic)
                && self.longest(next, &modifiers).is_none()
                && !in_list(
                    &[
                        "b2b",
                        "export",
                        "terrain",
                        "sédentaire",
                        "sedentaire",
                        "itinérant",
                    ],
                    self.lower(next),
                );
            if noun_after {
                return None;
            }
        }
        let mut k = i + hn;
        if k < self.len()
            && self.free(k, 1)
            && in_list(
                &["de", "des", "en", "del", "d'", "di", "do", "da", "im"],
                self.lower(k),
            )
        {
            k += 1;
        }
        if let Some((mn, m)) = (k < self.len())
            .then(|| self.longest(k, &modifiers))
            .flatten()
        {
            let modifier = english(lx::FOREIGN_MODIFIERS, m)?;
            // "Diseñador UX/UI": two fields of one head, each a title
            let other = k + mn + 1;
            if other < self.len()
                && self.prompt[self.tokens[k + mn - 1].end..self.tokens[k + mn].start].trim() == "/"
            {
                if let Some((on, o)) = self.longest(k + mn, &modifiers) {
                    let second = english(lx::FOREIGN_MODIFIERS, o)?;
                    return Some((i, k + mn + on, format!("{modifier}/{second} {head}")));
                }
            }
            return Some((i, k + mn, format!("{modifier} {head}")));
        }
        // "Développeur Python", "Desarrolladora React": a skill right after
        // a developer or engineer names its field, as "Java" does
        let skill_after = i + hn;
        if in_list(DEV_WORDS, head)
            && skill_after < self.len()
            && self.free(skill_after, 1)
            && self.same_clause(i, skill_after)
            && !in_list(DOMAIN_WORDS, self.lower(skill_after))
            && !self.is_filler(skill_after)
            && canonical_skill(&self.tokens[skill_after].text).is_some()
        {
            return Some((
                i,
                skill_after + 1,
                format!("{} {head}", self.lower(skill_after)),
            ));
        }
        // a head spelled as in English ("director") is read by the English
        // rules, which know "director of finance"
        if matches!(head, "designer" | "consultant") || h == head {
            return None;
        }
        // "Projectmanager ICT", "Responsable IT": a field's acronym after the
        // head is its field
        if k < self.len()
            && self.free(k, 1)
            && self.same_clause(i, k)
            && in_list(&["ict", "it", "hr", "rh", "qa", "bi", "ux"], self.lower(k))
            && self.tokens[k].text.chars().all(|c| c.is_ascii_uppercase())
        {
            return Some((i, k + 1, format!("{} {head}", self.lower(k))));
        }
        Some((i, i + hn, head.to_owned()))
    }

    /// "someone who can lead our data platform team": the leader of that
    /// team, a *data platform lead* ("manage the payments team" → payments
    /// manager). The verb, an optional determiner, one to three words, then
    /// *team*, *org* or *department*.
    pub(super) fn team_leads(&mut self) {
        const VERBS: &[(&str, &str)] = &[
            ("lead", "lead"),
            ("leads", "lead"),
            ("leading", "lead"),
            ("led", "lead"),
            ("manage", "manager"),
            ("manages", "manager"),
            ("managing", "manager"),
            ("managed", "manager"),
            ("run", "lead"),
            ("runs", "lead"),
            ("running", "lead"),
        ];
        const DETERMINERS: &[&str] =
            &["our", "the", "a", "an", "their", "your", "my", "his", "her"];
        const TEAMS: &[&str] = &[
            "team",
            "teams",
            "org",
            "organisation",
            "organization",
            "department",
            "function",
        ];
        for i in 0..self.len() {
            let Some((_, role)) = VERBS.iter().find(|(v, _)| *v == self.lower(i)) else {
                continue;
            };
            let mut k = i + 1;
            if k < self.len() && in_list(DETERMINERS, self.lower(k)) {
                k += 1;
            }
            let Some(end) = (k + 1..=(k + 3).min(self.len().saturating_sub(1)))
                .find(|&e| in_list(TEAMS, self.lower(e)))
            else {
                continue;
            };
            if !self.free(i, end + 1 - i)
                || (k..end).any(|w| self.is_filler(w) || in_list(lx::CARRY_NOTHING, self.lower(w)))
            {
                continue;
            }
            let field = self.text(k, end).to_lowercase();
            let title = format!("{field} {role}");
            let mode = self.modes[i];
            self.push(
                (i, end + 1),
                mode,
                Criterion::JobTitle {
                    title: title.clone(),
                    history: History::Current,
                },
                confidence::TITLE_OF_A_FIELD,
                format!("job title: who leads a {field} team is a {title}"),
            );
            self.claim(i, end + 1);
        }
    }

    pub(super) fn titles(&mut self) {
        let mut cursor = 0;
        while cursor < self.len() {
            let i = cursor;
            if !self.free(i, 1) {
                cursor += 1;
                continue;
            }
            // "LinkedIn Recruiter", "Salesforce Administrator" as a product: a
            // tool named like a title is read as the skill, before any title
            if let Some((n, skill)) = (2..=3).rev().find_map(|n| {
                if i + n > self.len() || !self.free(i, n) {
                    return None;
                }
                let text = self.text(i, i + n);
                let folded = fold(text);
                let last = folded.rsplit(' ').next().unwrap_or("");
                canonical_skill(text)
                    .filter(|s| in_list(lx::COMMON_ROLES, last) && fold(s) == folded)
                    .map(|s| (n, s))
            }) {
                let mode = self.modes[i];
                self.push(
                    (i, i + n),
                    mode,
                    Criterion::Skill(skill.to_owned()),
                    confidence::SKILL,
                    format!("skill: {skill} (a tool named like a title)"),
                );
                self.claim(i, i + n);
                cursor = i + n;
                continue;
            }
            // the second word of a metro's name is no title's field
            // ("silicon valley founders")
            if i > 0
                && self
                    .place_at(i - 1, false)
                    .is_some_and(|(end, g)| end > i && g.kind == scout_taxonomy::GeoKind::Area)
            {
                cursor += 1;
                continue;
            }
            if let Some((s, mut e, mut english)) = self.foreign_title(i) {
                // "ingénieur data senior", "contable senior": the seniority
                // word after a French or Spanish title is part of it
                if e < self.len()
                    && self.free(e, 1)
                    && self.same_clause(s, e)
                    && in_list(
                        &[
                            "senior",
                            "sénior",
                            "junior",
                            "júnior",
                            "confirmé",
                            "confirmée",
                        ],
                        self.lower(e),
                    )
                {
                    let level = match self.lower(e) {
                        "junior" | "júnior" => "junior",
                        _ => "senior",
                    };
                    english = format!("{level} {english}");
                    if let Some((_, ranges)) = lx::SENIORITY_YEARS.iter().find(|(w, _)| *w == level)
                    {
                        if self.modes[s] != Mode::Excluded {
                            self.seniority_years.push((e, ranges));
                        }
                    }
                    e += 1;
                }
                let mode = self.modes[s];
                let typed = self.text(s, e).to_owned();
                // "desarrolladores Java senior": a skill before a bare
                // developer or engineer, as in English ("Java developer")
                let words: Vec<&str> = english.split(' ').collect();
                let levels = words
                    .iter()
                    .take_while(|w| in_list(&["senior", "junior"], w))
                    .count();
                if let [.., last] = words.as_slice() {
                    let field = words[levels..words.len() - 1].join(" ");
                    let skill = (!field.is_empty()
                        && in_list(DEV_WORDS, last)
                        && !in_list(DOMAIN_WORDS, &field))
                    .then(|| canonical_skill(&field))
                    .flatten();
                    if let Some(skill) = skill {
                        self.push(
                            (s, e),
                            mode,
                            Criterion::Skill(skill.to_owned()),
                            confidence::SKILL_IN_A_TITLE,
                            format!("skill named in the title: {skill}"),
                        );
                        let mut generic: Vec<&str> = words[..levels].to_vec();
                        generic.push(generic_role(last));
                        english = generic.join(" ");
                    }
                }
                // ("ux/ui designer": one title a field)
                for title in slash_alternatives(&english) {
                    self.push(
                        (s, e),
                        mode,
                        Criterion::JobTitle {
                            title: title.clone(),
                            history: History::Current,
                        },
                        confidence::TITLE_TRANSLATED,
                        format!("job title \"{typed}\" read as {title}"),
                    );
                }
                self.claim(s, e);
                cursor = e;
                continue;
            }
            let mut hit = None;
            for n in (1..=6).rev() {
                // "head of people": a field that is otherwise a filler word
                let leader_of_people = n == 3
                    && i + 2 < self.len()
                    && self.lower(i + 1) == "of"
                    && in_list(&["people", "talent"], self.lower(i + 2));
                // no title starts with a filler word ("list of senior data
                // scientists", "on call"), nor runs over a spaced slash
                // ("Office manager / executive assistant" are two)
                let over_slash = i + n <= self.len()
                    && (i + 1..i + n).any(|k| {
                        self.prompt[self.tokens[k - 1].end..self.tokens[k].start].contains(" / ")
                    });
                // ("in-house recruiters": where they work is a keyword)
                if !self.free(i, n)
                    || (self.is_filler(i + n - 1) && !leader_of_people)
                    || self.is_filler(i)
                    || in_list(&["in-house", "inhouse", "on-site", "onsite"], self.lower(i))
                    || over_slash
                {
                    continue;
                }
                let typed = self.text(i, i + n).to_lowercase();
                let last = &self.tokens[i + n - 1].lower;
                // "AEs", "RNs": an acronym's plural is its last letter off
                let acronym_plural = {
                    let t = &self.tokens[i + n - 1].text;
                    t.len() >= 3
                        && t.ends_with('s')
                        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase())
                };
                // "heads of product", "directors of nursing": the head's plural
                let head_of = n >= 3
                    && self.lower(i + 1) == "of"
                    && in_list(
                        &["heads", "directors", "vps", "chiefs", "managers", "leads"],
                        self.lower(i),
                    );
                let singular_form = if head_of {
                    singular(&self.tokens[i].lower).map(|s| {
                        let rest =
                            &self.prompt[self.tokens[i + 1].start..self.tokens[i + n - 1].end];
                        format!("{s} {}", rest.to_lowercase())
                    })
                } else if acronym_plural {
                    Some(last[..last.len() - 1].to_owned())
                } else {
                    singular(last)
                }
                .map(|s| {
                    if head_of {
                        return s;
                    }
                    let head = &self.prompt[self.tokens[i].start..self.tokens[i + n - 1].start];
                    format!("{}{s}", head.to_lowercase())
                });
                // the plural read as its singular when that is the better
                // known title ("registered nurses" → registered nurse), the
                // words as typed otherwise ("head of sales")
                let as_typed = self.title_confidence(&typed, n);
                let as_singular = singular_form
                    .as_ref()
                    .and_then(|s| self.title_confidence(s, n));
                // "lab techs", "IT support tech": a technician, written short
                // (not "contracts tech company": the field of a company)
                let company_after = i + n < self.len()
                    && self.same_clause(i, i + n)
                    && (in_list(lx::INDUSTRY_NOUNS_AFTER, self.lower(i + n))
                        || in_list(lx::INDUSTRY_CUES_AFTER, self.lower(i + n)));
                // (nor an industry's: "travel tech")
                let industry_before = n >= 2 && {
                    let before = self.lower(i + n - 2);
                    in_list(lx::SECTOR_BEFORE_TECH, before)
                        || lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == before)
                        || scout_taxonomy::industries::canonical_industry(before).is_some()
                };
                if n >= 2
                    && matches!(last.as_str(), "tech" | "techs")
                    && !company_after
                    && !industry_before
                {
                    let head = &self.prompt[self.tokens[i].start..self.tokens[i + n - 1].start];
                    let written_out = format!("{}technician", head.to_lowercase());
                    if let Some(c) = self.title_confidence(&written_out, n) {
                        hit = Some((n, written_out, c));
                        break;
                    }
                }
                match (as_typed, as_singular, singular_form) {
                    (t, Some(c), Some(s)) if t.is_none_or(|t| c > t) => {
                        hit = Some((n, s, c));
                        break;
                    }
                    (Some(c), _, _) => {
                        hit = Some((n, typed, c));
                        break;
                    }
                    _ => {}
                }
            }
            // "senior frontend (vue or react)", "…, backend, Berlin": a side
            // of the stack named alone is its developer
            let hit = hit.or_else(|| {
                // "DevOps folks", "QA people": a field before a people word
                // is its engineer
                let people_after = i + 1 < self.len()
                    && self.same_clause(i, i + 1)
                    && in_list(PEOPLE_AFTER_A_FIELD, self.lower(i + 1));
                // ("site reliability folks")
                if i + 2 < self.len()
                    && self.lower(i) == "site"
                    && self.lower(i + 1) == "reliability"
                    && self.same_clause(i, i + 2)
                    && (in_list(PEOPLE_AFTER_A_FIELD, self.lower(i + 2))
                        || self.lower(i + 2) == "engineers")
                {
                    return Some((
                        3,
                        "site reliability engineer".to_owned(),
                        confidence::TITLE_FIELD_AND_ROLE,
                    ));
                }
                if people_after && in_list(&["devops", "qa", "sre"], self.lower(i)) {
                    let role = if self.lower(i) == "sre" {
                        "site reliability engineer".to_owned()
                    } else {
                        format!("{} engineer", self.lower(i))
                    };
                    return Some((1, role, confidence::TITLE_FIELD_AND_ROLE));
                }
                let side = match self.lower(i) {
                    "frontend" | "front-end" => "frontend",
                    "backend" | "back-end" => "backend",
                    "fullstack" | "full-stack" => "full stack",
                    _ => return None,
                };
                // alone: at the end, or set off by punctuation ("frontend
                // frameworks" is an adjective before its noun)
                // ("founding engineer full-stack": it qualifies the role before)
                let after_a_role = i > 0
                    && self.same_clause(i - 1, i)
                    && (in_list(lx::COMMON_ROLES, self.lower(i - 1))
                        || in_list(DEV_WORDS, self.lower(i - 1)));
                if after_a_role {
                    return None;
                }
                let alone = i + 1 >= self.len()
                    || !self.same_clause(i, i + 1)
                    || self.prompt[self.tokens[i].end..self.tokens[i + 1].start]
                        .contains([',', '(', '/', ';', ')']);
                alone.then(|| {
                    (
                        1,
                        format!("{side} developer"),
                        confidence::TITLE_FIELD_AND_ROLE,
                    )
                })
            });
            let side_alone = hit.as_ref().is_some_and(|(n, v, _)| {
                *n == 1 && v.ends_with(" developer") && !self.lower(i).ends_with("developer")
            });
            let Some((n, value, confidence)) = hit else {
                cursor += 1;
                continue;
            };
            // "power bi developers": a skill of two words ends where the
            // title begins — the skill, and a software developer
            let last_word = value.rsplit(' ').next().unwrap_or("");
            if i > 0
                && self.free(i - 1, 1)
                && self.same_clause(i - 1, i)
                && in_list(DEV_WORDS, last_word)
                && n == 2
            {
                if let Some(skill) = canonical_skill(self.text(i - 1, i + 1)) {
                    let mode = self.modes[i - 1];
                    self.push(
                        (i - 1, i + 1),
                        mode,
                        Criterion::Skill(skill.to_owned()),
                        confidence::SKILL_IN_A_TITLE,
                        format!("skill named in the title: {skill}"),
                    );
                    let generic = generic_role(last_word);
                    self.push(
                        (i + 1, i + n),
                        mode,
                        Criterion::JobTitle {
                            title: generic.to_owned(),
                            history: History::Current,
                        },
                        confidence::SKILL_IN_A_TITLE,
                        format!("job title: a {generic} using the skill it names"),
                    );
                    self.claim(i - 1, i + n);
                    cursor = i + n;
                    continue;
                }
            }
            // "assistant to the CEO", "reporting to the CFO": whom the role
            // serves; "managed 5+ engineers", "managed managers": a team
            // size; "dev tools": a product
            // (not "for a": "looking for a VP" is who is sought)
            // ("EA to founders": *to* right after a title read)
            let served = self
                .phrase_before(
                    i,
                    &["to the", "reporting to", "reports to", "to a", "to our"],
                )
                .is_some()
                || (i >= 2
                    && self.lower(i - 1) == "to"
                    && self.same_clause(i - 2, i)
                    && self.found.iter().any(|f| {
                        matches!(f.filter.criterion, Criterion::JobTitle { .. })
                            && f.end == self.tokens[i - 2].end
                    }));
            // "selling to CFOs": whom the person sells to, a keyword
            if self.sold_to(i) {
                cursor = i + n;
                continue;
            }
            let managing_verb = |w: &str| {
                in_list(
                    &[
                        "managed",
                        "managing",
                        "manage",
                        "manages",
                        "led",
                        "leading",
                        "leads",
                        "supervised",
                        "supervising",
                        "hired",
                        "mentored",
                        "mentoring",
                        "built",
                        "grew",
                    ],
                    w,
                )
            };
            let managed = managing_verb(self.lower(i)) || {
                let mut k = i;
                if k > 0
                    && self.tokens[k - 1]
                        .lower
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                {
                    k -= 1;
                }
                k > 0 && managing_verb(self.lower(k - 1))
            };
            let product = n == 1
                && in_list(&["dev", "developer"], self.lower(i))
                && i + 1 < self.len()
                && in_list(
                    &[
                        "tools",
                        "tooling",
                        "productivity",
                        "experience",
                        "relations",
                        "advocacy",
                        "platform",
                        "portal",
                        "portals",
                        "docs",
                        "documentation",
                        "community",
                    ],
                    self.lower(i + 1),
                );
            // "Hiring manager wants an ML engineer", "the CTO needs…": who
            // asks for the search, not whom it looks for
            let asking = i + n < self.len()
                && self.same_clause(i, i + n)
                && in_list(
                    &["wants", "needs", "asked", "asks", "requested", "requests"],
                    self.lower(i + n),
                );
            if served || managed || product || asking {
                // the words are said: they carry nothing more to search for
                if served || managed || asking {
                    self.claim(i, i + n);
                }
                cursor = i + n;
                continue;
            }
            let first = i;
            let (mut i, mut value) = (i, value);
            // "Golang developer": the skill before a bare developer/engineer
            if n == 1
                && in_list(DEV_WORDS, &value)
                && i > 0
                && self.free(i - 1, 1)
                && self.same_clause(i - 1, i)
            {
                let prev = &self.tokens[i - 1];
                if canonical_skill(&prev.text).is_some() && !in_list(DOMAIN_WORDS, &prev.lower) {
                    value = format!("{} {value}", prev.lower);
                    i -= 1;
                }
            }
            let n = if value.contains(' ') && n == 1 && !side_alone {
                2
            } else {
                n
            };
            let mut start = i;
            while start > 0
                && self.free(start - 1, 1)
                && self.same_clause(start - 1, i)
                && in_list(SENIORITY_PREFIX, self.lower(start - 1))
            {
                start -= 1;
            }
            let end = i + n;
            let prefix = self.text(start, i).to_lowercase();
            let mut words: Vec<&str> = value.split(' ').collect();
            // seniority words already inside the matched title
            // ("sr. product designer": the abbreviation's dot is no part of it)
            let mut lead: Vec<&str> = words
                .iter()
                .copied()
                .take_while(|w| in_list(SENIORITY_PREFIX, w.trim_end_matches('.')))
                .collect();
            // "Associates at private equity firms": a seniority word that is
            // a role too, written in the plural, is that role (a noun)
            if n == 1
                && words.len() == 1
                && lead.len() == 1
                && in_list(lx::COMMON_ROLES, words[0])
                && {
                    let written = self.tokens[i].text.to_lowercase();
                    written.len() > words[0].len() && written.starts_with(words[0])
                }
            {
                lead.clear();
            }
            words.drain(..lead.len());
            let seniority: Vec<String> = prefix
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .chain(lead.iter().map(|w| (*w).to_owned()))
                .map(|w| spelled_out(&w))
                .collect();
            // a title of seniority words only ("lead" as a verb: "who can
            // lead our team") is none
            if words.is_empty() {
                cursor = (i + n).max(first + 1);
                continue;
            }
            let mode = self.modes[i];
            // "who came up as mobile engineers", "started out as a nurse": the
            // role they began in
            let began_as = self.phrase_before(
                start,
                &[
                    "came up as",
                    "started as",
                    "started out as",
                    "began as",
                    "started as a",
                    "started out as a",
                    "began as a",
                ],
            );
            if let Some(b) = began_as {
                self.claim(b, start);
            }
            let history = match began_as.or_else(|| {
                self.phrase_before(
                    start,
                    &[
                        "former",
                        "formerly",
                        "previously",
                        "ex",
                        "exited",
                        "ancien",
                        "ehemaliger",
                    ],
                )
            }) {
                Some(_) => History::Past,
                // "ex-Bain or Oliver Wyman consultants": the role they held there
                None if self.after_an_ex_employer(start) => History::Past,
                // "former Bain consultants": *former* before the employer's
                // name is about the role held there
                // (the word may be the employer's already: not free)
                None if start >= 2
                    && self.tokens[start - 1].capitalized()
                    && self.same_clause(start - 2, start)
                    && ["former", "ancien", "ehemaliger", "ehemalige"]
                        .contains(&self.lower(start - 2)) =>
                {
                    History::Past
                }
                None => History::Current,
            };
            // "Java developer" → SKILL Java + a software developer title
            let core = words.join(" ");
            let split = words.len() >= 2
                && in_list(DEV_WORDS, words[words.len() - 1])
                // ("cloud security engineer": fields, every word of them)
                && !in_list(DOMAIN_WORDS, &words[..words.len() - 1].join(" "))
                && !words[..words.len() - 1]
                    .iter()
                    .all(|w| in_list(DOMAIN_WORDS, w))
                && canonical_skill(&words[..words.len() - 1].join(" ")).is_some();
            // "AE", "CSM", "HRBP": an acronym that is no title as written
            // is read as the title it stands for (the engine still knows
            // the acronym: abbreviations are expanded on both sides)
            // (C-level acronyms and VP stay as written: that is how those
            // titles are written)
            let expanded = normalize_title(&core);
            let core = if !core.contains(' ')
                && expanded.contains(' ')
                && !expanded.starts_with("chief ")
                && !expanded.starts_with("vice president")
                && !expanded.starts_with("senior ")
                && (is_known_title(&expanded) || family_of(&expanded).is_some())
            {
                expanded
            } else if !core.contains(' ')
                && expanded != core
                && !expanded.contains(' ')
                && in_list(lx::COMMON_ROLES, &expanded)
                && self.tokens[i].text.chars().any(char::is_lowercase)
            {
                // "physio": a common role written short, written out (an
                // acronym in capitals stays as written: "MD")
                expanded
            } else if let [modifiers @ .., last] = words.as_slice() {
                // "growth PM", "enterprise AE": the acronym after a field
                // written out, the field kept
                let last_expanded = normalize_title(last);
                if !modifiers.is_empty()
                    && last.len() <= 4
                    && last_expanded.contains(' ')
                    && !last_expanded.starts_with("chief ")
                    && !last_expanded.starts_with("vice president")
                    && (is_known_title(&last_expanded) || family_of(&last_expanded).is_some())
                {
                    format!("{} {last_expanded}", modifiers.join(" "))
                } else {
                    core
                }
            } else {
                core
            };
            let title_value = if split {
                let skill =
                    canonical_skill(&words[..words.len() - 1].join(" ")).unwrap_or_default();
                let generic = generic_role(words[words.len() - 1]);
                self.push(
                    (i, end - 1),
                    mode,
                    Criterion::Skill(skill.to_owned()),
                    confidence::SKILL_IN_A_TITLE,
                    format!("skill named in the title: {skill}"),
                );
                let mut v = seniority.clone();
                v.push(generic.to_owned());
                v.join(" ")
            } else {
                let mut v = seniority.clone();
                v.push(core.clone());
                v.join(" ")
            };
            let title_value = spelled_out(&title_value);
            let title_value: String = title_value.chars().take(MAX_VALUE_CHARS).collect();
            let reason = if split {
                format!("job title: a {} using the skill it names", title_value)
            } else if family_of(&core).is_some() {
                format!(
                    "job title (career family of \"{}\")",
                    family_of(&core).map_or("", |f| f.title.as_str())
                )
            } else {
                "job title (known title)".to_owned()
            };
            for title in slash_alternatives(&title_value) {
                self.push(
                    (start, end),
                    mode,
                    Criterion::JobTitle { title, history },
                    confidence,
                    reason.clone(),
                );
            }
            if let Some(first) = seniority.first() {
                // ("Sr.", "snr": the word written out)
                let first = spelled_out(&fold(first));
                if let Some((_, ranges)) =
                    lx::SENIORITY_YEARS.iter().find(|(w, _)| fold(w) == first)
                {
                    if mode != Mode::Excluded {
                        self.seniority_years.push((start, ranges));
                    }
                }
            }
            self.claim(start, end);
            cursor = end.max(first + 1);
        }
        self.fields_sharing_a_role();
    }

    /// "Bizdev / partnerships managers": a field written short, read out as
    /// a title with no role, before a spaced slash and a title that ends
    /// with a role takes that role ("business development manager").
    fn fields_sharing_a_role(&mut self) {
        let ends_with_a_role = |t: &str| {
            t.rsplit(' ')
                .next()
                .is_some_and(|w| in_list(lx::COMMON_ROLES, w))
        };
        // (index in `found`, span, title) of each title read, in order
        let titles: Vec<(usize, usize, usize, String)> = self
            .found
            .iter()
            .enumerate()
            .filter_map(|(at, r)| match &r.filter.criterion {
                Criterion::JobTitle { title, .. } => Some((at, r.start, r.end, title.clone())),
                _ => None,
            })
            .collect();
        for pair in titles.windows(2) {
            let (at, _, end, field) = &pair[0];
            let (_, next_start, _, next) = &pair[1];
            let shares = end <= next_start
                && self.prompt[*end..*next_start].trim() == "/"
                && field.contains(' ')
                && !ends_with_a_role(field)
                // (a field written short and read out: "Scrum master /
                // agile coach" is a title already)
                && fold(&self.found[*at].text) != *field
                && next.contains(' ')
                && ends_with_a_role(next);
            if !shares {
                continue;
            }
            let role = next.rsplit(' ').next().unwrap_or("");
            let read = &mut self.found[*at];
            if let Criterion::JobTitle { title, .. } = &mut read.filter.criterion {
                *title = format!("{field} {role}");
                read.reason.push_str(&format!(
                    "; with the role of the title after the slash: {title}"
                ));
            }
        }
    }

    pub(super) fn seniority(&mut self) {
        for i in 0..self.len() {
            let keys: Vec<&str> = lx::SENIORITY_YEARS.iter().map(|(w, _)| *w).collect();
            if let Some((n, w)) = self.longest(i, &keys) {
                // "50+ staff managed": people counted, not a rung
                let counted = i > 0
                    && self.tokens[i - 1]
                        .text
                        .trim_end_matches('+')
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',');
                if counted && w == "staff" {
                    self.claim(i, i + n);
                    continue;
                }
                if let Some((_, ranges)) = lx::SENIORITY_YEARS.iter().find(|(x, _)| *x == w) {
                    if self.modes[i] == Mode::Excluded {
                        for r in *ranges {
                            if let Some(range) = YearRange::parse(r) {
                                self.push(
                                    (i, i + n),
                                    Mode::Excluded,
                                    Criterion::YearsOfExperience(range),
                                    confidence::SENIORITY_EXCLUDED,
                                    format!(
                                        "\"{w}\" excluded as the experience it suggests ({})",
                                        ranges.join(", ")
                                    ),
                                );
                            }
                        }
                    } else {
                        self.seniority_years.push((i, ranges));
                    }
                }
                self.claim(i, i + n);
            }
        }
    }
}
