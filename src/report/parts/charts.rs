//! The charts: a bar per section with the band thresholds, and the radar of the top-level sections.

use crate::report::{BarView, Builder, Charts, MarkView, SectionView, flatten};

impl Builder<'_> {
    pub(in crate::report) fn charts(&self, sections: &[SectionView]) -> Charts {
        let bars = flatten(sections)
            .into_iter()
            .map(|s| BarView {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                depth: s.depth,
                score: s.score.clone(),
                width: s.score.value.unwrap_or(0.0).clamp(0.0, 100.0),
            })
            .collect();
        let marks = self
            .input
            .checklist
            .scoring()
            .bands
            .iter()
            .skip(1)
            .map(|b| MarkView {
                value: b.min,
                text: self.fmt.plain(b.min),
            })
            .collect();
        let radar = crate::report::chart::radar(
            sections
                .iter()
                .map(|s| (s.number.clone(), s.title.clone(), s.score.clone()))
                .collect(),
        );
        Charts { bars, marks, radar }
    }
}
