//! The integration tests, in one crate so the library links once.

mod audit;
mod cli;
mod compare;
mod consolidate;
mod corpus;
mod diagnostics_doc;
mod examples;
mod finder;
mod method_properties;
mod method_reports;
mod methodology_validation;
mod methods;
mod pdf_engine;
mod portfolio;
mod properties;
mod python;
mod report_pdf;
mod safe_outputs;
mod scoring;
mod support;
mod typesetting;
mod validation;
