//! OSCAL catalogs (JSON or YAML) to checklists.
//!
//! Groups become sections and controls indicators (a control with enhancements, its
//! sub-controls, becomes an assessable section holding them), with the catalog's ids and
//! titles: the id is the OSCAL id where valid (`ac-1`, `s1.1.1`), the label property
//! (`AC-1`), when there is one, the `ref`. A control's `statement` part (with its items, and
//! their labels) is the indicator's text, its `guidance` part the guidance; other parts and
//! parameters are listed in the notes. Every indicator is answered on the scale chosen:
//! `maturity` (0-5) or `yes-no`.

use super::ids::Ids;
use super::{Conversion, Note, indicator, section};
use crate::model::checklist::{ChecklistDoc, Indicator, Scoring, Section};
use crate::model::scale::{Level, Scale};
use crate::model::{Item, Number, ScopeIds, Text, UniqueMap};
use serde::Deserialize;
use serde_yaml::Value;

/// The scale every converted indicator is answered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleChoice {
    /// 0 Non-existent .. 5 Optimised.
    Maturity,
    /// 0 No, 1 Yes.
    YesNo,
}

#[derive(Debug, Deserialize)]
struct Document {
    catalog: Catalog,
}

#[derive(Debug, Deserialize)]
struct Catalog {
    #[serde(default)]
    uuid: Option<String>,
    metadata: Metadata,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    controls: Vec<Control>,
    #[serde(flatten)]
    other: std::collections::BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
struct Metadata {
    title: String,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    published: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Group {
    #[serde(default)]
    id: Option<String>,
    title: String,
    #[serde(default)]
    props: Vec<Prop>,
    #[serde(default)]
    parts: Vec<Part>,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    controls: Vec<Control>,
}

#[derive(Debug, Deserialize)]
struct Control {
    id: String,
    title: String,
    #[serde(default)]
    props: Vec<Prop>,
    #[serde(default)]
    params: Vec<Value>,
    #[serde(default)]
    parts: Vec<Part>,
    #[serde(default)]
    controls: Vec<Control>,
}

#[derive(Debug, Deserialize)]
struct Prop {
    name: String,
    value: String,
}

#[derive(Debug, Deserialize)]
struct Part {
    name: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    props: Vec<Prop>,
    #[serde(default)]
    prose: Option<String>,
    #[serde(default)]
    parts: Vec<Part>,
}

const SCALE: &str = "scale";

/// What stops a conversion: a file that is not an OSCAL catalog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("not an OSCAL catalog: {0}")]
    Shape(String),
    #[error("the catalog has no group and no control")]
    Empty,
}

/// Converts a parsed catalog, every indicator on `scale`, texts in `lang`.
pub fn convert(value: Value, scale: ScaleChoice, lang: &str) -> Result<Conversion, ConvertError> {
    let document: Document = serde_yaml::from_value(value).map_err(|e| ConvertError::Shape(e.to_string()))?;
    let catalog = document.catalog;
    if catalog.groups.is_empty() && catalog.controls.is_empty() {
        return Err(ConvertError::Empty);
    }
    let mut converter = Converter {
        ids: Ids::default(),
        notes: Vec::new(),
    };
    for key in catalog.other.keys().filter(|k| *k != "back-matter") {
        converter.notes.push(Note::new(
            format!("catalog.{key}"),
            format!("`{key}` has no place in a checklist: left out"),
        ));
    }
    if catalog.other.contains_key("back-matter") {
        converter.notes.push(Note::new(
            "catalog.back-matter",
            "the back matter (resources the controls link to) is left out",
        ));
    }
    let mut sections: Vec<Section> = catalog.groups.iter().map(|g| converter.group(g)).collect();
    if !catalog.controls.is_empty() {
        // Controls outside any group go into one section named after the catalog.
        let (id, _) = converter.ids.give(Some("controls"), "controls");
        let items = catalog.controls.iter().map(|c| converter.control(c)).collect();
        sections.push(section(
            id,
            None,
            Text::from(catalog.metadata.title.as_str()),
            items,
        ));
    }
    let version = catalog
        .metadata
        .version
        .as_ref()
        .and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "1".to_owned());
    let source = [
        Some(catalog.metadata.title.clone()),
        catalog.uuid.clone(),
        catalog.metadata.published.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");
    let checklist = ChecklistDoc {
        mapping: None,
        id: super::ids::sanitize(&catalog.metadata.title).to_lowercase(),
        version,
        languages: vec![lang.to_owned()],
        title: Text::from(catalog.metadata.title.as_str()),
        description: None,
        source: Some(Text::from(source.as_str())),
        scopes: UniqueMap::default(),
        scales: [(SCALE.to_owned(), levels(scale))].into_iter().collect(),
        scoring: Scoring::default(),
        sections,
    };
    Ok(Conversion {
        checklist,
        notes: converter.notes,
    })
}

fn levels(choice: ScaleChoice) -> Scale {
    let names: &[&str] = match choice {
        ScaleChoice::Maturity => &[
            "Non-existent",
            "Initial",
            "Repeatable",
            "Defined",
            "Managed",
            "Optimised",
        ],
        ScaleChoice::YesNo => &["No", "Yes"],
    };
    Scale {
        label: None,
        levels: names
            .iter()
            .zip(0_i64..)
            .map(|(name, value)| Level {
                value: Number::from(value),
                code: None,
                label: Text::from(*name),
                description: None,
            })
            .collect(),
    }
}

struct Converter {
    ids: Ids,
    notes: Vec<Note>,
}

impl Converter {
    fn give(&mut self, code: Option<&str>, fallback: &str) -> String {
        let (id, same) = self.ids.give(code, fallback);
        if !same {
            self.notes.push(Note::new(
                code.unwrap_or(fallback),
                format!("not a valid id or used before: the id is `{id}`"),
            ));
        }
        id
    }

    fn group(&mut self, group: &Group) -> Section {
        let id = self.give(group.id.as_deref(), &group.title);
        let mut items: Vec<Item> = Vec::new();
        for part in &group.parts {
            items.push(Item::Info(Box::new(crate::model::Info {
                id: None,
                ref_id: None,
                title: part.title.as_deref().map(Text::from),
                text: Text::from(prose(part).as_str()),
                scopes: ScopeIds::default(),
                effective_scopes: ScopeIds::default(),
            })));
        }
        items.extend(group.controls.iter().map(|c| self.control(c)));
        items.extend(
            group
                .groups
                .iter()
                .map(|g| Item::Section(Box::new(self.group(g)))),
        );
        section(id, label(&group.props), Text::from(group.title.as_str()), items)
    }

    fn control(&mut self, control: &Control) -> Item {
        let id = self.give(Some(&control.id), &control.id);
        let mut indicator = self.indicator(control);
        if control.controls.is_empty() {
            indicator.id = id;
            return Item::Indicator(Box::new(indicator));
        }
        // A control with enhancements: answered itself, its enhancements under it.
        let items = control.controls.iter().map(|c| self.control(c)).collect();
        let mut holder = section(
            id,
            indicator.ref_id.clone(),
            Text::from(control.title.as_str()),
            items,
        );
        indicator.title = None;
        holder.assessable = Some(indicator);
        Item::Section(Box::new(holder))
    }

    fn indicator(&mut self, control: &Control) -> Indicator {
        let statement: Vec<String> = control
            .parts
            .iter()
            .filter(|p| p.name == "statement")
            .map(prose)
            .collect();
        let guidance: Vec<String> = control
            .parts
            .iter()
            .filter(|p| p.name == "guidance")
            .map(prose)
            .collect();
        for part in control
            .parts
            .iter()
            .filter(|p| p.name != "statement" && p.name != "guidance")
        {
            self.notes.push(Note::new(
                control.id.as_str(),
                format!("the part `{}` is left out", part.name),
            ));
        }
        if !control.params.is_empty() {
            self.notes.push(Note::new(
                control.id.as_str(),
                format!(
                    "{} parameter(s) are left out; the text keeps their placeholders",
                    control.params.len()
                ),
            ));
        }
        let text = if statement.is_empty() {
            control.title.clone()
        } else {
            statement.join("\n")
        };
        Indicator {
            ref_id: label(&control.props),
            title: Some(Text::from(control.title.as_str())),
            guidance: (!guidance.is_empty()).then(|| Text::from(guidance.join("\n\n").as_str())),
            source: None,
            ..indicator(String::new(), Text::from(text.as_str()), SCALE)
        }
    }
}

/// The `label` property: the code a catalog prints (`AC-1`, `1.1`).
fn label(props: &[Prop]) -> Option<String> {
    props
        .iter()
        .find(|p| p.name == "label")
        .map(|p| p.value.clone())
        .filter(|v| !v.trim().is_empty())
}

/// A part's prose and its sub-parts', each line after its label ("a. ..."), indented by depth.
fn prose(part: &Part) -> String {
    let mut lines = Vec::new();
    collect_prose(part, 0, &mut lines);
    lines.join("\n")
}

fn collect_prose(part: &Part, depth: usize, lines: &mut Vec<String>) {
    if let Some(prose) = part.prose.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let label = label(&part.props).map(|l| format!("{l} ")).unwrap_or_default();
        lines.push(format!("{}{label}{prose}", "  ".repeat(depth.saturating_sub(1))));
    }
    for sub in &part.parts {
        collect_prose(sub, depth + 1, lines);
    }
}
