//! The action plan: every planned action, by due date.

use crate::model::Date;
use crate::report::{ActionView, Builder, SectionView, flatten};

impl Builder<'_> {
    /// Every planned action, by due date (undated last), then checklist order.
    pub(in crate::report) fn actions(&self, sections: &[SectionView]) -> Vec<ActionView> {
        let assessment = self.input.assessment;
        let mut actions: Vec<(Option<Date>, ActionView)> = flatten(sections)
            .into_iter()
            .flat_map(|s| s.indicators.iter())
            .filter_map(|i| {
                let action = i.action.clone()?;
                let due = assessment
                    .answer(&i.id)
                    .and_then(|a| a.action.as_ref())
                    .and_then(|a| a.due);
                Some((due, action))
            })
            .collect();
        actions.sort_by_key(|(due, _)| (due.is_none(), *due));
        actions.into_iter().map(|(_, action)| action).collect()
    }
}
