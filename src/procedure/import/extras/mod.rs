//! The sections around the steps, one reader a file: purpose and
//! metadata, prerequisites, triggers and severity levels, the full
//! rollback, troubleshooting and useful commands, the quick checklist and
//! decision tree (annexes), contacts, references and notes. Each reader is
//! a method of the [`Builder`] that walks the document; the table helpers
//! they share are here.

mod annexes;
mod contacts;
mod prerequisites;
mod purpose;
mod rollback;
mod triggers;
mod troubleshooting;

use super::builder::Builder;
use super::classify::norm;
use super::inline::{Inline, plain};
use super::msg::Msg;
use super::sections::Section;

fn cells(row: &[Vec<Inline>]) -> Vec<String> {
    row.iter().map(|c| plain(c).replace('\n', " ")).collect()
}

fn col(head: &[String], keys: &[&str]) -> Option<usize> {
    head.iter().position(|h| {
        let n = norm(h);
        keys.iter().any(|k| n.contains(k))
    })
}

fn strip_bold(s: &str) -> String {
    s.trim().trim_matches('*').trim().to_string()
}

impl Builder<'_, '_> {
    fn heading_to(&mut self, s: &Section<'_>, target: Msg) {
        if let Some(h) = s.heading {
            self.report.mapped(
                h.lines,
                target,
                crate::msg!("import-detail-heading-quoted", title = s.title.clone()),
            );
        }
    }
}
