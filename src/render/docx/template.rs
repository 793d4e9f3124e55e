//! A Word template, used as pandoc uses a reference document: every part of the `.docx`
//! package is kept (styles, theme, numbering, settings, the headers and footers with their
//! logos, the page size and margins of the last section), and only the body of its main document
//! is replaced by the report. A template is read once, checked for the parts the writer needs,
//! and bounded in size; the bundled default (`assets/docx-template/`) is a plain A4 one.

use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/docx-template");

/// The parts a template must have.
const REQUIRED: [&str; 3] = ["[Content_Types].xml", "word/_rels/document.xml.rels", MAIN];
/// The main document part, where Word keeps it.
pub(super) const MAIN: &str = "word/document.xml";
/// A template larger than this (unpacked) is refused: a letterhead is a few hundred kilobytes.
const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// The parts of a `.docx` package, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub(super) parts: BTreeMap<String, Vec<u8>>,
}

/// Why a file cannot be used as a Word template.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read it")]
    Read(#[source] std::io::Error),
    #[error("it is not a Word document (.docx): {0}")]
    NotDocx(String),
    #[error("it has no `{0}` part, as every Word document (.docx) has")]
    Missing(&'static str),
    #[error("it unpacks to more than {} MB", MAX_UNPACKED / 1024 / 1024)]
    TooLarge,
}

impl Template {
    /// The bundled default template.
    pub fn bundled() -> Template {
        let mut parts = BTreeMap::new();
        collect(&BUNDLED, &mut parts);
        Template { parts }
    }

    /// The template in a `.docx` file.
    pub fn read(path: &Path) -> Result<Template, TemplateError> {
        let bytes = std::fs::read(path).map_err(TemplateError::Read)?;
        Template::from_bytes(&bytes)
    }

    /// The template in the bytes of a `.docx` file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Template, TemplateError> {
        let not_docx = |e: zip::result::ZipError| TemplateError::NotDocx(e.to_string());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(not_docx)?;
        let mut parts = BTreeMap::new();
        let mut budget = MAX_UNPACKED;
        for index in 0..archive.len() {
            let mut file = archive.by_index(index).map_err(not_docx)?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().map_err(not_docx)?.into_owned();
            let mut content = Vec::new();
            let read = (&mut file)
                .take(budget + 1)
                .read_to_end(&mut content)
                .map_err(TemplateError::Read)? as u64;
            budget = budget.checked_sub(read).ok_or(TemplateError::TooLarge)?;
            parts.insert(name, content);
        }
        match REQUIRED.into_iter().find(|part| !parts.contains_key(*part)) {
            Some(missing) => Err(TemplateError::Missing(missing)),
            None => Ok(Template { parts }),
        }
    }

    /// A part as text (`None` when it is missing or not UTF-8, which Word never writes).
    pub(super) fn text(&self, name: &str) -> Option<&str> {
        std::str::from_utf8(self.parts.get(name)?).ok()
    }
}

impl Default for Template {
    fn default() -> Template {
        Template::bundled()
    }
}

fn collect(dir: &Dir<'_>, parts: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        let name = file.path().to_string_lossy().replace('\\', "/");
        parts.insert(name, file.contents().to_vec());
    }
    for sub in dir.dirs() {
        collect(sub, parts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_template_has_the_required_parts_and_its_styles() {
        let template = Template::bundled();
        for part in REQUIRED.into_iter().chain(["_rels/.rels", "word/styles.xml"]) {
            assert!(template.parts.contains_key(part), "{part}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_docx_is_refused() {
        assert!(matches!(
            Template::from_bytes(b"not a zip"),
            Err(TemplateError::NotDocx(_))
        ));
    }

    #[test]
    fn a_zip_without_a_main_document_is_refused() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("[Content_Types].xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(matches!(
            Template::from_bytes(&bytes),
            Err(TemplateError::Missing("word/_rels/document.xml.rels"))
        ));
    }
}
