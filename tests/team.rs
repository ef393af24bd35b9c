//! A second person, through the real binary: approvals signed in another
//! session with another key (two real `ssh-agent`s), a handoff between
//! operators, and a read-only watcher. The run is full screen in a
//! pseudo-terminal; the other people use `pasos approve`, `pasos handoff`
//! and `pasos watch` as they would from their own terminals.
//!
//! Needs `ssh-agent`, `ssh-add` and `ssh-keygen` (Debian `openssh-client`).

mod common;
#[path = "support/pty_screen.rs"]
mod pty_screen;

use pasos::journal::{Event, store, verify_file};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn have_openssh(test: &str) -> bool {
    ["ssh-agent", "ssh-add", "ssh-keygen"]
        .iter()
        .all(|t| common::tool_available(test, t))
}

/// A real ssh-agent on a socket of its own holding one key; killed when
/// dropped.
struct Agent {
    child: std::process::Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path, name: &str, key: &Path) -> Agent {
        let socket = dir.join(format!("{name}.sock"));
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let agent = Agent { child, socket };
        let t = Instant::now();
        loop {
            let ok = agent.socket.exists()
                && Command::new("ssh-add")
                    .arg("-q")
                    .arg(key)
                    .env("SSH_AUTH_SOCK", &agent.socket)
                    .stderr(Stdio::null())
                    .status()
                    .unwrap()
                    .success();
            if ok {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "ssh-agent did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        agent
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path, comment: &str) -> String {
    let st = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(st.success());
    std::fs::read_to_string(path.with_extension("pub"))
        .unwrap()
        .trim()
        .to_string()
}

const PROCEDURE: &str = r#"[procedure]
id = "PROC-TEAM-001"
title = "Change with a tech lead's approval"
criticality = "alta"
version = "1.0.0"
estimate = "3m"

[[phases]]
id = "ejecucion"
kind = "execution"

[[phases.steps]]
id = "1"
title = "Prepare"
estimate = "1m"
commands = ["echo prepared-one"]
expected = "prepared-one"
rollback = "none"

[[phases.steps]]
id = "2"
title = "Deploy"
estimate = "1m"
approval = ["tech-lead"]
commands = ["echo deployed-two"]
expected = "deployed-two"
rollback = "none"

[[phases.steps]]
id = "3"
title = "Check"
estimate = "1m"
commands = ["echo checked-three"]
expected = "checked-three"
rollback = "none"
"#;

/// Ana operates (her key in agent A, and she is a tech lead too), Luis is
/// the tech lead approving (agent B), Marta is on call without the role.
struct Team {
    dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    procedure: PathBuf,
    team: PathBuf,
    ana: Agent,
    luis: Agent,
    marta_key: PathBuf,
    /// A team file of Marta's own, which claims she is a tech lead.
    marta_team: PathBuf,
}

impl Team {
    fn new() -> Team {
        let dir = tempfile::Builder::new()
            .prefix("pasos-team-")
            .tempdir_in("/tmp")
            .unwrap();
        let d = dir.path();
        let ana_pub = keygen(&d.join("ana"), "ana@laptop");
        let luis_pub = keygen(&d.join("luis"), "luis@laptop");
        let marta_pub = keygen(&d.join("marta"), "marta@laptop");
        let team = d.join("team");
        std::fs::write(
            &team,
            format!(
                "# roles  person  key\ntech-lead ana@example {ana_pub}\ntech-lead luis@example {luis_pub}\noncall marta@example {marta_pub}\n"
            ),
        )
        .unwrap();
        let marta_team = d.join("marta-team");
        std::fs::write(
            &marta_team,
            format!("tech-lead marta@example {marta_pub}\n"),
        )
        .unwrap();
        let procedure = d.join("approve.toml");
        std::fs::write(&procedure, PROCEDURE).unwrap();
        Team {
            data: d.join("data"),
            config: d.join("config"),
            procedure,
            team,
            ana: Agent::start(d, "ana", &d.join("ana")),
            luis: Agent::start(d, "luis", &d.join("luis")),
            marta_key: d.join("marta"),
            marta_team,
            dir,
        }
    }

    fn env<'a>(&'a self, agent: &'a Agent) -> Vec<(&'a str, &'a str)> {
        vec![
            ("PASOS_CONFIG_DIR", self.config.to_str().unwrap()),
            ("PASOS_TEAM", self.team.to_str().unwrap()),
            ("SSH_AUTH_SOCK", agent.socket.to_str().unwrap()),
        ]
    }

    /// `pasos ARGS` from another session, with `agent`'s key.
    fn pasos(&self, agent: Option<&Agent>, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pasos"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("PASOS_DATA_DIR", &self.data)
            .env("PASOS_CONFIG_DIR", &self.config)
            .env("PASOS_TEAM", &self.team)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PASOS_SIGNING_KEY");
        match agent {
            Some(a) => cmd.env("SSH_AUTH_SOCK", &a.socket),
            None => cmd.env_remove("SSH_AUTH_SOCK"),
        };
        cmd.output().unwrap()
    }

    fn journal(&self) -> PathBuf {
        store::list(&self.data).unwrap()[0].clone()
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_step_needing_a_tech_lead_waits_refuses_the_wrong_keys_and_goes_on_with_the_right_one() {
    if !have_openssh(module_path!()) {
        return;
    }
    let t = Team::new();
    let proc_path = t.procedure.to_str().unwrap().to_string();
    let mut s = pty_screen::spawn_with(&["run", &proc_path], &t.data, t.dir.path(), &t.env(&t.ana));
    s.wait_for("enter run");
    s.send("\r");
    s.wait_for("✓ 1 done");
    // Step 2 is held, and the screen says for whom and how.
    s.send("\r");
    s.wait_for("2 awaits tech-lead");
    let run = store::run_id_of(&t.journal());
    s.wait_for(&format!("pasos approve {run} 2"));

    // Ana approves herself, with her own key: refused.
    let o = t.pasos(Some(&t.ana), &["approve", &run, "2", "--note", "me myself"]);
    assert!(o.status.success(), "{}", text(&o));
    s.wait_for("signed with the operator's own key");
    // Marta signs with a team file of her own that says she is a tech
    // lead; the runner's team file says she is not.
    let o = t.pasos(
        None,
        &[
            "approve",
            &run,
            "2",
            "--team",
            t.marta_team.to_str().unwrap(),
            "--signing-key",
            t.marta_key.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    s.wait_for("does not give this key the role");
    // Still held.
    s.send("\r");
    s.wait_for("2 awaits tech-lead: pasos approve");
    // Marta's approve refuses a role her key lacks in the real team file.
    let o = t.pasos(
        None,
        &[
            "approve",
            &run,
            "2",
            "--role",
            "tech-lead",
            "--signing-key",
            t.marta_key.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("does not hold the role tech-lead"),
        "{}",
        text(&o)
    );

    // Luis, from his own session and agent: accepted.
    let o = t.pasos(
        Some(&t.luis),
        &["approve", &run, "2", "--note", "backup verified, go ahead"],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("by luis@example"), "{}", text(&o));
    s.wait_for("2 approved by luis@example (tech-lead)");
    s.wait_gone("2 awaits tech-lead");
    s.send("\r");
    s.wait_for("✓ 2 done");
    s.send("\r");
    s.wait_for("FINISHED");
    s.send("q");
    s.send("y");
    let _ = s.child.wait();

    // The journal: two refusals with why, one approval with who, role,
    // note and signature; intact.
    let journal = t.journal();
    let v = verify_file(&journal).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    let events: Vec<Event> = v.lines.into_iter().map(|l| l.event).collect();
    let refused: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::ApprovalRefused(r) => Some(r.problem.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(refused, ["own-key", "lacks-role"]);
    let granted: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::ApprovalGranted(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(granted.len(), 1);
    let a = granted[0];
    assert_eq!(a.step.as_deref(), Some("2"));
    assert_eq!(a.role, "tech-lead");
    assert_eq!(a.approver, "luis@example");
    assert_eq!(a.note.as_deref(), Some("backup verified, go ahead"));
    assert!(a.signature.starts_with("-----BEGIN SSH SIGNATURE-----"));
    let approved_at = events
        .iter()
        .position(|e| matches!(e, Event::ApprovalGranted(_)))
        .unwrap();
    let started_2 = events
        .iter()
        .position(|e| matches!(e, Event::StepStarted { step, .. } if step == "2"))
        .unwrap();
    assert!(
        approved_at < started_2,
        "step 2 started before its approval"
    );

    // Stock OpenSSH checks the journaled approval too.
    let allowed = t.dir.path().join("allowed");
    let luis_pub = std::fs::read_to_string(t.dir.path().join("luis.pub")).unwrap();
    std::fs::write(&allowed, format!("luis@example {luis_pub}")).unwrap();
    let sig = t.dir.path().join("approval.sig");
    std::fs::write(&sig, &a.signature).unwrap();
    let mut verify = Command::new("ssh-keygen")
        .args([
            "-Y",
            "verify",
            "-n",
            "pasos-approval@pasos",
            "-I",
            "luis@example",
            "-f",
        ])
        .arg(&allowed)
        .arg("-s")
        .arg(&sig)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    verify
        .stdin
        .take()
        .unwrap()
        .write_all(a.text.as_bytes())
        .unwrap();
    let out = verify.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));

    // `log show` and the report name the approver, the role and the note.
    let o = t.pasos(None, &["log", "show", &run]);
    let shown = text(&o);
    assert!(
        shown.contains("2 approved by luis@example as tech-lead: backup verified, go ahead"),
        "{shown}"
    );
    assert!(
        shown.contains("signed with the operator's own key"),
        "{shown}"
    );
    let o = t.pasos(None, &["report", &run]);
    let report = text(&o);
    assert!(report.contains("Approvals"), "{report}");
    assert!(report.contains("luis@example (tech-lead)"), "{report}");
}

#[test]
fn a_run_handed_off_from_ana_to_luis_attributes_each_step_to_who_did_it() {
    if !have_openssh(module_path!()) {
        return;
    }
    let t = Team::new();
    let plain = PROCEDURE.replace("approval = [\"tech-lead\"]\n", "");
    std::fs::write(&t.procedure, plain).unwrap();
    let proc_path = t.procedure.to_str().unwrap().to_string();
    // Ana runs steps 1 and 2.
    let mut a = pty_screen::spawn_with(
        &["run", "--operator", "ana", &proc_path],
        &t.data,
        t.dir.path(),
        &t.env(&t.ana),
    );
    for step in ["1", "2"] {
        a.wait_for("enter run");
        a.send("\r");
        a.wait_for(&format!("✓ {step} done"));
    }
    let run = store::run_id_of(&t.journal());
    // From another terminal: hand it over to Luis.
    let o = t.pasos(
        None,
        &[
            "handoff",
            &run,
            "--to",
            "luis",
            "--note",
            "1-2 done; 3 checks the deploy",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("handed off to luis"), "{}", text(&o));
    let status = a.child.wait().unwrap();
    assert_eq!(
        status.exit_code(),
        4,
        "a handed-off session ends as interrupted"
    );
    // Luis resumes and finishes.
    let mut b = pty_screen::spawn_with(
        &["run", "--operator", "luis", "--resume", &run, &proc_path],
        &t.data,
        t.dir.path(),
        &t.env(&t.luis),
    );
    b.wait_for("enter run");
    b.send("\r");
    b.wait_for("✓ 3 done");
    b.wait_for("FINISHED");
    b.send("q");
    b.send("y");
    let _ = b.child.wait();

    let v = verify_file(&t.journal()).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    let events: Vec<Event> = v.lines.into_iter().map(|l| l.event).collect();
    let handoff = events
        .iter()
        .find_map(|e| match e {
            Event::Handoff(h) => Some(h),
            _ => None,
        })
        .expect("a handoff event");
    assert_eq!(handoff.to, "luis");
    assert_eq!(handoff.at_step.as_deref(), Some("3"));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::RunInterrupted { why, .. } if why.0 == pasos::journal::Interruption::Handoff
    )));
    assert!(events.iter().any(|e| matches!(
        e,
        Event::RunResumed { operator, .. } if operator.name.as_deref() == Some("luis")
    )));

    // The report: both operators, and who did each step.
    let o = t.pasos(None, &["report", &run]);
    let report = text(&o);
    let row = |id: &str| {
        report
            .lines()
            .find(|l| l.starts_with(&format!("| {id} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        report.contains("| By |") || report.contains("| By"),
        "{report}"
    );
    assert!(row("1").trim_end().ends_with("ana |"), "{report}");
    assert!(row("2").trim_end().ends_with("ana |"), "{report}");
    assert!(row("3").trim_end().ends_with("luis |"), "{report}");
    assert!(report.contains("Handed off to luis: 1-2 done"), "{report}");
    // The KPIs: Luis did one step of this procedure, Ana two.
    let steps_of = |who: &str| -> Vec<String> {
        let o = t.pasos(
            None,
            &[
                "kpi",
                "--operator",
                who,
                "--format",
                "csv",
                "--rows",
                "steps",
            ],
        );
        assert!(o.status.success(), "{}", text(&o));
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(|l| l.to_string())
            .collect()
    };
    let luis = steps_of("luis");
    let ana = steps_of("ana");
    // procedure,step,title,phase,estimate,min,max,samples,…
    let sampled = |rows: &[String], id: &str| {
        rows.iter().any(|r| {
            let f: Vec<&str> = r.split(',').collect();
            f.get(1) == Some(&id) && f.get(7).is_some_and(|n| *n != "0")
        })
    };
    assert!(sampled(&luis, "3") && !sampled(&luis, "1"), "{luis:?}");
    assert!(
        sampled(&ana, "1") && sampled(&ana, "2") && !sampled(&ana, "3"),
        "{ana:?}"
    );
}

#[test]
fn a_watcher_follows_the_run_within_a_second_sends_nothing_and_can_be_killed() {
    if !have_openssh(module_path!()) {
        return;
    }
    let t = Team::new();
    let plain = PROCEDURE.replace("approval = [\"tech-lead\"]\n", "");
    std::fs::write(&t.procedure, plain).unwrap();
    let proc_path = t.procedure.to_str().unwrap().to_string();
    let mut a = pty_screen::spawn_with(
        &["run", "--operator", "ana", &proc_path],
        &t.data,
        t.dir.path(),
        &t.env(&t.ana),
    );
    a.wait_for("enter run");
    let run = store::run_id_of(&t.journal());
    let mut w = pty_screen::spawn_with(
        &["watch", &run, "--name", "luis@example"],
        &t.data,
        t.dir.path(),
        &t.env(&t.luis),
    );
    w.wait_for("WATCHING");
    // The runner's header names the watcher.
    a.wait_for("watch: luis");
    // A step done by the runner shows on the watcher within a second,
    // with its output in the shell pane.
    a.send("\r");
    a.wait_for("✓ 1 done");
    let seen = Instant::now();
    w.wait_for("[x] 1");
    w.wait_for("prepared-one");
    let lag = seen.elapsed();
    assert!(lag < Duration::from_secs(1), "the watcher lagged {lag:?}");
    // No key of the watcher reaches the run.
    let before = std::fs::read_to_string(t.journal()).unwrap();
    for k in ["\r", "s", "o", "b", "x\r", "2"] {
        w.send(k);
    }
    w.wait_for("read only");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(std::fs::read_to_string(t.journal()).unwrap(), before);
    assert!(!a.text().contains("✓ 2 done"), "{}", a.text());
    // Killing the watcher leaves the run as it was; its name goes away.
    w.crash();
    a.wait_gone("watch: luis");
    a.send("\r");
    a.wait_for("✓ 2 done");
    a.send("\r");
    a.wait_for("FINISHED");
    a.send("q");
    a.send("y");
    let _ = a.child.wait();
    let v = verify_file(&t.journal()).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    assert!(matches!(
        v.lines.last().map(|l| &l.event),
        Some(Event::RunFinished { .. })
    ));
}

#[test]
fn a_supervised_run_holds_critical_steps_until_the_supervisor_watches_or_approves() {
    if !have_openssh(module_path!()) {
        return;
    }
    let t = Team::new();
    // Every step is critical (the procedure is `alta`); no role is asked.
    let plain = PROCEDURE.replace("approval = [\"tech-lead\"]\n", "");
    std::fs::write(&t.procedure, plain).unwrap();
    let proc_path = t.procedure.to_str().unwrap().to_string();
    let mut a = pty_screen::spawn_with(
        &[
            "run",
            "--operator",
            "ana",
            "--supervised-by",
            "luis",
            &proc_path,
        ],
        &t.data,
        t.dir.path(),
        &t.env(&t.ana),
    );
    a.wait_for("enter run");
    let run = store::run_id_of(&t.journal());
    // Held: the header says for whom, and Enter does not start it.
    a.wait_for("1 awaits luis");
    a.send("\r");
    a.wait_for(&format!("pasos watch {run} --name luis"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!a.text().contains("✓ 1 done"), "{}", a.text());
    // Luis watches: step 1 may start.
    let w = pty_screen::spawn_with(
        &["watch", &run, "--name", "luis@example"],
        &t.data,
        t.dir.path(),
        &t.env(&t.luis),
    );
    w.wait_for("WATCHING");
    a.wait_for("watch: luis");
    a.wait_gone("1 awaits luis");
    a.send("\r");
    a.wait_for("✓ 1 done");
    // He leaves: step 2 is held again, until he approves it.
    w.crash();
    a.wait_gone("watch: luis");
    a.wait_for("2 awaits luis");
    a.send("\r");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!a.text().contains("✓ 2 done"), "{}", a.text());
    // His signed approval of the step counts as well.
    let o = t.pasos(Some(&t.luis), &["approve", &run, "2", "--note", "go"]);
    assert!(o.status.success(), "{}", text(&o));
    a.wait_for("2 approved by luis@example");
    a.wait_gone("2 awaits luis");
    a.send("\r");
    a.wait_for("✓ 2 done");
    let o = t.pasos(Some(&t.luis), &["approve", &run, "3"]);
    assert!(o.status.success(), "{}", text(&o));
    a.wait_for("3 approved by luis@example");
    a.send("\r");
    a.wait_for("FINISHED");
    a.send("q");
    a.send("y");
    let _ = a.child.wait();

    // The journal: who supervised, and how at each step.
    let v = verify_file(&t.journal()).unwrap();
    assert!(v.intact(), "{:?}", v.problems);
    let sup: Vec<(Option<String>, Option<String>, String)> = v
        .lines
        .iter()
        .filter_map(|l| match &l.event {
            Event::Supervision(s) => Some((s.step.clone(), s.by.clone(), s.supervisor.clone())),
            _ => None,
        })
        .collect();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        sup,
        [
            (None, None, "luis".to_string()),
            (some("1"), some("watcher"), "luis".to_string()),
            (some("2"), some("approval"), "luis".to_string()),
            (some("3"), some("approval"), "luis".to_string()),
        ]
    );
    let o = t.pasos(None, &["log", "show", &run]);
    let shown = text(&o);
    assert!(shown.contains("Run supervised by luis"), "{shown}");
    assert!(
        shown.contains("1 supervised by luis watching live"),
        "{shown}"
    );
    assert!(
        shown.contains("2 supervised by luis by signed approval"),
        "{shown}"
    );
    let o = t.pasos(None, &["report", &run]);
    let report = text(&o);
    assert!(report.contains("| Supervisor | luis |"), "{report}");
    // The KPIs count it, per procedure.
    let o = t.pasos(None, &["kpi", "--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o)));
    let procs = json["procedures"]
        .as_array()
        .unwrap_or_else(|| panic!("{}", text(&o)));
    assert_eq!(procs[0]["figures"]["supervised"], 1, "{json}");
    let o = t.pasos(None, &["kpi"]);
    assert!(text(&o).contains("1 supervised"), "{}", text(&o));
}

#[test]
fn plain_mode_picks_up_an_approval_given_while_its_step_waits() {
    if !have_openssh(module_path!()) {
        return;
    }
    let t = Team::new();
    let proc_path = t.procedure.to_str().unwrap().to_string();
    let mut s = pty_screen::spawn_with(
        &["run", "--plain", "--operator", "ana", &proc_path],
        &t.data,
        t.dir.path(),
        &t.env(&t.ana),
    );
    s.wait_for("> ");
    let run = store::run_id_of(&t.journal());
    s.send("\r");
    s.wait_for("prepared-one");
    s.wait_for(&format!("2 awaits tech-lead: pasos approve {run} 2"));
    let o = t.pasos(Some(&t.luis), &["approve", &run, "2"]);
    assert!(o.status.success(), "{}", text(&o));
    s.send("\r");
    s.wait_for("2 approved by luis@example (tech-lead)");
    s.wait_for("deployed-two");
    let v = verify_file(&t.journal()).unwrap();
    assert!(v.lines.iter().any(|l| matches!(&l.event,
        Event::StepStarted { step, .. } if step == "2")));
    s.crash();
}
