//! The integration tests, in one crate so the library links once.

mod cli;
mod corpus;
mod examples;
mod pdf_engine;
mod properties;
mod report_pdf;
mod safe_outputs;
mod scoring;
mod support;
mod validation;
