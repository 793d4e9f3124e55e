//! Calendar dates written `YYYY-MM-DD`, with a clear error for dates that do not exist.

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::fmt;

/// A calendar date such as `2026-11-20`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// The message prefix that [`crate::source`] recognises as the `invalid-date` code.
pub const INVALID_DATE: &str = "invalid date";

impl Date {
    /// Exactly `YYYY-MM-DD`, and a day that exists (`2026-02-30` does not).
    pub fn parse(text: &str) -> Result<Date, String> {
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        shaped
            .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten()
            .map(Date)
            .ok_or_else(|| format!("{INVALID_DATE} `{text}`: expected a calendar date written YYYY-MM-DD"))
    }

    /// The number of days from `earlier` to this date; negative when `earlier` is later.
    pub fn days_since(self, earlier: Date) -> i64 {
        (self.0 - earlier.0).num_days()
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl Visitor<'_> for DateVisitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }

            /// Raising the error here, inside the parser's call, lets it add the line and column.
            fn visit_str<E: Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(DateVisitor)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}
