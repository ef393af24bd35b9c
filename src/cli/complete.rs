//! Shell completion that knows the history: `pasos completions bash|zsh|fish`
//! prints a registration that asks `pasos` itself at each TAB
//! (`PASOS_COMPLETE=<shell> pasos -- <words>`), so `--resume`, `log show`,
//! `log verify`, `report` and `export --run` complete the run ids of the
//! data directory as it is now (clap_complete's dynamic engine).

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, EnvCompleter, Fish, Zsh};
use pasos::journal::store;

/// The variable the registration sets when it calls back into `pasos`.
pub const VAR: &str = "PASOS_COMPLETE";

/// The run ids of the data directory (`PASOS_DATA_DIR` or the default),
/// newest first. Nothing when there is no history: completion never fails.
pub fn run_ids() -> Vec<CompletionCandidate> {
    let Ok(paths) = pasos::paths::Paths::resolve(None, None) else {
        return Vec::new();
    };
    let Ok(journals) = store::list(&paths.data) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = journals.iter().map(|j| store::run_id_of(j)).collect();
    // Run ids start with their UTC start time: newest first.
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    ids.into_iter().map(CompletionCandidate::new).collect()
}

/// The registration script for a shell with dynamic completion; `None`
/// for the others, which get clap's static script.
pub fn registration(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> Option<std::io::Result<()>> {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        _ => return None,
    };
    Some(completer.write_registration(VAR, "pasos", "pasos", "pasos", out))
}
