//! Skills: canonical names with aliases ("k8s" → "Kubernetes", "ReactJS" →
//! "React"), GitHub Linguist's programming languages, and related skills
//! ranked by how often they appear together in the career families.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::careers::families;
use crate::normalize::fold;

/// Linguist aliases that are everyday words, which people write meaning
/// the word ("console games", "batch processing", "make", "progress"): not
/// read as the language.
/// *oil and gas, coffee shop, Inc 5000, CDS traders* are more of the same.
pub(crate) const EVERYDAY_ALIASES: &[&str] = &[
    "console", "progress", "batch", "flex", "make", "cake", "posh", "apples", "gas", "coffee",
    "bro", "inc", "bat", "igor", "mumps", "rake", "pyrex", "cds", "vhs",
];

struct Skills {
    canonical: HashMap<String, &'static str>,
    forms: HashMap<&'static str, Vec<String>>,
    cooccurrence: HashMap<&'static str, HashMap<&'static str, f64>>,
}

static SKILLS: LazyLock<Skills> = LazyLock::new(|| {
    let mut canonical: HashMap<String, &'static str> = HashMap::new();
    let mut forms: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut add = |name: &'static str, alias: &str| {
        let f = fold(alias);
        if f.is_empty() {
            return;
        }
        canonical.entry(f.clone()).or_insert(name);
        let v = forms.entry(name).or_default();
        if !v.contains(&f) {
            v.push(f);
        }
    };
    let curated = crate::data::SKILL_ALIASES
        .lines()
        .skip(1)
        .chain(crate::data::SKILL_TOOLS.lines().skip(1));
    for line in curated {
        let mut c = line.split('\t');
        let (Some(name), aliases) = (c.next(), c.next().unwrap_or("")) else {
            continue;
        };
        add(name, name);
        aliases.split('|').for_each(|a| add(name, a));
    }
    let fams = families();
    for f in fams {
        for s in &f.skills {
            add(s.as_str(), s);
        }
    }
    for line in crate::data::PROGRAMMING_LANGUAGES.lines().skip(1) {
        let mut c = line.split('\t');
        let (Some(name), aliases) = (c.next(), c.next().unwrap_or("")) else {
            continue;
        };
        add(name, name);
        aliases
            .split('|')
            .filter(|a| a.len() > 1 && !EVERYDAY_ALIASES.contains(a))
            .for_each(|a| add(name, a));
    }
    // Skills listed early in a family are its core; pairs of core skills weigh more.
    let mut cooccurrence: HashMap<&'static str, HashMap<&'static str, f64>> = HashMap::new();
    for f in fams {
        for (i, a) in f.skills.iter().enumerate() {
            for (j, b) in f.skills.iter().enumerate() {
                if i != j {
                    let w = f64::from(f.weight) / ((1 + i) as f64 * (1 + j) as f64).sqrt();
                    *cooccurrence
                        .entry(a.as_str())
                        .or_default()
                        .entry(b.as_str())
                        .or_default() += w;
                }
            }
        }
    }
    Skills {
        canonical,
        forms,
        cooccurrence,
    }
});

/// Every folded name and alias of every skill.
pub fn skill_names() -> impl Iterator<Item = &'static str> {
    SKILLS.canonical.keys().map(String::as_str)
}

/// The canonical name of a skill ("k8s" → "Kubernetes"); `None` when unknown.
pub fn canonical_skill(text: &str) -> Option<&'static str> {
    SKILLS.canonical.get(&fold(text)).copied()
}

/// Every folded form that names the same skill as `text` (itself first).
pub fn skill_forms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out = vec![folded.clone()];
    if let Some(forms) = canonical_skill(text).and_then(|c| SKILLS.forms.get(c)) {
        out.extend(forms.iter().filter(|f| **f != folded).cloned());
    }
    out
}

/// Skills related to `text`, strongest first, with a co-occurrence weight.
pub fn related_skills(text: &str) -> Vec<(&'static str, f64)> {
    let Some(name) = canonical_skill(text) else {
        return Vec::new();
    };
    let mut v: Vec<_> = SKILLS
        .cooccurrence
        .get(name)
        .map(|m| m.iter().map(|(k, w)| (*k, *w)).collect())
        .unwrap_or_default();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_and_relations_rank() {
        assert_eq!(canonical_skill("k8s"), Some("Kubernetes"));
        assert_eq!(canonical_skill("ReactJS"), Some("React"));
        assert_eq!(canonical_skill("golang"), Some("Go"));
        assert_eq!(canonical_skill("Haskell"), Some("Haskell"));
        assert!(skill_forms("Node.js").contains(&"nodejs".to_owned()));
        let rel = related_skills("Kubernetes");
        assert!(rel.iter().take(5).any(|(s, _)| *s == "Docker"), "{rel:?}");
        assert!(related_skills("no such skill").is_empty());
    }

    #[test]
    fn everyday_words_are_no_languages_aliases() {
        for word in ["gas", "coffee", "inc", "console", "batch", "CDS"] {
            assert_eq!(canonical_skill(word), None, "{word}");
        }
        // the languages themselves still resolve
        assert_eq!(canonical_skill("CoffeeScript"), Some("CoffeeScript"));
        assert_eq!(canonical_skill("Unix Assembly"), Some("Unix Assembly"));
    }
}
