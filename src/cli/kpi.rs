//! `pasos kpi`: key figures over the journals of the data directory, as a
//! table, Markdown, JSON or CSV; `--suggest` gives new step estimates as a
//! diff of the procedure file.

use super::args::{Global, KpiArgs, KpiFormat, KpiRows};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use pasos::history::kpi::patch::{PatchError, estimate_patch};
use pasos::history::kpi::render::{csv, json, markdown, table};
use pasos::history::kpi::suggest::MIN_SAMPLES;
use pasos::history::kpi::{Filter, Kpis, ProcedureKpi, compute, filter};
use pasos::history::scan::{Scan, ScanOptions, scan};

use pasos::paths::Paths;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn run(args: &KpiArgs, global: &Global) -> u8 {
    let t = global.lang();
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let filter = match filter_of(args, t) {
        Ok(f) => f,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    if let Err(code) = super::remote::prepare_history(&paths, global) {
        return code;
    }
    let options = ScanOptions {
        use_index: !args.no_index,
    };
    let scanned = match scan(&paths.data, &options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}",
                pasos::tr!(
                    t,
                    "kpi-cannot-read",
                    path = paths.data.display().to_string(),
                    error = e.to_string()
                )
            );
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(e) = &scanned.index.write_error {
        eprintln!(
            "{}",
            pasos::tr!(t, "kpi-index-not-written", error = e.to_string())
        );
    }
    let mut kpis = compute(&scanned, &filter);
    kpis.catalog = super::catalog::catalog_kpi(&paths, &scanned);
    let catalog_lines = kpis
        .catalog
        .as_ref()
        .map(|k| super::catalog::kpi_text(k, t, args.format == Some(KpiFormat::Md)))
        .unwrap_or_default();
    if args.suggest {
        return suggest(args, &kpis, t);
    }
    let data = paths.data.display().to_string();
    let nothing = if scanned.runs.is_empty() {
        Some(pasos::tr!(t, "kpi-no-runs", dir = data.to_string()))
    } else if kpis.procedures.is_empty() {
        Some(pasos::tr!(
            t,
            "kpi-no-match",
            count = scanned.runs.len(),
            dir = data.to_string()
        ))
    } else {
        None
    };
    match args.format {
        Some(KpiFormat::Json) | Some(KpiFormat::Csv) => {
            // Machine formats stay parseable: the message goes to stderr.
            if let Some(n) = &nothing {
                eprintln!("{n}");
            }
            if args.format == Some(KpiFormat::Json) {
                print!("{}", json::render(&kpis));
            } else {
                print!("{}", csv::render(&kpis, rows(args.rows)));
                for line in table::unverified(&kpis.unverified, t)
                    .iter()
                    .filter(|_| !kpis.unverified.is_empty())
                {
                    eprintln!("{line}");
                }
            }
        }
        Some(KpiFormat::Md) | Some(KpiFormat::Table) | None if nothing.is_some() => {
            println!("{}", nothing.unwrap_or_default());
            print!("{catalog_lines}");
            if !kpis.unverified.is_empty() {
                println!();
                for line in table::unverified(&kpis.unverified, t) {
                    println!("{line}");
                }
            }
        }
        Some(KpiFormat::Md) => print!("{}{catalog_lines}", markdown::render(&kpis, t)),
        Some(KpiFormat::Table) => print!("{}{catalog_lines}", table::render(&kpis, t)),
        None if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            return interactive(kpis, scanned, &paths, global);
        }
        None => print!("{}{catalog_lines}", table::render(&kpis, t)),
    }
    // The process ends now: freeing thousands of records one by one would
    // only add milliseconds to every `pasos kpi` over a large history.
    std::mem::forget(kpis);
    std::mem::forget(scanned);
    EXIT_OK
}

/// `pasos kpi` on a terminal without `--format`: the KPI screen of the
/// review browser (Esc goes on to the list of runs).
fn interactive(kpis: Kpis, scanned: Scan, paths: &Paths, global: &Global) -> u8 {
    super::browse::open(
        paths,
        global,
        None,
        false,
        String::new(),
        pasos::tui::review::Start::Kpis(Box::new(kpis), Box::new(scanned)),
    )
}

fn rows(r: KpiRows) -> csv::Rows {
    match r {
        KpiRows::Procedures => csv::Rows::Procedures,
        KpiRows::Steps => csv::Rows::Steps,
        KpiRows::Runs => csv::Rows::Runs,
    }
}

/// The filter of the options, or the message for a date that does not read.
fn filter_of(args: &KpiArgs, t: pasos::i18n::Lang) -> Result<Filter, String> {
    let bad = |option: &str, text: &str| {
        pasos::tr!(
            t,
            "kpi-bad-date",
            option = option.to_string(),
            value = text.to_string()
        )
    };
    let since = match &args.since {
        Some(s) => Some(filter::local_day_start(s).map_err(|e| bad("since", &e.0))?),
        None => None,
    };
    let until = match &args.until {
        Some(s) => Some(filter::day_after(s).map_err(|e| bad("until", &e.0))?),
        None => None,
    };
    if let (Some(a), Some(b)) = (since, until)
        && a >= b
    {
        return Err(pasos::tr!(t, "kpi-bad-range").to_string());
    }
    Ok(Filter {
        procedure: args.procedure.clone(),
        since,
        until,
        operator: args.operator.clone(),
        environment: args.env.clone(),
    })
}

/// `--suggest`: the diff that sets the proposed estimates.
fn suggest(args: &KpiArgs, kpis: &Kpis, t: pasos::i18n::Lang) -> u8 {
    let p: &ProcedureKpi = match (&args.procedure, kpis.procedures.as_slice()) {
        (_, [one]) => one,
        (Some(id), _) => {
            eprintln!(
                "{}",
                pasos::tr!(t, "kpi-suggest-no-runs", procedure = id.to_string())
            );
            return EXIT_BAD_INPUT;
        }
        (None, many) => {
            let ids: Vec<&str> = many.iter().map(|p| p.procedure_id.as_str()).collect();
            eprintln!(
                "{}",
                pasos::tr!(
                    t,
                    "kpi-suggest-which",
                    procedures = ids.join(", ").to_string()
                )
            );
            return EXIT_BAD_INPUT;
        }
    };
    let file = match &args.procedure_file {
        Some(f) => f.clone(),
        None => {
            let f = PathBuf::from(&p.source);
            if !f.is_file() {
                eprintln!(
                    "{}",
                    pasos::tr!(
                        t,
                        "kpi-suggest-no-file",
                        procedure = p.procedure_id.to_string(),
                        source = format!("`{}`", p.source).to_string()
                    )
                );
                return EXIT_BAD_INPUT;
            }
            f
        }
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}",
                pasos::tr!(
                    t,
                    "kpi-suggest-unreadable",
                    path = file.display().to_string(),
                    error = e.to_string()
                )
            );
            return EXIT_BAD_INPUT;
        }
    };
    let shown = shown_path(&file);
    let changes: Vec<(String, String)> = p
        .steps
        .iter()
        .filter_map(|s| {
            s.suggestion
                .as_ref()
                .filter(|g| g.proposed)
                .map(|g| (s.id.clone(), g.estimate.clone()))
        })
        .collect();
    let patch = match estimate_patch(&text, &shown, &p.procedure_id, &changes) {
        Ok(p) => p,
        Err(PatchError::NotToml) => {
            eprintln!(
                "{}",
                pasos::tr!(t, "kpi-suggest-not-toml", path = shown.to_string())
            );
            return EXIT_BAD_INPUT;
        }
        Err(PatchError::OtherProcedure(id)) => {
            eprintln!(
                "{}",
                pasos::tr!(
                    t,
                    "kpi-suggest-other-id",
                    path = shown.to_string(),
                    found = id.to_string(),
                    wanted = p.procedure_id.to_string()
                )
            );
            return EXIT_BAD_INPUT;
        }
    };
    for (step, suggestion) in &patch.without_line {
        eprintln!(
            "{}",
            pasos::tr!(
                t,
                "kpi-suggest-no-line",
                step = step.to_string(),
                estimate = suggestion.to_string()
            )
        );
    }
    if patch.diff.is_empty() {
        if patch.without_line.is_empty() {
            eprintln!(
                "{}",
                pasos::tr!(
                    t,
                    "kpi-suggest-nothing",
                    path = p.procedure_id.to_string(),
                    count = MIN_SAMPLES
                )
            );
        }
        return EXIT_OK;
    }
    print!("{}", patch.diff);
    eprintln!("{}", pasos::tr!(t, "shell-step-time-note"));
    eprintln!(
        "{}",
        pasos::tr!(t, "kpi-suggest-apply", path = shown.to_string())
    );
    EXIT_OK
}

/// The file as the diff names it: relative to the current directory when
/// it is under it (so `patch -p0` finds it), else as given.
fn shown_path(file: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let abs = if file.is_absolute() {
                file.to_path_buf()
            } else {
                cwd.join(file)
            };
            abs.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| file.to_path_buf());
    relative.display().to_string()
}
