//! `pasos log verify`: for every journal, integrity (the chain),
//! authenticity (who signed up to which seq), completeness (the signed
//! head is the last line) and the transcript, each answered apart.
//! Exit 0 when every journal holds, 1 when any does not, 2 on bad input.

use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK};
use pasos::i18n::Lang;
use pasos::journal::store;
use pasos::paths::Paths;
use pasos::tr;
use pasos::trust::allowed::AllowedSigners;
use pasos::trust::render;
use pasos::trust::verify::{Authenticity, Completeness, Report, TranscriptCheck};
use std::path::{Path, PathBuf};

pub struct Request<'a> {
    pub runs: &'a [String],
    pub allowed_signers: Option<&'a Path>,
    pub require_signed: bool,
}

/// The allowed signers: the flag, else the settings (env, trust.toml).
pub fn allowed_signers(
    paths: &Paths,
    flag: Option<&Path>,
) -> Result<Option<AllowedSigners>, String> {
    let path: Option<PathBuf> = match flag {
        Some(p) => Some(p.to_path_buf()),
        None => {
            pasos::trust::Settings::load(&paths.config)?
                .verify
                .allowed_signers
        }
    };
    path.map(|p| AllowedSigners::read(&p)).transpose()
}

pub fn run(paths: &Paths, req: &Request, lang: Lang) -> u8 {
    let allowed = match allowed_signers(paths, req.allowed_signers) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let data = &paths.data;
    // A head without its journal: the journal was deleted.
    let orphans: Vec<std::path::PathBuf> = store::orphan_heads(data)
        .unwrap_or_default()
        .into_iter()
        .filter(|h| {
            req.runs.is_empty()
                || req
                    .runs
                    .iter()
                    .any(|r| store::run_id_of(h).starts_with(r.as_str()))
        })
        .collect();
    if !req.runs.is_empty() && !orphans.is_empty() {
        for h in &orphans {
            super::log::report_missing(lang, h);
        }
        println!(
            "{}",
            tr!(
                lang,
                "history-verify-summary",
                bad = orphans.len(),
                count = orphans.len()
            )
        );
        return EXIT_FAILED;
    }
    let journals = if req.runs.is_empty() {
        match store::history_list(data) {
            Ok(p) => p,
            Err(e) => {
                eprintln!(
                    "{}",
                    tr!(
                        lang,
                        "history-log-cannot-read",
                        path = data.display().to_string(),
                        error = e.to_string()
                    )
                );
                return EXIT_BAD_INPUT;
            }
        }
    } else {
        let mut out = Vec::new();
        for r in req.runs {
            match store::history_find(data, r) {
                Ok(p) => out.push(p),
                Err(e) => {
                    eprintln!("pasos: {}", pasos::i18n::find_error(lang, &e));
                    return EXIT_BAD_INPUT;
                }
            }
        }
        out
    };
    if journals.is_empty() && orphans.is_empty() {
        println!(
            "{}",
            tr!(
                lang,
                "history-log-no-journals",
                dir = data.display().to_string()
            )
        );
        return EXIT_OK;
    }
    let detailed = !req.runs.is_empty();
    let mut bad = 0u64;
    for h in &orphans {
        bad += 1;
        super::log::report_missing(lang, h);
    }
    for path in &journals {
        let id = store::run_id_of(path);
        let report = match pasos::trust::verify::verify(path, allowed.as_ref()) {
            Ok(r) => r,
            Err(e) => {
                bad += 1;
                println!(
                    "{}",
                    tr!(
                        lang,
                        "history-verify-unreadable",
                        run = id.as_str(),
                        error = e.to_string()
                    )
                );
                continue;
            }
        };
        let unsigned_refused = req.require_signed && !report.signed();
        let ok = report.ok() && !unsigned_refused;
        if !ok {
            bad += 1;
        }
        let word = if ok {
            tr!(lang, "trust-verify-ok")
        } else {
            tr!(lang, "trust-verify-fail")
        };
        let lines = render::lines(&report, lang);
        println!("{word:<5} {id}  {}", headline(&report, &lines, ok, lang));
        if ok && !detailed {
            continue;
        }
        for a in &lines.answers {
            println!("      {a}");
        }
        for d in &lines.details {
            println!("        {d}");
        }
        if unsigned_refused {
            println!("      {}", tr!(lang, "trust-verify-unsigned-required"));
        }
        if report
            .integrity
            .problems
            .iter()
            .any(|p| p.kind == pasos::journal::ProblemKind::Io)
        {
            println!("      {}", path.display());
        }
    }
    if bad > 0 {
        println!(
            "{}",
            tr!(
                lang,
                "history-verify-summary",
                bad = bad,
                count = journals.len() + orphans.len()
            )
        );
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// The first line about a journal: its events and status when it holds,
/// else its first problem (integrity first, as before signatures).
fn headline(report: &Report, lines: &render::Lines, ok: bool, lang: Lang) -> String {
    if let Some(problem) = render::integrity_problem(report, lang) {
        return problem;
    }
    if ok {
        return tr!(
            lang,
            "trust-verify-headline",
            count = report.integrity.events as u64,
            status = render::status_word(report, lang)
        );
    }
    if report.ok() {
        return tr!(lang, "trust-verify-unsigned-required");
    }
    let holds = [
        !matches!(report.authenticity, Authenticity::Failed { .. }),
        matches!(
            report.completeness,
            Completeness::Complete { .. } | Completeness::Unknown
        ),
        matches!(
            report.transcript,
            TranscriptCheck::Intact { .. } | TranscriptCheck::NotCovered
        ),
    ];
    lines.answers[1..]
        .iter()
        .zip(holds)
        .find(|(_, fine)| !fine)
        .map(|(a, _)| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The receipt of one run for a report or a filled checklist, checked
/// against the configured allowed signers.
pub fn receipt(
    paths: &Paths,
    journal: &Path,
    lang: Lang,
) -> Result<pasos::trust::receipt::Receipt, String> {
    let allowed = allowed_signers(paths, None)?;
    let report = pasos::trust::verify::verify(journal, allowed.as_ref())
        .map_err(|e| format!("{}: {e}", journal.display()))?;
    Ok(pasos::trust::receipt::Receipt::of(&report, journal, lang))
}
