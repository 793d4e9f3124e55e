//! CISO Assistant libraries (`backend/library/libraries/*.yaml` of
//! intuitem/ciso-assistant-community) to checklists.
//!
//! The framework's requirement nodes become sections (a node with children, or a top-level
//! node), indicators (an assessable node without children) and informational items (any other
//! node), in the library's order. An assessable node with children is an assessable section.
//! Node codes (`ref_id`) are the ids where they are valid and unique, and every node keeps its
//! code as `ref`. Names, descriptions, annotations (as guidance) and typical evidence keep
//! every locale of the library a checklist can hold; reference controls and threats become
//! references; implementation groups become the values of one scope dimension whose untagged
//! indicators are out of scope once a group is chosen, as in CISO Assistant.
//!
//! The scoring reproduces CISO Assistant's global score on the 0-100 scale (its score is
//! `min_score + ratio × (max_score − min_score)`, cut to one decimal; ours is `100 × ratio`):
//!
//! - [`Method::Avg`] (AVG): the weighted mean of every scored assessable node's ratio
//!   `(score − min) / (max − min)`. Every section is pooled, so that the overall weighted mean
//!   runs over every answer flatly, an assessable section's beside its children's.
//! - [`Method::AvgOfAvg`] (AVG_OF_AVG): bottom-up weighted means (a scored assessable node
//!   counts instead of its children), then the unweighted mean of the categories: a top-level
//!   node with a scored direct child is a category, any other top-level node's children are.
//!   A top-level section without an assessable direct child is therefore pooled into an overall
//!   `mean`. CISO Assistant picks that level from the answers, we from the library: the two
//!   differ only when none of a top-level node's assessable direct children is scored while
//!   deeper nodes are (then CISO Assistant descends a level), or when a top-level node is itself
//!   scored and has children. The conversion names such nodes in its notes.

use super::ids::{Ids, sanitize};
use super::{Conversion, Note, indicator, section};
use crate::model::checklist::{ChecklistDoc, Indicator, Scoring, Section};
use crate::model::method::Method as Combine;
use crate::model::scale::{Level, Scale};
use crate::model::scope::{ScopeDimension, ScopeIds, ScopeValue, Untagged};
use crate::model::{Info, Item, Number, Text, UniqueMap};
use serde::Deserialize;
use serde_yaml::Value;
use std::collections::{BTreeMap, HashMap};

/// CISO Assistant's score calculation methods that the conversion reproduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    #[default]
    Avg,
    AvgOfAvg,
}

/// The scale's name in the converted checklist.
const SCALE: &str = "score";
/// The scope dimension of the implementation groups.
const GROUPS: &str = "implementation-group";

#[derive(Debug, Deserialize)]
struct Library {
    #[serde(default)]
    urn: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    ref_id: Option<Value>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    copyright: Option<String>,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    provider: Option<String>,
    #[serde(default)]
    packager: Option<String>,
    #[serde(default)]
    publication_date: Option<Value>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
    objects: Objects,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
struct Objects {
    #[serde(default)]
    framework: Option<Framework>,
    #[serde(default)]
    reference_controls: Vec<Referenced>,
    #[serde(default)]
    threats: Vec<Referenced>,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
struct Framework {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    min_score: Option<Number>,
    #[serde(default)]
    max_score: Option<Number>,
    #[serde(default)]
    scores_definition: Vec<ScoreDefinition>,
    #[serde(default)]
    implementation_groups_definition: Vec<GroupDefinition>,
    #[serde(default)]
    requirement_nodes: Vec<Node>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

#[derive(Debug, Deserialize)]
struct ScoreDefinition {
    score: Number,
    #[serde(flatten)]
    named: Named,
}

#[derive(Debug, Deserialize)]
struct GroupDefinition {
    ref_id: Value,
    #[serde(flatten)]
    named: Named,
}

/// What a score or an implementation group is called, in every locale.
#[derive(Debug, Deserialize)]
struct Named {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
}

/// A reference control or a threat of the library.
#[derive(Debug, Deserialize)]
struct Referenced {
    urn: String,
    #[serde(default)]
    ref_id: Option<Value>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
}

#[derive(Debug, Deserialize)]
struct Node {
    urn: String,
    #[serde(default)]
    assessable: bool,
    #[serde(default)]
    parent_urn: Option<String>,
    #[serde(default)]
    ref_id: Option<Value>,
    /// Its name, description, annotation and typical evidence in the library's locale (read
    /// before `other`, which then holds only the keys the conversion does not read).
    #[serde(flatten)]
    texts: Translation,
    #[serde(default)]
    implementation_groups: Vec<Value>,
    #[serde(default)]
    reference_controls: Vec<String>,
    #[serde(default)]
    threats: Vec<String>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

/// A node's (or the library's) texts in another locale.
#[derive(Debug, Default, Deserialize)]
struct Translation {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    annotation: Option<String>,
    #[serde(default)]
    typical_evidence: Option<String>,
}

/// Keys the conversion reads, or that only place a node (its depth, its URN).
const STRUCTURAL: &[&str] = &["depth", "urn", "parent_urn"];

/// What the command line chose.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub method: Method,
    /// The checklist's first language; the library's locale by default.
    pub lang: Option<String>,
}

/// Why a library cannot be converted at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the library has no `objects.framework`: only frameworks convert to checklists")]
    NoFramework,
    #[error("the framework has no requirement node")]
    NoRequirements,
    #[error("the library has no locale `{lang}`; it has {available}")]
    UnknownLanguage { lang: String, available: String },
    #[error("`max_score` ({max}) is not above `min_score` ({min})")]
    BadRange { min: Number, max: Number },
}

/// Converts a parsed library (see [`parse`]).
pub fn convert(value: Value, options: &Options) -> Result<Conversion, ConvertError> {
    let library: Library = serde_yaml::from_value(value).map_err(|e| ConvertError::Shape(e.to_string()))?;
    Converter::new(&library, options)?
        .run(&library)
        .map_err(ConvertError::Refused)
}

/// What stops a conversion: a file not shaped like a library, or a library that cannot be one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("not a CISO Assistant library: {0}")]
    Shape(String),
    #[error("{0}")]
    Refused(Refusal),
}

impl From<Refusal> for ConvertError {
    fn from(refusal: Refusal) -> Self {
        ConvertError::Refused(refusal)
    }
}

struct Converter<'l> {
    method: Method,
    /// The library's locale first (or the chosen one), then its other locales.
    languages: Vec<String>,
    /// The library's own locale: what texts without a translation are in.
    locale: String,
    framework: &'l Framework,
    /// Each node's children, by URN, in library order.
    children: HashMap<&'l str, Vec<&'l Node>>,
    /// Reference controls and threats by URN.
    referenced: HashMap<&'l str, &'l Referenced>,
    /// Implementation group codes to scope value ids.
    groups: HashMap<String, String>,
    ids: Ids,
    notes: Vec<Note>,
    /// Node keys the conversion does not read, with the nodes that have them.
    unread: BTreeMap<String, Vec<String>>,
    min: Number,
    max: Number,
}

/// A YAML scalar code as text: `1.2` and `"1.2"` both give `1.2`.
fn code(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

/// Whether a checklist can hold a language code (2 or 3 lowercase letters).
fn holdable(lang: &str) -> bool {
    (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase())
}

impl<'l> Converter<'l> {
    fn new(library: &'l Library, options: &Options) -> Result<Self, Refusal> {
        let framework = library.objects.framework.as_ref().ok_or(Refusal::NoFramework)?;
        if framework.requirement_nodes.is_empty() {
            return Err(Refusal::NoRequirements);
        }
        let mut notes = Vec::new();
        let locale = library.locale.clone().unwrap_or_else(|| "en".to_owned());
        let mut available: Vec<String> = vec![locale.clone()];
        for lang in library.translations.keys().chain(framework.translations.keys()) {
            if !available.contains(lang) {
                available.push(lang.clone());
            }
        }
        if let Some(lang) = &options.lang
            && !available.contains(lang)
        {
            return Err(Refusal::UnknownLanguage {
                lang: lang.clone(),
                available: crate::validate::quoted_list(available.iter().map(String::as_str)),
            });
        }
        let first = options.lang.clone().unwrap_or_else(|| locale.clone());
        let mut languages = vec![first.clone()];
        for lang in available.into_iter().filter(|l| *l != first) {
            if holdable(&lang) {
                languages.push(lang);
            } else {
                notes.push(Note::new(
                    "translations",
                    format!("the locale `{lang}` is left out: a checklist's languages are 2 or 3 lowercase letters"),
                ));
            }
        }
        let min = framework.min_score.unwrap_or(Number::ZERO);
        let max = framework.max_score.unwrap_or(Number::from(100));
        if max <= min {
            return Err(Refusal::BadRange { min, max });
        }
        let mut children: HashMap<&str, Vec<&Node>> = HashMap::new();
        for node in &framework.requirement_nodes {
            if let Some(parent) = &node.parent_urn {
                children.entry(parent.as_str()).or_default().push(node);
            }
        }
        let referenced = library
            .objects
            .reference_controls
            .iter()
            .chain(&library.objects.threats)
            .map(|r| (r.urn.as_str(), r))
            .collect();
        Ok(Converter {
            method: options.method,
            languages,
            locale,
            framework,
            children,
            referenced,
            groups: HashMap::new(),
            ids: Ids::default(),
            notes,
            unread: BTreeMap::new(),
            min,
            max,
        })
    }

    fn run(mut self, library: &Library) -> Result<Conversion, Refusal> {
        let framework = self.framework;
        self.unheld_keys("", &library.other);
        self.unheld_keys("objects.", &library.objects.other);
        self.unheld_keys("objects.framework.", &framework.other);
        let scopes = self.scopes();
        let scale = self.scale();
        let urns: std::collections::HashSet<&str> = framework
            .requirement_nodes
            .iter()
            .map(|n| n.urn.as_str())
            .collect();
        let roots: Vec<&Node> = framework
            .requirement_nodes
            .iter()
            .filter(|n| n.parent_urn.as_deref().is_none_or(|p| !urns.contains(p)))
            .collect();
        let sections: Vec<Section> = roots.iter().map(|root| self.root(root)).collect();
        for (key, nodes) in std::mem::take(&mut self.unread) {
            self.notes.push(Note::new(
                format!("requirement_nodes.{key}"),
                format!(
                    "`{key}` has no place in a checklist: left out on {} node(s): {}",
                    nodes.len(),
                    nodes.join(", ")
                ),
            ));
        }
        let title = self.text(
            framework.name.as_deref().or(library.name.as_deref()),
            |t| t.name.as_deref(),
            &merged(&library.translations, &framework.translations),
        );
        let checklist = ChecklistDoc {
            mapping: None,
            id: self.checklist_id(library),
            version: library
                .version
                .as_ref()
                .and_then(code)
                .unwrap_or_else(|| "1".to_owned()),
            languages: self.languages.clone(),
            title: title.unwrap_or_else(|| Text::from("CISO Assistant framework")),
            description: self.text(
                framework
                    .description
                    .as_deref()
                    .or(library.description.as_deref()),
                |t| t.description.as_deref(),
                &merged(&library.translations, &framework.translations),
            ),
            source: self.source(library),
            scopes,
            scales: [(SCALE.to_owned(), scale)].into_iter().collect(),
            scoring: Scoring {
                method: match self.method {
                    Method::Avg => Combine::WeightedMean,
                    Method::AvgOfAvg => Combine::Mean,
                },
                justify_not_applicable: false,
                ..Scoring::default()
            },
            sections,
        };
        Ok(Conversion {
            checklist,
            notes: self.notes,
        })
    }

    fn checklist_id(&mut self, library: &Library) -> String {
        let code = library.ref_id.as_ref().and_then(code);
        let fallback = library.urn.clone().unwrap_or_else(|| "ciso-assistant".to_owned());
        let id = sanitize(code.as_deref().unwrap_or(&fallback));
        if id.is_empty() {
            "ciso-assistant".to_owned()
        } else {
            id
        }
    }

    fn source(&self, library: &Library) -> Option<Text> {
        let parts: Vec<String> = [
            library.provider.clone(),
            library.packager.as_ref().map(|p| format!("packaged by {p}")),
            library.publication_date.as_ref().and_then(code),
            library.urn.clone(),
            library.copyright.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| Text::from(parts.join("; ").as_str()))
    }

    /// A text in every language the checklist has that the node (or its translations) gives.
    fn text(
        &self,
        base: Option<&str>,
        field: impl Fn(&Translation) -> Option<&str>,
        translations: &BTreeMap<String, &Translation>,
    ) -> Option<Text> {
        let mut map: Vec<(String, String)> = Vec::new();
        for lang in &self.languages {
            let value = if *lang == self.locale {
                base
            } else {
                translations.get(lang).and_then(|t| field(t))
            };
            if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
                map.push((lang.clone(), value.to_owned()));
            }
        }
        match map.len() {
            0 => None,
            1 if self.languages.len() == 1 => Some(Text::from(map[0].1.as_str())),
            _ => Some(Text::Translated(map.into_iter().collect())),
        }
    }

    /// A node's text in every locale, `field` of its own texts and of its translations.
    fn node_text(&self, node: &Node, field: fn(&Translation) -> Option<&str>) -> Option<Text> {
        self.text(field(&node.texts), field, &refs(&node.translations))
    }

    /// An item's title and text: its name and description, or its name alone as the text (its
    /// code without either).
    fn title_and_text(&self, node: &Node) -> (Option<Text>, Text) {
        let name = self.node_text(node, |t| t.name.as_deref());
        match (name, self.node_text(node, |t| t.description.as_deref())) {
            (title, Some(text)) => (title, text),
            (Some(name), None) => (None, name),
            (None, None) => (None, Text::from(self.label(node).as_str())),
        }
    }

    /// The implementation groups as one scope dimension.
    fn scopes(&mut self) -> UniqueMap<ScopeDimension> {
        let mut values = Vec::new();
        let mut ids = Ids::default();
        for group in &self.framework.implementation_groups_definition {
            let Some(group_code) = code(&group.ref_id) else {
                continue;
            };
            let (id, same) = ids.give(Some(&group_code), "group");
            if !same {
                self.notes.push(Note::new(
                    format!("implementation_groups_definition[{group_code}]"),
                    format!("the implementation group `{group_code}` is the scope value `{id}`"),
                ));
            }
            self.groups.insert(group_code, id.clone());
            let translations = refs(&group.named.translations);
            values.push(ScopeValue {
                id,
                label: self
                    .text(Some(&group.named.name), |t| t.name.as_deref(), &translations)
                    .unwrap_or_else(|| Text::from(group.named.name.as_str())),
                description: self.text(
                    group.named.description.as_deref(),
                    |t| t.description.as_deref(),
                    &translations,
                ),
            });
        }
        if values.is_empty() {
            return UniqueMap::default();
        }
        let dimension = ScopeDimension {
            label: None,
            description: None,
            untagged: Untagged::None,
            values,
        };
        [(GROUPS.to_owned(), dimension)].into_iter().collect()
    }

    /// The framework's scale: its score definitions as levels, with `min_score` and
    /// `max_score` as the ends (which CISO Assistant's ratio uses); without definitions, every
    /// whole score from `min_score` to `max_score` (CISO Assistant's scores are whole numbers).
    fn scale(&mut self) -> Scale {
        let definitions = &self.framework.scores_definition;
        let level = |value: Number| Level {
            value,
            code: None,
            label: Text::from(value.to_string().as_str()),
            description: None,
        };
        if definitions.is_empty() {
            let levels = match (self.min.to_whole(), self.max.to_whole()) {
                (Some(min), Some(max)) => (min..=max).map(|v| level(Number::from(v))).collect(),
                _ => vec![level(self.min), level(self.max)],
            };
            return Scale { label: None, levels };
        }
        let mut levels: Vec<Level> = definitions
            .iter()
            .map(|d| {
                let translations = refs(&d.named.translations);
                Level {
                    value: d.score,
                    code: None,
                    label: self
                        .text(Some(&d.named.name), |t| t.name.as_deref(), &translations)
                        .unwrap_or_else(|| Text::from(d.score.to_string().as_str())),
                    description: self.text(
                        d.named.description.as_deref(),
                        |t| t.description.as_deref(),
                        &translations,
                    ),
                }
            })
            .filter(|l| l.value >= self.min && l.value <= self.max)
            .collect();
        if levels.len() < definitions.len() {
            self.notes.push(Note::new(
                "objects.framework.scores_definition",
                format!(
                    "scores outside `min_score`..`max_score` ({}..{}) are left out",
                    self.min, self.max
                ),
            ));
        }
        for end in [self.min, self.max] {
            if !levels.iter().any(|l| l.value == end) {
                self.notes.push(Note::new(
                    "objects.framework.scores_definition",
                    format!("the score {end} (an end of the range) is not defined; it is a level named by its number"),
                ));
                levels.push(level(end));
            }
        }
        levels.sort_by_key(|l| l.value);
        Scale { label: None, levels }
    }

    fn root(&mut self, node: &'l Node) -> Section {
        let mut section = self.section(node);
        if self.method == Method::AvgOfAvg {
            let direct_assessable = self.kids(node).iter().any(|c| c.assessable);
            section.pool = !direct_assessable && !node.assessable;
            let deeper = self
                .kids(node)
                .iter()
                .any(|c| self.kids(c).iter().any(|g| self.has_assessable_below(g)));
            if direct_assessable && deeper {
                self.notes.push(Note::new(
                    self.label(node),
                    "avg-of-avg: if none of its own requirements is scored while deeper ones are, CISO Assistant takes its children as categories and the scores differ",
                ));
            }
            if node.assessable && !self.kids(node).is_empty() {
                self.notes.push(Note::new(
                    self.label(node),
                    "avg-of-avg: a scored top-level requirement with children is a category here; CISO Assistant then counts neither it nor its children",
                ));
            }
        }
        section
    }

    fn kids(&self, node: &Node) -> &[&'l Node] {
        self.children.get(node.urn.as_str()).map_or(&[], Vec::as_slice)
    }

    fn has_assessable_below(&self, node: &Node) -> bool {
        node.assessable || self.kids(node).iter().any(|c| self.has_assessable_below(c))
    }

    fn label(&self, node: &Node) -> String {
        node.ref_id
            .as_ref()
            .and_then(code)
            .unwrap_or_else(|| node.urn.clone())
    }

    /// A node as a section: its own answer when assessable, its children as items.
    fn section(&mut self, node: &'l Node) -> Section {
        self.unread_keys(node);
        let ref_id = node.ref_id.as_ref().and_then(code);
        let id = self.id(node, ref_id.as_deref());
        let name = self.node_text(node, |t| t.name.as_deref());
        let description = self.node_text(node, |t| t.description.as_deref());
        let title = name
            .clone()
            .or_else(|| ref_id.as_deref().map(Text::from))
            .or_else(|| description.clone())
            .unwrap_or_else(|| Text::from(id.as_str()));
        let assessable = node.assessable.then(|| {
            let mut own = self.indicator(node, String::new());
            // The section shows the name; its answer's text is the description.
            own.title = None;
            own.text = description.clone().unwrap_or_else(|| Text::from(""));
            own
        });
        let kids = self.kids(node).to_vec();
        let items = kids.into_iter().map(|c| self.item(c)).collect();
        let (weight, pool) = match self.method {
            // Pooled with weight 1, every answer counts with its own weight at the top.
            Method::Avg => (1.0, true),
            Method::AvgOfAvg => (self.weight(node), false),
        };
        Section {
            description: if node.assessable { None } else { description },
            weight,
            // Under AVG_OF_AVG only the overall mean is unweighted.
            method: (self.method == Method::AvgOfAvg).then_some(Combine::WeightedMean),
            pool,
            assessable,
            ..section(id, ref_id, title, items)
        }
    }

    fn item(&mut self, node: &'l Node) -> Item {
        if !self.kids(node).is_empty() {
            return Item::Section(Box::new(self.section(node)));
        }
        self.unread_keys(node);
        if node.assessable {
            let ref_id = node.ref_id.as_ref().and_then(code);
            let id = self.id(node, ref_id.as_deref());
            return Item::Indicator(Box::new(self.indicator(node, id)));
        }
        let ref_id = node.ref_id.as_ref().and_then(code);
        let (title, text) = self.title_and_text(node);
        Item::Info(Box::new(Info {
            id: None,
            ref_id,
            title,
            text,
            scopes: self.tags(node),
            effective_scopes: ScopeIds::default(),
        }))
    }

    /// A node's id: its code where valid and unique, else one made from it (noted).
    fn id(&mut self, node: &Node, code: Option<&str>) -> String {
        let tail = node.urn.rsplit(':').next().unwrap_or(&node.urn);
        let (id, same) = self.ids.give(code, tail);
        if !same {
            let what = match code {
                Some(code) => {
                    format!("the code `{code}` is not a valid id or was used before: the id is `{id}`")
                }
                None => format!("no code: the id is `{id}`"),
            };
            self.notes.push(Note::new(self.label(node), what));
        }
        id
    }

    fn weight(&self, node: &Node) -> f64 {
        // CISO Assistant counts a missing or zero weight as 1.
        node.weight.filter(|w| *w > 0.0 && w.is_finite()).unwrap_or(1.0)
    }

    /// An assessable node as an indicator with `id`.
    fn indicator(&mut self, node: &'l Node, id: String) -> Indicator {
        let (title, text) = self.title_and_text(node);
        Indicator {
            ref_id: node.ref_id.as_ref().and_then(code),
            title,
            guidance: self.node_text(node, |t| t.annotation.as_deref()),
            source: None,
            weight: self.weight(node),
            evidence: self
                .node_text(node, |t| t.typical_evidence.as_deref())
                .into_iter()
                .collect(),
            references: self.references(node),
            scopes: self.tags(node),
            ..indicator(id, text, SCALE)
        }
    }

    /// A node's implementation groups as scope tags.
    fn tags(&mut self, node: &Node) -> ScopeIds {
        let mut tags = Vec::new();
        for group in node.implementation_groups.iter().filter_map(code) {
            match self.groups.get(&group) {
                Some(id) if !tags.contains(id) => tags.push(id.clone()),
                Some(_) => {}
                None => self.notes.push(Note::new(
                    self.label(node),
                    format!("the implementation group `{group}` is not defined by the framework: left out"),
                )),
            }
        }
        ScopeIds(tags)
    }

    /// Reference controls and threats, by code and name; one from elsewhere by its URN.
    fn references(&mut self, node: &Node) -> Vec<Text> {
        let mut out = Vec::new();
        for urn in node.reference_controls.iter().chain(&node.threats) {
            let Some(found) = self.referenced.get(urn.as_str()) else {
                self.notes.push(Note::new(
                    self.label(node),
                    format!("`{urn}` is not in this library: it is referenced by its URN"),
                ));
                out.push(Text::from(urn.as_str()));
                continue;
            };
            let translations = refs(&found.translations);
            let prefix = found.ref_id.as_ref().and_then(code);
            let name = self.text(found.name.as_deref(), |t| t.name.as_deref(), &translations);
            out.push(match (prefix, name) {
                (Some(prefix), Some(name)) => prefixed(&prefix, name),
                (Some(prefix), None) => Text::from(prefix.as_str()),
                (None, Some(name)) => name,
                (None, None) => Text::from(urn.as_str()),
            });
        }
        out
    }

    /// A node's keys the conversion does not read, gathered into one note per key.
    fn unread_keys(&mut self, node: &Node) {
        for key in node.other.keys().filter(|k| !STRUCTURAL.contains(&k.as_str())) {
            let label = self.label(node);
            self.unread.entry(key.clone()).or_default().push(label);
        }
    }

    /// Keys the conversion does not read, as notes.
    fn unheld_keys(&mut self, place: &str, other: &BTreeMap<String, Value>) {
        for key in other.keys().filter(|k| !STRUCTURAL.contains(&k.as_str())) {
            self.notes.push(Note::new(
                format!("{place}{key}"),
                format!("`{key}` has no place in a checklist: left out"),
            ));
        }
    }
}

fn refs(translations: &BTreeMap<String, Translation>) -> BTreeMap<String, &Translation> {
    translations.iter().map(|(k, v)| (k.clone(), v)).collect()
}

/// The library's and the framework's translations, the framework's first.
fn merged<'t>(
    library: &'t BTreeMap<String, Translation>,
    framework: &'t BTreeMap<String, Translation>,
) -> BTreeMap<String, &'t Translation> {
    let mut out = refs(library);
    out.extend(refs(framework));
    out
}

/// `text` in every language, after `prefix`.
fn prefixed(prefix: &str, text: Text) -> Text {
    match text {
        Text::Plain(t) => Text::Plain(format!("{prefix} {t}")),
        Text::Translated(map) => Text::Translated(
            map.iter()
                .map(|(lang, t)| (lang.to_owned(), format!("{prefix} {t}")))
                .collect(),
        ),
    }
}
