//! The `.docx` package being written: the template's parts by name, the parts the report adds
//! (its relationships and content types), and the deterministic zip of them all: parts in
//! name order after `[Content_Types].xml`, every entry dated 1980-01-01 00:00, so that the
//! same report gives the same bytes.

use super::xml::{elements, escape, insert_before_close};
use std::collections::BTreeMap;
use std::io::Write;

const CONTENT_TYPES: &str = "[Content_Types].xml";
/// The attribute of a content type's `Default` naming the extension it is for.
const EXTENSION: &str = "Extension";
pub(super) const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
pub(super) const REL_IMAGE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
pub(super) const REL_HEADER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
pub(super) const REL_FOOTER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const REL_CORE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/// The parts of the package, by name.
pub(super) struct Package {
    parts: BTreeMap<String, Vec<u8>>,
}

impl Package {
    pub(super) fn new(parts: BTreeMap<String, Vec<u8>>) -> Package {
        Package { parts }
    }

    /// A part as text (`None` when missing or not UTF-8).
    pub(super) fn text(&self, name: &str) -> Option<&str> {
        std::str::from_utf8(self.parts.get(name)?).ok()
    }

    pub(super) fn set(&mut self, name: &str, content: impl Into<Vec<u8>>) {
        self.parts.insert(name.to_owned(), content.into());
    }

    /// Replaces a text part by `edit` of it (an absent part is left absent).
    fn edit(&mut self, name: &str, edit: impl FnOnce(&str) -> Option<String>) {
        if let Some(edited) = self.text(name).and_then(edit) {
            self.set(name, edited);
        }
    }

    /// The target of each relationship of `rels` (a `.rels` part), by id.
    pub(super) fn relationships(&self, rels: &str) -> BTreeMap<String, String> {
        self.text(rels)
            .map(|xml| elements(xml, "Relationship"))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|mut r| Some((r.remove("Id")?, r.remove("Target")?)))
            .collect()
    }

    /// Adds a relationship to `rels`.
    pub(super) fn relate(&mut self, rels: &str, id: &str, kind: &str, target: &str) {
        let relationship = format!(
            "<Relationship Id=\"{}\" Type=\"{kind}\" Target=\"{}\"/>",
            escape(id),
            escape(target)
        );
        self.edit(rels, |xml| {
            insert_before_close(xml, "Relationships", &relationship)
        });
    }

    /// Declares the content type of every part with the extension `extension`, unless it is.
    pub(super) fn default_type(&mut self, extension: &str, content_type: &str) {
        let declared = self.text(CONTENT_TYPES).is_some_and(|xml| {
            elements(xml, "Default").iter().any(|d| {
                d.get(EXTENSION)
                    .is_some_and(|e| e.eq_ignore_ascii_case(extension))
            })
        });
        if !declared {
            let default = format!("<Default Extension=\"{extension}\" ContentType=\"{content_type}\"/>");
            self.edit(CONTENT_TYPES, |xml| insert_before_close(xml, "Types", &default));
        }
    }

    /// Declares the content type of the part `name` (replacing what was declared for it).
    pub(super) fn override_type(&mut self, name: &str, content_type: &str) {
        let part_name = format!("/{name}");
        self.edit(CONTENT_TYPES, |xml| {
            let kept = match xml.find(&format!("PartName=\"{part_name}\"")) {
                Some(at) => {
                    let start = xml[..at].rfind('<')?;
                    let end = at + xml[at..].find("/>")? + 2;
                    format!("{}{}", &xml[..start], &xml[end..])
                }
                None => xml.to_owned(),
            };
            let entry = format!("<Override PartName=\"{part_name}\" ContentType=\"{content_type}\"/>");
            insert_before_close(&kept, "Types", &entry)
        });
    }

    /// The core properties (title, subject, author, language, dates) replace the template's.
    pub(super) fn core_properties(&mut self, core: &str) {
        const NAME: &str = "docProps/core.xml";
        self.set(NAME, core);
        self.override_type(NAME, "application/vnd.openxmlformats-package.core-properties+xml");
        if !self
            .relationships("_rels/.rels")
            .values()
            .any(|t| t.trim_start_matches('/') == NAME)
        {
            self.relate("_rels/.rels", "rIdOversightCore", REL_CORE, NAME);
        }
    }

    /// The package as a zip, the same bytes for the same parts.
    pub(super) fn zip(&self) -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let first = self.parts.get_key_value(CONTENT_TYPES);
        let rest = self
            .parts
            .iter()
            .filter(|(name, _)| name.as_str() != CONTENT_TYPES);
        for (name, content) in first.into_iter().chain(rest) {
            zip.start_file(name.as_str(), options)?;
            zip.write_all(content)?;
        }
        Ok(zip.finish()?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package() -> Package {
        Package::new(super::super::Template::bundled().parts)
    }

    #[test]
    fn content_types_are_declared_once() {
        let mut package = package();
        package.default_type("png", "image/png");
        package.default_type("PNG", "image/png");
        package.override_type("word/header1.xml", "a");
        package.override_type("word/header1.xml", "b");
        let types = package.text(CONTENT_TYPES).unwrap();
        assert_eq!(types.matches("Extension=\"png\"").count(), 1);
        assert_eq!(types.matches("/word/header1.xml").count(), 1);
        assert!(types.contains("PartName=\"/word/header1.xml\" ContentType=\"b\""));
    }

    #[test]
    fn relationships_are_added_and_read_back() {
        let mut package = package();
        package.relate(DOCUMENT_RELS, "rIdX", REL_IMAGE, "media/x.png");
        assert_eq!(package.relationships(DOCUMENT_RELS)["rIdX"], "media/x.png");
    }

    #[test]
    fn the_zip_is_the_same_bytes_each_time_and_starts_with_the_content_types() {
        let bytes = package().zip().unwrap();
        assert_eq!(bytes, package().zip().unwrap());
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert_eq!(archive.name_for_index(0).unwrap().unwrap(), CONTENT_TYPES);
    }
}
