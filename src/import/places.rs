//! Where each value of the imported answers came from: the cell behind every path of the
//! answers model (`answers[law-1].evidence[0].date` → `Assessment!I5`), so that a finding of
//! the answers rules points at the cell the user can fix.

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Places(HashMap<String, Place>);

impl Places {
    pub fn record(&mut self, path: impl Into<String>, place: Place) {
        self.0.insert(path.into(), place);
    }

    /// The cell of a path, or of the nearest enclosing path that has one.
    fn of(&self, path: &str) -> Option<&Place> {
        let mut path = path;
        loop {
            if let Some(place) = self.0.get(path) {
                return Some(place);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// The findings with each path replaced by its cell, in `file`.
    pub fn locate(&self, diagnostics: Diagnostics, file: &str) -> Diagnostics {
        let located = diagnostics.0.into_iter().map(|d| match &d.place {
            Place::Path { path } => match self.of(path) {
                Some(place) => Diagnostic {
                    place: place.clone(),
                    file: file.to_owned(),
                    ..d
                },
                None => Diagnostic {
                    file: file.to_owned(),
                    ..d
                },
            },
            _ => d,
        });
        Diagnostics(located.collect())
    }
}
