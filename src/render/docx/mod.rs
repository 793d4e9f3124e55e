//! The Word (`.docx`) writer: a [`Document`] of blocks, the same one the PDF engine lays out, as
//! a WordprocessingML package on a [`Template`], so that every report part written once as
//! blocks (the report, the comparison, the plan) comes out in Word too.
//!
//! The template is used as pandoc uses a reference document: its styles, page size, margins,
//! headers and footers (letterhead, logo) are kept, its body is replaced by the report's, and
//! the text takes its `Title`, `heading 1`-`3`, `toc 1`-`3` and `Table Grid` styles (the
//! bundled ones fill in what it lacks, see [`styles`]). Layout is left to Word: the contents
//! are a `TOC` field that Word updates, tables repeat their header row. The running header and
//! footer carry the document's marks ([`marks`]); charts are PNG images drawn by the PDF engine
//! ([`crate::render::pdf::png`]).
//!
//! The same document and template always give the same bytes ([`package`]): no clock, ids
//! numbered in order, zip entries with a fixed date.

mod body;
mod marks;
mod package;
mod styles;
mod template;
mod xml;

pub use self::template::{Template, TemplateError};

use self::package::{DOCUMENT_RELS, Package, REL_IMAGE};
use self::xml::{elements, escape};
use crate::render::pdf::{Document, FontSet};

/// The namespaces the body uses, declared on the main document when the template lacks them.
const NAMESPACES: [(&str, &str); 5] = [
    (
        "w",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        "r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        "wp",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
    ("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
];
const BUNDLED_STYLES: &str = include_str!("../../../assets/docx-template/word/styles.xml");
/// Millimetres per twip.
const MM_PER_TWIP: f32 = 25.4 / 1440.0;

/// Errors of the writer.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot pack the Word document")]
    Zip(#[from] zip::result::ZipError),
}

/// Renders the document as `.docx` bytes on `template`; `fonts` draw the charts' images.
pub fn render(doc: &Document, template: &Template, fonts: &FontSet) -> Result<Vec<u8>, DocxError> {
    let lang = word_language(&doc.lang);
    let mut package = Package::new(template.parts.clone());
    let (styles_xml, styles) = styles::resolve(
        template.text("word/styles.xml").unwrap_or(BUNDLED_STYLES),
        BUNDLED_STYLES,
    );
    if template.text("word/styles.xml").is_none() {
        package.override_type(
            "word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        );
        package.relate(
            DOCUMENT_RELS,
            "rIdOversightStyles",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
            "styles.xml",
        );
    }
    package.set("word/styles.xml", styles_xml);
    let main = template.text(template::MAIN).unwrap_or_default();
    let sect_pr = section_properties(main);
    let context = body::Context {
        styles: &styles,
        lang: &lang,
        fonts,
        text_width_mm: text_width_mm(&sect_pr),
    };
    let body = body::body(&doc.blocks, &context);
    let sect_pr = marks::running(&mut package, &sect_pr, doc, &styles, &lang);
    if !body.images.is_empty() {
        package.default_type("png", "image/png");
    }
    for (k, png) in body.images.into_iter().enumerate() {
        let name = format!("media/oversight-image{}.png", k + 1);
        package.relate(DOCUMENT_RELS, &body::image_rel(k + 1), REL_IMAGE, &name);
        package.set(&format!("word/{name}"), png);
    }
    package.set(
        template::MAIN,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n{}<w:body>{}{sect_pr}</w:body></w:document>",
            root(main),
            body.xml
        ),
    );
    package.core_properties(&core(doc, &lang));
    Ok(package.zip()?)
}

/// The language tag Word's spelling checker knows: `uk` is Ukrainian of Ukraine, `en` British
/// English; a tag with a region stays as it is.
fn word_language(lang: &str) -> String {
    match lang {
        "uk" => "uk-UA".into(),
        "en" => "en-GB".into(),
        "" => "en-GB".into(),
        other => other.into(),
    }
}

/// The template's `<w:document>` start tag, with the namespaces the body needs added.
fn root(main: &str) -> String {
    let tag = main
        .find("<w:document")
        .and_then(|start| Some(&main[start..start + main[start..].find('>')?]))
        .unwrap_or("<w:document");
    let missing: String = NAMESPACES
        .iter()
        .filter(|(prefix, _)| !tag.contains(&format!("xmlns:{prefix}=")))
        .map(|(prefix, uri)| format!(" xmlns:{prefix}=\"{uri}\""))
        .collect();
    format!("{}{missing}>", tag.trim_end_matches('/'))
}

/// The properties of the template's last section (its page size, margins, headers and
/// footers), or A4 with 20 mm margins.
fn section_properties(main: &str) -> String {
    let default = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" \
        w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
    let Some(start) = main.rfind("<w:sectPr") else {
        return default.to_owned();
    };
    let end = match main.rfind("</w:sectPr>") {
        Some(end) if end > start => end + "</w:sectPr>".len(),
        _ => start + main[start..].find("/>").map_or(0, |e| e + 2),
    };
    if end <= start {
        default.to_owned()
    } else {
        main[start..end].to_owned()
    }
}

/// The width between the margins of a section's page.
fn text_width_mm(sect_pr: &str) -> f32 {
    let twips = |element: &str, attribute: &str| {
        elements(sect_pr, element)
            .first()
            .and_then(|a| a.get(attribute)?.parse::<f32>().ok())
    };
    let page = twips("pgSz", "w:w").unwrap_or(11906.0);
    let margins = twips("pgMar", "w:left").unwrap_or(1134.0) + twips("pgMar", "w:right").unwrap_or(1134.0);
    ((page - margins) * MM_PER_TWIP).max(20.0)
}

/// The core properties: title, subject, author, language and the report's date.
fn core(doc: &Document, lang: &str) -> String {
    let date = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>{lang}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>",
        escape(&doc.title),
        escape(&doc.subject),
        escape(&doc.author)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_section_of_a_template_and_its_text_width() {
        let main = r#"<w:document><w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p><w:sectPr w:rsidR="1"><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="1440" w:right="1440"/></w:sectPr></w:body></w:document>"#;
        let sect_pr = section_properties(main);
        assert!(sect_pr.starts_with("<w:sectPr w:rsidR=\"1\">") && sect_pr.ends_with("</w:sectPr>"));
        // US Letter with 1-inch margins: 6.5 inches
        assert!((text_width_mm(&sect_pr) - 165.1).abs() < 0.01);
        assert!(section_properties("<w:document/>").contains("11906"));
    }

    #[test]
    fn the_root_gets_the_namespaces_the_body_needs() {
        let root = root(
            r#"<?xml?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" mc:Ignorable="w14"><w:body/>"#,
        );
        assert!(root.starts_with("<w:document xmlns:w="));
        assert!(root.contains("mc:Ignorable=\"w14\"") && root.contains("xmlns:pic=") && root.ends_with('>'));
        assert_eq!(root.matches("xmlns:w=").count(), 1);
    }

    #[test]
    fn languages_as_word_knows_them() {
        assert_eq!(word_language("uk"), "uk-UA");
        assert_eq!(word_language("en"), "en-GB");
        assert_eq!(word_language("de-AT"), "de-AT");
    }
}
