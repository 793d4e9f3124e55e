//! The integration tests, in one crate so the library links once.

mod audit;
mod cli;
mod compare;
mod conclusion;
mod consolidate;
mod corpus;
mod document_control;
mod examples;
mod finder;
mod methods;
mod pdf_engine;
mod portfolio;
mod properties;
mod python;
mod report_pdf;
mod safe_outputs;
mod scoring;
mod sign_off;
mod support;
mod typesetting;
mod validation;
