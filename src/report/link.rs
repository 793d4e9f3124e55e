//! Which references in the answers become clickable links in a report, and which stay text.

/// Only `http`, `https` and relative links become clickable; `javascript:`, `data:` and
/// every other scheme stay text, and so do protocol-relative links (`//host`, which browsers
/// also read from `\\host` and `/\host`) and anything with control characters, which
/// browsers strip before reading the scheme.
pub fn is_safe_link(reference: &str) -> bool {
    let lower = reference.trim().to_ascii_lowercase();
    if lower.chars().any(char::is_control) {
        return false;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    let before_slash = lower.split(['/', '?', '#']).next().unwrap_or("");
    !lower.is_empty()
        && !before_slash.contains(':')
        && !lower.starts_with("//")
        && !lower.contains('\\')
        && !lower.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::is_safe_link;

    #[test]
    fn web_and_relative_links_are_safe() {
        for link in [
            "https://zakon.rada.gov.ua/laws/show/580-19",
            "http://example.org/a?b=1&c=2",
            "HTTPS://EXAMPLE.ORG",
            "  https://example.org  ",
            "docs/report.pdf",
            "./annex-2.html#part-3",
            "../evidence/order-12.pdf",
            "annex.pdf?page=2",
            "#section-4",
            "folder/a:b",
        ] {
            assert!(is_safe_link(link), "{link:?} should be a link");
        }
    }

    #[test]
    fn scripts_other_schemes_and_tricks_stay_text() {
        for link in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\tjavascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{b}script:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "mailto:someone@example.org",
            "https:evil.example",
            "//evil.example",
            "  //evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\u{1}//evil.example",
            "order 12.pdf",
            "",
            "   ",
        ] {
            assert!(!is_safe_link(link), "{link:?} should stay text");
        }
    }
}
