//! Commands and the comments around them (`# Esperado: ...`,
//! `# Tiempo estimado: ...`, `# 1. Paso`), grouped.

use super::lex::{Piece, lex};
use crate::procedure::import::duration::{self, Found};
use regex::Regex;
use std::sync::OnceLock;

/// What a shell code block says, read as a runbook step would use it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// `# 1. Title` / `# Paso 2: Title` that opened this group.
    pub marker: Option<(String, String)>,
    pub commands: Vec<String>,
    /// Lines that are not commands (YAML pasted in a shell block, comment-only groups).
    pub text: Vec<String>,
    pub expected: Vec<String>,
    pub on_failure: Vec<String>,
    pub estimate: Option<Found>,
    /// What was read out of comments, for the report.
    pub read: Vec<crate::procedure::import::msg::Msg>,
}

impl Group {
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
            && self.text.is_empty()
            && self.expected.is_empty()
            && self.on_failure.is_empty()
    }
}

/// Compiles the patterns now (see [`super::super::warm_up`]).
pub(crate) fn warm() {
    comment_patterns();
}

fn comment_patterns() -> &'static [Regex; 4] {
    static P: OnceLock<[Regex; 4]> = OnceLock::new();
    P.get_or_init(|| {
        [
            Regex::new(r"(?i)^#+\s*(?:(?:paso|step)\s+)?(\d{1,3})[.:)]\s+(\S.*)$").expect("marker"),
            Regex::new(
                r"(?i)^#+\s*(?:output\s+esperado|salida\s+esperada|resultado\s+esperado|esperado|expected(?:\s+output|\s+result)?|output\s+ejemplo|ejemplo\s+de\s+salida|example\s+output|debe\s+(?:retornar|devolver|mostrar|ser|existir)|should\s+(?:return|show|be)|cada\s+comando\s+debe\s+retornar)\s*:?\s*(.*)$",
            )
            .expect("expected"),
            Regex::new(r"(?i)^#+\s*(?:tiempo(?:\s+estimado)?|duraci[oó]n(?:\s+estimada)?|estimated\s+time|duration)\s*:\s*(.+)$")
                .expect("estimate"),
            Regex::new(r"(?i)^#+\s*(?:si\s+falla|if\s+(?:it\s+)?fails|on\s+failure|en\s+caso\s+de\s+(?:error|fallo)|si\s+hay\s+errores?)\s*[:,]?\s*(.+)$")
                .expect("on failure"),
        ]
    })
}

/// Reads a shell block into groups; a new group starts at each numbered
/// comment (`# 1. ...`). Callers that do not split steps merge them.
pub fn read(text: &str) -> Vec<Group> {
    let [marker, expected, estimate, failure] = comment_patterns();
    let mut groups = vec![Group::default()];
    let mut pending: Vec<String> = Vec::new();
    let mut expecting = false;
    for piece in lex(text) {
        let g = groups.last_mut().expect("never empty");
        match piece {
            Piece::Blank => expecting = false,
            Piece::Comment(line) => {
                let t = line.trim();
                // Cheap checks first: most comments are none of these.
                let lower = t.to_lowercase();
                let body = lower.trim_start_matches('#').trim_start();
                let maybe_marker = body.starts_with(|c: char| c.is_ascii_digit())
                    || body.starts_with("paso")
                    || body.starts_with("step");
                let maybe_field = [
                    "esperad",
                    "expected",
                    "output",
                    "salida",
                    "resultado",
                    "ejemplo",
                    "example",
                    "debe",
                    "should",
                    "tiempo",
                    "duraci",
                    "duration",
                    "estimated",
                    "si ",
                    "if ",
                    "on failure",
                    "en caso",
                ]
                .iter()
                .any(|k| body.starts_with(k) || (k.len() >= 4 && body.contains(k)));
                if !maybe_marker && !maybe_field && !expecting {
                    pending.push(line);
                    continue;
                }
                if let Some(c) = marker.captures(t).filter(|_| maybe_marker) {
                    flush_trailing(g, &mut pending);
                    groups.push(Group {
                        marker: Some((c[1].to_string(), c[2].trim().to_string())),
                        ..Group::default()
                    });
                    expecting = false;
                } else if let Some(c) = expected.captures(t) {
                    let rest = c[1].trim();
                    if rest.is_empty() {
                        expecting = true;
                    } else {
                        g.expected.push(rest.to_string());
                        expecting = false;
                    }
                    g.read.push(crate::msg!(
                        "import-detail-comment-expected",
                        comment = t.to_string()
                    ));
                } else if expecting {
                    g.expected
                        .push(t.trim_start_matches('#').trim().to_string());
                } else if let Some(f) = estimate
                    .captures(t)
                    .and_then(|c| duration::whole(&c[1]))
                    .filter(|_| g.estimate.is_none())
                {
                    g.read.push(crate::msg!(
                        "import-detail-comment-estimate",
                        estimate = f.estimate.to_string(),
                        comment = t.to_string()
                    ));
                    g.estimate = Some(f);
                } else if let Some(c) = failure.captures(t) {
                    g.on_failure.push(c[1].trim().to_string());
                    g.read.push(crate::msg!(
                        "import-detail-comment-failure",
                        comment = t.to_string()
                    ));
                } else {
                    pending.push(line);
                }
            }
            Piece::Command(cmd) => {
                expecting = false;
                if is_text_line(&cmd) {
                    g.text.append(&mut pending);
                    g.text.push(cmd);
                    continue;
                }
                let mut run = pending.join("\n");
                pending.clear();
                if !run.is_empty() {
                    run.push('\n');
                }
                run.push_str(&cmd);
                g.commands.push(run);
            }
        }
    }
    let g = groups.last_mut().expect("never empty");
    flush_trailing(g, &mut pending);
    if groups.len() > 1 && groups[0].is_empty() {
        groups.remove(0);
    }
    groups
}

/// Paragraphs of a shell block (split at blank lines) with the comment
/// that opens each: `# Servicio no responde` then its commands.
pub fn comment_groups(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    let mut open = false;
    for piece in lex(text) {
        match piece {
            Piece::Blank => open = false,
            Piece::Comment(c) => {
                let c = c.trim().trim_start_matches('#').trim().to_string();
                match out.last_mut() {
                    Some((Some(title), cmds)) if open && cmds.is_empty() => {
                        title.push_str("; ");
                        title.push_str(&c);
                    }
                    _ => {
                        out.push((Some(c), Vec::new()));
                        open = true;
                    }
                }
            }
            Piece::Command(cmd) => {
                if !open || out.is_empty() {
                    out.push((None, Vec::new()));
                    open = true;
                }
                out.last_mut().expect("just ensured").1.push(cmd);
            }
        }
    }
    out
}

/// Comment lines as text: `# - Reemplazar XXX` -> `- Reemplazar XXX`.
pub fn uncomment(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| match l.trim_start().strip_prefix('#') {
            Some(rest) if !l.trim_start().starts_with("#!") => {
                rest.strip_prefix(' ').unwrap_or(rest).to_string()
            }
            _ => l.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Comments after the last command of a group stay with that command.
fn flush_trailing(g: &mut Group, pending: &mut Vec<String>) {
    if pending.is_empty() {
        return;
    }
    match g.commands.last_mut() {
        Some(last) => {
            for p in pending.drain(..) {
                last.push('\n');
                last.push_str(&p);
            }
        }
        None => g.text.append(pending),
    }
}

/// YAML or configuration pasted into a shell block: `key:` or `key: value`
/// lines that no shell would run.
fn is_text_line(cmd: &str) -> bool {
    let first = cmd.lines().next().unwrap_or("").trim();
    let word = first.split_whitespace().next().unwrap_or("");
    (word.ends_with(':') && !word.contains("://") && word.len() > 1 && !word.starts_with('$'))
        || first.starts_with("- ") && first.contains(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_comments_around_commands() {
        let text = "# Verificar servicios\nsystemctl status api\n# Esperado: active (running)\n\n# Tiempo estimado: 3-5 minutos\nhelm rollback app\n# Si falla: escalar al DBA\n# nota final\n";
        let g = read(text);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g[0].commands,
            vec![
                "# Verificar servicios\nsystemctl status api",
                "helm rollback app\n# nota final"
            ]
        );
        assert_eq!(g[0].expected, vec!["active (running)"]);
        assert_eq!(g[0].estimate.as_ref().unwrap().estimate.to_string(), "3-5m");
        assert_eq!(g[0].on_failure, vec!["escalar al DBA"]);
    }

    #[test]
    fn numbered_comments_open_groups() {
        let g = read(
            "#!/bin/bash\n# 1. Verificar tests\nnpm test\n\n# 2. Backup\n./deploy.sh backup\n# 3. Notificar\n# Slack: #general\n",
        );
        assert_eq!(g.len(), 4);
        assert_eq!(g[1].marker.as_ref().unwrap().1, "Verificar tests");
        assert_eq!(g[3].text, vec!["# Slack: #general"]);
    }

    #[test]
    fn yaml_in_a_shell_block_is_text() {
        let g = read(
            "docker stats\n# Aumentar límites\nservices:\n  app:\n    memory: 2G\n\ndocker compose up -d\n",
        );
        assert_eq!(g[0].commands.len(), 2);
        assert_eq!(g[0].text.len(), 4);
    }
}
