//! Scopes: the parts of a checklist an assessment may be limited to.
//!
//! A checklist declares scope *dimensions* (an assurance level, an organisation type), each with
//! its values (`basic`, `important`, `essential`; `ministry`, `police`). Indicators, sections and
//! informational items are tagged with the values they apply to; a section's tags in a dimension
//! are inherited by everything under it that has none of its own there. An answers file chooses
//! values in its `scope:`; an indicator is **in scope** when, for every dimension the answers
//! choose values of, its tags there include a chosen value. An indicator without a tag in such a
//! dimension applies to all its values (`untagged: all`, the default) or to none of them
//! (`untagged: none`, as CISO Assistant's implementation groups). Dimensions the answers do not
//! choose restrict nothing.

use super::text::Text;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One dimension under the checklist's `scopes:` (its key is the dimension's id).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeDimension {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// What an indicator with no tag in this dimension applies to.
    #[serde(default, skip_serializing_if = "Untagged::is_default")]
    pub untagged: Untagged,
    pub values: Vec<ScopeValue>,
}

/// A value of a dimension: what an indicator is tagged with and an assessment chooses.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeValue {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// What an indicator with no tag in a dimension applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Untagged {
    /// Every value of the dimension.
    #[default]
    All,
    /// No value: the indicator is out of scope whenever the dimension is chosen.
    None,
}

impl Untagged {
    fn is_default(&self) -> bool {
        *self == Untagged::All
    }
}

impl ScopeDimension {
    pub fn has_value(&self, id: &str) -> bool {
        self.values.iter().any(|v| v.id == id)
    }
}

/// Scope value ids: an answers file's `scope:` and the `scopes:` tags of the checklist's items,
/// written as one id (`scope: basic`) or a list (`scopes: [basic, police]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ScopeIds(pub Vec<String>);

impl ScopeIds {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|v| v == id)
    }
}

impl<'de> Deserialize<'de> for ScopeIds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdsVisitor;

        impl<'de> Visitor<'de> for IdsVisitor {
            type Value = ScopeIds;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scope value id, or a list of them")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<ScopeIds, E> {
                Ok(ScopeIds(vec![id.to_owned()]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ScopeIds, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(ScopeIds(ids))
            }
        }

        deserializer.deserialize_any(IdsVisitor)
    }
}

/// Whether something tagged with `tags` (inherited tags included) is in the scope `chosen`.
pub fn in_scope(dimensions: &super::UniqueMap<ScopeDimension>, tags: &ScopeIds, chosen: &ScopeIds) -> bool {
    dimensions.iter().all(|(_, dimension)| {
        let chosen_here: Vec<&str> = chosen.iter().filter(|v| dimension.has_value(v)).collect();
        if chosen_here.is_empty() {
            return true;
        }
        let mut tagged_here = tags.iter().filter(|t| dimension.has_value(t)).peekable();
        if tagged_here.peek().is_none() {
            return dimension.untagged == Untagged::All;
        }
        tagged_here.any(|t| chosen_here.contains(&t))
    })
}

/// The tags something has once inherited: its own in each dimension where it has some, else
/// its parent's (already inherited) there.
pub fn inherit(dimensions: &super::UniqueMap<ScopeDimension>, own: &ScopeIds, parent: &ScopeIds) -> ScopeIds {
    let mut out: Vec<String> = own.0.clone();
    for (_, dimension) in dimensions.iter() {
        if !own.iter().any(|t| dimension.has_value(t)) {
            out.extend(
                parent
                    .iter()
                    .filter(|t| dimension.has_value(t))
                    .map(str::to_owned),
            );
        }
    }
    ScopeIds(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UniqueMap;

    fn dimension(values: &[&str], untagged: Untagged) -> ScopeDimension {
        ScopeDimension {
            label: None,
            description: None,
            untagged,
            values: values
                .iter()
                .map(|id| ScopeValue {
                    id: (*id).to_owned(),
                    label: Text::from(*id),
                    description: None,
                })
                .collect(),
        }
    }

    fn ids(list: &[&str]) -> ScopeIds {
        ScopeIds(list.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn every_chosen_dimension_must_match() {
        let dimensions: UniqueMap<ScopeDimension> = [
            (
                "level".to_owned(),
                dimension(&["basic", "important"], Untagged::All),
            ),
            (
                "kind".to_owned(),
                dimension(&["police", "defence"], Untagged::None),
            ),
        ]
        .into_iter()
        .collect();
        let check = |tags: &[&str], chosen: &[&str]| in_scope(&dimensions, &ids(tags), &ids(chosen));
        assert!(check(&[], &[]), "nothing chosen restricts nothing");
        assert!(check(&[], &["basic"]), "untagged in `level` applies to all of it");
        assert!(
            !check(&[], &["police"]),
            "untagged in `kind` applies to none of it"
        );
        assert!(check(&["important", "police"], &["important", "police"]));
        assert!(!check(&["important", "police"], &["basic", "police"]));
        assert!(check(&["basic", "important"], &["important"]));
        assert!(check(&["defence"], &["basic", "police", "defence"]));
    }

    #[test]
    fn own_tags_replace_the_parents_in_their_dimension_only() {
        let dimensions: UniqueMap<ScopeDimension> = [
            (
                "level".to_owned(),
                dimension(&["basic", "important"], Untagged::All),
            ),
            (
                "kind".to_owned(),
                dimension(&["police", "defence"], Untagged::All),
            ),
        ]
        .into_iter()
        .collect();
        let inherited = inherit(&dimensions, &ids(&["important"]), &ids(&["basic", "police"]));
        assert_eq!(inherited, ids(&["important", "police"]));
    }
}
