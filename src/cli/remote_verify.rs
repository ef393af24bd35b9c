//! `pasos log verify --remote`: every run in the team's bucket, object by
//! object, and this bastion's runs against it.

use super::args::Global;
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK};
use pasos::i18n::Lang;
use pasos::paths::Paths;
use pasos::remote::assemble::SegmentProblem;
use pasos::remote::probe;
use pasos::remote::verify::{self, Finding};
use pasos::remote::{Client, client};
use pasos::tr;

pub fn run(paths: &Paths, global: &Global) -> u8 {
    let lang = global.lang();
    let cfg = match super::remote::settings(paths, global) {
        Ok(Some(c)) => c,
        Ok(None) => {
            eprintln!("pasos: {}", tr!(lang, "remote-none-configured"));
            return EXIT_BAD_INPUT;
        }
        Err(code) => return code,
    };
    let c = match Client::new(&cfg) {
        Ok(c) => c,
        Err(e) => {
            eprintln!(
                "pasos: {}",
                tr!(
                    lang,
                    "remote-client-failed",
                    detail = e.message(lang).as_str()
                )
            );
            return EXIT_BAD_INPUT;
        }
    };
    let rt = match client::runtime() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_FAILED;
        }
    };
    let location = c.location.to_string();
    let report = match rt.block_on(verify::verify(&c, &paths.data)) {
        Ok(r) => r,
        Err(e) => {
            println!(
                "{}",
                tr!(
                    lang,
                    "remote-unreachable",
                    location = location.as_str(),
                    detail = e.detail.as_str()
                )
            );
            return EXIT_FAILED;
        }
    };
    for run in &report.runs {
        let mut findings = run
            .findings
            .iter()
            .filter(|f| !matches!(f, Finding::Behind { .. }));
        match findings.next() {
            None => println!(
                "{}",
                tr!(
                    lang,
                    "remote-verify-ok",
                    run = run.run_id.as_str(),
                    count = run.lines,
                    objects = run.objects
                )
            ),
            Some(first) => {
                println!(
                    "{}",
                    tr!(
                        lang,
                        "remote-verify-fail",
                        run = run.run_id.as_str(),
                        detail = finding(first, lang).as_str()
                    )
                );
                for f in findings {
                    println!("      {}", finding(f, lang));
                }
            }
        }
        for f in &run.findings {
            if matches!(f, Finding::Behind { .. }) {
                println!("      {}", finding(f, lang));
            }
        }
    }
    for id in &report.never_uploaded {
        println!(
            "{}",
            tr!(lang, "remote-verify-never-uploaded", run = id.as_str())
        );
    }
    // What the bucket enforces, so the report says what it is worth.
    let caps = probe::cached(&paths.data, &location)
        .map(Ok)
        .unwrap_or_else(|| rt.block_on(probe::probe(&c, cfg.retention_days)));
    if let Ok(caps) = caps {
        let _ = probe::remember(&paths.data, &caps);
        for line in caps.describe(lang, &c.location.bucket, cfg.retention_days) {
            println!("{line}");
        }
    }
    let failed = report.failed();
    println!(
        "{}",
        tr!(
            lang,
            "remote-verify-summary",
            count = report.runs.len(),
            failed = failed,
            never = report.never_uploaded.len(),
            location = location.as_str()
        )
    );
    if failed > 0 || !report.never_uploaded.is_empty() {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn finding(f: &Finding, lang: Lang) -> String {
    match f {
        Finding::Segment(SegmentProblem::Gap { from, to }) => {
            tr!(lang, "remote-finding-gap", from = *from, to = *to)
        }
        Finding::Segment(SegmentProblem::Changed { key }) => {
            tr!(lang, "remote-finding-changed", key = key.as_str())
        }
        Finding::Segment(SegmentProblem::Overlap { key }) => {
            tr!(lang, "remote-finding-overlap", key = key.as_str())
        }
        Finding::Chain { kind, line, detail } => {
            let at = line.map_or_else(|| "-".to_string(), |l| l.to_string());
            tr!(
                lang,
                "remote-finding-chain",
                kind = kind.as_str(),
                line = at,
                detail = detail.as_str()
            )
        }
        Finding::FileChanged { key } => tr!(lang, "remote-finding-changed", key = key.as_str()),
        Finding::LinesGone { uploaded, remote } => {
            tr!(
                lang,
                "remote-finding-lines-gone",
                uploaded = *uploaded,
                remote = *remote
            )
        }
        Finding::FileGone {
            name,
            uploaded,
            remote,
        } => tr!(
            lang,
            "remote-finding-file-gone",
            name = name.as_str(),
            uploaded = *uploaded,
            remote = *remote
        ),
        Finding::RunGone => tr!(lang, "remote-finding-run-gone"),
        Finding::Behind { local, remote } => {
            tr!(
                lang,
                "remote-finding-behind",
                local = *local,
                remote = *remote
            )
        }
    }
}
