//! A scorecard as a portfolio keeps it: every score, band and count of the assessment and of
//! its sections, without what only the assessment's own report shows (each indicator's result,
//! the calculation traces, the result without exceptions). A member of a portfolio then costs
//! about a kilobyte instead of tens, so that thousands of them fit in little memory.

use super::{Scorecard, SectionResult};
use crate::score::trace::Trace;

impl Scorecard {
    /// The scorecard without its indicators' results and its traces.
    pub fn summary(mut self) -> Scorecard {
        self.without_exceptions = None;
        forget(&mut self.overall.trace);
        self.sections.iter_mut().for_each(summarise);
        self
    }
}

fn summarise(section: &mut SectionResult) {
    section.indicators = Vec::new();
    section.own = None;
    section.layout = Vec::new();
    forget(&mut section.trace);
    section.sections.iter_mut().for_each(summarise);
}

/// Drops the terms of a calculation, keeping its method and result.
fn forget(trace: &mut Trace) {
    trace.counted = Vec::new();
    trace.excluded = Vec::new();
    trace.calculation = None;
}
