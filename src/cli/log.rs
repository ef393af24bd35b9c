//! `pasos log list|show|verify`: browse and check the journals of past runs.

use super::args::{Global, LogAction, LogArgs};
use super::{EXIT_BAD_INPUT, EXIT_OK};
use pasos::history::local_time::minute;
use pasos::history::record::build;
use pasos::history::{RunStatus, review::RunReview, timeline};
use pasos::i18n::Lang;
use pasos::journal::store;
use pasos::journal::verify::verify_file;
use pasos::paths::Paths;
use pasos::tr;
use std::path::Path;

pub fn run(args: &LogArgs, global: &Global) -> u8 {
    let lang = global.lang();
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
    if let LogAction::Verify { runs, .. } = action
        && global.remote.is_some()
    {
        if !runs.is_empty() {
            eprintln!("pasos: {}", tr!(lang, "remote-verify-no-runs"));
            return EXIT_BAD_INPUT;
        }
        return super::remote_verify::run(&paths, global);
    }
    if let Err(code) = super::remote::prepare_history(&paths, global) {
        return code;
    }
    let code = match action {
        LogAction::Browse {
            filter,
            ascii,
            keymap,
        } => browse(
            lang,
            &paths,
            global,
            filter,
            *ascii,
            keymap.as_deref(),
            terminal,
        ),
        LogAction::List {
            procedure,
            operator,
            outcome,
            since,
        } => list(lang, &paths.data, procedure, operator, outcome, since),
        LogAction::Show { run } => show(lang, &paths.data, run),
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
            lang,
        ),
    };
    if matches!(action, LogAction::List { .. }) {
        super::remote::print_not_uploaded(&paths, global);
    }
    code
}

fn browse(
    lang: Lang,
    paths: &Paths,
    global: &Global,
    filter: &[String],
    ascii: bool,
    keymap: Option<&Path>,
    terminal: bool,
) -> u8 {
    if !terminal {
        eprintln!("{}", tr!(lang, "history-log-browse-needs-terminal"));
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
    lang: Lang,
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
            eprintln!("{}", tr!(lang, "history-log-bad-since"));
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(o) = outcome
        && RunStatus::from_name(&o.to_lowercase()).is_none()
    {
        eprintln!(
            "{}",
            tr!(lang, "history-log-bad-outcome", outcome = o.as_str())
        );
        return EXIT_BAD_INPUT;
    }
    let listing = match pasos::history::listing::list(data) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", cannot_read(lang, data, &e));
            return EXIT_BAD_INPUT;
        }
    };
    let mut rows = Vec::new();
    for run in listing.runs {
        let s = run.record;
        let keep = procedure
            .as_ref()
            .is_none_or(|p| s.procedure_id.eq_ignore_ascii_case(p))
            && operator
                .as_ref()
                .is_none_or(|o| s.operator.to_lowercase().contains(&o.to_lowercase()))
            && outcome
                .as_ref()
                .is_none_or(|o| s.status.name() == o.to_lowercase())
            && since.is_none_or(|d| s.started().with_timezone(&chrono::Local).date_naive() >= d);
        if keep {
            rows.push((s, run.intact));
        }
    }
    for u in &listing.unreadable {
        println!(
            "{}",
            tr!(
                lang,
                "history-log-unreadable",
                run = u.run_id.as_str(),
                problem = u.problem.as_str()
            )
        );
    }
    if rows.is_empty() {
        println!(
            "{}",
            tr!(
                lang,
                "history-log-no-runs",
                dir = data.display().to_string()
            )
        );
        return EXIT_OK;
    }
    let head =
        |attr: &str| pasos::i18n::catalog::format_attr(lang, "history-log-columns", attr, None);
    println!(
        "{:<26} {:<18} {:<16} {:<12} {:>9} {:<22} {}",
        head("run"),
        head("procedure"),
        head("operator"),
        head("env"),
        head("duration"),
        head("outcome"),
        head("started")
    );
    for (s, intact) in rows {
        // The working time: what `pasos kpi`, the CSV, the report and the
        // browser show for the same run.
        let dur = pasos::procedure::estimate::format_ms(s.working_ms());
        // Rehearsals and test runs are listed, but never read as executions.
        let word = s.outcome_word(lang);
        let outcome = if intact { word } else { format!("{word}!") };
        println!(
            "{:<26} {:<18} {:<16} {:<12} {:>9} {:<22} {}",
            s.run_id,
            s.procedure_id,
            s.operator,
            s.environment.as_deref().unwrap_or("-"),
            dur,
            outcome,
            minute(s.started(), &chrono::Local)
        );
    }
    println!("{}", tr!(lang, "history-log-unverified-mark"));
    EXIT_OK
}

fn cannot_read(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    tr!(
        lang,
        "history-log-cannot-read",
        path = path.display().to_string(),
        error = e.to_string()
    )
}

fn show(lang: Lang, data: &Path, run: &str) -> u8 {
    let path = match store::history_find(data, run) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {}", pasos::i18n::find_error(lang, &e));
            return EXIT_BAD_INPUT;
        }
    };
    let v = match verify_file(&path) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{}", cannot_read(lang, &path, &e));
            return EXIT_BAD_INPUT;
        }
    };
    if let Ok(s) = build::from_lines(&v.lines) {
        println!(
            "{} — {} (v{})",
            s.procedure_id, s.procedure_title, s.version
        );
        println!(
            "{}",
            tr!(
                lang,
                "history-log-show-run",
                run = s.run_id.as_str(),
                operator = s.operator.as_str(),
                environment = s.environment.as_deref().unwrap_or("-"),
                status = s.status.word(lang),
                duration = pasos::procedure::estimate::format_ms(s.working_ms())
            )
        );
    }
    if !v.intact() {
        println!("{}", tr!(lang, "history-log-show-unverified", run = run));
    }
    println!();
    let review = RunReview::from_lines(&v.lines);
    for (time, offset, what) in timeline::rows(lang, &v.lines, review.as_ref()) {
        println!("{time}  {offset:>8}  {what}");
    }
    if let Some(t) = &v.torn_tail {
        println!(
            "{}",
            tr!(lang, "history-log-torn", line = t.line, count = t.bytes)
        );
    }
    EXIT_OK
}
/// A `.head` whose journal is gone.
pub(super) fn report_missing(lang: Lang, head: &Path) {
    let events: u64 = std::fs::read_to_string(head)
        .ok()
        .and_then(|t| t.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    println!(
        "{}",
        tr!(
            lang,
            "hardening-verify-missing",
            run = store::run_id_of(head),
            path = head.with_extension("jsonl").display().to_string(),
            count = events
        )
    );
}
