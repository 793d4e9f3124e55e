//! The running header and footer: the classification marking (centred, in capitals, at the top
//! and the bottom of every page) and the draft mark (at the top right) when the answers'
//! `document:` asks for them, and the footer line (organisation and reference, "Page N of M"
//! with Word's page fields). They are added under the template's own header and footer (its
//! letterhead and logo stay as they are); a template without them gets new ones.

use super::body::{RunStyle, paragraph, runs};
use super::package::{DOCUMENT_RELS, Package, REL_FOOTER, REL_HEADER};
use super::styles::Styles;
use super::xml::{elements, insert_before_close};
use crate::colour::Rgb;
use crate::render::pdf::Document;

/// The attributes of a header or footer reference: which pages it is for, and its part.
const TYPE: &str = "w:type";
const RELATIONSHIP: &str = "r:id";
const MARK: Rgb = Rgb(0xb0, 0x00, 0x20);
const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// Header or footer.
#[derive(Clone, Copy)]
enum Margin {
    Header,
    Footer,
}

impl Margin {
    fn element(self) -> &'static str {
        match self {
            Margin::Header => "hdr",
            Margin::Footer => "ftr",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Margin::Header => "header",
            Margin::Footer => "footer",
        }
    }

    fn relationship(self) -> &'static str {
        match self {
            Margin::Header => REL_HEADER,
            Margin::Footer => REL_FOOTER,
        }
    }
}

/// Adds the marks and the footer line to the package's headers and footers; returns the
/// section properties `sect_pr` with any new header or footer referenced.
pub(super) fn running(
    package: &mut Package,
    sect_pr: &str,
    doc: &Document,
    styles: &Styles,
    lang: &str,
) -> String {
    let mut sect_pr = sect_pr.to_owned();
    let header = header(doc, &styles.header, lang);
    if !header.is_empty() {
        sect_pr = add(package, &sect_pr, Margin::Header, &header);
    }
    add(
        package,
        &sect_pr,
        Margin::Footer,
        &footer(doc, &styles.footer, lang),
    )
}

/// The classification marking and the draft mark.
fn header(doc: &Document, style: &str, lang: &str) -> String {
    let classification = doc
        .marks
        .classification
        .as_deref()
        .map(|c| classification(c, style, lang));
    let draft = doc.marks.draft.as_deref().map(|d| {
        paragraph(
            style,
            "<w:jc w:val=\"right\"/>",
            &runs(&d.to_uppercase(), mark_style(), lang),
        )
    });
    classification.into_iter().chain(draft).collect()
}

/// The organisation and reference, the page numbers, and the classification marking.
fn footer(doc: &Document, style: &str, lang: &str) -> String {
    let plain = RunStyle::default();
    let left =
        (!doc.footer_left.is_empty()).then(|| paragraph(style, "", &runs(&doc.footer_left, plain, lang)));
    let pages = paragraph(
        style,
        "<w:jc w:val=\"right\"/>",
        &page_label(&doc.page_label, lang),
    );
    let classification = doc
        .marks
        .classification
        .as_deref()
        .map(|c| classification(c, style, lang));
    left.into_iter().chain([pages]).chain(classification).collect()
}

fn classification(text: &str, style: &str, lang: &str) -> String {
    paragraph(
        style,
        "<w:jc w:val=\"center\"/>",
        &runs(&text.to_uppercase(), mark_style(), lang),
    )
}

fn mark_style() -> RunStyle {
    RunStyle {
        bold: true,
        colour: Some(MARK),
        size: None,
    }
}

/// "Page {page} of {pages}" with the `PAGE` and `NUMPAGES` fields in place of the placeholders.
fn page_label(label: &str, lang: &str) -> String {
    let field = |instr: &str| {
        format!(
            "<w:fldSimple w:instr=\" {instr} \">{}</w:fldSimple>",
            runs("1", RunStyle::default(), lang)
        )
    };
    let mut xml = String::new();
    for (k, part) in label.split("{pages}").enumerate() {
        if k > 0 {
            xml.push_str(&field("NUMPAGES"));
        }
        for (j, text) in part.split("{page}").enumerate() {
            if j > 0 {
                xml.push_str(&field("PAGE"));
            }
            if !text.is_empty() {
                xml.push_str(&runs(text, RunStyle::default(), lang));
            }
        }
    }
    xml
}

/// Appends `content` to every header (or footer) the section uses; when it has no default
/// one, adds a new part holding `content` and references it from the section.
fn add(package: &mut Package, sect_pr: &str, margin: Margin, content: &str) -> String {
    let references = elements(sect_pr, &format!("{}Reference", margin.name()));
    let targets = package.relationships(DOCUMENT_RELS);
    let mut has_default = false;
    for reference in &references {
        has_default |= reference.get(TYPE).is_none_or(|t| t == "default");
        let Some(target) = reference.get(RELATIONSHIP).and_then(|id| targets.get(id)) else {
            continue;
        };
        let part = format!(
            "word/{}",
            target.trim_start_matches('/').trim_start_matches("word/")
        );
        if let Some(edited) = package
            .text(&part)
            .and_then(|xml| insert_before_close(xml, &format!("w:{}", margin.element()), content))
        {
            package.set(&part, edited);
        }
    }
    if has_default {
        return sect_pr.to_owned();
    }
    let (name, id) = (
        format!("oversight-{}.xml", margin.name()),
        format!("rIdOversight{}", margin.name()),
    );
    let element = margin.element();
    package.set(
        &format!("word/{name}"),
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:{element} {NAMESPACES}>{content}</w:{element}>"),
    );
    package.relate(DOCUMENT_RELS, &id, margin.relationship(), &name);
    package.override_type(
        &format!("word/{name}"),
        &format!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml",
            margin.name()
        ),
    );
    let reference = format!("<w:{}Reference w:type=\"default\" r:id=\"{id}\"/>", margin.name());
    match sect_pr.find('>') {
        Some(at) if !sect_pr[..at].ends_with('/') => {
            format!("{}{reference}{}", &sect_pr[..=at], &sect_pr[at + 1..])
        }
        _ => format!("<w:sectPr>{reference}</w:sectPr>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_label_has_the_page_fields_in_place_of_its_placeholders() {
        let xml = page_label("Сторінка {page} з {pages}", "uk-UA");
        let page = xml.find("w:instr=\" PAGE \"").unwrap();
        let pages = xml.find("w:instr=\" NUMPAGES \"").unwrap();
        assert!(xml.find("Сторінка ").unwrap() < page && page < xml.find(" з ").unwrap());
        assert!(xml.find(" з ").unwrap() < pages);
    }
}
