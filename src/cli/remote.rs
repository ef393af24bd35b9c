//! What the history commands share about the team's bucket: its settings,
//! which runs to read (`--local-only`, `--remote-only`), and bringing the
//! cached copy of the bucket's runs up to date before they read.

use super::EXIT_BAD_INPUT;
use super::args::Global;
use pasos::journal::store::{self, Scope};
use pasos::paths::Paths;
use pasos::remote::{Client, RemoteConfig, client, config, pull};
use pasos::tr;

pub fn set_scope(global: &Global) {
    store::set_scope(if global.local_only {
        Scope::LocalOnly
    } else if global.remote_only {
        Scope::RemoteOnly
    } else {
        Scope::Both
    });
}

/// The remote settings; `Err(exit code)` after saying what is wrong.
pub fn settings(paths: &Paths, global: &Global) -> Result<Option<RemoteConfig>, u8> {
    config::resolve(&paths.config, global.remote_url()).map_err(|e| {
        eprintln!("pasos: {}", e.message(global.lang()));
        EXIT_BAD_INPUT
    })
}

/// Before a history command reads: refresh the cached copy of the bucket's
/// runs if it is older than `refresh_seconds`. An unreachable bucket is
/// said on stderr and the command goes on with the copy it has.
pub fn prepare_history(paths: &Paths, global: &Global) -> Result<(), u8> {
    let lang = global.lang();
    let settings = settings(paths, global)?;
    let Some(cfg) = settings else {
        if global.remote_only {
            eprintln!("pasos: {}", tr!(lang, "remote-none-configured"));
            return Err(EXIT_BAD_INPUT);
        }
        return Ok(());
    };
    if global.local_only {
        return Ok(());
    }
    let location = cfg.location.to_string();
    let error = match pull::recent_attempt(&paths.data, &location, cfg.refresh_seconds) {
        Some(attempt) => attempt.error,
        None => refresh(&cfg, &paths.data, lang).err(),
    };
    if let Some(detail) = error {
        let said = match pull::load_manifest(&paths.data).refreshed_at {
            Some(t) => tr!(
                lang,
                "remote-refresh-failed",
                location = location.as_str(),
                detail = detail.as_str(),
                at = pasos::history::local_time::minute(t, &chrono::Local)
            ),
            None => tr!(
                lang,
                "remote-refresh-failed-no-copy",
                location = location.as_str(),
                detail = detail.as_str()
            ),
        };
        eprintln!("pasos: {said}");
    }
    Ok(())
}

fn refresh(
    cfg: &RemoteConfig,
    data: &std::path::Path,
    lang: pasos::i18n::Lang,
) -> Result<pull::Refreshed, String> {
    let rt = client::runtime().map_err(|e| e.to_string())?;
    let c = Client::new(cfg).map_err(|e| {
        let m = e.message(lang);
        let _ = pull::record_attempt(
            data,
            &cfg.location.to_string(),
            chrono::Utc::now(),
            Some(&m),
        );
        m
    })?;
    rt.block_on(pull::refresh(&c, data)).map_err(|e| e.detail)
}

/// After `pasos log list`: the runs not yet in the bucket, with why.
pub fn print_not_uploaded(paths: &Paths, global: &Global) {
    let lang = global.lang();
    let Ok(Some(cfg)) = config::resolve(&paths.config, global.remote_url()) else {
        return;
    };
    if global.remote_only {
        return;
    }
    let backlog = pasos::remote::upload::backlog(&paths.data).unwrap_or_default();
    if backlog.is_empty() {
        return;
    }
    let location = cfg.location.to_string();
    println!(
        "{}",
        tr!(
            lang,
            "remote-list-not-uploaded",
            count = backlog.len(),
            location = location.as_str()
        )
    );
    for j in backlog {
        let id = store::run_id_of(&j);
        let why = pasos::remote::sent::load(&paths.data, &id)
            .and_then(|s| s.error)
            .unwrap_or_else(|| tr!(lang, "remote-queue-not-tried"));
        println!(
            "  {}",
            tr!(
                lang,
                "remote-queued-run",
                run = id.as_str(),
                detail = why.as_str()
            )
        );
    }
}

/// How long the end of a run waits for its last segments before leaving
/// them queued for `pasos sync`.
const GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// The uploader of a run about to start, when a remote is configured.
pub fn start_uploader(
    paths: &Paths,
    global: &Global,
    resume: Option<&str>,
) -> Result<Option<pasos::remote::background::Uploader>, u8> {
    let Some(cfg) = settings(paths, global)? else {
        return Ok(None);
    };
    let also: Vec<_> = resume
        .and_then(|id| store::find(&paths.data, id).ok())
        .into_iter()
        .collect();
    match pasos::remote::background::Uploader::start(cfg, paths.data.clone(), also) {
        Ok(u) => Ok(Some(u)),
        Err(e) => {
            // The run goes on; `pasos sync` sends it later.
            eprintln!("pasos: {e}");
            Ok(None)
        }
    }
}

/// After the run: a line on what reached the bucket and what waits.
pub fn finish_uploader(u: pasos::remote::background::Uploader, lang: pasos::i18n::Lang) {
    match u.finish(GRACE) {
        Some(r) if r.queued == 0 && r.error.is_none() => {
            eprintln!("{}", tr!(lang, "remote-run-uploaded", objects = r.objects));
        }
        Some(r) => {
            let why = r.error.unwrap_or_else(|| "-".into());
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "remote-run-queued",
                    count = r.queued,
                    detail = why.as_str()
                )
            );
        }
        None => eprintln!("{}", tr!(lang, "remote-run-still-sending")),
    }
}
