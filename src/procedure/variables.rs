//! `${NAME}` references in commands, and the names a command assigns.
//!
//! `${NAME}` is how a procedure names its variables. A name is declared when
//! it is in `[[variables]]`, assigned by a command of the procedure (shell
//! variables that later steps reuse, like `ROLLBACK_DIR=...`), provided by
//! pasos (`PASOS_*`) or a standard environment variable. `$NAME` without
//! braces is plain shell and is not checked.

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

/// Names that `text` assigns as shell variables: `NAME=` and `NAME+=`
/// (also after `export`, `local`, `declare`, `readonly`, `typeset`),
/// `export NAME`, `for NAME in`, `select NAME in`, and the names `read`
/// fills. A name counts only where a shell word starts: at the start of a
/// line, or after white space or one of ``;&|(`{``. One pass, no regex:
/// this runs for every command of every procedure loaded.
pub fn assigned_names(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
            continue;
        }
        let end = word_end(b, i);
        if !b[i].is_ascii_digit() && starts_word(text, i) {
            let word = &text[i..end];
            let rest = &b[end..];
            if rest.starts_with(b"=") || rest.starts_with(b"+=") {
                out.push(word.to_string());
            } else if let Some((name, after)) = name_after_space(text, end) {
                match word {
                    "export" => out.push(name.to_string()),
                    "for" | "select" if in_follows(text, after) => out.push(name.to_string()),
                    _ => {}
                }
            }
        }
        i = end;
    }
    out.extend(read_names(text));
    out
}

/// Where the run of `[A-Za-z0-9_]` that starts at `i` ends.
fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
        i += 1;
    }
    i
}

/// Whether a shell word can start at byte `i`.
fn starts_word(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => true,
        Some(c) => c.is_whitespace() || ";&|(`{".contains(c),
    }
}

/// The name after white space at `from` (`export NAME`), and where it ends.
fn name_after_space(text: &str, from: usize) -> Option<(&str, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return None;
    }
    let start = from + (rest.len() - trimmed.len());
    let b = text.as_bytes();
    if !b
        .get(start)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    {
        return None;
    }
    let end = word_end(b, start);
    Some((&text[start..end], end))
}

/// White space, then the word `in` (`for f in`).
fn in_follows(text: &str, from: usize) -> bool {
    let rest = &text[from..];
    let trimmed = rest.trim_start();
    trimmed.len() < rest.len()
        && trimmed.starts_with("in")
        && !trimmed[2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Words of a command line, quotes respected (`'a b'` is one word) and
/// ``; | & ( ` `` as separators.
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
            (None, c) if c.is_whitespace() || ";|&()`".contains(c) => {
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

    /// The regular expressions `assigned_names` used before it became one
    /// pass: the oracle it must agree with. Their `read` branch is left
    /// out: it did not know quotes (`"You have read the notes"` assigned
    /// `the`) and took `do` for a name (`read -r line; do`); the names
    /// `read` fills come from `read_names`, as before.
    fn assigned_by_regex(text: &str) -> std::collections::BTreeSet<String> {
        static RE: std::sync::OnceLock<Vec<regex::Regex>> = std::sync::OnceLock::new();
        let patterns = RE.get_or_init(|| {
            [
            r"(?m)(?:^|[\s;&|(`{])(?:(?:export|local|readonly|declare|typeset)(?:\s+-\w+)*\s+)?([A-Za-z_][A-Za-z0-9_]*)\+?=",
            r"(?m)(?:^|[\s;&|(`{])export\s+([A-Za-z_][A-Za-z0-9_]*)",
            r"(?m)(?:^|[\s;&|(`{])(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b",
            ]
            .iter()
            .map(|p| regex::Regex::new(p).unwrap())
            .collect()
        });
        let mut out: std::collections::BTreeSet<String> = read_names(text).into_iter().collect();
        for re in patterns {
            for c in re.captures_iter(text) {
                out.insert(c[1].to_string());
            }
        }
        out
    }

    #[test]
    fn one_pass_agrees_with_the_regular_expressions() {
        let mut texts: Vec<String> = [
            "A=1 B=2;C+=3|D=(x)`E=1`{F=2",
            "X=Y=1 aFOO=1 1FOO=2 é=1 \u{a0}NB=1 \u{3000}IDEO=2",
            "export  FOO  BAR=1; export -n NOPE; local -r L=1; declare -A M=() typeset T",
            "for f in *; do; for(( i=0; i<3; i++ )); select opt in a b; for x inside; for y in",
            "while read -r line; do :; done; read -t 5 X; `read Y`; read -p 'Name: ' N M",
            "exportFOO=1 readonly R=1 reader x forx in y",
            "curl -d a=b http://x?q=1 --data 'k=v' VAR=\"$(cmd)\" && OTHER=1",
            "export",
            "for",
            "=",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(crate::procedure::corpus_lines());
        for t in &texts {
            let new: std::collections::BTreeSet<String> = assigned_names(t).into_iter().collect();
            assert_eq!(new, assigned_by_regex(t), "{t:?}");
        }
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
