//! A valid procedure whose decision tree is a chain of `n` questions, each
//! "yes" going to the next and "no" to a shared action: the shape that
//! used to overflow the stack (recursive walks) and take quadratic time.
//! Shared by `benches/check.rs` and `tests/hostile_files.rs`.

#![allow(dead_code)]

pub fn decision_chain(n: usize) -> String {
    let mut s = String::from(
        r#"[procedure]
id = "PROC-CHAIN-001"
title = "Decision chain"
category = "maintenance"
criticality = "baja"
frequency = "on-demand"
estimate = "1m"
version = "1.0.0"
updated = 2026-12-01
author = "pasos bench"
reviewers = ["on-call"]
environment = "test"
rto = "5m"
rpo = "0s"

[purpose]
what = "A long decision chain."
when = "Benchmarks."
when_not = "Never."

[purpose.impact]
users = "None."
systems = "None."
data = "None."
sla = "None."

[[phases]]
id = "main"
kind = "execution"
title = "Main"
budget = "1m"

[[phases.steps]]
id = "1"
title = "Say hello"
estimate = "5s"
instructions = "Prints a word."
commands = ["echo hello"]
expected = "hello"
rollback = "none"
"#,
    );
    for i in 0..n {
        let yes = if i + 1 < n {
            format!("q{}", i + 1)
        } else {
            "done".to_string()
        };
        s.push_str(&format!(
            "\n[[decision]]\nid = \"q{i}\"\nquestion = \"Question {i}?\"\nyes = \"{yes}\"\nno = \"done\"\n"
        ));
    }
    s.push_str("\n[[decision]]\nid = \"done\"\naction = \"Stop here\"\n");
    s
}
