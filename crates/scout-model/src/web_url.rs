//! Which links Scout keeps: absolute `http` or `https` URLs with a host.
//! Profiles, candidates and leads carry links (`linkedinUrl`, `photoUrl`,
//! `cv_url`…) that web pages and clients open; a `javascript:` or `data:`
//! URL stored there would run in whoever opens it, so it is refused where
//! it comes in.

/// Whether `url` is an absolute `http`/`https` URL with a host and nothing
/// that cannot be in one (spaces, control characters).
pub fn is_web_url(url: &str) -> bool {
    // compared byte by byte: slicing the first 8 bytes as text would fail
    // on a host whose first letter is not ASCII (`http://é.example`)
    let scheme = |prefix: &str| {
        url.as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    let rest = if scheme("https://") {
        &url[8..]
    } else if scheme("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with(':')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"')
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn only_http_and_https_links_with_a_host() {
        for ok in [
            "https://www.linkedin.com/in/marie-dupont",
            "http://example.com",
            "HTTPS://EXAMPLE.COM/a?b=c#d",
            "https://user@host.example:8443/x",
            "http://é.example/cv",
            "HtTp://ü",
        ] {
            assert!(is_web_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example/x",
            "/relative/path",
            "https://",
            "https:///path",
            "http://:80",
            "https://ex ample.com",
            "https://example.com/\n",
            "ftp://example.com/cv.pdf",
            "é://example.com",
            "htt",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
    }
}
