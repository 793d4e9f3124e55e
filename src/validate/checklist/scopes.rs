//! The rules of scopes: each dimension and value has a valid id, no value id is used twice
//! (so that an answers file can name a value alone), every value has a label, and every tag
//! names a declared value.

use super::Rules;
use crate::model::ScopeIds;
use crate::validate::{Hint, quoted_list};
use std::collections::HashSet;

impl Rules<'_, '_> {
    pub(super) fn scope_dimensions(&mut self) {
        let doc = self.doc;
        let mut values = HashSet::new();
        for (name, dimension) in doc.scopes.iter() {
            let path = format!("scopes[{name}]");
            self.id(&path, name);
            self.optional_text(&format!("{path}.label"), dimension.label.as_ref());
            self.optional_text(&format!("{path}.description"), dimension.description.as_ref());
            if dimension.values.is_empty() {
                self.f
                    .error(
                        "no-scope-values",
                        &format!("{path}.values"),
                        format!("the scope dimension `{name}` has no value"),
                    )
                    .hint("list the values an assessment may choose, e.g. `[{id: basic, label: Basic}]`");
            }
            for value in &dimension.values {
                let at = format!("{path}.values[{}]", value.id);
                self.id(&format!("{at}.id"), &value.id);
                if !values.insert(value.id.as_str()) {
                    self.f
                        .error(
                            "duplicate-scope",
                            &format!("{at}.id"),
                            format!("the scope value `{}` is declared twice", value.id),
                        )
                        .hint("scope values are unique across all dimensions, so that an answers file can name one alone");
                }
                self.text(&format!("{at}.label"), &value.label, true);
                self.optional_text(&format!("{at}.description"), value.description.as_ref());
            }
        }
    }

    /// Every tag of `scopes:` at `path` names a declared scope value.
    pub(super) fn scope_tags(&mut self, path: &str, tags: &ScopeIds) {
        let doc = self.doc;
        for tag in tags.iter() {
            if doc.scopes.iter().any(|(_, d)| d.has_value(tag)) {
                continue;
            }
            let known: Vec<&str> = doc
                .scopes
                .iter()
                .flat_map(|(_, d)| d.values.iter().map(|v| v.id.as_str()))
                .collect();
            let diagnostic = self.f.error(
                "unknown-scope",
                &format!("{path}.scopes"),
                format!("no scope value is named `{tag}`"),
            );
            if known.is_empty() {
                diagnostic.hint("declare the checklist's `scopes:` first");
            } else {
                diagnostic.hint(format!("expected one of {}", quoted_list(known)));
            }
        }
    }
}
