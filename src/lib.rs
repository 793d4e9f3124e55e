//! `oversight`: oversight self-assessments of the security sector.
//!
//! Ministries, police and intelligence services rate themselves against a checklist of
//! democratic security sector governance criteria; auditors verify and publish the result.
//! The library is a pipeline, one module per stage:
//!
//! 1. **load** ([`source`], [`catalog`], [`load`]): read files under [`source::Limits`], parse YAML
//!    into the [`model`] document types, find a checklist by id or path;
//! 2. **validate** ([`validate`]): check every rule and collect every [`diagnostic::Diagnostic`],
//!    returning a trusted [`model::Checklist`] and [`model::Assessment`];
//! 3. **score** ([`score`]): pure arithmetic to a [`score::Scorecard`] with a calculation trace,
//!    on the self-assessed or the auditor-verified levels, with accepted exceptions, the
//!    [`compliance`] verdicts, the evidence [`freshness`] flags and the improvement [`plan`]
//!    (targets, gaps in priority order, actions);
//! 4. **report view** ([`report`]): one typed, display-ready view in the chosen language,
//!    the only thing renderers see;
//! 5. **render** ([`render`]): HTML (minijinja templates), PDF (printpdf), Word (the PDF's
//!    document of blocks on a `.docx` template), JSON and text;
//!    [`output`] writes the bytes atomically.
//!
//! Beside the pipeline, [`assessments`] reads several answers files together, [`compare`]
//! compares two rounds and [`consolidate`] merges several assessors' answers into a draft.
//! [`portfolio`] runs stages 1-3 over many answers files in parallel and aggregates the
//! scorecards; its view and renderers sit beside the report's.
//!
//! Nothing in the library prints; the `oversight` binary does.

pub mod assessments;
pub mod build_info;
pub mod catalog;
pub mod collation;
pub mod colour;
pub mod compare;
pub mod compliance;
pub mod consolidate;
pub mod convert;
pub mod diagnostic;
pub mod error;
pub mod form;
pub mod freshness;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod plan;
pub mod portfolio;
pub mod render;
pub mod report;
pub mod schema;
pub mod score;
pub mod skeleton;
pub mod source;
pub mod validate;
pub mod workbook;
pub mod write;

pub use error::{Error, Result};

/// The version of this tool, recorded in every report with the rest of [`build_info::BUILD`].
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
