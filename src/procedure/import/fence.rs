//! A code block's info string: the language, Runme's JSON attributes
//! (`sh {"name":"x","interactive":"true"}`) and Rundown's modifiers
//! (`bash named stdout`, `bash spinner:"Building"`).

use super::shell;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// Lower-case language, empty when none.
    pub lang: String,
    /// Runme `name`, Rundown `spinner:"..."`.
    pub name: Option<String>,
    /// Rundown `named`: the first comment names the block.
    pub named: bool,
    pub interactive: Option<bool>,
    /// Attributes that mean nothing to pasos, kept for the report.
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Shell commands to run.
    Shell,
    /// A diagram (Mermaid, PlantUML): kept as a note.
    Diagram,
    /// Anything else (SQL, YAML, output, another language): kept as text.
    Text,
}

const SHELL: &[&str] = &[
    "sh",
    "bash",
    "shell",
    "zsh",
    "ksh",
    "fish",
    "console",
    "shell-session",
    "sh-session",
    "shellsession",
    "terminal",
    "shell-script",
    "bash-session",
    "zsh-session",
];

/// Languages that show a terminal session (prompts, then output).
const SESSIONS: &[&str] = &[
    "console",
    "shell-session",
    "sh-session",
    "shellsession",
    "terminal",
    "bash-session",
    "zsh-session",
];

pub fn parse(info: &str) -> Info {
    let info = info.trim();
    let mut out = Info::default();
    let (head, json) = match info.find('{') {
        Some(i) => (&info[..i], Some(&info[i..])),
        None => (info, None),
    };
    let mut words = split_words(head);
    if !words.is_empty() {
        out.lang = words.remove(0).to_lowercase();
    }
    for w in words {
        match w.split_once(':').or_else(|| w.split_once('=')) {
            Some(("spinner", v)) | Some(("name", v)) => {
                out.name = Some(v.trim_matches('"').to_string())
            }
            Some(("interactive", v)) => out.interactive = Some(v.trim_matches('"') == "true"),
            _ if w == "named" || w == "named-all" => out.named = w == "named",
            _ => out.ignored.push(w),
        }
    }
    if let Some(json) = json {
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json) {
            Ok(map) => {
                for (k, v) in map {
                    let text = match &v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    match k.as_str() {
                        "name" => out.name = Some(text),
                        "interactive" => out.interactive = Some(text == "true"),
                        _ => out.ignored.push(format!("{k}={text}")),
                    }
                }
            }
            Err(_) => out.ignored.push(json.to_string()),
        }
    }
    out
}

/// Words of an info string; quoted values stay whole (`spinner:"A b"`).
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// What the block holds, from its language or, without one, its content.
pub fn classify(info: &Info, text: &str) -> Class {
    let lang = info.lang.as_str();
    if SESSIONS.contains(&lang) {
        // A terminal session shows commands after a prompt; without one
        // the block holds output or a query for another tool (PromQL).
        let prompted = text.lines().any(|l| {
            let t = l.trim_start();
            t.starts_with("$ ") || t.starts_with("# ") || t.starts_with("% ") || t == "$"
        });
        return if prompted { Class::Shell } else { Class::Text };
    }
    if SHELL.contains(&lang) {
        return Class::Shell;
    }
    if matches!(lang, "mermaid" | "plantuml" | "puml" | "dot" | "graphviz") {
        return Class::Diagram;
    }
    if lang.is_empty() && shell::is_shell_text(text) {
        return Class::Shell;
    }
    Class::Text
}

/// Whether a text block reads as a command's output.
pub fn is_output(info: &Info) -> bool {
    matches!(
        info.lang.as_str(),
        "" | "text" | "txt" | "output" | "plaintext" | "plain" | "log" | "console" | "json"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runme_and_rundown_attributes() {
        let i = parse(
            r#"sh {"id":"01H","name":"tail-emojivoto","interactive":"true","background":"true"}"#,
        );
        assert_eq!(i.lang, "sh");
        assert_eq!(i.name.as_deref(), Some("tail-emojivoto"));
        assert_eq!(i.interactive, Some(true));
        assert_eq!(i.ignored, vec!["background=true", "id=01H"]);
        let r = parse(r#"bash spinner:"Generating man pages" stdout"#);
        assert_eq!(r.name.as_deref(), Some("Generating man pages"));
        assert_eq!(r.ignored, vec!["stdout"]);
        assert!(parse("bash reveal named").named);
    }

    #[test]
    fn classes() {
        assert_eq!(classify(&parse("bash"), "x"), Class::Shell);
        assert_eq!(classify(&parse("mermaid"), "graph TD"), Class::Diagram);
        assert_eq!(
            classify(&parse(""), "dig @127.0.0.1 -p 8600 x SRV"),
            Class::Shell
        );
        assert_eq!(
            classify(&parse(""), "tags:\n  nofailover: true"),
            Class::Text
        );
        assert_eq!(classify(&parse("sql"), "select 1"), Class::Text);
        assert_eq!(
            classify(&parse("console"), "$ etcdctl defrag"),
            Class::Shell
        );
        assert_eq!(
            classify(
                &parse("console"),
                "(etcd_mvcc_db_total_size_in_bytes / quota) * 100"
            ),
            Class::Text
        );
    }
}
