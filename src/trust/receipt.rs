//! The receipt a report or a filled checklist carries: what verification
//! found (the four answers, who signed what) and the exact commands that
//! check it again without pasos, with stock OpenSSH.

use super::render;
use super::verify::Report;
use crate::i18n::Lang;
use crate::tr;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// `signed`, `unsigned` or `FAILED`.
    pub status: String,
    /// Integrity, authenticity, completeness, transcript.
    pub answers: Vec<String>,
    /// Who signed which seqs, and any bad checkpoint.
    pub details: Vec<String>,
    /// Shell commands, one per entry, to run as they are.
    pub commands: Vec<String>,
    /// What the commands need (the team's allowed_signers) and where the
    /// full check is documented.
    pub note: String,
    pub ok: bool,
}

/// Quotes a path for the shell when it needs it.
fn sh(p: &Path) -> String {
    let s = p.display().to_string();
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@".contains(&b))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

impl Receipt {
    pub fn of(report: &Report, journal: &Path, lang: Lang) -> Receipt {
        let lines = render::lines(report, lang);
        let mut commands = Vec::new();
        let run_id = crate::journal::store::run_id_of(journal);
        let last = report
            .checkpoints
            .iter()
            .rev()
            .find(|f| f.checkpoint.is_some());
        if let (Some(f), Some(c)) = (last, last.and_then(|f| f.checkpoint.as_ref())) {
            let dir = super::store::dir(journal);
            let sig = sh(&super::store::sig_path(&dir, f.seq));
            let msg = sh(&super::store::msg_path(&dir, f.seq));
            let who = f
                .principal
                .as_deref()
                .and_then(|p| p.split([' ', ',']).next())
                .unwrap_or("PRINCIPAL")
                .to_string();
            commands.push(format!(
                "ssh-keygen -Y find-principals -f allowed_signers -s {sig}"
            ));
            commands.push(format!(
                "ssh-keygen -Y verify -f allowed_signers -I {who} -n {} -s {sig} < {msg}",
                super::NAMESPACE
            ));
            commands.push(format!(
                "sed -n '{}p' {} | grep -c '\"hash\":\"{}\"}}$'",
                c.seq,
                sh(journal),
                c.head
            ));
            commands.push(format!(
                "J={} ALLOWED=allowed_signers  # then the block of docs/verify-without-pasos.md",
                sh(journal)
            ));
        }
        commands.push(format!(
            "pasos log verify {run_id} --allowed-signers allowed_signers"
        ));
        Receipt {
            status: render::status_word(report, lang),
            answers: lines.answers,
            details: lines.details,
            commands,
            note: if report.signed() {
                tr!(lang, "trust-receipt-note")
            } else {
                tr!(lang, "trust-receipt-note-unsigned")
            },
            ok: report.ok(),
        }
    }

    /// A Markdown section (for `pasos report`).
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!("\n## {}\n\n", tr!(lang, "trust-receipt-title"));
        out.push_str(&format!(
            "**{}**: {}\n\n",
            tr!(lang, "trust-receipt-status"),
            self.status
        ));
        for a in self.answers.iter().chain(&self.details) {
            out.push_str(&format!(
                "- {}\n",
                a.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        }
        out.push_str(&format!("\n{}\n\n```sh\n", self.note));
        for c in &self.commands {
            out.push_str(c);
            out.push('\n');
        }
        out.push_str("```\n");
        out
    }
}
