//! Formatting numbers and dates for a reader: the one place where rounding happens.

use crate::i18n::Labels;
use crate::model::{Date, Number};
use chrono::Locale;
use std::fmt::Write;

/// Formats values in the conventions of one language.
pub struct Formatter<'a> {
    labels: &'a Labels,
    locale: Locale,
    /// The language part of the locale, `uk` in `uk_UA`: it chooses the plural rule.
    language: &'a str,
}

impl<'a> Formatter<'a> {
    /// Uses the catalogue's `locale` (e.g. `uk_UA`) for month names, `en_GB` when unknown.
    pub fn new(labels: &'a Labels) -> Self {
        let locale_name = labels.get("locale");
        let locale = Locale::try_from(locale_name).unwrap_or(Locale::en_GB);
        let language = locale_name.split('_').next().unwrap_or_default();
        Formatter {
            labels,
            locale,
            language,
        }
    }

    /// A score with one decimal, "72.5" (or "72,5"); "—" without a value.
    pub fn score(&self, value: Option<f64>) -> String {
        match value {
            Some(value) => self.decimal(value, 1),
            None => "—".to_owned(),
        }
    }

    /// A number with `places` decimals, "63" or "62.50" (or "62,50").
    pub fn fixed(&self, value: f64, places: usize) -> String {
        self.decimal(value, places)
    }

    /// A percentage with one decimal, "95.7%" (or "95,7 %").
    pub fn percent(&self, value: Option<f64>) -> String {
        match value {
            Some(value) => self.labels.fill("percent", &[("value", &self.decimal(value, 1))]),
            None => "—".to_owned(),
        }
    }

    /// A score as [`Formatter::score`] prints it, as a number: one decimal.
    pub fn shown(value: f64) -> f64 {
        format!("{value:.1}").parse().unwrap_or(value)
    }

    /// `new − old` from the figures as printed, so that the page subtracts: 65.8 and 67.3 give
    /// "−1.5"; "—" without both.
    pub fn difference(&self, new: Option<f64>, old: Option<f64>) -> String {
        self.change(new.zip(old).map(|(new, old)| Self::shown(new) - Self::shown(old)))
    }

    /// A change of score with its sign and one decimal: "+4.2", "−1.0" (a true minus sign),
    /// "0.0"; "—" without a value. The sign follows the unrounded value, so a tiny rise reads "+0.0".
    pub fn change(&self, value: Option<f64>) -> String {
        match value {
            Some(value) if value > 0.0 => format!("+{}", self.decimal(value, 1)),
            Some(value) if value < 0.0 => format!("−{}", self.decimal(-value, 1)),
            Some(_) => self.decimal(0.0, 1),
            None => "—".to_owned(),
        }
    }

    /// A coefficient such as Krippendorff's alpha with three decimals: "0.812", "−0.094"
    /// (or "0,812"); "—" without a value.
    pub fn coefficient(&self, value: Option<f64>) -> String {
        match value {
            Some(value) => self.decimal(value, 3).replacen('-', "−", 1),
            None => "—".to_owned(),
        }
    }

    /// A weight or threshold without needless decimals: "1", "0.5", "2.25".
    pub fn plain(&self, value: f64) -> String {
        let text = format!("{:.4}", value);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        text.replace('.', self.labels.get("decimal_separator"))
    }

    /// An exact number as written, with the language's decimal separator: "7.5", "7,5", "−2".
    pub fn number(&self, value: Number) -> String {
        value
            .to_string()
            .replacen('-', "−", 1)
            .replace('.', self.labels.get("decimal_separator"))
    }

    /// Computed points (a rate's share of a range, a sum of them), to two decimals at most:
    /// "5.77" for 5.769…, "7.5", "12".
    pub fn points(&self, value: Number) -> String {
        self.number(value.to_places(2))
    }

    /// A quantity with its unit: "12 days" (a no-break space between them); a percentage as the
    /// language writes it ("57.5%", "57,5 %").
    pub fn quantity(&self, value: Number, unit: Option<&str>) -> String {
        match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some("%") => self.labels.fill("percent", &[("value", &self.number(value))]),
            Some(unit) => format!("{}\u{a0}{unit}", self.number(value)),
            None => self.number(value),
        }
    }

    /// A date as a reader writes it, in the label `date_format`: "20 November 2026",
    /// «20 листопада 2026 року». A format that chrono cannot write (an override in
    /// `--templates`) gives "20 November 2026".
    pub fn date(&self, date: Date) -> String {
        let mut text = String::new();
        let written = write!(
            text,
            "{}",
            date.0
                .format_localized(self.labels.get("date_format"), self.locale)
        );
        if written.is_err() {
            return date.0.format_localized("%-d %B %Y", self.locale).to_string();
        }
        text
    }

    /// The days from `from` to `to` as one date, "27 November 2026", or a range, "27 November
    /// 2026 – 2 December 2026".
    pub fn dates(&self, from: Date, to: Date) -> String {
        if from == to {
            self.date(from)
        } else {
            format!("{} – {}", self.date(from), self.date(to))
        }
    }

    /// A file as the user named it; a bundled file's `<bundled>/` in the reader's language.
    pub fn file(&self, origin: &str) -> String {
        match origin.strip_prefix("<bundled>/") {
            Some(name) => format!("{}/{name}", self.labels.get("label_bundled")),
            None => origin.to_owned(),
        }
    }

    /// A count with its noun in the language's plural form: the label `{key}_one`, `{key}_few`
    /// or `{key}_many` with `{count}` filled in. Ukrainian: one for 1, 21, 31… (not 11), few for
    /// 2–4, 22–24… (not 12–14), many for the rest; other languages: one for 1, many for the rest.
    pub fn count(&self, key: &str, count: usize) -> String {
        let form = match self.language {
            "uk" => match (count % 10, count % 100) {
                (1, tens) if tens != 11 => "one",
                (2..=4, tens) if !(12..=14).contains(&tens) => "few",
                _ => "many",
            },
            _ if count == 1 => "one",
            _ => "many",
        };
        self.labels
            .fill(&format!("{key}_{form}"), &[("count", &count.to_string())])
    }

    fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        let text = if text.starts_with('-') && text[1..].bytes().all(|b| b == b'0' || b == b'.') {
            text[1..].to_owned()
        } else {
            text
        };
        text.replace('.', self.labels.get("decimal_separator"))
    }
}
