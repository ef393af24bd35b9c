//! The printable quick checklist of a procedure or of a past run
//! (`pasos export`).
//!
//! A [`Doc`] is built from a [`Procedure`](crate::procedure::Procedure)
//! ([`from_procedure::build`]) or from a run read back from its journal
//! ([`from_run::build`]), with every word in the reader's language; the
//! renderers lay it out as plain text that fits 80 columns ([`txt`]),
//! Markdown ([`md`]) or one self-contained HTML page with a print
//! stylesheet ([`html`]). Nothing here knows a terminal.

pub mod abridge;
mod branch;
pub mod doc;
pub mod from_procedure;
pub mod from_run;
pub mod html;
pub mod md;
pub mod receipt;
mod tree;
pub mod txt;
pub mod words;

pub use doc::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Html,
}

pub fn render(doc: &Doc, format: Format) -> String {
    match format {
        Format::Txt => txt::render(doc),
        Format::Md => md::render(doc),
        Format::Html => html::render(doc),
    }
}
