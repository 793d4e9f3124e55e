//! The rating bands as a reader sees them: colours, text colours and ranges.

use crate::colour::Rgb;
use crate::model::Checklist;
use crate::report::format::Formatter;
use crate::report::{BandRangeView, BandView};

/// Each band with its range, "70–85" (the last one up to 100).
pub fn band_ranges(checklist: &Checklist, bands: &[BandView], fmt: &Formatter) -> Vec<BandRangeView> {
    let mins = &checklist.scoring().bands;
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let from = mins[i].min;
            let to = mins.get(i + 1).map_or(100.0, |b| b.min);
            BandRangeView {
                band: band.clone(),
                range: format!("{}–{}", fmt.plain(from), fmt.plain(to)),
            }
        })
        .collect()
}

/// Band colours: the checklist's own, else a red-to-green palette spread over the bands.
pub fn band_views(checklist: &Checklist, lang: &str) -> Vec<BandView> {
    const PALETTE: [&str; 5] = ["#b3261e", "#d9622b", "#e0a526", "#6f9e3a", "#2e7d32"];
    let bands = &checklist.scoring().bands;
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let position = if bands.len() > 1 {
                i * (PALETTE.len() - 1) / (bands.len() - 1)
            } else {
                PALETTE.len() - 1
            };
            let colour = band
                .colour
                .clone()
                .unwrap_or_else(|| PALETTE[position].to_owned());
            BandView {
                code: band.code.clone(),
                label: band.label.get(lang, checklist.default_language()).to_owned(),
                text_colour: readable_on(&colour),
                colour,
            }
        })
        .collect()
}

/// Near-black or white, whichever reads better on a `#rrggbb` band colour.
fn readable_on(colour: &str) -> String {
    const DARK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
    Rgb::from_hex(colour).unwrap_or_default().text_on(DARK).hex()
}
