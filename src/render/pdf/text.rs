//! Text to lines: cleaning, line breaking, and the runs of one face that a line is drawn as.
//!
//! A text is first cleaned: tabs become spaces, runs of spaces collapse, control and format
//! characters that print as nothing go, more than two blank lines in a row count as two, Arabic
//! takes its joining forms, and a character no face covers becomes the visible
//! [`REPLACEMENT`] mark. Each paragraph is then broken into lines first-fit, at the line
//! breaking opportunities of UAX #14 (the `unicode-linebreak` crate): after spaces, after
//! hyphens, between ideographs. A word that does not fit is hyphenated at a pattern point
//! ([`super::hyphenate`]) and, when none fits, split by force; either way the line ends in a
//! hyphen. URLs and ids ([`hyphenate::is_technical`]) break only after `/`, `-`, `.` and `_`.
//! Finally each line is put in visual order ([`super::bidi`]) and cut into runs of one face.
//!
//! Widths come from the faces' own advance widths ([`FontSet`]); no kerning, as in the PDF.

use super::bidi;
use super::fonts::{FaceId, FontSet, REPLACEMENT};
use super::hyphenate;

/// Widths within this many millimetres of the limit still fit.
const EPS: f32 = 1e-3;

/// The most consecutive line breaks kept: two blank lines.
const MAX_NEWLINES: usize = 3;

/// The mark a line ends in when a word is split across it.
const HYPHEN: char = '-';

/// A piece of a line drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) face: FaceId,
    /// Offset from the start of the line, in millimetres.
    pub(super) x: f32,
    pub(super) width: f32,
}

/// One line, in visual order, with its measured width.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Line {
    pub(super) runs: Vec<Run>,
    pub(super) width: f32,
}

/// Whether `c` prints as something: false for control characters and for the characters
/// Unicode marks as default-ignorable (soft hyphen, joiners, bidi controls, variation
/// selectors...), which the PDF leaves out.
pub(super) fn printed(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        ))
}

/// A face, weight and size to measure and break text with.
#[derive(Clone, Copy)]
pub(super) struct Font<'a> {
    fonts: &'a FontSet,
    bold: bool,
    size: f32,
}

impl<'a> Font<'a> {
    pub(super) fn new(fonts: &'a FontSet, bold: bool, size: f32) -> Self {
        Font { fonts, bold, size }
    }

    pub(super) fn size(&self) -> f32 {
        self.size
    }

    pub(super) fn bold(&self) -> bool {
        self.bold
    }

    /// `text` broken into lines no wider than `max_w` millimetres; an explicit `'\n'` starts a
    /// new line. Always at least one line (empty for an empty text).
    pub(super) fn wrap(&self, text: &str, max_w: f32) -> Vec<Line> {
        let text = self.clean(text);
        let mut out = Vec::new();
        for paragraph in text.split('\n') {
            let level = bidi::paragraph_level(paragraph);
            for line in self.break_paragraph(paragraph, max_w) {
                out.push(self.shape(&line, level));
            }
        }
        out
    }

    /// `text` on one line, line breaks read as spaces.
    pub(super) fn line(&self, text: &str) -> Line {
        let text = self.single_line(text);
        self.shape(&text, bidi::paragraph_level(&text))
    }

    /// `text` on one line, shortened with an ellipsis to fit `max_w`.
    pub(super) fn truncate(&self, text: &str, max_w: f32) -> Line {
        let text = self.single_line(text);
        if self.measure(&text) <= max_w + EPS {
            return self.shape(&text, bidi::paragraph_level(&text));
        }
        let mut budget = max_w - self.char_width('…');
        let mut cut = String::new();
        for c in text.chars() {
            budget -= self.char_width(c);
            if budget < -EPS {
                break;
            }
            cut.push(c);
        }
        let cut = format!("{}…", cut.trim_end());
        self.shape(&cut, bidi::paragraph_level(&text))
    }

    /// Width of `text` on one line.
    pub(super) fn width(&self, text: &str) -> f32 {
        self.measure(&self.single_line(text))
    }

    /// The width `text` needs so that no word of it is split: its longest word, up to
    /// `cap` millimetres (longer words and URLs will break).
    pub(super) fn min_content(&self, text: &str, cap: f32) -> f32 {
        self.clean(text)
            .split(['\n', ' '])
            .map(|word| self.measure(word).min(cap))
            .fold(0.0, f32::max)
    }

    /// The width of `text` without wrapping: its longest paragraph.
    pub(super) fn max_content(&self, text: &str) -> f32 {
        self.clean(text)
            .split('\n')
            .map(|p| self.measure(p))
            .fold(0.0, f32::max)
    }

    fn single_line(&self, text: &str) -> String {
        let text = self.clean(text).replace('\n', " ");
        collapse_spaces(&text)
    }

    /// The text as it will be printed, see the module documentation.
    fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut newlines = 0;
        for c in text.chars() {
            let c = match c {
                '\t' => ' ',
                '\u{2028}' | '\u{2029}' => '\n',
                c => c,
            };
            if c == '\n' {
                // Spaces before a line break are dropped, as are breaks beyond the limit.
                out.truncate(out.trim_end_matches(' ').len());
                newlines += 1;
                if newlines <= MAX_NEWLINES {
                    out.push('\n');
                }
                continue;
            }
            if !printed(c) || (c == ' ' && (out.is_empty() || out.ends_with([' ', '\n']))) {
                continue;
            }
            newlines = 0;
            out.push(c);
        }
        out.truncate(out.trim_end_matches(' ').len());
        let shaped = if bidi::has_rtl(&out) {
            bidi::shape_arabic(&out, |c| self.fonts.covers(c))
        } else {
            out
        };
        shaped
            .chars()
            .map(|c| {
                if c == '\n' || self.fonts.covers(c) {
                    c
                } else {
                    REPLACEMENT
                }
            })
            .collect()
    }

    fn char_width(&self, c: char) -> f32 {
        self.fonts
            .face_for(c, self.bold)
            .map_or(0.0, |face| self.fonts.char_width_mm(face, c, self.size))
    }

    fn measure(&self, text: &str) -> f32 {
        text.chars().map(|c| self.char_width(c)).sum()
    }

    /// One paragraph (no `'\n'`) broken into lines, in logical order, first-fit.
    fn break_paragraph(&self, paragraph: &str, max_w: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut current = String::new();
        let mut current_w = 0.0;
        for (segment, technical) in segments(paragraph) {
            let mut rest = segment;
            loop {
                let body_w = self.measure(rest.trim_end_matches(' '));
                if current_w + body_w <= max_w + EPS {
                    current.push_str(rest);
                    current_w += self.measure(rest);
                    break;
                }
                let split = if technical {
                    None
                } else {
                    self.hyphenate(rest, max_w - current_w)
                };
                if let Some((head, tail)) = split {
                    current.push_str(head);
                    current.push(HYPHEN);
                    lines.push(std::mem::take(&mut current));
                    current_w = 0.0;
                    rest = tail;
                    continue;
                }
                if !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                    current_w = 0.0;
                    continue;
                }
                // Alone on its line and still too wide: split by force.
                let (head, tail) = self.force_split(rest, max_w);
                current.push_str(head);
                if tail.trim_end_matches(' ').is_empty() {
                    current_w = self.measure(head);
                    break;
                }
                if !head.ends_with(HYPHEN) {
                    current.push(HYPHEN);
                }
                lines.push(std::mem::take(&mut current));
                rest = tail;
            }
        }
        lines.push(current);
        for line in &mut lines {
            line.truncate(line.trim_end_matches(' ').len());
        }
        lines
    }

    /// The longest head of `segment` ending at a hyphenation point that fits `avail` with its
    /// hyphen, and the rest.
    fn hyphenate<'s>(&self, segment: &'s str, avail: f32) -> Option<(&'s str, &'s str)> {
        let hyphen_w = self.char_width(HYPHEN);
        hyphenate::points(segment)
            .into_iter()
            .rev()
            .find(|&at| self.measure(&segment[..at]) + hyphen_w <= avail + EPS)
            .map(|at| segment.split_at(at))
    }

    /// The longest head of `text` that fits `max_w` with a hyphen (at least one character),
    /// and the rest.
    fn force_split<'s>(&self, text: &'s str, max_w: f32) -> (&'s str, &'s str) {
        let mut budget = max_w - self.char_width(HYPHEN);
        let mut end = 0;
        for (i, c) in text.char_indices() {
            budget -= self.char_width(c);
            if budget < -EPS && i > 0 {
                break;
            }
            end = i + c.len_utf8();
        }
        text.split_at(end)
    }

    /// A logical line in visual order, cut into runs of one face.
    fn shape(&self, line: &str, level: unicode_bidi::Level) -> Line {
        let visual = bidi::visual(line, level);
        let mut runs: Vec<Run> = Vec::new();
        let mut x = 0.0;
        for c in visual.chars() {
            let face = self
                .fonts
                .face_for(c, self.bold)
                .unwrap_or(usize::from(self.bold));
            let w = self.fonts.char_width_mm(face, c, self.size);
            match runs.last_mut() {
                Some(run) if run.face == face => {
                    run.text.push(c);
                    run.width += w;
                }
                _ => runs.push(Run {
                    text: c.to_string(),
                    face,
                    x,
                    width: w,
                }),
            }
            x += w;
        }
        Line { runs, width: x }
    }
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) {
            out.push(c);
        }
    }
    out.truncate(out.trim_end_matches(' ').len());
    out
}

/// A paragraph cut at its line breaking opportunities, each piece with whether it belongs to a
/// technical word (whose only opportunities are after `/`, `-`, `.` and `_`).
fn segments(paragraph: &str) -> Vec<(&str, bool)> {
    let technical = technical_words(paragraph);
    let inside = |pos: usize| technical.iter().any(|r| r.start < pos && pos < r.end);
    let starts_technical = |pos: usize| technical.iter().any(|r| r.start <= pos && pos < r.end);
    let mut breaks: Vec<usize> = unicode_linebreak::linebreaks(paragraph)
        .map(|(pos, _)| pos)
        .filter(|&pos| !inside(pos))
        .collect();
    for range in &technical {
        let word = &paragraph[range.clone()];
        breaks.extend(
            word.char_indices()
                .filter(|&(_, c)| hyphenate::technical_break_after(c))
                .map(|(i, c)| range.start + i + c.len_utf8())
                .filter(|&pos| pos < range.end),
        );
    }
    breaks.sort_unstable();
    breaks.dedup();
    let mut out = Vec::with_capacity(breaks.len());
    let mut from = 0;
    for to in breaks {
        if to > from {
            out.push((&paragraph[from..to], starts_technical(from)));
            from = to;
        }
    }
    if from < paragraph.len() {
        out.push((&paragraph[from..], starts_technical(from)));
    }
    out
}

/// The byte ranges of the technical words of a paragraph.
fn technical_words(paragraph: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in paragraph
        .char_indices()
        .chain(std::iter::once((paragraph.len(), ' ')))
    {
        match (c == ' ', start) {
            (true, Some(s)) => {
                if hyphenate::is_technical(&paragraph[s..i]) {
                    out.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    fn font(fonts: &FontSet) -> Font<'_> {
        Font::new(fonts, false, 10.0)
    }

    #[test]
    fn lines_fit_and_measure_what_they_hold() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let lines = f.wrap("one two three four five six seven\neight", 30.0);
        assert!(lines.len() >= 3);
        assert_eq!(texts(&lines).last().map(String::as_str), Some("eight"));
        for line in &lines {
            assert!(line.width <= 30.0 + EPS, "{line:?}");
            let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
            assert!((f.measure(&text) - line.width).abs() < 0.01);
        }
    }

    #[test]
    fn a_long_word_is_hyphenated_and_every_piece_ends_in_a_hyphen() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let text = "Укомплектованість маргіналізованих";
        let lines = texts(&f.wrap(text, 25.0));
        for line in &lines[..lines.len() - 1] {
            assert!(line.ends_with('-'), "{lines:?}");
        }
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined, text);
        // A run of letters with no pattern point is split by force, with a hyphen too.
        let word = "Ъ".repeat(40);
        let lines = texts(&f.wrap(&word, 20.0));
        assert!(lines.len() > 2);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with('-')));
    }

    #[test]
    fn hyphenated_compounds_break_after_their_hyphen() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let width = f.measure("військово-").max(f.measure("цивільного")) + 0.5;
        let lines = texts(&f.wrap("військово-цивільного", width));
        assert_eq!(lines, ["військово-", "цивільного"]);
    }

    #[test]
    fn urls_and_ids_break_only_after_their_separators() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let url = "https://www.example.org/reports/annual_2026/oversight-summary.pdf";
        let lines = texts(&f.wrap(url, 35.0));
        assert!(lines.len() > 1);
        for line in &lines[..lines.len() - 1] {
            assert!(line.ends_with(['/', '-', '.', '_']), "{lines:?}");
        }
        assert_eq!(lines.concat(), url);
        let lines = texts(&f.wrap("see values-and-law", f.measure("see values-and-l")));
        assert_eq!(lines, ["see values-and-", "law"]);
    }

    #[test]
    fn a_date_moves_to_the_next_line_whole() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let lines = texts(&f.wrap("build date 2026-12-01", f.measure("build date 2026-1")));
        assert_eq!(lines, ["build date", "2026-12-01"]);
    }

    #[test]
    fn blank_lines_collapse_and_what_prints_as_nothing_goes() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        let lines = texts(&f.wrap(&format!("a{}b", "\n".repeat(10_000)), 100.0));
        assert_eq!(lines, ["a", "", "", "b"]);
        assert_eq!(texts(&f.wrap("x\u{AD}y\u{200D}z\tw  v", 100.0)), ["xyz w v"]);
        assert_eq!(texts(&f.wrap("", 100.0)), [""]);
    }

    #[test]
    fn uncovered_characters_print_as_the_replacement_mark() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        assert_eq!(texts(&f.wrap("a中🦀", 100.0)), ["a\u{FFFD}\u{FFFD}"]);
    }

    #[test]
    fn truncation_fits_with_an_ellipsis() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = Font::new(&fonts, false, 8.0);
        let line = f.truncate(&"x".repeat(200), 25.0);
        assert!(line.width <= 25.0 + EPS);
        assert!(texts(&[line])[0].ends_with('…'));
    }

    #[test]
    fn content_widths_are_the_longest_word_and_the_longest_paragraph() {
        let fonts = FontSet::embedded().expect("fonts");
        let f = font(&fonts);
        assert!((f.min_content("a law-2 cc", 100.0) - f.measure("law-2")).abs() < 1e-4);
        assert!((f.min_content(&"x".repeat(100), 20.0) - 20.0).abs() < 1e-4);
        assert!((f.max_content("a bbb\ncc") - f.measure("a bbb")).abs() < 1e-4);
    }
}
