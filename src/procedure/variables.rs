//! `${NAME}` references in commands, and the names a command assigns.
//!
//! `${NAME}` is how a procedure names its variables. A name is declared when
//! it is in `[[variables]]`, assigned by a command of the procedure (shell
//! variables that later steps reuse, like `ROLLBACK_DIR=...`), provided by
//! pasos (`PASOS_*`) or a standard environment variable. `$NAME` without
//! braces is plain shell and is not checked.

use regex::Regex;
use std::sync::OnceLock;

/// One `${NAME}` found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub name: String,
    /// Byte offset of the `$` in the text.
    pub offset: usize,
    /// `${NAME:-x}`, `${NAME-x}`, `${NAME:=x}`, `${NAME:+x}`, `${#NAME}`, `${!NAME}`:
    /// the shell copes when it is unset, so it is not required.
    pub optional: bool,
}

/// Variables pasos sets in the shell of every run.
pub const PASOS_VARIABLES: &[&str] = &[
    "PASOS_RUN_ID",
    "PASOS_PROCEDURE_ID",
    "PASOS_STEP",
    "PASOS_ENV",
    "PASOS_DATA_DIR",
    "PASOS_OPERATOR",
];

const STANDARD_ENV: &[&str] = &[
    "HOME",
    "USER",
    "LOGNAME",
    "PATH",
    "PWD",
    "OLDPWD",
    "SHELL",
    "HOSTNAME",
    "HOST",
    "TMPDIR",
    "LANG",
    "LC_ALL",
    "TERM",
    "EDITOR",
    "PAGER",
    "RANDOM",
    "SECONDS",
    "LINENO",
    "UID",
    "EUID",
    "PPID",
    "IFS",
    "BASH_SOURCE",
    "BASH_VERSION",
    "PIPESTATUS",
    "REPLY",
    "XDG_RUNTIME_DIR",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "KUBECONFIG",
    "BASH_REMATCH",
    "FUNCNAME",
    "BASH_LINENO",
    "BASH_ARGV",
    "BASH_ARGC",
    "EPOCHSECONDS",
    "EPOCHREALTIME",
    "HOSTTYPE",
    "OSTYPE",
    "MACHTYPE",
    "COLUMNS",
    "LINES",
    "GROUPS",
    "DIRSTACK",
    "SSH_CLIENT",
    "SSH_CONNECTION",
];

pub fn is_well_known(name: &str) -> bool {
    STANDARD_ENV.contains(&name) || PASOS_VARIABLES.contains(&name)
}

/// A shell identifier: letters, digits and `_`, not starting with a digit.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every `${...}` reference in `text`, in order.
pub fn references(text: &str) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'$' && bytes[i + 1] == b'{' {
            let start = i;
            let mut j = i + 2;
            let mut optional = false;
            if j < bytes.len() && (bytes[j] == b'#' || bytes[j] == b'!') {
                optional = true;
                j += 1;
            }
            let name_start = j;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            let name = &text[name_start..j];
            let valid = name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' as char);
            if valid && j < bytes.len() {
                match bytes[j] {
                    b'}' | b'[' => {}
                    b':' => {
                        optional |= matches!(bytes.get(j + 1), Some(b'-' | b'=' | b'+'));
                    }
                    b'-' | b'=' | b'+' => optional = true,
                    b'?' | b'%' | b'#' | b'/' | b'^' | b',' | b'@' => {}
                    _ => {
                        i = j;
                        continue;
                    }
                }
                out.push(Reference {
                    name: name.to_string(),
                    offset: start,
                    optional,
                });
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

fn assignment_patterns() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // NAME=..., export NAME=..., local/declare/readonly NAME=...
            r"(?m)(?:^|[\s;&|(`{])(?:(?:export|local|readonly|declare|typeset)(?:\s+-\w+)*\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=",
            // export NAME (without value), read [-flags] NAME...
            r"(?m)(?:^|[\s;&|(`{])(?:export|read(?:\s+-\w+(?:\s+'[^']*'|\s+\S+)?)*)\s+([A-Za-z_][A-Za-z0-9_]*)",
            // for NAME in / select NAME in
            r"(?m)(?:^|[\s;&|(`{])(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("assignment pattern compiles"))
        .collect()
    })
}

/// Names that `text` assigns as shell variables.
pub fn assigned_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for re in assignment_patterns() {
        for c in re.captures_iter(text) {
            if let Some(m) = c.get(1) {
                out.push(m.as_str().to_string());
            }
        }
        // `read -p "prompt" NAME` and `read -r A B C`: take every word after flags.
    }
    out.extend(read_names(text));
    out
}

/// Words of a command line, quotes respected (`'a b'` is one word) and
/// `; | & ( )` as separators.
fn shell_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.push('\u{1}'); // marks a quoted word: never a name
            }
            (None, c) if c.is_whitespace() || ";|&()".contains(c) => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            (None, c) => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Names `read` assigns, wherever it appears (`cmd | while read -r a b; do`):
/// the words after its options, up to the end of the command.
fn read_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = shell_words(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut i = 0;
    while i < words.len() {
        if words[i] != "read" {
            i += 1;
            continue;
        }
        i += 1;
        while i < words.len() {
            let w = words[i];
            if matches!(w, "do" | "then" | "done" | "fi" | "<" | "<<<") || w.starts_with('<') {
                break;
            }
            if w.starts_with('-') {
                // Options that take an argument: the next word is not a name.
                if matches!(w, "-p" | "-t" | "-u" | "-d" | "-n" | "-N" | "-i") {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if is_identifier(w) {
                out.push(w.to_string());
            } else {
                break;
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        references(text)
            .into_iter()
            .map(|r| (r.name, r.optional))
            .collect()
    }

    #[test]
    fn finds_braced_references_only() {
        assert_eq!(
            names("pg_dump -h ${DB_HOST} $PLAIN \"${DIR}/x\" ${1} ${#ARR[@]} \\${ESC}"),
            vec![
                ("DB_HOST".to_string(), false),
                ("DIR".to_string(), false),
                ("ARR".to_string(), true)
            ]
        );
        assert_eq!(
            names("${A:-x} ${B-y} ${C%.sql} ${D:?missing}"),
            vec![
                ("A".to_string(), true),
                ("B".to_string(), true),
                ("C".to_string(), false),
                ("D".to_string(), false),
            ]
        );
    }

    #[test]
    fn finds_offsets() {
        let r = references("echo ${X}");
        assert_eq!(r[0].offset, 5);
    }

    #[test]
    fn finds_assignments() {
        let text = "ROLLBACK_DIR=\"./x\"\nexport BACKUP_FILE=a.sql; local L=1\nfor f in *.sql; do :; done\nread -r -p 'ok? ' ANSWER\nexport PLAIN_EXPORT";
        let got = assigned_names(text);
        for n in [
            "ROLLBACK_DIR",
            "BACKUP_FILE",
            "L",
            "f",
            "ANSWER",
            "PLAIN_EXPORT",
        ] {
            assert!(got.contains(&n.to_string()), "{n} missing from {got:?}");
        }
        assert!(!assigned_names("curl -d a=b http://x?q=1").contains(&"q".to_string()));
        let piped = assigned_names("docker ps | while read -r line; do echo \"${line}\"; done");
        assert!(piped.contains(&"line".to_string()), "{piped:?}");
        let prompted = assigned_names("read -r -p 'Continuar? ' RESPUESTA OTRA");
        assert!(
            prompted.contains(&"RESPUESTA".to_string()) && prompted.contains(&"OTRA".to_string())
        );
        assert!(!prompted.contains(&"Continuar?".to_string()));
    }
}
