//! The values a checklist node can give its parent's method, as sets of closed intervals: the
//! levels of a scale, the points of a number indicator (an interval), a grade list, a table's
//! values, a sum's ranges or its possible sums. The method rules check these sets against
//! grade lists, tables and ranges.
//!
//! Sets are kept exact up to [`LIMIT`] intervals; beyond it (a section of very many children)
//! a set is replaced by its hull and marked approximate, and the rules then check only its ends.

use crate::model::Number;
use crate::model::rounding::Rounding;

/// The most intervals a set keeps exactly.
pub const LIMIT: usize = 10_000;

/// Sorted, disjoint closed intervals; a single value is `[v, v]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValueSet {
    intervals: Vec<(Number, Number)>,
    /// Replaced by its hull: more values than it really holds.
    pub approximate: bool,
}

impl ValueSet {
    pub fn points(values: impl IntoIterator<Item = Number>) -> ValueSet {
        ValueSet::from_intervals(values.into_iter().map(|v| (v, v)).collect(), false)
    }

    pub fn interval(low: Number, high: Number) -> ValueSet {
        ValueSet::from_intervals(vec![(low.min(high), low.max(high))], false)
    }

    fn from_intervals(mut intervals: Vec<(Number, Number)>, approximate: bool) -> ValueSet {
        intervals.sort();
        let mut merged: Vec<(Number, Number)> = Vec::with_capacity(intervals.len());
        for (low, high) in intervals {
            match merged.last_mut() {
                Some(last) if low <= last.1 => last.1 = last.1.max(high),
                _ => merged.push((low, high)),
            }
        }
        let mut set = ValueSet {
            intervals: merged,
            approximate,
        };
        if set.intervals.len() > LIMIT {
            set = set.hull();
        }
        set
    }

    /// One interval from the lowest to the highest value, marked approximate.
    fn hull(&self) -> ValueSet {
        ValueSet {
            intervals: self.bounds().into_iter().collect(),
            approximate: true,
        }
    }

    /// The lowest and the highest value.
    pub fn bounds(&self) -> Option<(Number, Number)> {
        Some((self.intervals.first()?.0, self.intervals.last()?.1))
    }

    /// The single values, lowest first (empty unless [`ValueSet::is_discrete`]).
    pub fn values(&self) -> Vec<Number> {
        self.intervals
            .iter()
            .filter(|(low, high)| low == high)
            .map(|(low, _)| *low)
            .collect()
    }

    pub fn union(&self, other: &ValueSet) -> ValueSet {
        let both = self.intervals.iter().chain(&other.intervals).copied().collect();
        ValueSet::from_intervals(both, self.approximate || other.approximate)
    }

    /// Every sum of a value of `self` and a value of `other`.
    pub fn plus(&self, other: &ValueSet) -> ValueSet {
        let approximate = self.approximate || other.approximate;
        if self.intervals.len().saturating_mul(other.intervals.len()) > LIMIT {
            let (Some(a), Some(b)) = (self.bounds(), other.bounds()) else {
                return ValueSet::default();
            };
            return ValueSet {
                intervals: vec![(a.0.plus(b.0), a.1.plus(b.1))],
                approximate: true,
            };
        }
        let sums = self
            .intervals
            .iter()
            .flat_map(|a| {
                other
                    .intervals
                    .iter()
                    .map(move |b| (a.0.plus(b.0), a.1.plus(b.1)))
            })
            .collect();
        ValueSet::from_intervals(sums, approximate)
    }

    /// The values after rounding: a stretch of values becomes every rounded value in it.
    pub fn rounded(&self, rounding: Rounding) -> ValueSet {
        let step = rounding.step();
        let mut values = Vec::new();
        for (low, high) in &self.intervals {
            let (mut at, last) = (rounding.apply(*low), rounding.apply(*high));
            while at <= last {
                values.push((at, at));
                if values.len() > LIMIT {
                    return self.hull();
                }
                at = at.plus(step);
            }
        }
        ValueSet::from_intervals(values, self.approximate)
    }

    /// The sums of every non-empty choice of the sets (one value from each set chosen): the
    /// values a sum takes when any of its children may be left out.
    pub fn subset_sums(sets: &[ValueSet]) -> ValueSet {
        let mut sums = ValueSet::default();
        for set in sets {
            sums = sums.union(&sums.plus(set)).union(set);
        }
        sums
    }

    /// The sums of exactly `k` of the sets, for every `k` from 0 to `sets.len()`.
    pub fn sums_by_count(sets: &[ValueSet]) -> Vec<ValueSet> {
        let mut by_count = vec![ValueSet::points([Number::ZERO])];
        for set in sets {
            by_count.push(ValueSet::default());
            for k in (0..by_count.len() - 1).rev() {
                let more = by_count[k].plus(set);
                by_count[k + 1] = by_count[k + 1].union(&more);
            }
        }
        by_count
    }

    /// The first value of `self` (or the first stretch of values) that `cover`, a list of
    /// closed intervals, does not hold; `None` when it holds every value. A stretch between two
    /// cover intervals that do not touch is returned with their ends, `(2, 3)` for `[0, 2]` and
    /// `[3, 5]`. An approximate set is checked at its ends only.
    pub fn first_outside(&self, cover: &[(Number, Number)]) -> Option<(Number, Number)> {
        let mut cover = cover.to_vec();
        cover.sort();
        let gap = |low: Number, high: Number| {
            let mut at = low;
            for (from, to) in &cover {
                if *to < at {
                    continue;
                }
                if *from > at {
                    return Some((at, (*from).min(high)));
                }
                if *to >= high {
                    return None;
                }
                at = *to;
            }
            Some((at, high))
        };
        if self.approximate {
            let (low, high) = self.bounds()?;
            return gap(low, low).or_else(|| gap(high, high));
        }
        self.intervals.iter().find_map(|(low, high)| gap(*low, *high))
    }
}
