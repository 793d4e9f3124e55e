//! The evidence freshness flags, indicator by indicator.

use crate::report::{Builder, FreshnessView, SectionView, flatten};

impl Builder<'_> {
    /// The indicators with freshness flags, from their views.
    pub(in crate::report) fn freshness(&self, sections: &[SectionView]) -> Vec<FreshnessView> {
        flatten(sections)
            .into_iter()
            .flat_map(|section| section.indicators.iter().map(move |i| (section, i)))
            .filter(|(_, i)| !i.evidence_flags.is_empty())
            .map(|(section, i)| FreshnessView {
                id: i.id.clone(),
                text: i.text.clone(),
                section: format!("{} {}", section.number, section.title),
                flags: i.evidence_flags.clone(),
            })
            .collect()
    }
}
