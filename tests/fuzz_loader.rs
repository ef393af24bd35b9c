//! Property tests: `pasos::procedure::check_bytes` never panics, whatever
//! the bytes, and what it returns can be rendered the way `pasos check`
//! renders it (positions, snippets, JSON) without panicking either.
//!
//! `PASOS_FUZZ_CASES` sets the cases *per property* (default 4,000: about
//! 4 s for the whole file in a debug build on two cores, 8 s on one). A long run:
//! `PASOS_FUZZ_CASES=25000 cargo test --release --test fuzz_loader`
//! (4 properties, so 100,000 cases).

use pasos::diagnostic::{FileReport, render_human, render_json};
use pasos::procedure::check_bytes;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// A valid procedure with every section of the format (no warnings).
const VALID: &str = include_str!("fixtures/valid.toml");
/// The repository's demo, a second valid seed with other shapes.
const DEMO: &str = include_str!("../procedures/demo.toml");

fn cases() -> u32 {
    std::env::var("PASOS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(4_000)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Shrinking a failure must not run for ever on a big input.
        max_shrink_iters: 20_000,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    }
}

/// Loads, lints and renders like the CLI, checking the promises the
/// renderers rely on.
fn check_everything(bytes: &[u8]) {
    let loaded = check_bytes(bytes);
    assert_eq!(
        loaded.procedure.is_some(),
        loaded.errors() == 0,
        "a procedure comes back exactly when there are no errors: {:#?}",
        loaded.diagnostics
    );
    let len = loaded.source.text().len();
    for d in &loaded.diagnostics {
        if let Some(span) = &d.span {
            assert!(
                span.start <= len,
                "span {span:?} starts past the end ({len}) in {d:?}"
            );
            let pos = loaded.source.position(span.start);
            assert!(pos.line >= 1 && pos.col >= 1, "{pos:?}");
        }
        assert!(!d.message.is_empty(), "empty message: {d:?}");
    }
    let human = render_human(
        "fuzz.toml",
        &loaded.source,
        &loaded.diagnostics,
        false,
        pasos::i18n::Lang::En,
    );
    let heads = human.matches("error[").count() + human.matches("warning[").count();
    assert!(
        heads >= loaded.diagnostics.len(),
        "a diagnostic was not rendered:\n{human}"
    );
    let _ = render_human(
        "fuzz.toml",
        &loaded.source,
        &loaded.diagnostics,
        true,
        pasos::i18n::Lang::Es,
    );
    let report = FileReport::new("fuzz.toml", &loaded.source, &loaded.diagnostics, true);
    let json = render_json(&[report]);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "invalid JSON: {json}"
    );
}

// ---- generators ------------------------------------------------------------

/// Text made of what TOML procedures are made of, to get past the parser.
fn tomlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("\n".to_string()),
        Just("[procedure]\n".to_string()),
        Just("[[phases]]\n".to_string()),
        Just("[[phases.steps]]\n".to_string()),
        Just("[phases.steps.rollback]\n".to_string()),
        Just("[[rollback.steps]]\n".to_string()),
        Just("[[decision]]\n".to_string()),
        Just("[[variables]]\n".to_string()),
        Just(" = ".to_string()),
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("'".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("${".to_string()),
        Just("\\".to_string()),
        Just("#".to_string()),
        "[a-z_]{1,12}",
        "[A-Z_]{1,8}",
        "[0-9]{1,4}[hms]?",
        "[ -~]{0,12}",
        "[áéíóúñ¿¡€\u{feff}\u{0}\t\r]{1,3}",
    ];
    prop::collection::vec(token, 0..120).prop_map(|parts| parts.concat())
}

/// A value to put after `key = `: well-formed or not, of every TOML type.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        // Strings shaped like what the fields expect.
        "[0-9]{1,3}(h|m|s|min| min|)(-[0-9]{1,3}(h|m|s)?)?".prop_map(|s| format!("\"{s}\"")),
        "[0-9]{1,2}\\.[0-9]{1,2}(\\.[0-9]{1,2})?(-[a-z]+)?".prop_map(|s| format!("\"{s}\"")),
        prop::sample::select(vec![
            "alta",
            "crítica",
            "BAJA",
            "media",
            "urgente",
            "rollback",
            "execution",
            "post",
            "preflight",
            "automatico",
            "manual",
            "none",
            "",
            " ",
            "R1",
            "R9",
            "1",
            "P1",
            "inicio",
            "fin",
            "seguir",
            "revertir",
            "desplegado",
            "2026-02-30",
            "2026-11-20",
            "${WORKDIR}",
            "${NOPE}",
            "${DB_HOST:-x}",
            "[a-",
            "(?P<",
            "^ok$",
            "\\\\",
            "deployment",
            "on-demand",
        ])
        .prop_map(|s| format!("\"{s}\"")),
        "[ -~áñ]{0,20}".prop_map(|s| format!("{s:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999999".to_string()),
        Just("0x7FFFFFFFFFFFFFFF".to_string()),
        any::<f64>().prop_map(|f| format!("{f:?}")),
        any::<bool>().prop_map(|b| b.to_string()),
        Just("2026-11-20".to_string()),
        Just("2026-11-20T10:00:00Z".to_string()),
        Just("10:00:00".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("[\"R1\", \"R2\", 3]".to_string()),
        Just("[[1], [\"a\"]]".to_string()),
        Just("{ run = \"echo ${X}\", timeout = \"5m\" }".to_string()),
        Just("{ output = \"(\" }".to_string()),
        Just("{ command = 1, exit_code = 300 }".to_string()),
        Just("{ steps = [\"R1\"] }".to_string()),
        Just("{ }".to_string()),
        Just("\"\"\"\nvarias\nlíneas\"\"\"".to_string()),
        Just("".to_string()),
        Just("\"sin cerrar".to_string()),
    ]
}

/// Picks an item out of a collection of any (non-zero) size; shrinks
/// towards the first item.
type Pick = usize;

fn pick(p: &Pick, len: usize) -> usize {
    p % len.max(1)
}

/// One edit of a procedure's text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Pick),
    DuplicateLine(Pick),
    SwapLines(Pick, Pick),
    ReplaceLine(Pick, String),
    InsertLine(Pick, String),
    CopyLine(Pick, Pick),
    SetByte(Pick, u8),
    InsertBytes(Pick, Vec<u8>),
    DeleteBytes(Pick, usize),
    Truncate(Pick),
}

/// A whole line to insert: a header, an assignment, or TOML-ish noise.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (prop::sample::select(KEYS), value()).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => prop::sample::select(vec![
            "[procedure]", "[purpose]", "[purpose.impact]", "[[phases]]", "[[phases.steps]]",
            "[phases.steps.rollback]", "[rollback]", "[[rollback.steps]]", "[[decision]]", "[[variables]]",
            "[[triggers]]", "[[prerequisites]]", "[[severity]]", "[[troubleshooting]]", "[[contacts]]",
            "[phases]", "[[procedure]]", "",
        ])
        .prop_map(str::to_string),
        1 => tomlish(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Pick>().prop_map(Mutation::DeleteLine),
        1 => any::<Pick>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Pick>(), any::<Pick>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        2 => (any::<Pick>(), line()).prop_map(|(i, s)| Mutation::ReplaceLine(i, s)),
        2 => (any::<Pick>(), line()).prop_map(|(i, s)| Mutation::InsertLine(i, s)),
        1 => (any::<Pick>(), any::<Pick>()).prop_map(|(a, b)| Mutation::CopyLine(a, b)),
        // Mostly printable bytes, so that most edited files are still UTF-8.
        2 => (any::<Pick>(), prop_oneof![4 => 0x20u8..0x7f, 1 => any::<u8>()])
            .prop_map(|(i, b)| Mutation::SetByte(i, b)),
        1 => (any::<Pick>(), prop::collection::vec(prop_oneof![4 => 0x20u8..0x7f, 1 => any::<u8>()], 1..8))
            .prop_map(|(i, b)| Mutation::InsertBytes(i, b)),
        1 => (any::<Pick>(), 1usize..64).prop_map(|(i, n)| Mutation::DeleteBytes(i, n)),
        1 => any::<Pick>().prop_map(Mutation::Truncate),
    ]
}

fn apply(seed: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = seed.split('\n').map(|l| l.as_bytes().to_vec()).collect();
    let mut tail: Vec<(usize, Mutation)> = Vec::new();
    for (n, m) in mutations.iter().enumerate() {
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        let len = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(pick(i, len));
            }
            Mutation::DuplicateLine(i) => {
                let at = pick(i, len);
                lines.insert(at, lines[at].clone());
            }
            Mutation::SwapLines(a, b) => lines.swap(pick(a, len), pick(b, len)),
            Mutation::ReplaceLine(i, s) => lines[pick(i, len)] = s.as_bytes().to_vec(),
            Mutation::InsertLine(i, s) => lines.insert(pick(i, len + 1), s.as_bytes().to_vec()),
            Mutation::CopyLine(from, to) => {
                let line = lines[pick(from, len)].clone();
                lines.insert(pick(to, len + 1), line);
            }
            // Byte-level edits apply to the joined text, after the line edits.
            other => tail.push((n, other.clone())),
        }
    }
    let mut bytes = lines.join(&b'\n');
    for (_, m) in tail {
        let len = bytes.len().max(1);
        match m {
            Mutation::SetByte(i, b) if !bytes.is_empty() => {
                let at = pick(&i, len);
                bytes[at] = b;
            }
            Mutation::InsertBytes(i, b) => {
                let at = pick(&i, bytes.len() + 1);
                bytes.splice(at..at, b);
            }
            Mutation::DeleteBytes(i, n) if !bytes.is_empty() => {
                let at = pick(&i, len);
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(i) => bytes.truncate(pick(&i, bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

/// Line numbers of `key = value` lines whose value ends on the same line.
fn one_line_assignments(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            let Some((key, value)) = l.split_once(" = ") else {
                return false;
            };
            let value = value.trim_end();
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                && !value.contains("\"\"\"")
                && (!value.starts_with('[') || value.ends_with(']'))
        })
        .map(|(n, _)| n)
        .collect()
}

const KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "criticality",
    "version",
    "estimate",
    "budget",
    "updated",
    "commands",
    "expected",
    "validation",
    "rollback",
    "steps",
    "yes",
    "no",
    "step",
    "question",
    "action",
    "manual",
    "confirm",
    "secret",
    "default",
    "pattern",
    "name",
    "output",
    "exit_code",
    "allow",
    "rto",
    "rpo",
    "category",
    "frequency",
    "titulo",
    "comandos",
    "quick_checklist",
    "procedure",
    "phases",
];

fn substitute(seed: &str, edits: &[(Pick, String, Option<Pick>)]) -> String {
    let targets = one_line_assignments(seed);
    let mut lines: Vec<String> = seed.lines().map(str::to_string).collect();
    for (which, value, rename) in edits {
        let n = targets[pick(which, targets.len())];
        let line = lines[n].clone();
        let indent = &line[..line.len() - line.trim_start().len()];
        let key = line
            .trim_start()
            .split_once(" = ")
            .map(|(k, _)| k.to_string())
            .unwrap_or_default();
        let key = match rename {
            Some(i) => KEYS[pick(i, KEYS.len())].to_string(),
            None => key,
        };
        lines[n] = format!("{indent}{key} = {value}");
    }
    lines.join("\n")
}

fn seed() -> impl Strategy<Value = &'static str> {
    prop_oneof![3 => Just(VALID), 1 => Just(DEMO)]
}

// ---- properties ------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_everything(&bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in prop_oneof![any::<String>(), tomlish()]) {
        check_everything(text.as_bytes());
    }

    #[test]
    fn mutated_procedures_never_panic(
        seed in seed(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        check_everything(&apply(seed, &mutations));
    }

    #[test]
    fn random_values_in_random_keys_never_panic(
        seed in seed(),
        edits in prop::collection::vec(
            (any::<Pick>(), value(), prop::option::weighted(0.2, any::<Pick>())),
            1..6,
        ),
    ) {
        check_everything(substitute(seed, &edits).as_bytes());
    }
}

// ---- the generators themselves, and fixed inputs -----------------------------

#[test]
fn the_seeds_are_valid_and_warning_free() {
    for (name, seed) in [("valid.toml", VALID), ("demo.toml", DEMO)] {
        let loaded = check_bytes(seed.as_bytes());
        assert!(
            loaded.procedure.is_some(),
            "{name}: {:#?}",
            loaded.diagnostics
        );
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {:#?}",
            loaded.diagnostics
        );
    }
}

#[test]
fn substitution_reaches_the_fields_and_keeps_the_syntax() {
    // Most one-line values are editable, and an edit that keeps the type
    // and form keeps the file valid: the generator tests the loader's
    // field checks, not only the TOML parser.
    assert!(
        one_line_assignments(VALID).len() > 60,
        "{:?}",
        one_line_assignments(VALID)
    );
    let targets = one_line_assignments(VALID);
    let at = targets
        .iter()
        .position(|&n| {
            VALID
                .lines()
                .nth(n)
                .unwrap()
                .starts_with("estimate = \"8-12m\"")
        })
        .expect("the total estimate is editable");
    let edit = (at, "\"8-13m\"".to_string(), None);
    let text = substitute(VALID, &[edit]);
    assert!(
        text.contains("estimate = \"8-13m\"") && !text.contains("8-12m"),
        "{text}"
    );
    assert!(check_bytes(text.as_bytes()).procedure.is_some());
    let edit = (at, "\"5 min\"".to_string(), None);
    let loaded = check_bytes(substitute(VALID, &[edit]).as_bytes());
    assert_eq!(
        loaded
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        vec!["bad-duration"]
    );
}

#[test]
fn mutations_edit_the_text() {
    let first: Pick = 0;
    let deleted = apply(VALID, &[Mutation::DeleteLine(first)]);
    assert_eq!(
        deleted.len(),
        VALID.len() - VALID.lines().next().unwrap().len() - 1
    );
    let duplicated = apply(VALID, &[Mutation::DuplicateLine(first)]);
    assert!(duplicated.len() > VALID.len());
    let truncated = apply(VALID, &[Mutation::Truncate(10)]);
    assert!(truncated.len() < VALID.len());
    assert_eq!(apply(VALID, &[]), VALID.as_bytes());
}

/// Inputs that once looked risky for a loader: offsets at the very end,
/// multi-byte characters next to errors, BOMs, deep nesting.
#[test]
fn fixed_tricky_inputs_never_panic() {
    let deep_array = format!("a = {}", "[".repeat(10_000));
    let deep_table = format!("a = {}", "{ b = ".repeat(5_000));
    let dotted = format!("{} = 1", vec!["a"; 5_000].join("."));
    let inputs: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xEF\xBB".to_vec(),
        b"\xFF\xFE[\x00".to_vec(),
        b"\xC3".to_vec(),
        "\u{feff}\u{feff}[procedure]".as_bytes().to_vec(),
        b"[procedure]\nid = \"\xC3\xA9".to_vec(),
        b"[procedure]\nestimate = \"\xC3\xB1m\"".to_vec(),
        b"[procedure]\nestimate = \"-\"".to_vec(),
        b"[procedure]\nestimate = \"0-0s\"".to_vec(),
        b"[procedure]\nestimate = \"18446744073709551615s\"".to_vec(),
        b"[procedure]\nestimate = \"99999999999999h-1s\"".to_vec(),
        b"[procedure]\nversion = \"\"".to_vec(),
        b"[[phases]]\n[[phases.steps]]\ncommands = [\"${\"]".to_vec(),
        b"[[phases]]\n[[phases.steps]]\ncommands = [\"$\", \"${\", \"${}\", \"${#\", \"\\\\\"]"
            .to_vec(),
        b"[[phases]]\nkind = \"rollback\"\n[[phases.steps]]\nrollback = {}".to_vec(),
        b"[[decision]]\nyes = \"\"\nno = \"\"\n[[decision]]\nid = \"\"".to_vec(),
        b"[[variables]]\nname = \"\"\nsecret = true\ndefault = \"\"".to_vec(),
        b"[procedure]\r\nid = \"\r\n".to_vec(),
        b"a = 1\r".to_vec(),
        b"\t\t\t\"".to_vec(),
        deep_array.into_bytes(),
        deep_table.into_bytes(),
        dotted.into_bytes(),
    ];
    for input in inputs {
        check_everything(&input);
    }
}
