//! What a resumed run gives back to its new shell: the working directory
//! and the exported variables recorded after each command (never secret
//! values: those are asked again), and what it cannot give back.

use crate::run::State;
use std::path::PathBuf;

/// Variables the shell sets by itself: never restored (nor `PASOS_*`,
/// which pasos exports with every command).
const OWN: &[&str] = &["_", "PWD", "OLDPWD", "SHLVL"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restore {
    /// The directory to start the new shell in.
    pub cwd: Option<PathBuf>,
    /// Exported variables to start it with.
    pub env: Vec<(String, String)>,
    /// The recorded directory, when it no longer exists.
    pub cwd_missing: Option<String>,
    /// Secret variables: their values were never recorded.
    pub withheld: Vec<String>,
}

impl Restore {
    pub fn is_empty(&self) -> bool {
        *self == Restore::default()
    }
}

/// The restore plan for the run's recorded shell context.
pub fn plan(state: &State) -> Restore {
    let ctx = &state.shell;
    let mut r = Restore::default();
    if let Some(dir) = &ctx.cwd {
        let path = PathBuf::from(dir);
        if path.is_dir() {
            r.cwd = Some(path);
        } else {
            r.cwd_missing = Some(dir.clone());
        }
    }
    r.env = ctx
        .env
        .iter()
        .filter(|(k, _)| !OWN.contains(&k.as_str()) && !k.starts_with("PASOS_"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    r.withheld = ctx.withheld.iter().cloned().collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::state::ShellContext;

    const PROCEDURE: &str = r#"
[procedure]
id = "PROC-R-001"
title = "Restore"
version = "1.0.0"
estimate = "1m"
criticality = "baja"

[[phases]]
id = "main"
kind = "execution"
title = "Main"

[[phases.steps]]
id = "1"
title = "One"
estimate = "10s"
commands = ["true"]
rollback = "none"
"#;

    fn state_with(ctx: ShellContext) -> State {
        let loaded = crate::procedure::load_str(PROCEDURE);
        let p = loaded.procedure.expect("a valid procedure");
        let (engine, _) = crate::run::Engine::start(
            p,
            Box::new(crate::run::SystemClock),
            crate::run::RunConfig {
                run_id: "r".into(),
                mode: crate::journal::Mode::Live,
                environment: None,
                operator: Default::default(),
                source: "p.toml".into(),
                procedure_sha256: String::new(),
                forced: false,
                preset: Vec::new(),
            },
        );
        let mut s = engine.state().clone();
        s.shell = ctx;
        s
    }

    #[test]
    fn plan_restores_what_exists_and_names_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let mut ctx = ShellContext {
            cwd: Some(dir.path().display().to_string()),
            ..Default::default()
        };
        ctx.env.insert("MARK".into(), "1".into());
        ctx.env.insert("PASOS_STEP".into(), "1".into());
        ctx.env.insert("OLDPWD".into(), "/".into());
        ctx.withheld.insert("TOKEN".into());
        let r = plan(&state_with(ctx.clone()));
        assert_eq!(r.cwd.as_deref(), Some(dir.path()));
        assert_eq!(r.env, [("MARK".to_string(), "1".to_string())]);
        assert_eq!(r.withheld, ["TOKEN"]);
        assert_eq!(r.cwd_missing, None);
        ctx.cwd = Some("/nonexistent/pasos/dir".into());
        let r = plan(&state_with(ctx));
        assert_eq!(r.cwd, None);
        assert_eq!(r.cwd_missing.as_deref(), Some("/nonexistent/pasos/dir"));
    }
}
