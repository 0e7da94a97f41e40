//! The HTML people put in text CVs: a Markdown résumé often carries
//! `<span>`, `<b>`, `<p style=…>`, `<br>` and comments, and a plain-text one
//! may sit in a code fence. This module takes them out so that the readers
//! see the words, with a line break where a block tag ends a line, and
//! reads a static-site theme's YAML front matter as the lines it shows.
//! Autolinks (`<jane@example.com>`, `<https://…>`) are not tags and stay.

/// Tags that end a line (blocks and breaks).
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "tr",
    "table",
    "section",
    "header",
    "footer",
    "blockquote",
    "center",
    "dl",
    "dt",
    "dd",
];

/// Tags that only style words.
const INLINE_TAGS: &[&str] = &[
    "span", "b", "i", "u", "em", "strong", "small", "big", "font", "a", "img", "sup", "sub", "td",
    "th", "tbody", "thead", "mark", "abbr", "code", "kbd", "s", "del", "ins",
];

/// Entities written out in such files.
const ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", " "),
    ("&amp;", "&"),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&ndash;", "–"),
    ("&mdash;", "—"),
    ("&bull;", "•"),
    ("&middot;", "·"),
];

/// The text without HTML comments, tags, code fences and common entities.
/// Text with none of them comes back as it was.
pub fn without_markup(text: &str) -> String {
    if !text.contains('<') && !text.contains("```") && !text.contains('&') {
        return text.to_owned();
    }
    let text = without_front_matter(&without_blocks(&without_comments(text)));
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match tag_at(tail) {
            Some((len, block)) => {
                if block {
                    out.push('\n');
                }
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    let mut clean = String::with_capacity(out.len());
    for line in out.lines() {
        // "```text" and "```" fence a block; what is inside is the CV
        if line.trim_start().starts_with("```") {
            clean.push('\n');
            continue;
        }
        let mut line = line.to_owned();
        for (entity, meant) in ENTITIES {
            if line.contains(entity) {
                line = line.replace(entity, meant);
            }
        }
        clean.push_str(&line);
        clean.push('\n');
    }
    clean
}

/// The text without `<style>` and `<script>` elements, whose insides are
/// no words of the CV.
fn without_blocks(text: &str) -> String {
    let mut out = text.to_owned();
    for (open, close) in [("<style", "</style>"), ("<script", "</script>")] {
        loop {
            let lower = out.to_ascii_lowercase();
            let Some(at) = lower.find(open) else {
                break;
            };
            let end = lower[at..]
                .find(close)
                .map_or(out.len(), |e| at + e + close.len());
            out.replace_range(at..end, "\n");
        }
    }
    out
}

/// YAML front matter (`---` / `name: Ana Ruiz` / `  - text: Pune, India` /
/// `---`, which static-site résumé themes read) as its values, one a line:
/// the keys and list marks go, and values that are only markers (`|`,
/// `true`) go too.
fn without_front_matter(text: &str) -> String {
    let Some(body) = text.strip_prefix("---\n") else {
        return text.to_owned();
    };
    let Some(end) = body.find("\n---\n") else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    for line in body[..end].lines() {
        let line = line.trim().trim_start_matches("- ").trim();
        let value = match line.split_once(':') {
            Some((key, value))
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
            {
                value.trim()
            }
            _ => line,
        };
        if !value.is_empty() && !matches!(value, "|" | ">" | "true" | "false") {
            out.push_str(value.trim_matches(['"', '\'']));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&body[end + 5..]);
    out
}

/// The text without `<!-- … -->` comments (which may span lines).
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open..].find("-->") {
            Some(close) => rest = &rest[open + close + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A known tag at the start of `text`: its length and whether it is a
/// block's. `None` for anything else that starts with `<` (an autolink, a
/// comparison).
fn tag_at(text: &str) -> Option<(usize, bool)> {
    let close = text.find('>')?;
    let inner = &text[1..close];
    if inner.contains('<') || inner.contains('\n') {
        return None;
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let after_name = inner
        .trim_start_matches('/')
        .get(name.len()..)
        .unwrap_or("");
    // "<b>", "<span style=…>", "<br/>": the name ends at a space, a slash or the end
    if !(after_name.is_empty() || after_name.starts_with([' ', '/', '\t'])) {
        return None;
    }
    if BLOCK_TAGS.contains(&name.as_str()) {
        Some((close + 1, true))
    } else if INLINE_TAGS.contains(&name.as_str()) {
        Some((close + 1, false))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_comments_and_fences_go_and_autolinks_stay() {
        let md = "<!-- the h1 is the title\nof the page -->\n# Kaya Ota\n- <kaya.ota@mail.com>\n### <span>Rakuten Group </span>\n<span>Nov 2020 -- Present</span>\n<p style=\"font-size: 10px\"> <i>Alexandria, Egypt</i> </p>\nR&amp;D &nbsp;lead\n```text\nRon Adams\n```\n";
        let plain = without_markup(md);
        assert_eq!(
            plain,
            "\n# Kaya Ota\n- <kaya.ota@mail.com>\n### Rakuten Group \nNov 2020 -- Present\n\n Alexandria, Egypt \n\nR&D  lead\n\nRon Adams\n\n"
        );
        assert_eq!(without_markup("a < b and c > d"), "a < b and c > d\n");
        assert_eq!(without_markup("plain text\n"), "plain text\n");
    }

    #[test]
    fn front_matter_gives_its_values_and_styles_go() {
        let md = "---\nname: Ana Ruiz\nheader:\n  - text: |\n      <span style=\"x\">Applying for: Data Engineer</span>\n  - text: <span class=\"iconify\"></span> +34 612 345 678\n    newLine: true\n    link: mailto:ana@example.com\n---\n\n## Summary\nHello\n<style>\n  body { color: #000; }\n</style>\n";
        assert_eq!(
            without_markup(md),
            "Ana Ruiz\nApplying for: Data Engineer\n +34 612 345 678\nmailto:ana@example.com\n\n\n## Summary\nHello\n\n\n"
        );
    }
}
