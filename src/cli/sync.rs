//! `pasos sync`: sends the runs not yet in the team's bucket and reads the
//! bucket's runs into the local history; `--status` shows the queue, the
//! cache and what the bucket enforces, probed now.

use super::args::{Global, SyncArgs};
use super::{EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK};
use pasos::i18n::Lang;
use pasos::journal::store;
use pasos::paths::Paths;
use pasos::remote::probe::{self, Capabilities};
use pasos::remote::{Client, RemoteConfig, client, pull, sent, upload};
use pasos::tr;
use std::path::Path;

pub fn run(args: &SyncArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let cfg = match super::remote::settings(&paths, global) {
        Ok(Some(c)) => c,
        Ok(None) => {
            eprintln!("pasos: {}", tr!(lang, "remote-none-configured"));
            return EXIT_BAD_INPUT;
        }
        Err(code) => return code,
    };
    let rt = match client::runtime() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_FAILED;
        }
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
    if args.status {
        status(&rt, &c, &cfg, &paths.data, lang)
    } else {
        sync(&rt, c, &cfg, &paths.data, lang)
    }
}

/// The capabilities, from the last day's probe or probed now.
fn capabilities(
    rt: &tokio::runtime::Runtime,
    c: &Client,
    cfg: &RemoteConfig,
    data: &Path,
    fresh: bool,
) -> Result<Capabilities, String> {
    if !fresh && let Some(caps) = probe::cached(data, &c.location.to_string()) {
        return Ok(caps);
    }
    let caps = rt
        .block_on(probe::probe(c, cfg.retention_days))
        .map_err(|e| e.detail)?;
    let _ = probe::remember(data, &caps);
    Ok(caps)
}

fn sync(
    rt: &tokio::runtime::Runtime,
    c: Client,
    cfg: &RemoteConfig,
    data: &Path,
    lang: Lang,
) -> u8 {
    let location = c.location.to_string();
    let caps = match capabilities(rt, &c, cfg, data, false) {
        Ok(caps) => caps,
        Err(detail) => {
            println!(
                "{}",
                tr!(
                    lang,
                    "remote-unreachable",
                    location = location.as_str(),
                    detail = detail.as_str()
                )
            );
            print_queue(data, lang);
            return EXIT_FAILED;
        }
    };
    let c = match caps.lock(cfg.retention_days) {
        Some(lock) => match rt.block_on(c.clone().with_lock(&lock)) {
            Ok(locked) => locked,
            Err(_) => c,
        },
        None => c,
    };
    let backlog = match upload::backlog(data) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("pasos: {}: {e}", data.display());
            return EXIT_BAD_INPUT;
        }
    };
    let sweep = rt.block_on(upload::push_all(&c, data, &backlog, caps.look_first()));
    println!(
        "{}",
        tr!(
            lang,
            "remote-sync-pushed",
            count = sweep.runs,
            objects = sweep.objects,
            location = location.as_str()
        )
    );
    for (run, why) in &sweep.failed {
        println!(
            "  {}",
            tr!(
                lang,
                "remote-queued-run",
                run = run.as_str(),
                detail = why.as_str()
            )
        );
    }
    let pulled = rt.block_on(pull::refresh(&c, data));
    match &pulled {
        Ok(r) => println!(
            "{}",
            tr!(
                lang,
                "remote-sync-pulled",
                count = r.runs,
                fetched = r.fetched
            )
        ),
        Err(e) => println!(
            "{}",
            tr!(
                lang,
                "remote-unreachable",
                location = location.as_str(),
                detail = e.detail.as_str()
            )
        ),
    }
    if !caps.retention_enforced() {
        for line in caps
            .describe(lang, &c.location.bucket, cfg.retention_days)
            .iter()
            .skip(1)
        {
            println!("{line}");
        }
    }
    if sweep.failed.is_empty() && pulled.is_ok() {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// The runs not yet (fully) in the bucket, with the last failure of each.
fn print_queue(data: &Path, lang: Lang) -> usize {
    let backlog = upload::backlog(data).unwrap_or_default();
    if backlog.is_empty() {
        println!("{}", tr!(lang, "remote-queue-empty"));
        return 0;
    }
    println!("{}", tr!(lang, "remote-queue-head", count = backlog.len()));
    for j in &backlog {
        let id = store::run_id_of(j);
        let why = sent::load(data, &id)
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
    backlog.len()
}

fn status(
    rt: &tokio::runtime::Runtime,
    c: &Client,
    cfg: &RemoteConfig,
    data: &Path,
    lang: Lang,
) -> u8 {
    let location = c.location.to_string();
    let endpoint = cfg.endpoint.clone().unwrap_or_else(|| "AWS".into());
    println!(
        "{}",
        tr!(
            lang,
            "remote-status-location",
            location = location.as_str(),
            endpoint = endpoint.as_str()
        )
    );
    let reachable = match capabilities(rt, c, cfg, data, true) {
        Ok(caps) => {
            for line in caps.describe(lang, &c.location.bucket, cfg.retention_days) {
                println!("{line}");
            }
            true
        }
        Err(detail) => {
            println!(
                "{}",
                tr!(
                    lang,
                    "remote-unreachable",
                    location = location.as_str(),
                    detail = detail.as_str()
                )
            );
            false
        }
    };
    print_queue(data, lang);
    let manifest = pull::load_manifest(data);
    match manifest.refreshed_at {
        Some(t) => println!(
            "{}",
            tr!(
                lang,
                "remote-status-cache",
                count = manifest.runs.len(),
                at = pasos::history::local_time::minute(t, &chrono::Local)
            )
        ),
        None => println!("{}", tr!(lang, "remote-status-cache-none")),
    }
    if reachable { EXIT_OK } else { EXIT_FAILED }
}
