//! `${NAME}` in commands: declared, non-secret variables are replaced by
//! their shell-quoted value; secrets stay as `${NAME}` and travel in the
//! environment, so they are never typed into the visible prompt.

use std::collections::BTreeMap;

/// Single-quotes a value for POSIX shells (`'it'\''s'`); plain words stay bare.
pub fn shell_quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

/// Replaces `${NAME}` (exactly that form) for names in `values`. A
/// reference already inside double quotes (`"${DIR}/x"`) gets the value
/// escaped for double quotes instead, so the quoting the author wrote
/// still holds.
pub fn substitute(command: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(command.len());
    let mut in_single = false;
    let mut in_double = false;
    let mut chars = command.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if !in_single => {
                out.push(c);
                if let Some((_, n)) = chars.next() {
                    out.push(n);
                }
                continue;
            }
            '\'' if !in_double => in_single = !in_single,
            '"' if !in_single => in_double = !in_double,
            '$' if !in_single && command[i..].starts_with("${") => {
                let rest = &command[i + 2..];
                let name_len = rest
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                    .unwrap_or(rest.len());
                let name = &rest[..name_len];
                if rest[name_len..].starts_with('}')
                    && let Some(v) = values.get(name)
                {
                    if in_double {
                        out.push_str(&escape_double(v));
                    } else {
                        out.push_str(&shell_quote(v));
                    }
                    for _ in 0..name_len + 2 {
                        chars.next();
                    }
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn escape_double(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn quotes_values_for_the_shell() {
        let v = vals(&[
            ("DIR", "/tmp/a b"),
            ("HOST", "db-01"),
            ("EVIL", "x'; rm -rf / #"),
        ]);
        assert_eq!(substitute("ls ${DIR}", &v), "ls '/tmp/a b'");
        assert_eq!(substitute("ls \"${DIR}/x\"", &v), "ls \"/tmp/a b/x\"");
        assert_eq!(substitute("ping ${HOST}", &v), "ping db-01");
        assert_eq!(substitute("echo ${EVIL}", &v), "echo 'x'\\''; rm -rf / #'");
        assert_eq!(
            substitute("echo \"${EVIL}\"", &vals(&[("EVIL", "$(id) `x` \"q\"")])),
            "echo \"\\$(id) \\`x\\` \\\"q\\\"\""
        );
    }

    #[test]
    fn leaves_other_forms_alone() {
        let v = vals(&[("A", "1")]);
        assert_eq!(
            substitute("echo '${A}' $A ${A:-x} ${B} \\${A}", &v),
            "echo '${A}' $A ${A:-x} ${B} \\${A}"
        );
    }
}
