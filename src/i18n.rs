//! The fixed words of every output (report labels, skeleton comments) in each language.
//!
//! They live in one catalogue, `report-templates/default/labels.yaml`, compiled into the binary:
//! each key maps language codes to text. Adding a language means adding its translation to each
//! entry; no code changes. A key missing in a language falls back to English.

use crate::diagnostic::Diagnostic;
use crate::model::UniqueMap;
use crate::source::Source;
use std::collections::BTreeMap;

const BUNDLED: &str = include_str!("../report-templates/default/labels.yaml");
const FALLBACK: &str = "en";

/// The catalogue: label key, then language, then text.
#[derive(Debug, Clone)]
pub struct Catalogue(UniqueMap<UniqueMap<String>>);

impl Catalogue {
    /// The bundled catalogue.
    pub fn bundled() -> Catalogue {
        let source = Source::from_bytes("<bundled>/labels.yaml", BUNDLED.as_bytes())
            .expect("bundled labels are UTF-8");
        Catalogue::parse(&source).expect("bundled labels parse (checked by a test)")
    }

    /// Parses a catalogue file, e.g. one from `--templates`.
    pub fn parse(source: &Source) -> Result<Catalogue, Diagnostic> {
        source.parse().map(Catalogue)
    }

    /// This catalogue with every translation in `overrides` replacing or adding to its own.
    pub fn overridden_by(&self, overrides: &Catalogue) -> Catalogue {
        let mut merged: Vec<(String, UniqueMap<String>)> = Vec::new();
        let keys = self
            .0
            .keys()
            .chain(overrides.0.keys().filter(|k| self.0.get(k).is_none()));
        for key in keys {
            let ours = self.0.get(key).into_iter().flat_map(|t| t.iter());
            let theirs = overrides.0.get(key).into_iter().flat_map(|t| t.iter());
            let mut texts: Vec<(String, String)> = Vec::new();
            for (lang, text) in ours.chain(theirs) {
                texts.retain(|(l, _)| l != lang);
                texts.push((lang.to_owned(), text.clone()));
            }
            merged.push((key.to_owned(), texts.into_iter().collect()));
        }
        Catalogue(merged.into_iter().collect())
    }

    /// Whether any label has a translation in `lang`.
    pub fn has_language(&self, lang: &str) -> bool {
        self.0.iter().any(|(_, texts)| texts.get(lang).is_some())
    }

    /// Every label in `lang`, falling back to English per key.
    pub fn labels(&self, lang: &str) -> Labels {
        let map = self
            .0
            .iter()
            .map(|(key, texts)| {
                let text = texts
                    .get(lang)
                    .or_else(|| texts.get(FALLBACK))
                    .cloned()
                    .unwrap_or_default();
                (key.to_owned(), text)
            })
            .collect();
        Labels(map)
    }

    /// Labels that lack a translation in `lang`, for the catalogue test.
    pub fn missing(&self, lang: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(_, texts)| texts.get(lang).is_none())
            .map(|(key, _)| key)
            .collect()
    }
}

/// The labels of one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct Labels(BTreeMap<String, String>);

impl Labels {
    /// The label for `key`, or the key itself (a test keeps every used key in the catalogue).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The labels whose keys start with `prefix`, by key without it (the form's script
    /// receives them all).
    pub fn with_prefix(&self, prefix: &str) -> BTreeMap<String, String> {
        self.0
            .iter()
            .filter_map(|(key, text)| Some((key.strip_prefix(prefix)?.to_owned(), text.clone())))
            .collect()
    }

    /// The label with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.get(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}
