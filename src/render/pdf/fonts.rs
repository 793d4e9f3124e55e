//! The two embedded faces (DejaVu Sans regular and bold) and their metrics.
//!
//! The font files are compiled into the binary. Where they live is decided in
//! exactly one place, the `fonts_dir!` macro below: adjust it when the module
//! moves to another crate (the path is relative to that crate's `Cargo.toml`).

use std::sync::OnceLock;

use super::PdfError;

/// Directory holding the vendored fonts, relative to the crate root.
///
/// This is the one place to change when the engine moves. It is a macro rather
/// than a `const` because `include_bytes!` needs a literal.
macro_rules! fonts_dir {
    () => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/")
    };
}

/// DejaVu Sans (Bitstream Vera licence, see `LICENSE-DejaVu.txt` beside the file).
pub(super) static REGULAR_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans.ttf"));
/// DejaVu Sans Bold.
pub(super) static BOLD_TTF: &[u8] = include_bytes!(concat!(fonts_dir!(), "DejaVuSans-Bold.ttf"));

/// Millimetres per PDF point.
pub(super) const MM_PER_PT: f32 = 25.4 / 72.0;

/// Characters below this code point have their advances in a flat table;
/// it covers Latin, Latin-1, Latin Extended, Greek and Cyrillic.
const TABLE_LEN: usize = 0x0530;

/// Horizontal metrics of one face, enough to measure and wrap text.
pub(super) struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance in font units for each char below `TABLE_LEN`; `u16::MAX` = no glyph.
    table: Vec<u16>,
    /// Advance of `.notdef` (what a missing glyph is drawn as).
    notdef_advance: u16,
}

impl FaceMetrics {
    fn parse(bytes: &'static [u8], name: &str) -> Result<Self, String> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("{name}: {e}"))?;
        let units_per_em = f32::from(face.units_per_em());
        if units_per_em <= 0.0 {
            return Err(format!("{name}: units per em is zero"));
        }
        let notdef_advance = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
        let mut table = vec![u16::MAX; TABLE_LEN];
        for (cp, slot) in table.iter_mut().enumerate() {
            let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
                continue;
            };
            if let Some(gid) = face.glyph_index(c) {
                *slot = face.glyph_hor_advance(gid).unwrap_or(0);
            }
        }
        Ok(Self {
            face,
            units_per_em,
            table,
            notdef_advance,
        })
    }

    /// Advance of `c` in font units, or `None` if the face has no glyph for it.
    fn advance_units(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        if cp < TABLE_LEN {
            let a = self.table[cp];
            return (a != u16::MAX).then_some(a);
        }
        let gid = self.face.glyph_index(c)?;
        Some(self.face.glyph_hor_advance(gid).unwrap_or(0))
    }

    /// Whether the face can draw `c`.
    pub(super) fn has_glyph(&self, c: char) -> bool {
        self.advance_units(c).is_some()
    }

    /// Width of `text` at `size_pt`, in millimetres (advance widths, no kerning:
    /// the PDF is written without kerning too).
    pub(super) fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance_units(c).unwrap_or(self.notdef_advance)))
            .sum();
        units as f32 * size_pt / self.units_per_em * MM_PER_PT
    }

    /// Width of one char at `size_pt`, in millimetres.
    pub(super) fn char_width_mm(&self, c: char, size_pt: f32) -> f32 {
        let units = self.advance_units(c).unwrap_or(self.notdef_advance);
        f32::from(units) * size_pt / self.units_per_em * MM_PER_PT
    }
}

/// Metrics of both faces.
pub(super) struct Fonts {
    pub(super) regular: FaceMetrics,
    pub(super) bold: FaceMetrics,
}

impl Fonts {
    pub(super) fn face(&self, bold: bool) -> &FaceMetrics {
        if bold { &self.bold } else { &self.regular }
    }
}

/// The metrics of the embedded fonts, parsed once per process.
pub(super) fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    let parsed = FONTS.get_or_init(|| {
        Ok(Fonts {
            regular: FaceMetrics::parse(REGULAR_TTF, "DejaVuSans.ttf")?,
            bold: FaceMetrics::parse(BOLD_TTF, "DejaVuSans-Bold.ttf")?,
        })
    });
    parsed.as_ref().map_err(|e| PdfError::FontParse(e.clone()))
}

/// Width of `text` in millimetres at `size_pt`, as the layout measures it.
///
/// Public so that callers and tests can check layouts against the same metrics.
pub fn text_width_mm(text: &str, size_pt: f32, bold: bool) -> Result<f32, PdfError> {
    Ok(fonts()?.face(bold).width_mm(text, size_pt))
}
