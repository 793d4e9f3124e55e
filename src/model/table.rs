//! Conversion tables (PEFA's M2): the number of scored children and the sum of their values
//! give the section's value.
//!
//! ```yaml
//! tables:
//!   pefa-m2:
//!     2: {2: 1, 3: 1.5, 4: 2}     # two children: a sum of 2 gives 1, of 3 gives 1.5, ...
//! ```

use super::number::Number;
use super::unique_map::DUPLICATE_KEY;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

/// A conversion table, rows in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<TableRow>,
}

/// The row for one number of children: sums and the values they give, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub count: u64,
    pub entries: Vec<(Number, Number)>,
}

impl Table {
    pub fn row(&self, count: u64) -> Option<&TableRow> {
        self.rows.iter().find(|r| r.count == count)
    }

    /// The value for `count` children whose values sum to `sum`.
    pub fn lookup(&self, count: u64, sum: Number) -> Option<Number> {
        self.row(count)?.value(sum)
    }
}

impl TableRow {
    pub fn value(&self, sum: Number) -> Option<Number> {
        self.entries.iter().find(|(s, _)| *s == sum).map(|(_, v)| *v)
    }
}

impl serde::Serialize for Table {
    /// As written: a mapping from the number of children to a mapping from sum to value.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.rows
                .iter()
                .map(|row| (row.count, Entries(row.entries.clone()))),
        )
    }
}

impl serde::Serialize for Entries {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(sum, value)| (sum.to_string(), value)))
    }
}

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RowsVisitor;

        impl<'de> Visitor<'de> for RowsVisitor {
            type Value = Table;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping from a number of children to a row of sums")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Table, A::Error> {
                let mut rows: Vec<TableRow> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let count = key.trim().parse::<u64>().map_err(|_| {
                        de::Error::invalid_value(de::Unexpected::Str(&key), &"a whole number of children")
                    })?;
                    if rows.iter().any(|r| r.count == count) {
                        return Err(repeated(&key));
                    }
                    let Entries(entries) = map.next_value()?;
                    rows.push(TableRow { count, entries });
                }
                Ok(Table { rows })
            }
        }

        deserializer.deserialize_map(RowsVisitor)
    }
}

/// A row: sums (written as keys) and their values.
struct Entries(Vec<(Number, Number)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;

        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping from a sum to a value")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries: Vec<(Number, Number)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let sum = Number::parse(&key).ok_or_else(|| {
                        de::Error::invalid_value(de::Unexpected::Str(&key), &"a sum, written as a number")
                    })?;
                    if entries.iter().any(|(s, _)| *s == sum) {
                        return Err(repeated(&key));
                    }
                    let value: Number = map.next_value()?;
                    entries.push((sum, value));
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor)
    }
}

fn repeated<E: de::Error>(key: &str) -> E {
    E::custom(format!(
        "{DUPLICATE_KEY} `{key}`: each key may appear once in a mapping"
    ))
}
