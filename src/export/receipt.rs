//! The receipt section of a filled checklist (`export --run`): the
//! signature's status, the four answers of verification, who signed what,
//! and the commands that check it without pasos.

use super::doc::{Block, Section};
use crate::i18n::Lang;
use crate::tr;
use crate::trust::receipt::Receipt;

pub fn section(r: &Receipt, lang: Lang) -> Section {
    let squeeze = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    Section {
        title: Some(tr!(lang, "trust-receipt-title")),
        aside: None,
        blocks: vec![
            Block::Fields(vec![(tr!(lang, "trust-receipt-status"), r.status.clone())]),
            Block::Bullets(r.answers.iter().chain(&r.details).map(squeeze).collect()),
            Block::Text(r.note.clone()),
            Block::Code(r.commands.clone()),
        ],
    }
}
