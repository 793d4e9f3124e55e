//! The integration tests, in one crate so the library links once.

mod cli;
mod examples;
mod pdf_engine;
mod portfolio;
mod report_pdf;
mod scoring;
mod support;
mod validation;
