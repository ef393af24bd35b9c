//! Heuristics for runbooks that do not follow the template: commands
//! written as inline code, failure hints in prose, numbered lists whose
//! items are the steps, Rundown's tags.

use super::blocks::{BlockKind, Item};
use super::classify::norm;
use super::fence::{self, Class};
use super::inline::{Inline, code_spans, plain};
use super::shell;

/// What an inline command is in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// To be run as part of the step.
    Run,
    /// To be run if the step fails, to undo it (`si falla, ejecutar `x downgrade``).
    Undo,
    /// Mentioned only (how to abort, what to check if something fails).
    Mention,
}

/// Commands written as inline code, with what their sentence makes them.
pub fn inline_commands(inlines: &[Inline]) -> Vec<(String, Context)> {
    let mut out = Vec::new();
    for (before, code) in code_spans(inlines) {
        let code = code.trim().to_string();
        if !shell::looks_like_command(&code) {
            continue;
        }
        let sentence = last_sentence(&before);
        let ctx = if is_abort(&sentence) || is_explanation(&sentence) || after_example(&before) {
            Context::Mention
        } else if is_failure_sentence(&sentence) {
            if undoes(&code) || mentions_undo(&sentence) {
                Context::Undo
            } else {
                Context::Mention
            }
        } else {
            Context::Run
        };
        out.push((code, ctx));
    }
    out
}

fn last_sentence(before: &str) -> String {
    let cut = before
        .rfind(". ")
        .map(|i| i + 2)
        .into_iter()
        .chain(before.rfind('\n').map(|i| i + 1))
        .max()
        .unwrap_or(0);
    before[cut..].to_string()
}

/// `Si falla...`, `If it fails...`, `Si hay errores...`.
pub fn is_failure_sentence(text: &str) -> bool {
    let n = norm(text);
    let spanish = (n.starts_with("si ")
        || n.contains(" si ")
        || n.contains(", si ")
        || n.contains("en caso de"))
        && [
            "falla",
            "fallo",
            "error",
            "no funciona",
            "no responde",
            "no vuelve",
            "no arranca",
            "no levanta",
            "no inicia",
        ]
        .iter()
        .any(|w| n.contains(w));
    let words: Vec<&str> = n.split(|c: char| !c.is_alphanumeric()).collect();
    let english = (n.starts_with("if ")
        || n.contains(" if ")
        || n.contains("in case of")
        || n.contains("on failure"))
        && (words.iter().any(|w| {
            matches!(
                *w,
                "fail" | "fails" | "failed" | "failure" | "error" | "errors" | "broken"
            )
        }) || n.contains("not ok")
            || n.contains("doesn't work")
            || n.contains("does not work"));
    spanish || english
}

/// Inline code that explains rather than instructs: inside parentheses,
/// after "e.g." or "por ejemplo", or in a sentence that runs it only in
/// some cases ("Si hubo migración: ejecutar `x`", "if needed, `y`"). It
/// stays in the step's text; it never runs as part of the step.
fn is_explanation(sentence: &str) -> bool {
    let open = sentence.matches('(').count() > sentence.matches(')').count();
    let n = norm(sentence);
    let example = ["for example", "for instance", "such as", "por ejemplo"]
        .iter()
        .any(|w| n.contains(w));
    let conditional = ["si ", "solo si", "only if", "if ", "cuando ", "when "]
        .iter()
        .any(|w| n.starts_with(w))
        || n.contains(" si es necesario")
        || n.contains("if needed")
        || n.contains("if necessary")
        || n.contains("(opcional")
        || n.contains("(optional");
    open || example || conditional
}

/// `..., e.g. `x``: the sentence splitter cuts at "e.g. ", so look at the
/// text just before the code.
fn after_example(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let t = tail.to_lowercase();
    t.trim_end().ends_with("e.g.")
        || t.trim_end().ends_with("e.g.,")
        || t.trim_end().ends_with("p. ej.")
        || t.trim_end().ends_with("i.e.")
}

fn is_abort(sentence: &str) -> bool {
    let n = norm(sentence);
    [
        "abort",
        "cancel",
        "to stop",
        "para detener",
        "in another shell",
        "en otra terminal",
        "otra consola",
        "to kill",
    ]
    .iter()
    .any(|w| n.contains(w))
}

fn undoes(cmd: &str) -> bool {
    let c = cmd.to_lowercase();
    [
        "downgrade",
        "rollback",
        "roll back",
        "undo",
        "revert",
        "restore",
        "reset --hard",
    ]
    .iter()
    .any(|w| c.contains(w))
}

fn mentions_undo(sentence: &str) -> bool {
    let n = norm(sentence);
    [
        "revertir",
        "deshacer",
        "rollback",
        "revert",
        "undo",
        "roll back",
    ]
    .iter()
    .any(|w| n.contains(w))
}

/// Text and code only: a bullet that may be a bare command.
pub fn is_bare(head: &[Inline]) -> bool {
    !head.is_empty()
        && head
            .iter()
            .all(|i| matches!(i, Inline::Text(_) | Inline::Code(_) | Inline::Break))
}

/// Whether a list item carries something to run.
pub fn item_has_commands(item: &Item) -> bool {
    let head = item.head();
    (is_bare(head) && shell::command_with_remark(&super::inline::bare(head)).is_some())
        || inline_commands(head)
            .iter()
            .any(|(_, c)| *c == Context::Run)
        || item.blocks.iter().any(|b| block_has_commands(&b.kind))
}

pub fn block_has_commands(kind: &BlockKind) -> bool {
    match kind {
        BlockKind::Code { info, text } => {
            fence::classify(&fence::parse(info), text) == Class::Shell
        }
        BlockKind::List { items, .. } => items.iter().any(item_has_commands),
        BlockKind::Paragraph(p) => inline_commands(p).iter().any(|(_, c)| *c == Context::Run),
        BlockKind::Quote(blocks) => blocks.iter().any(|b| block_has_commands(&b.kind)),
        _ => false,
    }
}

/// `Paso 2: ...`, `Step 3 - ...`, `T-15: ...`, `T0: ...`, `T+30 ...`: a list
/// item that names a step or a moment of a cutover timeline.
pub fn step_marker(text: &str) -> Option<usize> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^(?:(?i:paso|step|etapa)\s+\d{1,3}[a-z]?\s*[:.)\-–—]\s*|(T\s*(?:[-+−]\s*\d{1,4}\s*(?:min|m|h|d)?|0))\s*[:.)\-–—]?\s+)")
            .expect("step marker")
    });
    let c = re.captures(text.trim_start())?;
    // A timeline keeps its moment in the title; `Paso N:` is dropped.
    Some(if c.get(1).is_some() {
        0
    } else {
        c.get(0)?.end()
    })
}

/// A bullet or checklist whose items are steps: most of them start with a
/// step marker (`- [ ] Paso 1: ...`, `- T-15: ...`).
pub fn marked_steps(items: &[Item]) -> bool {
    let marked = items
        .iter()
        .filter(|i| step_marker(&plain(i.head())).is_some())
        .count();
    items.len() >= 2 && marked * 3 >= items.len() * 2
}

/// An ordered list that lists the steps of a procedure: its items carry
/// commands, or (under a heading that announces steps) read as actions.
pub fn list_is_steps(items: &[Item], announced: bool) -> bool {
    if items.is_empty() {
        return false;
    }
    let with_commands = items.iter().filter(|i| item_has_commands(i)).count();
    if with_commands > 0 && (items.len() >= 2 || announced) {
        return true;
    }
    announced && items.len() >= 2 && items.iter().all(|i| !plain(i.head()).is_empty())
}

/// The title for a step made from a list item, and whether the item's
/// first paragraph was used up by it (a bold title).
pub fn item_title(item: &Item) -> (String, bool) {
    let head = item.head();
    if let Some(Inline::Strong(inner)) = head.first() {
        let t = plain(inner).trim_end_matches(':').trim().to_string();
        let rest = plain(&head[1..]);
        if !t.is_empty() {
            return (t, rest.trim_start_matches(':').trim().is_empty());
        }
    }
    // `Revertir código: `git reset ...``
    let text = title_words(head);
    // `Paso 2: Parar el worker: `cmd``, `T0: Cambiar DNS con `cmd``: the
    // marker is not the title; the words after it are.
    if let Some(cut) = step_marker(&text) {
        let (keep, rest) = if cut == 0 {
            let moment_end = text.find([':', ' ']).unwrap_or(text.len());
            (
                text[..moment_end].trim_end_matches(':').to_string(),
                &text[moment_end..],
            )
        } else {
            (String::new(), &text[cut..])
        };
        let rest = rest.trim_start_matches(':').trim();
        let words = match rest.split_once(':') {
            Some((label, _)) if !inline_commands(head).is_empty() && !label.trim().is_empty() => {
                label.trim()
            }
            _ => rest,
        };
        let title = if keep.is_empty() {
            words.to_string()
        } else {
            format!("{keep}: {words}")
        };
        return (super::text::title_of(&title), false);
    }
    if let Some((label, _)) = text.split_once(':') {
        let commands = inline_commands(head);
        if !commands.is_empty() && !label.trim().is_empty() && label.len() < 80 {
            return (label.trim().to_string(), false);
        }
    }
    (super::text::title_of(&text), false)
}

/// Text for titles: code without backticks, links without addresses.
pub fn title_words(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Code(c) => out.push_str(c),
            Inline::Strong(x) | Inline::Emph(x) => out.push_str(&title_words(x)),
            Inline::Link(l) | Inline::Image(l) => out.push_str(&title_words(&l.text)),
            Inline::Break => out.push(' '),
            Inline::Html(_) => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<r desc>text</r>` and `<r desc="text"/>`: Rundown's description.
pub fn rundown_desc(html: &str) -> Option<String> {
    let h = html.trim();
    if let Some(rest) = h.strip_prefix("<r desc>") {
        let text = rest.trim_end().strip_suffix("</r>").unwrap_or(rest);
        return Some(text.trim().to_string());
    }
    if h.starts_with("<r ") && !h.contains(" opt") {
        return attr(h, "desc");
    }
    None
}

/// `<r opt="file" type="string" desc="..."/>`: a Rundown option, which
/// Rundown exports as `$OPT_FILE`.
pub fn rundown_opt(html: &str) -> Option<(String, Option<String>)> {
    let h = html.trim();
    if !h.starts_with("<r ") {
        return None;
    }
    let name = attr(h, "opt")?;
    let var: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    Some((format!("OPT_{var}"), attr(h, "desc")))
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let at = tag.find(&key)? + key.len();
    let rest = &tag[at..];
    if let Some(q) = rest.strip_prefix('"') {
        return q.find('"').map(|e| q[..e].to_string());
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline<'_> {
        Inline::Text(s.into())
    }

    #[test]
    fn inline_command_contexts() {
        let p = vec![
            t("Atención: Si hay errores en la migración, ejecutar "),
            Inline::Code("flask db downgrade".into()),
            t(" y revisar logs."),
        ];
        assert_eq!(
            inline_commands(&p),
            vec![("flask db downgrade".to_string(), Context::Undo)]
        );
        let p = vec![
            t("To abort this process, run "),
            Inline::Code("killall dlv".into()),
            t(" in another shell"),
        ];
        assert_eq!(inline_commands(&p)[0].1, Context::Mention);
        let p = vec![
            t("On the replica node run: "),
            Inline::Code("sudo chef-client-disable \"x\"".into()),
        ];
        assert_eq!(inline_commands(&p)[0].1, Context::Run);
    }

    #[test]
    fn explanations_are_not_run() {
        let cmds = |before: &str| {
            inline_commands(&[t(before), Inline::Code("alembic upgrade head".into())])
        };
        assert_eq!(cmds("Run ")[0].1, Context::Run);
        assert_eq!(cmds("Se ejecutan al iniciar (")[0].1, Context::Mention);
        assert_eq!(cmds("Use a tool, e.g. ")[0].1, Context::Mention);
        assert_eq!(cmds("Si hubo migración: ejecutar ")[0].1, Context::Mention);
    }

    #[test]
    fn step_markers() {
        assert_eq!(step_marker("Paso 2: Parar el worker"), Some(8));
        assert_eq!(step_marker("Step 3 - Stop"), Some(9));
        assert_eq!(step_marker("T-15: Congelar despliegues"), Some(0));
        assert_eq!(step_marker("T0: Cambiar DNS"), Some(0));
        assert_eq!(step_marker("T+30 Revisar métricas"), Some(0));
        assert_eq!(step_marker("Tomcat: reiniciar"), None);
        assert_eq!(step_marker("Pasos previos"), None);
    }

    #[test]
    fn rundown_tags() {
        assert_eq!(
            rundown_desc("<r desc>Builds the release</r>").as_deref(),
            Some("Builds the release")
        );
        assert_eq!(
            rundown_desc("<r desc=\"Starts delve\"/>").as_deref(),
            Some("Starts delve")
        );
        assert_eq!(
            rundown_opt("<r opt=\"file\" type=\"string\" desc=\"The input file\"/>"),
            Some(("OPT_FILE".to_string(), Some("The input file".to_string())))
        );
        assert_eq!(rundown_opt("<r stop-ok />"), None);
    }
}
