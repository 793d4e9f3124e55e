//! The rules of a section's contents beyond its indicators: `items:` is not given beside
//! `indicators:` or `sections:`, and an informational item has a text, a valid unique id when
//! it has one, and known scope tags.

use super::Rules;
use crate::model::{Section, Slot};
use crate::validate::Hint;
use std::collections::HashSet;

impl Rules<'_, '_> {
    /// Sections that list `items:` beside `indicators:` or `sections:`.
    pub(super) fn mixed_items(&mut self, paths: &[String]) {
        for path in paths {
            self.f
                .error(
                    "mixed-items",
                    &format!("{path}.items"),
                    "`items` is given together with `indicators` or `sections`",
                )
                .hint("list every indicator and sub-section under `items` (as `indicator:` and `section:` entries), or use `indicators` and `sections` without `items`");
        }
    }

    pub(super) fn infos<'d>(&mut self, path: &str, section: &'d Section, ids: &mut HashSet<&'d str>) {
        for (i, info) in section.infos.iter().enumerate() {
            let at = match &info.id {
                Some(id) => format!("{path}.items[{id}]"),
                None => {
                    let at = section
                        .layout
                        .iter()
                        .position(|s| *s == Slot::Info(i))
                        .unwrap_or(i);
                    format!("{path}.items[{at}]")
                }
            };
            if let Some(id) = &info.id {
                self.unique_id(&format!("{at}.id"), id, ids);
            }
            self.ref_id(&at, info.ref_id.as_deref());
            self.optional_text(&format!("{at}.title"), info.title.as_ref());
            self.text(&format!("{at}.text"), &info.text, true);
            self.scope_tags(&at, &info.scopes);
        }
    }
}
