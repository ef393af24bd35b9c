//! The semantic-prompt markers the injected rc files emit, parsed from an
//! OSC payload. Ours carry the session's secret tag (`aid=<tag>` in OSC
//! 133, a last field in OSC 633); markers without it come from somewhere
//! else (a remote shell with its own integration, or output trying to pass
//! for ours) and are ignored. Exit codes are further authenticated (see
//! [`super::marker_key`]).
//!
//! | sequence | meaning |
//! |---|---|
//! | `133;A;aid=N` | prompt starts |
//! | `133;B;aid=N` | prompt ends: the shell reads a command |
//! | `133;C;aid=N` | the command's output starts |
//! | `133;D;CODE;aid=N;mac=M` | the command finished with CODE (M: its MAC; not in sh and fish) |
//! | `633;E;TEXT;N` | the command line (escaped: `\\`, `\xHH`) |
//! | `633;P;Cwd=DIR;N` | the working directory |
//! | `633;P;Mode=prompt-only;N` | no command-start markers (bash < 4.4) |
//! | `633;L;N` | secrets were loaded |
//! | `633;V;NAME=VALUE;N` | an exported variable changed (escaped) |
//! | `633;U;NAME;N` | an exported variable is gone |
//! | `633;S;CODE;T` | a sentinel `printf` after a step in a foreign shell (T: its one-time token) |

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    PromptStart,
    PromptEnd,
    OutputStart,
    Finished(Option<i32>),
    CommandLine(String),
    Cwd(String),
    EnvLoaded,
    Sentinel(Option<i32>),
    /// The shell cannot report command starts (bash < 4.4): pasos starts
    /// its own commands and each prompt reports the last status.
    PromptOnly,
    /// An exported variable was set (name, value).
    EnvSet(String, String),
    EnvUnset(String),
}

/// A parsed marker and whether it carries our tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub marker: Marker,
    pub ours: bool,
    /// What authenticates it further: the MAC of a `D`, the token of a
    /// sentinel (a sentinel is never `ours` by its tag).
    pub auth: Option<String>,
}

pub fn parse(payload: &[u8], tag: &str) -> Option<Parsed> {
    let text = std::str::from_utf8(payload).ok()?;
    let mut fields = text.split(';');
    let family = fields.next()?;
    let kind = fields.next()?;
    let rest: Vec<&str> = fields.collect();
    match family {
        "133" => {
            let ours = rest.iter().any(|f| f.strip_prefix("aid=") == Some(tag));
            let auth = rest
                .iter()
                .find_map(|f| f.strip_prefix("mac="))
                .map(str::to_string);
            let code = rest
                .iter()
                .find(|f| !f.contains('='))
                .and_then(|f| f.parse().ok());
            let marker = match kind {
                "A" => Marker::PromptStart,
                "B" => Marker::PromptEnd,
                "C" => Marker::OutputStart,
                "D" => Marker::Finished(code),
                _ => return None,
            };
            Some(Parsed { marker, ours, auth })
        }
        "633" => {
            let ours = kind != "S" && rest.last() == Some(&tag);
            let auth = (kind == "S").then(|| rest.last().unwrap_or(&"").to_string());
            let arg = if rest.len() >= 2 { rest[0] } else { "" };
            let marker = match kind {
                "E" => Marker::CommandLine(unescape(arg)),
                "P" if arg == "Mode=prompt-only" => Marker::PromptOnly,
                "P" => Marker::Cwd(unescape(arg.strip_prefix("Cwd=")?)),
                "L" => Marker::EnvLoaded,
                "V" => {
                    let pair = unescape(arg);
                    let (name, value) = pair.split_once('=')?;
                    Marker::EnvSet(name.to_string(), value.to_string())
                }
                "U" => Marker::EnvUnset(arg.to_string()),
                "S" => Marker::Sentinel(arg.parse().ok()),
                _ => return None,
            };
            Some(Parsed { marker, ours, auth })
        }
        _ => None,
    }
}

/// Undoes the rc files' escaping: `\\` is a backslash, `\xHH` a byte.
pub fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            if b.get(i + 1) == Some(&b'\\') {
                out.push(b'\\');
                i += 2;
                continue;
            }
            if b.get(i + 1) == Some(&b'x')
                && let Some(hex) = s.get(i + 2..i + 4)
                && let Ok(v) = u8::from_str_radix(hex, 16)
            {
                out.push(v);
                i += 4;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Parsed> {
        parse(s.as_bytes(), "n1")
    }

    #[test]
    fn markers_parse() {
        let ours = |marker| {
            Some(Parsed {
                marker,
                ours: true,
                auth: None,
            })
        };
        assert_eq!(p("133;A;aid=n1"), ours(Marker::PromptStart));
        assert_eq!(p("133;D;130;aid=n1"), ours(Marker::Finished(Some(130))));
        assert_eq!(p("133;D;aid=n1"), ours(Marker::Finished(None)));
        assert_eq!(
            p("633;E;cat <<EOF\\x0ahi\\x3b \\\\n\\x0aEOF;n1"),
            ours(Marker::CommandLine("cat <<EOF\nhi; \\n\nEOF".into()))
        );
        assert_eq!(
            p("633;P;Cwd=/tmp/a\\x3bb;n1"),
            ours(Marker::Cwd("/tmp/a;b".into()))
        );
        assert_eq!(
            p("633;S;3;t9"),
            Some(Parsed {
                marker: Marker::Sentinel(Some(3)),
                ours: false,
                auth: Some("t9".into())
            })
        );
        assert_eq!(
            p("133;D;0;aid=n1;mac=0badf00d"),
            Some(Parsed {
                marker: Marker::Finished(Some(0)),
                ours: true,
                auth: Some("0badf00d".into())
            })
        );
        assert_eq!(p("633;L;n1"), ours(Marker::EnvLoaded));
        assert_eq!(
            p("633;V;A=b=c\\x3b;n1"),
            ours(Marker::EnvSet("A".into(), "b=c;".into()))
        );
        assert_eq!(p("633;U;A;n1"), ours(Marker::EnvUnset("A".into())));
        assert_eq!(p("633;P;Mode=prompt-only;n1"), ours(Marker::PromptOnly));
        assert_eq!(
            p("133;D;0"),
            Some(Parsed {
                marker: Marker::Finished(Some(0)),
                ours: false,
                auth: None
            })
        );
        assert_eq!(p("133;A;aid=other").map(|m| m.ours), Some(false));
        assert_eq!(p("133;Z"), None);
        assert_eq!(parse(b"\xff133;A", "n1"), None);
    }
}
