//! The faces a PDF is drawn with and which face draws each character.
//!
//! A [`FontSet`] holds the two embedded faces (DejaVu Sans regular and bold, compiled into the
//! binary: Latin, Cyrillic, Greek, Hebrew, Arabic and the common symbols) and then the fallback
//! faces a user adds with `--font FILE` (TrueType or OpenType files, or every face of a `.ttc`
//! collection), in that order. Each face's advance widths are read once, so that measuring text
//! never goes back to the font file. A character no face covers is drawn as [`REPLACEMENT`] from
//! the embedded face, and [`FontSet::missing`] names it, so that callers can warn about it.
//!
//! Where the embedded files live is decided in exactly one place, the `fonts_dir!` macro below:
//! adjust it when the module moves to another crate (the path is relative to its `Cargo.toml`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::PdfError;

/// Directory holding the vendored fonts, relative to the crate root.
///
/// It is a macro rather than a `const` because `include_bytes!` needs a literal.
macro_rules! fonts_dir {
    () => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/")
    };
}

/// DejaVu Sans (Bitstream Vera licence, see `LICENSE-DejaVu.txt` beside the file).
static REGULAR_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans.ttf"));
/// DejaVu Sans Bold.
static BOLD_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans-Bold.ttf"));

/// Millimetres per PDF point.
pub(super) const MM_PER_PT: f32 = 25.4 / 72.0;

/// The visible mark drawn for a character no face covers (U+FFFD, in the embedded faces).
pub const REPLACEMENT: char = '\u{FFFD}';

/// Index of a face in its [`FontSet`]: the embedded regular face is 0, the bold face 1, the
/// fallbacks follow in the order they were given.
pub(super) type FaceId = usize;

const REGULAR: FaceId = 0;
const BOLD: FaceId = 1;

/// Characters in the Basic Multilingual Plane have their advances in a flat table.
const BMP: usize = 0x1_0000;
/// A slot of the table for a character the face has no glyph for.
const NO_GLYPH: u16 = u16::MAX;

/// A font file that cannot be used as a fallback face.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("cannot read it")]
    Read(#[source] std::io::Error),
    #[error("it is not a TrueType or OpenType font or collection ({0})")]
    NotAFont(String),
}

/// The bytes of a font file: compiled in, or read from a user's file and shared.
#[derive(Clone)]
pub(super) enum FontBytes {
    Embedded(&'static [u8]),
    File(Arc<[u8]>),
}

impl FontBytes {
    pub(super) fn as_slice(&self) -> &[u8] {
        match self {
            FontBytes::Embedded(bytes) => bytes,
            FontBytes::File(bytes) => bytes,
        }
    }
}

/// One face: where it comes from and its horizontal metrics.
pub(super) struct Face {
    /// The file name (with `#N` for a face of a collection), for messages and the PDF.
    pub(super) name: String,
    pub(super) bytes: FontBytes,
    /// The face's index in its collection (0 for a plain font file).
    pub(super) index: u32,
    units_per_em: f32,
    /// Advance in font units for each BMP character; [`NO_GLYPH`] where there is none.
    bmp: Box<[u16]>,
    /// Advances of the characters beyond the BMP.
    astral: HashMap<char, u16>,
}

impl Face {
    fn parse(name: String, bytes: FontBytes, index: u32) -> Result<Face, String> {
        let face = ttf_parser::Face::parse(bytes.as_slice(), index).map_err(|e| e.to_string())?;
        let units_per_em = f32::from(face.units_per_em());
        let mut bmp = vec![NO_GLYPH; BMP].into_boxed_slice();
        let mut astral = HashMap::new();
        for subtable in face.tables().cmap.iter().flat_map(|cmap| cmap.subtables) {
            if !subtable.is_unicode() {
                continue;
            }
            subtable.codepoints(|cp| {
                let (Some(c), Some(gid)) = (char::from_u32(cp), subtable.glyph_index(cp)) else {
                    return;
                };
                if gid.0 == 0 {
                    return;
                }
                let advance = face.glyph_hor_advance(gid).unwrap_or(0).min(NO_GLYPH - 1);
                match bmp.get_mut(cp as usize) {
                    Some(slot) => *slot = advance,
                    None => {
                        astral.insert(c, advance);
                    }
                }
            });
        }
        Ok(Face {
            name,
            bytes,
            index,
            units_per_em,
            bmp,
            astral,
        })
    }

    /// Advance of `c` in font units, or `None` without a glyph for it.
    fn advance(&self, c: char) -> Option<u16> {
        match self.bmp.get(c as usize) {
            Some(&NO_GLYPH) => None,
            Some(&advance) => Some(advance),
            None => self.astral.get(&c).copied(),
        }
    }

    fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Width of `c` at `size_pt`, in millimetres (zero without a glyph).
    fn width_mm(&self, c: char, size_pt: f32) -> f32 {
        f32::from(self.advance(c).unwrap_or(0)) * size_pt / self.units_per_em * MM_PER_PT
    }
}

/// The faces a PDF is drawn with: the embedded regular and bold faces, then the fallbacks.
#[derive(Clone)]
pub struct FontSet {
    faces: Arc<Vec<Arc<Face>>>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.faces.iter().map(|face| &face.name))
            .finish()
    }
}

impl FontSet {
    /// The embedded faces only, parsed once per process.
    pub fn embedded() -> Result<FontSet, PdfError> {
        static EMBEDDED: OnceLock<Result<FontSet, String>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                let face = |name: &str, bytes| {
                    Face::parse(name.to_owned(), FontBytes::Embedded(bytes), 0)
                        .map(Arc::new)
                        .map_err(|e| format!("{name}: {e}"))
                };
                Ok(FontSet {
                    faces: Arc::new(vec![
                        face("DejaVuSans.ttf", REGULAR_TTF)?,
                        face("DejaVuSans-Bold.ttf", BOLD_TTF)?,
                    ]),
                })
            })
            .clone()
            .map_err(PdfError::FontParse)
    }

    /// The embedded faces followed by every face of each file, in order.
    pub fn with_fallbacks(files: &[PathBuf]) -> Result<FontSet, (PathBuf, FontError)> {
        let embedded = FontSet::embedded().map_err(|e| {
            (
                PathBuf::from("DejaVuSans.ttf"),
                FontError::NotAFont(e.to_string()),
            )
        })?;
        let mut faces: Vec<Arc<Face>> = embedded.faces.iter().cloned().collect();
        for file in files {
            faces.extend(read_faces(file).map_err(|e| (file.clone(), e))?);
        }
        Ok(FontSet {
            faces: Arc::new(faces),
        })
    }

    pub(super) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id]
    }

    /// The faces, by [`FaceId`].
    pub(super) fn faces(&self) -> impl Iterator<Item = &Face> {
        self.faces.iter().map(|face| &**face)
    }

    /// The face that draws `c` in the given weight: the embedded face of that weight, then the
    /// fallbacks in order, then the other embedded face; `None` when no face covers `c`.
    pub(super) fn face_for(&self, c: char, bold: bool) -> Option<FaceId> {
        let (first, last) = if bold { (BOLD, REGULAR) } else { (REGULAR, BOLD) };
        std::iter::once(first)
            .chain(2..self.faces.len())
            .chain(std::iter::once(last))
            .find(|&id| self.faces[id].has(c))
    }

    /// Width of `c` at `size_pt` as drawn in `face`, in millimetres.
    pub(super) fn char_width_mm(&self, face: FaceId, c: char, size_pt: f32) -> f32 {
        self.faces[face].width_mm(c, size_pt)
    }

    /// Whether some face can draw `c` in either weight.
    pub fn covers(&self, c: char) -> bool {
        self.faces.iter().any(|face| face.has(c))
    }

    /// The characters of `text` that no face covers and that would print as [`REPLACEMENT`],
    /// each once, in order of appearance. Characters that print as nothing (controls, format
    /// characters such as joiners and variation selectors) are not counted.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for c in text.chars() {
            if super::text::printed(c) && !self.covers(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// Every face of a font file (one for a plain file, all of a collection).
fn read_faces(path: &Path) -> Result<Vec<Arc<Face>>, FontError> {
    if !std::fs::metadata(path).map_err(FontError::Read)?.is_file() {
        return Err(FontError::Read(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let bytes: Arc<[u8]> = std::fs::read(path).map_err(FontError::Read)?.into();
    let count = ttf_parser::fonts_in_collection(&bytes).unwrap_or(1);
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    (0..count)
        .map(|index| {
            let name = if count > 1 {
                format!("{file_name}#{index}")
            } else {
                file_name.clone()
            };
            Face::parse(name, FontBytes::File(bytes.clone()), index)
                .map(Arc::new)
                .map_err(FontError::NotAFont)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_faces_cover_the_scripts_of_the_field() {
        let fonts = FontSet::embedded().expect("fonts");
        for c in [
            'a',
            'Я',
            'ї',
            'Ω',
            '№',
            '€',
            '—',
            'ש',
            'ع',
            '\u{FEFB}',
            REPLACEMENT,
        ] {
            assert!(fonts.covers(c), "{c}");
        }
        assert_eq!(fonts.missing("ok 中文 🦀 中"), vec!['中', '文', '🦀']);
        // A variation selector prints as nothing: no warning for it.
        assert!(fonts.missing("✔\u{FE0F}").is_empty());
    }

    #[test]
    fn bold_falls_back_to_regular_and_back() {
        let fonts = FontSet::embedded().expect("fonts");
        assert_eq!(fonts.face_for('a', true), Some(BOLD));
        assert_eq!(fonts.face_for('a', false), Some(REGULAR));
        assert_eq!(fonts.face_for('中', false), None);
    }

    #[test]
    fn a_file_that_is_not_a_font_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("x.ttf");
        std::fs::write(&path, b"not a font").expect("write");
        let err = FontSet::with_fallbacks(std::slice::from_ref(&path)).expect_err("refused");
        assert_eq!(err.0, path);
        assert!(matches!(err.1, FontError::NotAFont(_)));
        let err = FontSet::with_fallbacks(&[dir.path().to_owned()]).expect_err("a folder");
        assert!(matches!(err.1, FontError::Read(_)));
    }
}
