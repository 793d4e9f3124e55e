//! The styles the report's text uses, found in the template by their built-in names (`heading
//! 1`, `toc 2`, `Table Grid`: the names Word writes in every language, while the style ids may be
//! translated), so that the report takes the template's own look. A style the template lacks
//! is copied from the bundled template's `styles.xml`.

use super::xml::{attributes, insert_before_close};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The style ids the body refers to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Styles {
    pub normal: String,
    pub title: String,
    pub subtitle: String,
    /// Heading 1 to 3.
    pub heading: [String; 3],
    pub toc_heading: String,
    /// The contents' entries of levels 1 to 3.
    pub toc: [String; 3],
    pub table: String,
    pub header: String,
    pub footer: String,
}

/// One `<w:style>` of a `styles.xml`: its id, its name and where its XML is.
struct Style {
    id: String,
    name: String,
    span: std::ops::Range<usize>,
}

/// The template's `styles.xml` with the missing styles added from `bundled`, and the ids.
pub(super) fn resolve(template: &str, bundled: &str) -> (String, Styles) {
    let own = styles(template);
    let defaults = styles(bundled);
    let mut added = String::new();
    let mut id_of = |name: &str| -> String {
        if let Some(style) = own.iter().find(|s| s.name.eq_ignore_ascii_case(name)) {
            return style.id.clone();
        }
        let Some(style) = defaults.iter().find(|s| s.name == name) else {
            return String::new();
        };
        let xml = &bundled[style.span.clone()];
        if own.iter().any(|s| s.id == style.id) {
            // the id is taken by another of the template's styles: ours gets a prefix
            let id = format!("Oversight{}", style.id);
            added.push_str(&xml.replacen(
                &format!("w:styleId=\"{}\"", style.id),
                &format!("w:styleId=\"{id}\""),
                1,
            ));
            return id;
        }
        added.push_str(xml);
        style.id.clone()
    };
    let ids = Styles {
        normal: id_of("Normal"),
        title: id_of("Title"),
        subtitle: id_of("Subtitle"),
        heading: ["heading 1", "heading 2", "heading 3"].map(&mut id_of),
        toc_heading: id_of("TOC Heading"),
        toc: ["toc 1", "toc 2", "toc 3"].map(&mut id_of),
        table: id_of("Table Grid"),
        header: id_of("header"),
        footer: id_of("footer"),
    };
    let merged = insert_before_close(template, "w:styles", &added).unwrap_or_else(|| bundled.to_owned());
    (merged, ids)
}

/// The styles of a `styles.xml`, in order.
fn styles(xml: &str) -> Vec<Style> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let Ok(event) = reader.read_event() else { break };
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "style" => {
                let id = attributes(&e).remove("w:styleId").unwrap_or_default();
                open = Some((before, id, String::new()));
            }
            Event::Empty(e) if e.local_name().as_ref() == "name" => {
                if let (Some((_, _, name)), Some(value)) = (open.as_mut(), attributes(&e).remove("w:val")) {
                    *name = value;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((start, id, name)) = open.take() {
                    found.push(Style {
                        id,
                        name,
                        span: start..after,
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../../assets/docx-template/word/styles.xml");

    #[test]
    fn the_bundled_styles_resolve_to_themselves() {
        let (merged, ids) = resolve(BUNDLED, BUNDLED);
        assert_eq!(merged, BUNDLED);
        assert_eq!(ids.heading, ["Heading1", "Heading2", "Heading3"]);
        assert_eq!(ids.toc[2], "TOC3");
        assert_eq!(ids.table, "TableGrid");
    }

    #[test]
    fn translated_ids_are_found_by_name_and_missing_styles_are_added() {
        let template = r#"<w:styles xmlns:w="u"><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="Heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Заголовок"/></w:style></w:styles>"#;
        let (merged, ids) = resolve(template, BUNDLED);
        assert_eq!(ids.normal, "a");
        assert_eq!(ids.heading[0], "1");
        assert_eq!(ids.heading[1], "Heading2");
        // "Title" is the id of another style of the template
        assert_eq!(ids.title, "OversightTitle");
        assert!(merged.contains(r#"w:styleId="Heading2""#));
        assert!(merged.contains(r#"w:styleId="OversightTitle""#));
        assert_eq!(styles(&merged).len(), 3 + 11);
    }
}
