//! The parts of the report view, one file each, in reading order.

mod actions;
mod charts;
mod compliance;
mod cover;
mod exceptions;
mod findings;
mod freshness;
mod methodology;
mod provenance;
mod summary;
