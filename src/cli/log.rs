//! `pasos log list|show|verify`: browse and check the journals of past runs.

use super::args::{Global, LogAction, LogArgs};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use pasos::history::local_time::minute;
use pasos::history::{RunSummary, timeline::timeline};
use pasos::journal::store;
use pasos::journal::verify::verify_file;
use pasos::paths::Paths;
use std::path::Path;

pub fn run(args: &LogArgs, global: &Global) -> u8 {
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let browse_by_default = LogAction::Browse {
        filter: Vec::new(),
        ascii: false,
        keymap: None,
    };
    let list_by_default = LogAction::List {
        procedure: None,
        operator: None,
        outcome: None,
        since: None,
    };
    let action = match &args.action {
        Some(a) => a,
        None if terminal => &browse_by_default,
        None => &list_by_default,
    };
    match action {
        LogAction::Browse {
            filter,
            ascii,
            keymap,
        } => browse(&paths, global, filter, *ascii, keymap.as_deref(), terminal),
        LogAction::List {
            procedure,
            operator,
            outcome,
            since,
        } => list(&paths.data, procedure, operator, outcome, since),
        LogAction::Show { run } => show(&paths.data, run),
        LogAction::Verify {
            runs,
            allowed_signers,
            require_signed,
        } => super::verify::run(
            &paths,
            &super::verify::Request {
                runs,
                allowed_signers: allowed_signers.as_deref(),
                require_signed: *require_signed,
            },
            global.lang(),
        ),
    }
}

fn browse(
    paths: &Paths,
    global: &Global,
    filter: &[String],
    ascii: bool,
    keymap: Option<&Path>,
    terminal: bool,
) -> u8 {
    if !terminal {
        eprintln!(
            "pasos log browse: needs a terminal; use `pasos log list` or `pasos log show RUN`"
        );
        return EXIT_BAD_INPUT;
    }
    super::browse::open(
        paths,
        global,
        keymap,
        ascii,
        filter.join(" "),
        pasos::tui::review::Start::Runs,
    )
}

fn list(
    data: &Path,
    procedure: &Option<String>,
    operator: &Option<String>,
    outcome: &Option<String>,
    since: &Option<String>,
) -> u8 {
    let since = match since
        .as_deref()
        .map(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d"))
    {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => {
            eprintln!("pasos: --since takes a date like 2026-11-01");
            return EXIT_BAD_INPUT;
        }
    };
    let listing = match pasos::history::listing::list(data) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pasos: cannot read {}: {e}", data.display());
            return EXIT_BAD_INPUT;
        }
    };
    let mut rows = Vec::new();
    for run in listing.runs {
        let s = run.summary;
        let keep = procedure
            .as_ref()
            .is_none_or(|p| s.procedure_id.eq_ignore_ascii_case(p))
            && operator
                .as_ref()
                .is_none_or(|o| s.operator.to_lowercase().contains(&o.to_lowercase()))
            && outcome
                .as_ref()
                .is_none_or(|o| s.outcome_word() == o.to_lowercase())
            && since.is_none_or(|d| s.started.with_timezone(&chrono::Local).date_naive() >= d);
        if keep {
            rows.push((s, run.intact));
        }
    }
    for u in &listing.unreadable {
        println!("unreadable  {}  {}", u.run_id, u.problem);
    }
    if rows.is_empty() {
        println!("no runs in {}", data.display());
        return EXIT_OK;
    }
    println!(
        "{:<26} {:<18} {:<16} {:<12} {:>9} {:<12} STARTED",
        "RUN", "PROCEDURE", "OPERATOR", "ENV", "DURATION", "OUTCOME"
    );
    for (s, intact) in rows {
        let dur = pasos::procedure::estimate::format_ms(s.duration_ms);
        let outcome = if intact {
            s.outcome_word().to_string()
        } else {
            format!("{}!", s.outcome_word())
        };
        println!(
            "{:<26} {:<18} {:<16} {:<12} {:>9} {:<12} {}",
            s.run_id,
            s.procedure_id,
            s.operator,
            s.environment.as_deref().unwrap_or("-"),
            dur,
            outcome,
            minute(s.started, &chrono::Local)
        );
    }
    println!("(`!` = the journal does not verify: see `pasos log verify`)");
    EXIT_OK
}

fn show(data: &Path, run: &str) -> u8 {
    let path = match store::find(data, run) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let v = match verify_file(&path) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("pasos: cannot read {}: {e}", path.display());
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(s) = RunSummary::from_lines(&v.lines) {
        println!(
            "{} — {} (v{})",
            s.procedure_id, s.procedure_title, s.version
        );
        println!(
            "run {} · {} · {} · {}",
            s.run_id,
            s.operator,
            s.environment.as_deref().unwrap_or("-"),
            s.outcome_word()
        );
    }
    if !v.intact() {
        println!("WARNING: this journal does not verify; `pasos log verify {run}` says why");
    }
    println!();
    for (time, offset, what) in timeline(&v.lines) {
        println!("{time}  {offset:>8}  {what}");
    }
    if let Some(t) = &v.torn_tail {
        println!(
            "(line {}: a torn last line of {} bytes — an interrupted write; resuming sets it aside)",
            t.line, t.bytes
        );
    }
    EXIT_OK
}
