//! The little XML the Word writer needs: escaping text, and reading the attributes of the
//! elements of a template's part (quick-xml does the parsing).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;

/// The attributes of one element, by qualified name (`w:val`, `r:id`, `Id`).
pub(super) type Attributes = BTreeMap<String, String>;

/// `text` escaped for XML text and attribute values; characters XML 1.0 cannot hold (control
/// characters other than tab and line breaks) are dropped.
pub(super) fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

/// The attributes of every element named `local` (any prefix), in document order; an empty
/// list when the XML is malformed before the first one.
pub(super) fn elements(xml: &str, local: &str) -> Vec<Attributes> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local => {
                found.push(attributes(&e));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// An element's attributes; one that cannot be read is left out.
pub(super) fn attributes(element: &BytesStart) -> Attributes {
    element
        .attributes()
        .flatten()
        .filter_map(|a| {
            let key = a.key.as_ref().to_owned();
            let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
            Some((key, value.into_owned()))
        })
        .collect()
}

/// `xml` with `insert` placed just before its last `</closing>` tag (`None` when there is none).
pub(super) fn insert_before_close(xml: &str, closing: &str, insert: &str) -> Option<String> {
    let at = xml.rfind(&format!("</{closing}>"))?;
    Some(format!("{}{insert}{}", &xml[..at], &xml[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a < b & \"c\"\u{7}"), "a &lt; b &amp; &quot;c&quot;");
    }

    #[test]
    fn attributes_of_elements_with_any_prefix() {
        let xml = r#"<w:x xmlns:w="u"><w:pgSz w:w="11906" w:h="16838"/><pgSz w="1"/></w:x>"#;
        let found = elements(xml, "pgSz");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0]["w:w"], "11906");
        assert_eq!(found[1]["w"], "1");
    }

    #[test]
    fn inserts_before_the_last_closing_tag() {
        assert_eq!(
            insert_before_close("<a><b/></a>", "a", "<c/>").as_deref(),
            Some("<a><b/><c/></a>")
        );
        assert_eq!(insert_before_close("<a/>", "b", "<c/>"), None);
    }
}
