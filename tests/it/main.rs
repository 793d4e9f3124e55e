//! The integration tests, in one crate so the library links once.

mod audit;
mod build_info;
mod cli;
mod compare;
mod consolidate;
mod corpus;
mod examples;
mod finder;
mod methods;
mod msrv;
mod notices;
mod pdf_engine;
mod portfolio;
mod properties;
mod python;
mod report_pdf;
mod safe_outputs;
mod scoring;
mod shell;
mod support;
mod typesetting;
mod validate_json;
mod validation;
