//! A command's output as plain text: escape sequences removed, `\r\n` as
//! `\n`, a line overwritten with `\r` (progress bars) keeps its last state.

/// Converts terminal output into text.
pub fn plain_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    // Where the current line starts in `out`.
    let mut line_start = 0;
    let mut chars = text.chars().peekable();
    let mut pending_cr = false;
    while let Some(c) = chars.next() {
        if pending_cr {
            pending_cr = false;
            if c != '\n' {
                out.truncate(line_start);
            }
        }
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    for n in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&n) {
                            break;
                        }
                    }
                }
                Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
                    while let Some(n) = chars.next() {
                        if n == '\x07' {
                            break;
                        }
                        if n == '\x1b' {
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                Some('(') | Some(')') | Some('#') | Some('%') => {
                    chars.next();
                }
                _ => {}
            },
            '\r' => pending_cr = true,
            '\n' => {
                out.push('\n');
                line_start = out.len();
            }
            '\x08' => {
                if out.len() > line_start {
                    out.pop();
                }
            }
            '\t' => out.push('\t'),
            c if (c as u32) < 0x20 || c == '\x7f' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_go_and_lines_stay() {
        assert_eq!(plain_text(b"\x1b[1;31mred\x1b[0m\r\nok\r\n"), "red\nok\n");
        assert_eq!(plain_text(b"10%\r50%\r100%\r\ndone"), "100%\ndone");
        assert_eq!(
            plain_text(b"\x1b]0;title\x07a\x1b]8;;u\x1b\\b\x1b(Bc"),
            "abc"
        );
        assert_eq!(plain_text(b"ab\x08c\x07"), "ac");
        assert_eq!(plain_text(b"bad \xff byte"), "bad \u{fffd} byte");
    }
}
