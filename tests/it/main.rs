//! The integration tests, in one crate so the library links once.

mod audit;
mod cli;
mod compare;
mod consolidate;
mod corpus;
mod examples;
mod methods;
mod pdf_engine;
mod portfolio;
mod properties;
mod report_pdf;
mod safe_outputs;
mod scoring;
mod support;
mod validation;
