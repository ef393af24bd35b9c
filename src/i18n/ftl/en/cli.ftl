# The command line: clap's about and help texts for every command and
# option (`cli-<command path>` and `cli-<command path>--<argument>`), with
# `.long` for the longer text of `--help` and `.after` for what follows it.

cli-usage = Usage
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-exit-codes =
    Exit codes:
      0  success (warnings allowed unless --strict)
      1  the run or check did not pass (e.g. warnings with --strict)
      2  bad input: an invalid procedure, an unreadable file, a usage error
      3  the journal could not be written (disk full, read-only, deleted); resume from what it holds
      4  the run was interrupted (quit, SIGHUP, SIGTERM, SIGINT, no usable input); resume it with --resume

cli = Guides an operator through a runbook step by step, safely, with a record of what happened.
    .long = pasos loads a procedure (a runbook in TOML), checks it, and guides the operator through it: the checklist, a timer per step, the rollback tree and a real shell side by side, with every step written to a tamper-evident journal.
cli--config_dir = Configuration directory (keymaps, settings) [env: PASOS_CONFIG_DIR].
cli--data_dir = Data directory (journals, transcripts); share it to pool a team's history [env: PASOS_DATA_DIR].
cli--lang = Language of the interface: es or en (default: from LANG / LC_ALL).
cli--help = Print help (--help for more).
cli--version = Print the version.
cli-help = Print this help, or the help of the given command.
cli-help--subcommand = The command to explain.

cli-check = Validate and lint procedures; reports every problem with file:line:col.
cli-check--files = Procedure files (TOML).
cli-check--strict = Treat warnings as failures (exit 1).
cli-check--format = Output format: human (for people: snippets, carets and hints) or json (for machines: one JSON document with every diagnostic). Default: human.
cli-check--rules = List the lint rules and exit.

cli-run = Run a procedure step by step.
cli-run--file = The procedure to run.
cli-run--dry_run = Rehearsal: show the commands without running them.
cli-run--plain = Line-oriented mode for dumb terminals, slow links and scripts (the default when standard input or output is not a terminal).
cli-run--ascii = Draw without box-drawing characters (terminals that lack them).
cli-run--keymap = A keymap file overriding the default keys (see keymaps/).
cli-run--vars = Set a variable (repeatable). Not for secrets: the command line is visible to every user; use PASOS_VAR_<NAME>, --var-file or the prompt.
cli-run--var_files = Read variables from a file of NAME=VALUE lines (repeatable); it must be readable by its owner only (chmod 600).
cli-run--env = Environment the run targets (overrides the procedure's).
cli-run--operator = Operator name recorded in the journal.
cli-run--resume = Resume an interrupted run (its id, or a unique prefix of it).
cli-run--force = Start even if another live run of this procedure holds the lock, or resume with a changed procedure file (recorded in the journal).

cli-import = Convert a Markdown runbook into a procedure.
cli-import--file = The Markdown runbook.
cli-import--output = Where to write the procedure (default: standard output).
cli-import--report = Also list where every source line went and what was guessed.
cli-import--no_repair = Do not repair broken encodings.
cli-import--strict = Exit 1 when anything is left to a human (placeholders, gated destructive commands, text taken out of the commands, a document that is not a procedure).

cli-export = Print the quick checklist of a procedure (or of a past run).
cli-export--file = The procedure (TOML or Markdown).
cli-export--format = txt (fits 80 columns), md, or html (one self-contained page with a print stylesheet for A4 and Letter). Default: txt.
cli-export--run = The filled checklist of a past run (its id or a unique prefix).
cli-export--output = Where to write it (default: standard output).

cli-log = Browse, show and verify the journals of past runs.
cli-log-browse = Browse past runs full screen: filter the list, open a run's timeline, steps, deviations and notes, and replay its transcript.
cli-log-browse--filter = Words the list starts filtered by (procedure, operator, outcome, environment, date YYYY-MM-DD); every word must match.
cli-log-browse--ascii = Draw without box-drawing characters.
cli-log-browse--keymap = A keymap file overriding the default keys (section [log]).
cli-log-list = List past runs, oldest first.
cli-log-list--procedure = Only runs of this procedure id.
cli-log-list--operator = Only runs by this operator (a piece of the name or user@host).
cli-log-list--outcome = Only runs that ended so: success, failed, rolled-back, aborted, interrupted, open.
cli-log-list--since = Only runs started on or after this date (YYYY-MM-DD).
cli-log-show = Show the timeline of a run (its id or a unique prefix).
cli-log-show--run = The run (its id or a unique prefix).
cli-log-verify = Verify journals (all when no run is named): exit 0 when intact, 1 when any was edited, shortened, reordered or is foreign.
cli-log-verify--runs = The runs to verify (their ids or unique prefixes).

cli-kpi = Key figures over past runs: executions, success rate, durations.
    .after =
        What counts: executions are live runs; rehearsals (--dry-run) are counted apart and left out of every other figure. Durations are working time: the wall clock minus the pauses between an interruption and its resumption. Interrupted or open runs are listed but not in the success rate or the durations. A step's duration in a run is the sum of its attempts that ended done or failed; skipped steps are not samples. Journals that do not verify are listed apart and left out of every figure.

        Exit codes: 0 figures shown (also when there are no runs), 2 bad input (a date that does not read, --suggest without its procedure file).
cli-kpi--procedure = Only this procedure id.
cli-kpi--since = Only runs started on or after this local date (YYYY-MM-DD).
cli-kpi--until = Only runs started on or before this local date (YYYY-MM-DD).
cli-kpi--operator = Only runs by this operator (a piece of the name or user@host).
cli-kpi--env = Only runs against this environment.
cli-kpi--format = table (for people, 80 columns), md (paste into the runbook), json (stable field names) or csv. Without it: the KPI screen on a terminal, the table otherwise.
cli-kpi--rows = With --format csv: which table, one row per procedure (and version), per step or per run: procedures, steps or runs. Default: procedures.
cli-kpi--suggest = Suggest new step estimates from the actual durations (median to p90, at least 3 runs), as a unified diff of the procedure file to apply with `patch -p0`.
cli-kpi--procedure_file = With --suggest: the procedure file, when the path its runs were started with does not lead to it from here.
cli-kpi--no_index = Read every journal again instead of reusing the index (<data>/cache/kpi-index), and leave the index as it is.

cli-report = Write the incident / post-mortem report of a run.
cli-report--run = The run (its id or a unique prefix).
cli-report--output = Where to write the report (default: standard output).
cli-report--severity = The incident's severity (e.g. SEV-2), when the report is for one.
cli-report--force = Overwrite the output file if it exists (it may hold a root cause and action items filled in by hand).

cli-paths = Print where pasos keeps its configuration and data.
cli-keymap = Check or show keymaps.
cli-keymap-check = Validate a keymap file (errors with line:col).
cli-keymap-check--file = The keymap file (TOML).
cli-keymap-show = Print the effective keymap (defaults plus the user file).
cli-keymap-show--keymap = A keymap file to apply instead of the one in the config dir.
cli-completions = Print a shell completion script.
    .after = Example: pasos completions bash > ~/.local/share/bash-completion/completions/pasos
cli-completions--shell = The shell: bash, elvish, fish, powershell or zsh.

# pasos paths
cli-paths-config = config
cli-paths-data = data

cli--remote = The team's history in an S3-compatible bucket (overrides [history] remote of config.toml) [env: PASOS_REMOTE]. Without a value, the configured one; `log verify --remote` verifies the bucket.
cli--local_only = History commands read only this bastion's runs.
cli--remote_only = History commands read only the runs in the bucket.
cli-sync = Send runs not yet uploaded to the team's bucket and read the bucket's runs into the local history.
    .after = Exit codes: 0 everything is in the bucket, 1 runs are still queued (the bucket could not be reached or refused them), 2 no remote configured or a bad configuration.
cli-sync--status = Show the upload queue, the local copy and what the bucket enforces (probed now) instead of syncing.
cli-log-verify--allowed_signers = Who may sign (OpenSSH allowed_signers); also allowed_signers under [verify] in trust.toml [env: PASOS_ALLOWED_SIGNERS].
cli-log-verify--require_signed = Fail on runs that carry no signature.
cli-run--signing_key = Sign the journal with this key file (no passphrase) instead of the key ssh-agent offers; also key under [signing] in trust.toml [env: PASOS_SIGNING_KEY].
