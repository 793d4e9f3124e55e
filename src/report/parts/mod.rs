//! The parts of the report view, one file each, in reading order: document control (every
//! page), cover, summary, charts, findings, compliance, exceptions, freshness, actions, quality,
//! sign-off, methodology, provenance.

mod charts;
mod compliance;
mod cover;
mod document;
mod exceptions;
mod findings;
mod freshness;
mod methodology;
mod plan;
mod provenance;
mod quality;
mod sign_off;
mod summary;
