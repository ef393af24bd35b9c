//! The verification in words: one line per answer (integrity,
//! authenticity, completeness, transcript), then one line per signer span
//! and per bad checkpoint. Used by `pasos log verify`, the report and the
//! filled checklist.

use super::verify::{Authenticity, Completeness, Flaw, Report, TranscriptCheck};
use crate::i18n::Lang;
use crate::tr;

/// The four answers, each a line, then the details (indented by the caller).
pub struct Lines {
    pub answers: Vec<String>,
    pub details: Vec<String>,
}

/// The chain's first problem as `log verify` has always put it:
/// `line 32: edited: …(+2 more)`, in the reader's language.
pub fn integrity_problem(r: &Report, lang: Lang) -> Option<String> {
    let v = &r.integrity;
    let p = v.first_problem()?;
    let at = p
        .line
        .map(|l| tr!(lang, "history-verify-at-line", line = l))
        .unwrap_or_default();
    let more = if v.problems.len() > 1 {
        tr!(lang, "history-verify-more", count = v.problems.len() - 1)
    } else {
        String::new()
    };
    let kind = tr!(lang, "history-verify-kind", kind = p.kind.to_string());
    Some(format!("{at}{kind}: {}{more}", p.detail))
}

pub fn integrity(r: &Report, lang: Lang) -> String {
    let v = &r.integrity;
    if let Some(problem) = integrity_problem(r, lang) {
        return tr!(lang, "trust-integrity-failed", problem = problem);
    }
    let mut s = tr!(lang, "trust-integrity-ok", count = v.events as u64);
    if let Some(t) = &v.torn_tail {
        s.push_str(&tr!(
            lang,
            "history-verify-torn",
            line = t.line,
            count = t.bytes
        ));
    }
    s
}

pub fn authenticity(r: &Report, lang: Lang) -> String {
    match &r.authenticity {
        Authenticity::Unsigned => tr!(lang, "trust-authenticity-unsigned"),
        Authenticity::Authentic => tr!(
            lang,
            "trust-authenticity-ok",
            seq = r.covered,
            count = r.checkpoints.len() as u64
        ),
        Authenticity::SignersNotChecked => tr!(lang, "trust-authenticity-unchecked"),
        Authenticity::Failed {
            first_uncovered: Some(seq),
        } => tr!(lang, "trust-authenticity-uncovered", seq = *seq),
        Authenticity::Failed {
            first_uncovered: None,
        } => tr!(lang, "trust-authenticity-failed"),
    }
}

pub fn completeness(r: &Report, lang: Lang) -> String {
    match &r.completeness {
        Completeness::Unknown => tr!(lang, "trust-completeness-unknown"),
        Completeness::Complete { closed } => {
            let how = match closed {
                Some(super::Reason::End) => "end",
                Some(_) => "interrupted",
                None => "open",
            };
            tr!(lang, "trust-completeness-ok", seq = r.last_seq, how = how)
        }
        Completeness::UnsignedTail { from, to } => {
            tr!(lang, "trust-completeness-tail", from = *from, to = *to)
        }
        Completeness::Truncated { signed, last } => {
            tr!(
                lang,
                "trust-completeness-truncated",
                signed = *signed,
                last = *last
            )
        }
    }
}

pub fn transcript(r: &Report, lang: Lang) -> String {
    match &r.transcript {
        TranscriptCheck::NotCovered => tr!(lang, "trust-transcript-none"),
        TranscriptCheck::Intact {
            bytes,
            chunks,
            uncovered,
        } => tr!(
            lang,
            "trust-transcript-ok",
            bytes = *bytes,
            count = *chunks as u64,
            uncovered = *uncovered
        ),
        TranscriptCheck::Missing { signed_bytes } => {
            tr!(lang, "trust-transcript-missing", bytes = *signed_bytes)
        }
        TranscriptCheck::Shorter { len, signed_bytes } => tr!(
            lang,
            "trust-transcript-shorter",
            len = *len,
            bytes = *signed_bytes
        ),
        TranscriptCheck::Edited {
            chunk,
            start,
            end,
            seq,
            lines,
            later,
        } => tr!(
            lang,
            "trust-transcript-edited",
            chunk = *chunk as u64,
            start = *start,
            end = *end,
            first = lines.0 as u64,
            last = lines.1 as u64,
            seq = *seq,
            count = *later as u64
        ),
    }
}

/// One line per bad checkpoint.
pub fn flaws(r: &Report, lang: Lang) -> Vec<String> {
    r.checkpoints
        .iter()
        .filter_map(|f| {
            let flaw = f.flaw.as_ref()?;
            let seq = f.seq;
            let key = f.fingerprint.clone().unwrap_or_default();
            Some(match flaw {
                Flaw::Unreadable(why) => {
                    tr!(lang, "trust-flaw-unreadable", seq = seq, why = why.clone())
                }
                Flaw::BadSignature(why) => {
                    tr!(
                        lang,
                        "trust-flaw-bad-signature",
                        seq = seq,
                        why = why.clone()
                    )
                }
                Flaw::UnknownSigner => tr!(lang, "trust-flaw-unknown-signer", seq = seq, key = key),
                Flaw::Malformed(why) => {
                    tr!(lang, "trust-flaw-malformed", seq = seq, why = why.clone())
                }
                Flaw::BeyondEnd => tr!(lang, "trust-flaw-beyond-end", seq = seq, last = r.last_seq),
                Flaw::HeadMismatch { .. } => tr!(lang, "trust-flaw-head", seq = seq),
                Flaw::ChainBroken => tr!(lang, "trust-flaw-chain", seq = seq),
            })
        })
        .collect()
}

/// Who signed what: one line per span of one signer.
pub fn signers(r: &Report, lang: Lang) -> Vec<String> {
    r.signers
        .iter()
        .map(|s| {
            let who = if s.principal.is_empty() {
                tr!(lang, "trust-signer-unchecked")
            } else {
                s.principal.clone()
            };
            tr!(
                lang,
                "trust-signed-span",
                principal = who,
                key = s.fingerprint.clone(),
                from = s.from,
                to = s.to,
                count = s.checkpoints as u64
            )
        })
        .collect()
}

pub fn lines(r: &Report, lang: Lang) -> Lines {
    let mut details = signers(r, lang);
    details.extend(flaws(r, lang));
    Lines {
        answers: vec![
            integrity(r, lang),
            authenticity(r, lang),
            completeness(r, lang),
            transcript(r, lang),
        ],
        details,
    }
}

/// `signed` / `unsigned` / `FAILED`, for a one-word column.
pub fn status_word(r: &Report, lang: Lang) -> String {
    if !r.ok() {
        tr!(lang, "trust-status-failed")
    } else if !r.signed() {
        tr!(lang, "trust-status-unsigned")
    } else {
        tr!(lang, "trust-status-signed")
    }
}
