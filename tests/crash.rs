//! Crash safety: `pasos run` on the demo killed with SIGKILL at 20
//! different points leaves a journal that verifies (with at most a torn
//! last line) and that resumes at the right step and finishes.

use pasos::journal::{store, verify_file};
use pasos::procedure::load_str;
use pasos::run::{Engine, SystemClock};
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

const DEMO: &str = include_str!("../procedures/demo.toml");

fn spawn(data: &std::path::Path, work: &str, extra: &[&str]) -> (Child, Receiver<Vec<u8>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .args(["run", &format!("--var=WORKDIR={work}")])
        .env("PASOS_VAR_NOTIFY_TOKEN", "crash-secret-123")
        .args(extra)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// Answers prompts like an operator who overrides the failing step.
/// Stops after `kill_after` answers (then SIGKILL), or when the run ends.
fn drive(child: &mut Child, rx: &Receiver<Vec<u8>>, kill_after: Option<(usize, u64)>) -> String {
    let mut all = String::new();
    let mut from = 0;
    let mut answers = 0;
    loop {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(chunk) => all.push_str(&String::from_utf8_lossy(&chunk)),
            Err(_) => return all, // the process ended (or hung: the caller sees it)
        }
        let tail = &all[from..];
        let answer = if tail.ends_with("quit ") && tail.contains("[y] confirmed") {
            "y"
        } else if tail.ends_with("(empty to go back): ") {
            "3"
        } else if tail.ends_with("Reason (recorded in the journal): ") {
            "crash test: schema checked by hand"
        } else if tail.ends_with("\n> ") {
            let menu = tail.lines().rev().nth(1).unwrap_or("");
            if menu.starts_with("[r] retry") {
                "o"
            } else {
                ""
            }
        } else {
            continue;
        };
        from = all.len();
        let stdin = child.stdin.as_mut().unwrap();
        let _ = writeln!(stdin, "{answer}");
        let _ = stdin.flush();
        answers += 1;
        if let Some((k, delay_ms)) = kill_after
            && answers == k
        {
            std::thread::sleep(Duration::from_millis(delay_ms));
            let _ = child.kill(); // SIGKILL
            let _ = child.wait();
            return all;
        }
    }
}

#[test]
fn killed_at_20_points_the_journal_verifies_and_resumes_at_the_right_step() {
    let mut points = 0;
    let mut resumed = 0;
    for k in 1..=10 {
        for delay_ms in [0, 8] {
            points += 1;
            let data = tempfile::tempdir().unwrap();
            let work = tempfile::Builder::new()
                .prefix("pasos-crash-")
                .tempdir_in("/tmp")
                .unwrap();
            let workdir = work.path().join("demo").display().to_string();
            let (mut child, rx) = spawn(data.path(), &workdir, &[]);
            drive(&mut child, &rx, Some((k, delay_ms)));
            let journals = store::list(data.path()).unwrap();
            assert_eq!(journals.len(), 1, "point {points}");
            let v = verify_file(&journals[0]).unwrap();
            assert!(
                v.intact(),
                "point {points} (answer {k}, +{delay_ms} ms): {:?}",
                v.problems
            );
            let engine = Engine::replay(
                load_str(DEMO).procedure.unwrap(),
                Box::new(SystemClock),
                &v.lines,
            )
            .unwrap();
            if matches!(engine.state().status, pasos::run::RunStatus::Finished(_)) {
                eprintln!("point {points}: finished before the kill");
                continue;
            }
            let expected = engine.next_item().map(|i| i.id.clone()).unwrap();
            let interrupted = engine
                .state()
                .items
                .iter()
                .filter(|i| i.status == pasos::run::StepStatus::Interrupted)
                .map(|i| i.id.clone())
                .collect::<Vec<_>>();
            eprintln!(
                "point {points}: {} events, torn tail {:?}, interrupted {interrupted:?}, resumes at {expected}",
                v.lines.len(),
                v.torn_tail.as_ref().map(|t| t.bytes)
            );
            resumed += 1;
            let run_id = store::run_id_of(&journals[0]);
            let (mut child, rx) = spawn(data.path(), &workdir, &["--resume", &run_id]);
            let out = drive(&mut child, &rx, None);
            let status = child.wait().unwrap();
            assert_eq!(
                status.code(),
                Some(0),
                "point {points}: resumed run did not finish:\n{out}"
            );
            let ids: Vec<String> = engine.state().items.iter().map(|i| i.id.clone()).collect();
            let first_card = out
                .lines()
                .find_map(|l| {
                    l.strip_prefix('[')
                        .and_then(|r| r.split_once(']'))
                        .map(|(id, _)| id.to_string())
                })
                .filter(|id| ids.contains(id));
            assert_eq!(
                first_card.as_deref(),
                Some(expected.as_str()),
                "point {points}:\n{out}"
            );
            let v = verify_file(&journals[0]).unwrap();
            assert!(
                v.intact() && v.torn_tail.is_none(),
                "point {points}: {:?}",
                v.problems
            );
        }
    }
    assert_eq!(points, 20);
    assert!(resumed >= 15, "only {resumed} points were resumed");
}
