//! `pasos approve RUN [STEP]`: a second person approves a step of a run
//! (or the run itself, or any run of a procedure in a change window),
//! signing with their own SSH key; the running pasos picks the file up.

use super::args::Global;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use clap::Args;
use pasos::journal::{Event, Line, store};
use pasos::paths::Paths;
use pasos::tr;
use pasos::trust::approval::{self, Request};
use pasos::trust::team::{Team, fingerprint};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ApproveArgs {
    // The run (its id or a unique prefix).
    #[arg(value_name = "RUN_ID", required_unless_present = "procedure")]
    pub run: Option<String>,
    // The step; none: the procedure's own approval.
    #[arg(value_name = "STEP")]
    pub step: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub team: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub signing_key: Option<PathBuf>,
    // Ahead of time, for any run of this procedure within the window.
    #[arg(long, value_name = "ID", conflicts_with = "run", requires_all = ["from", "until"])]
    pub procedure: Option<String>,
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
}

fn fail(text: String) -> u8 {
    eprintln!("pasos: {text}");
    EXIT_BAD_INPUT
}

/// `2026-12-06T22:00:00Z`, or `2026-12-06 22:00` (UTC).
fn time(lang: pasos::i18n::Lang, s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Some(t) = pasos::journal::line::parse_ts(s) {
        return Ok(t);
    }
    for f in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Ok(n.and_utc());
        }
    }
    Err(tr!(lang, "team-approve-bad-time", value = s))
}

/// The first and last events of a journal.
fn ends(path: &std::path::Path) -> std::io::Result<(Option<Event>, Option<Event>)> {
    let text = std::fs::read_to_string(path)?;
    let parse = |l: &str| serde_json::from_str::<Line>(l).ok().map(|l| l.event);
    let first = text.lines().next().and_then(parse);
    let last = text.lines().rev().find_map(parse);
    Ok((first, last))
}

pub fn run(args: &ApproveArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    let team_path = Team::locate(args.team.as_deref(), &paths.config);
    let team = match Team::read(&team_path) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let settings = match pasos::trust::Settings::load(&paths.config) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let signer = match &args.signing_key {
        Some(k) => pasos::trust::Signer::from_file(k),
        None => pasos::trust::Signer::from_env_agent(settings.signing.agent_key.as_deref()),
    };
    let mut signer = match signer {
        Ok(s) => s,
        Err(e) => return fail(e.describe(lang)),
    };
    let key = signer.public_key().clone();
    let fp = fingerprint(&key);
    let roles = team.roles_of(&key);
    let shown_team = team_path.display().to_string();
    if roles.is_empty() {
        return fail(tr!(
            lang,
            "team-approve-no-role",
            key = fp.as_str(),
            team = shown_team
        ));
    }
    let role = match &args.role {
        Some(r) if roles.contains(r) => r.clone(),
        Some(r) => {
            return fail(tr!(
                lang,
                "team-approve-no-such-role",
                role = r.as_str(),
                team = shown_team,
                roles = roles.join(", ")
            ));
        }
        None if roles.len() == 1 => roles[0].clone(),
        None => {
            return fail(tr!(
                lang,
                "team-approve-which-role",
                roles = roles.join(", ")
            ));
        }
    };
    let approver = team.name_of(&key).unwrap_or_default().to_string();
    let (procedure, run, window, dir) = match (&args.run, &args.procedure) {
        (Some(run), _) => {
            let journal = match store::find(&paths.data, run) {
                Ok(p) => p,
                Err(e) => return fail(pasos::i18n::find_error(lang, &e)),
            };
            let run_id = store::run_id_of(&journal);
            store::wait_for_first_line(&journal, std::time::Duration::from_secs(3));
            let (first, last) = match ends(&journal) {
                Ok(e) => e,
                Err(e) => return fail(format!("{}: {e}", journal.display())),
            };
            if matches!(last, Some(Event::RunFinished { .. })) {
                return fail(tr!(
                    lang,
                    "team-approve-run-finished",
                    run = run_id.as_str()
                ));
            }
            let Some(Event::RunStarted { procedure_id, .. }) = first else {
                return fail(tr!(lang, "run-error-journal-not-started"));
            };
            (
                procedure_id,
                Some(run_id),
                None,
                approval::run_dir(&journal),
            )
        }
        (None, Some(p)) => {
            let (Some(from), Some(until)) = (&args.from, &args.until) else {
                return fail(tr!(lang, "team-approve-window-needs-procedure"));
            };
            let (from, until) = match (time(lang, from), time(lang, until)) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return fail(e),
            };
            if until <= from {
                return fail(tr!(lang, "team-approve-window-order"));
            }
            (
                p.clone(),
                None,
                Some((from, until)),
                approval::window_dir(&paths.data, p),
            )
        }
        (None, None) => return fail(tr!(lang, "team-approve-window-needs-procedure")),
    };
    let req = Request {
        procedure,
        run,
        step: args.step.clone(),
        role: role.clone(),
        approver: approver.clone(),
        window,
        time: chrono::Utc::now(),
        key: fp,
        note: args.note.clone(),
    };
    let signed = match approval::sign(&req, &mut signer) {
        Ok(s) => s,
        Err(e) => return fail(e.describe(lang)),
    };
    let path = match approval::deposit(&dir, &signed) {
        Ok(p) => p,
        Err(e) => return fail(pasos::runner::storage::describe(lang, &dir, &e)),
    };
    let what = args
        .step
        .clone()
        .unwrap_or_else(|| tr!(lang, "team-report-whole-run"));
    println!(
        "{}",
        tr!(
            lang,
            "team-approve-done",
            what = what,
            role = role,
            approver = approver,
            path = path.display().to_string()
        )
    );
    EXIT_OK
}
