//! The integration tests, in one crate so the library links once.

mod audit;
mod cli;
mod compare;
mod consolidate;
mod examples;
mod pdf_engine;
mod portfolio;
mod report_pdf;
mod scoring;
mod support;
mod validation;
