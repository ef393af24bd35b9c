//! Command-line arguments (clap derive). Their help texts, the documentation
//! people read first, are catalog messages in the operator's language
//! (`cli::help`, `src/i18n/ftl/<lang>/cli.ftl`); the comments here are for
//! the code's readers.

use crate::cli::complete::run_ids;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "pasos", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    // None: `pasos` alone, the catalog on a terminal (`cli::catalog`).
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    // The environment variables are read by `Paths::resolve`, not by clap:
    // clap rejects an empty one, and an empty one means "unset".
    // Configuration directory (keymaps, settings) [env: PASOS_CONFIG_DIR].
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,
    // Data directory (journals, transcripts); share it to pool a team's
    // history [env: PASOS_DATA_DIR].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    // Language of the interface (default: from LANG / LC_ALL).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    // The team's history in an S3-compatible bucket (overrides `[history]
    // remote` of config.toml) [env: PASOS_REMOTE]. Without a value, the
    // configured one; `log verify --remote` verifies the bucket.
    #[arg(
        long,
        global = true,
        value_name = "s3://BUCKET/PREFIX",
        num_args = 0..=1,
        default_missing_value = ""
    )]
    pub remote: Option<String>,
    // History commands read only this bastion's runs.
    #[arg(long, global = true, conflicts_with = "remote_only")]
    pub local_only: bool,
    // History commands read only the runs in the bucket.
    #[arg(long, global = true)]
    pub remote_only: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
}

impl Global {
    /// `--remote URL`; `None` for a bare `--remote` (the configured one).
    pub fn remote_url(&self) -> Option<&str> {
        self.remote.as_deref().filter(|r| !r.is_empty())
    }

    // `--lang`, else from LC_ALL / LC_MESSAGES / LANG.
    pub fn lang(&self) -> pasos::i18n::Lang {
        match self.lang {
            Some(Lang::Es) => pasos::i18n::Lang::Es,
            Some(Lang::En) => pasos::i18n::Lang::En,
            None => pasos::i18n::Lang::from_env(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Validate and lint procedures; reports every problem with file:line:col.
    Check(CheckArgs),
    // Run a procedure step by step.
    Run(RunArgs),
    // Convert a Markdown runbook into a procedure.
    Import(ImportArgs),
    // Print the quick checklist of a procedure (or of a past run).
    Export(ExportArgs),
    // Browse, show and verify the journals of past runs.
    Log(LogArgs),
    // Key figures over past runs: executions, success rate, durations.
    Kpi(KpiArgs),
    // Write the incident / post-mortem report of a run.
    Report(ReportArgs),
    // Send runs not yet uploaded to the team's bucket and read the
    // bucket's runs into the local history; `--status` shows the queue
    // and what the bucket enforces.
    Sync(SyncArgs),
    // Approve a step of a run (or a run, or a window) with one's SSH key.
    Approve(super::approve::ApproveArgs),
    // Hand a running run over to the next operator.
    Handoff(super::handoff::HandoffArgs),
    // Follow a run live, read only, from another terminal.
    Watch(super::watch::WatchArgs),
    // Print where pasos keeps its configuration and data.
    Paths,
    // The procedure catalog, full screen (`cli::catalog`).
    Open(super::catalog::OpenArgs),
    // The procedure index of the team's standard (`cli::catalog`).
    Index(super::catalog::IndexArgs),
    // Check or show keymaps.
    #[command(subcommand)]
    Keymap(KeymapAction),
    // Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeymapAction {
    // Validate a keymap file (errors with line:col).
    Check {
        file: PathBuf,
    },
    // Print the effective keymap (defaults plus the user file).
    Show {
        // A keymap file to apply instead of the one in the config dir.
        #[arg(long, value_name = "FILE")]
        keymap: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum CheckFormat {
    // For people: snippets, carets and hints.
    #[default]
    Human,
    // For machines: one JSON document with every diagnostic.
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    // Procedure files (TOML).
    #[arg(required_unless_present = "rules", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    // Treat warnings as failures (exit 1).
    #[arg(long)]
    pub strict: bool,
    // Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
    // List the lint rules and exit.
    #[arg(long)]
    pub rules: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    // The procedure to run.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    // Rehearsal: show the commands without running them.
    #[arg(long)]
    pub dry_run: bool,
    // Line-oriented mode for dumb terminals, slow links and scripts (the
    // default when standard input or output is not a terminal).
    #[arg(long)]
    pub plain: bool,
    // Draw without box-drawing characters (terminals that lack them).
    #[arg(long)]
    pub ascii: bool,
    // A keymap file overriding the default keys (see keymaps/).
    #[arg(long, value_name = "FILE")]
    pub keymap: Option<PathBuf>,
    // Set a variable (repeatable). Not for secrets: the command line is
    // visible to every user; use PASOS_VAR_<NAME>, --var-file or the prompt.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    pub vars: Vec<String>,
    // Read variables from a file of NAME=VALUE lines (repeatable); it must
    // be readable by its owner only (chmod 600).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    // Environment the run targets (overrides the procedure's).
    #[arg(long, value_name = "NAME")]
    pub env: Option<String>,
    // Operator name recorded in the journal.
    #[arg(long, value_name = "NAME")]
    pub operator: Option<String>,
    // Resume an interrupted run (its id, or a unique prefix of it).
    #[arg(long, value_name = "RUN_ID", add = ArgValueCandidates::new(run_ids))]
    pub resume: Option<String>,
    // Start even if another live run of this procedure holds the lock, or
    // resume with a changed procedure file (recorded in the journal).
    #[arg(long)]
    pub force: bool,
    // Sign the journal's checkpoints with this private key file (no
    // passphrase) instead of the key ssh-agent offers; also `key` under
    // [signing] in trust.toml [env: PASOS_SIGNING_KEY].
    #[arg(long, value_name = "FILE")]
    pub signing_key: Option<PathBuf>,
    // The team file (roles and keys) approvals are checked against.
    #[arg(long, value_name = "FILE")]
    pub team: Option<PathBuf>,
    // Supervised run: critical steps wait for NAME to watch or approve.
    #[arg(long, value_name = "NAME", conflicts_with = "unattended")]
    pub supervised_by: Option<String>,
    // Run every step without asking (staging and CI drills), journaled as
    // a test; see src/runner/unattended.
    #[arg(long, conflicts_with_all = ["dry_run", "resume", "plain", "ascii", "keymap"])]
    pub unattended: bool,
    // With --unattended: run the rollback plan when a step fails.
    #[arg(long, requires = "unattended")]
    pub rollback_on_failure: bool,
    // With --unattended: ID=OPTION for a choice, ID=yes|no for a condition.
    #[arg(long = "answer", value_name = "ID=VALUE", requires = "unattended")]
    pub answers: Vec<String>,
    // With --unattended: yes to a confirmation or a manual step.
    #[arg(long = "yes-to", value_name = "ID", requires = "unattended")]
    pub yes_to: Vec<String>,
    // With --unattended: write a JUnit XML report.
    #[arg(long, value_name = "FILE", requires = "unattended")]
    pub junit: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE.md")]
    pub file: PathBuf,
    // Where to write the procedure (default: standard output).
    #[arg(short, long, value_name = "FILE.toml")]
    pub output: Option<PathBuf>,
    // Also list where every source line went and what was guessed.
    #[arg(long)]
    pub report: bool,
    // Do not repair broken encodings.
    #[arg(long)]
    pub no_repair: bool,
    // Exit 1 when anything is left to a human (placeholders, gated
    // destructive commands, text taken out of the commands, a document
    // that is not a procedure).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    // The procedure (TOML or Markdown).
    #[arg(value_name = "FILE", required_unless_present = "run")]
    pub file: Option<PathBuf>,
    // txt (fits 80 columns), md, or html (one self-contained page with a
    // print stylesheet for A4 and Letter).
    #[arg(long, value_enum, default_value_t)]
    pub format: ExportFormat,
    // The filled checklist of a past run (its id or a unique prefix).
    #[arg(long, value_name = "RUN_ID", conflicts_with = "file", add = ArgValueCandidates::new(run_ids))]
    pub run: Option<String>,
    // Where to write it (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Txt,
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    // Without one: `browse` on a terminal, `list` otherwise.
    #[command(subcommand)]
    pub action: Option<LogAction>,
}

#[derive(Debug, Subcommand)]
pub enum LogAction {
    // Browse past runs full screen: filter the list, open a run's
    // timeline, steps, deviations and notes, and replay its transcript.
    Browse {
        // Words the list starts filtered by (procedure, operator, outcome,
        // environment, date YYYY-MM-DD); every word must match.
        #[arg(value_name = "WORD")]
        filter: Vec<String>,
        // Draw without box-drawing characters.
        #[arg(long)]
        ascii: bool,
        // A keymap file overriding the default keys (section `[log]`).
        #[arg(long, value_name = "FILE")]
        keymap: Option<PathBuf>,
    },
    // List past runs, oldest first.
    List {
        // Only runs of this procedure id.
        #[arg(long)]
        procedure: Option<String>,
        // Only runs by this operator (substring of name or user@host).
        #[arg(long)]
        operator: Option<String>,
        // Only runs that ended so: success, failed, rolled-back, aborted, interrupted, open.
        #[arg(long)]
        outcome: Option<String>,
        // Only runs started on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
    },
    // Show the timeline of a run (its id or a unique prefix).
    Show {
        #[arg(add = ArgValueCandidates::new(run_ids))]
        run: String,
    },
    // Verify journals (all when no run is named): exit 0 when intact, 1
    // when any was edited, shortened, reordered or is foreign. With
    // `--remote`: every run in the team's bucket instead.
    Verify {
        #[arg(add = ArgValueCandidates::new(run_ids))]
        runs: Vec<String>,
        // Who may sign (OpenSSH allowed_signers); also `allowed_signers`
        // under [verify] in trust.toml [env: PASOS_ALLOWED_SIGNERS].
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
        // Fail on runs that carry no signature.
        #[arg(long)]
        require_signed: bool,
    },
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    // Show the upload queue, the cache and what the bucket enforces
    // (probed now) instead of syncing.
    #[arg(long)]
    pub status: bool,
}

#[derive(Debug, Args)]
pub struct KpiArgs {
    // Only this procedure id.
    #[arg(long)]
    pub procedure: Option<String>,
    // Only runs started on or after this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    // Only runs started on or before this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    // Only runs by this operator (a piece of the name or user@host).
    #[arg(long)]
    pub operator: Option<String>,
    // Only runs against this environment.
    #[arg(long, value_name = "NAME")]
    pub env: Option<String>,
    // table (for people, 80 columns), md (paste into the runbook), json
    // (stable field names) or csv. Without it: the KPI screen on a
    // terminal, the table otherwise.
    #[arg(long, value_enum)]
    pub format: Option<KpiFormat>,
    // With --format csv: which table, one row per procedure (and version),
    // per step or per run.
    #[arg(long, value_enum, default_value_t = KpiRows::Procedures)]
    pub rows: KpiRows,
    // Suggest new step estimates from the actual durations (median to p90,
    // at least 3 runs), as a unified diff of the procedure file to apply
    // with `patch -p0`.
    #[arg(long)]
    pub suggest: bool,
    // With --suggest: the procedure file, when the path its runs were
    // started with does not lead to it from here.
    #[arg(long, value_name = "FILE")]
    pub procedure_file: Option<PathBuf>,
    // Read every journal again instead of reusing the index
    // (<data>/cache/kpi-index), and leave the index as it is.
    #[arg(long)]
    pub no_index: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum KpiFormat {
    Table,
    Md,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum KpiRows {
    Procedures,
    Steps,
    Runs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    // The run (its id or a unique prefix).
    #[arg(value_name = "RUN_ID", add = ArgValueCandidates::new(run_ids))]
    pub run: String,
    // Where to write the report (default: standard output).
    #[arg(short, long, value_name = "FILE.md")]
    pub output: Option<PathBuf>,
    // The incident's severity (e.g. SEV-2), when the report is for one.
    #[arg(long, value_name = "LEVEL")]
    pub severity: Option<String>,
    // Overwrite the output file if it exists (it may hold a root cause and
    // action items filled in by hand).
    #[arg(long, requires = "output")]
    pub force: bool,
}
