//! `pasos` alone and `pasos open [DIR]`: the procedure catalog full screen
//! (Enter hands the chosen procedure to `pasos run`); `pasos index [DIR]`:
//! the index of the team's standard, in Markdown or JSON.

use super::args::{Global, RunArgs};
use super::{EXIT_BAD_INPUT, EXIT_OK, color};
use clap::{Args, Parser, ValueEnum};
use pasos::catalog::{Catalog, cadence, config};
use pasos::history::scan::Scan;
use pasos::paths::Paths;
use pasos::tr;
use pasos::tui::catalog::{CatalogOptions, browse};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct OpenArgs {
    // The procedures directory (default: procedures_dir, or ./procedures/).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    // Draw without box-drawing characters.
    #[arg(long)]
    pub ascii: bool,
    // A keymap file overriding the default keys (section `[catalog]`).
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum IndexFormat {
    #[default]
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    // The procedures directory (default: procedures_dir, or ./procedures/).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: IndexFormat,
}

/// `pasos` with no command: the catalog on a terminal, the help otherwise
/// (a script that forgot the command gets told, exit 2).
pub fn bare(global: &Global) -> u8 {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return open(
            &OpenArgs {
                dir: None,
                ascii: false,
                keymap: None,
            },
            global,
        );
    }
    let help = super::help::command(global.lang()).render_help();
    eprintln!("{help}");
    EXIT_BAD_INPUT
}

/// Where the procedures are: `DIR` when given, else the configuration's.
fn dirs(paths: &Paths, dir: Option<&PathBuf>) -> Result<Vec<PathBuf>, u8> {
    if let Some(d) = dir {
        return Ok(vec![d.clone()]);
    }
    config::procedures_dirs(&paths.config).map_err(|e| {
        eprintln!("pasos: {}", e.0);
        EXIT_BAD_INPUT
    })
}

fn load(global: &Global, dir: Option<&PathBuf>) -> Result<(Paths, Catalog, Scan), u8> {
    let lang = global.lang();
    let paths =
        Paths::resolve(global.config_dir.clone(), global.data_dir.clone()).map_err(|e| {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        })?;
    let dirs = dirs(&paths, dir)?;
    super::remote::prepare_history(&paths, global)?;
    let (catalog, scan) = Catalog::load(&dirs, &paths.data, cadence::today()).map_err(|e| {
        eprintln!(
            "{}",
            tr!(
                lang,
                "catalog-cannot-read",
                path = paths.data.display().to_string(),
                error = e.to_string()
            )
        );
        EXIT_BAD_INPUT
    })?;
    Ok((paths, catalog, scan))
}

pub fn open(args: &OpenArgs, global: &Global) -> u8 {
    let paths = match Paths::resolve(global.config_dir.clone(), global.data_dir.clone()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pasos: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let dirs = match dirs(&paths, args.dir.as_ref()) {
        Ok(d) => d,
        Err(code) => return code,
    };
    if let Err(code) = super::remote::prepare_history(&paths, global) {
        return code;
    }
    // The first frame from the procedure files and the last figures; the
    // history is verified behind the screen (see `catalog::summary`).
    let catalog = Catalog::load_files(&dirs, &paths.data, cadence::today());
    let keymap = match super::effective_keymap(&paths.config, args.keymap.as_deref()) {
        Ok(k) => k,
        Err(text) => {
            eprint!("{text}");
            return EXIT_BAD_INPUT;
        }
    };
    let caps = pasos::tui::view::degrade::detect(args.ascii);
    let opts = CatalogOptions {
        catalog,
        scan: Scan::default(),
        scan_history: true,
        data_dir: paths.data.clone(),
        config_file: paths.config.join("config.toml"),
        keymap,
        lang: global.lang(),
        ascii: !caps.unicode,
        color: color::allowed(),
        mono: caps.mono,
    };
    match browse(opts) {
        Ok(None) => EXIT_OK,
        Ok(Some(chosen)) => match run_args(&chosen, args) {
            Some(run) => super::run::run(&run, global),
            None => EXIT_BAD_INPUT,
        },
        Err(e) => {
            eprintln!("pasos: {e}");
            EXIT_BAD_INPUT
        }
    }
}

/// `pasos run` of the chosen file as the command line would have it
/// (every option of `run` at its default but these), so a new option of
/// `run` needs nothing here.
fn run_args(chosen: &pasos::tui::catalog::app::Chosen, args: &OpenArgs) -> Option<RunArgs> {
    let mut line: Vec<std::ffi::OsString> = vec!["pasos".into(), "run".into()];
    if chosen.dry_run {
        line.push("--dry-run".into());
    }
    if args.ascii {
        line.push("--ascii".into());
    }
    if let Some(k) = &args.keymap {
        line.push("--keymap".into());
        line.push(k.clone().into_os_string());
    }
    line.push("--".into());
    line.push(chosen.file.clone().into_os_string());
    match super::args::Cli::try_parse_from(line) {
        Ok(super::args::Cli {
            command: Some(super::args::Command::Run(run)),
            ..
        }) => Some(run),
        Ok(_) => None,
        Err(e) => {
            eprintln!("pasos: {e}");
            None
        }
    }
}

pub fn index(args: &IndexArgs, global: &Global) -> u8 {
    let lang = global.lang();
    let (paths, catalog, scan) = match load(global, args.dir.as_ref()) {
        Ok(l) => l,
        Err(code) => return code,
    };
    for d in &catalog.missing_dirs {
        eprintln!(
            "pasos: {}",
            tr!(
                lang,
                "catalog-missing-dir",
                dir = d.display().to_string(),
                config = paths.config.join("config.toml").display().to_string()
            )
        );
    }
    if !catalog.missing_dirs.is_empty() && catalog.entries.is_empty() {
        return EXIT_BAD_INPUT;
    }
    match args.format {
        IndexFormat::Md => print!("{}", pasos::catalog::index::markdown(&catalog, lang)),
        IndexFormat::Json => print!("{}", pasos::catalog::index::json(&catalog)),
    }
    std::mem::forget(scan);
    EXIT_OK
}

/// Seed 001's global figures over the configured procedures directories,
/// with the runs `pasos kpi` already scanned; `None` when no directory
/// holds a procedure (pasos run from elsewhere).
pub fn catalog_kpi(paths: &Paths, scanned: &Scan) -> Option<pasos::catalog::CatalogKpi> {
    let dirs = config::procedures_dirs(&paths.config).ok()?;
    if !dirs.iter().any(|d| d.is_dir()) {
        return None;
    }
    let (found, broken) = pasos::catalog::files::load(&dirs);
    if found.is_empty() {
        return None;
    }
    let catalog = Catalog::build(dirs, &found, broken, &scanned.runs, cadence::today());
    Some(catalog.kpi())
}

/// The figures as lines under their heading, for the table or Markdown.
pub fn kpi_text(k: &pasos::catalog::CatalogKpi, lang: pasos::i18n::Lang, markdown: bool) -> String {
    let lines = pasos::catalog::index::kpi_lines(k, lang);
    let title = tr!(lang, "catalog-kpi-title");
    if markdown {
        let items: String = lines.iter().map(|l| format!("- {l}\n")).collect();
        format!("\n### {title}\n\n{items}")
    } else {
        let items: String = lines.iter().map(|l| format!("  {l}\n")).collect();
        format!("{title}\n{items}\n")
    }
}
