//! Colours: sRGB values, `#rrggbb` parsing and the one contrast rule every renderer uses.
//!
//! Band colours come from the checklist or a palette; the HTML report and the PDF both need
//! to know whether text on such a colour should be dark or white. They ask [`Rgb::text_on`],
//! which applies the WCAG 2 contrast ratio, so that both outputs always agree.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White, the light choice of [`Rgb::text_on`].
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

impl Rgb {
    /// `#rrggbb`, as the checklist writes colours (validation refuses any other form).
    pub fn from_hex(hex: &str) -> Option<Rgb> {
        let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
        let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG 2 contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text colour for this background: `dark` or white, whichever contrasts more
    /// (`dark` on a tie).
    pub fn text_on(self, dark: Rgb) -> Rgb {
        if self.contrast(WHITE) > self.contrast(dark) {
            WHITE
        } else {
            dark
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DARK: Rgb = Rgb(0x22, 0x26, 0x2b);

    #[test]
    fn hex_round_trips_and_refuses_other_forms() {
        assert_eq!(Rgb::from_hex("#2e7d32"), Some(Rgb(0x2e, 0x7d, 0x32)));
        assert_eq!(Rgb(0x2e, 0x7d, 0x32).hex(), "#2e7d32");
        for bad in ["2e7d32", "#2e7d3", "#2e7d32f", "#gg0000", ""] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn white_on_dark_and_dark_on_light() {
        assert_eq!(Rgb(0x1b, 0x2a, 0x41).text_on(DARK), WHITE);
        assert_eq!(Rgb(0xb3, 0x26, 0x1e).text_on(DARK), WHITE);
        assert_eq!(Rgb(0xf5, 0xd0, 0x60).text_on(DARK), DARK);
        assert_eq!(Rgb(0xe0, 0xa5, 0x26).text_on(DARK), DARK);
    }

    #[test]
    fn contrast_is_symmetric_and_bounded() {
        assert!((WHITE.contrast(Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert_eq!(DARK.contrast(WHITE), WHITE.contrast(DARK));
        assert!((DARK.contrast(DARK) - 1.0).abs() < 1e-12);
    }
}
