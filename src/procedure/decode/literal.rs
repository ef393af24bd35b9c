//! TOML string literals as written in the source, decoded with a map from
//! every byte of the value back to the source. Diagnostics about a part of
//! a string (a `${VAR}` inside a command, an inline password) use it to
//! point at that part exactly, escapes included.

use crate::diagnostic::{SourceText, Span};

/// The value of the TOML string literal `raw` (quotes included), and for
/// each byte of the value (plus one past the end) its offset in `raw`.
/// `None` when `raw` is not one well-formed string literal.
pub fn decode_with_offsets(raw: &str) -> Option<(String, Vec<usize>)> {
    let (quote, multi) = if raw.starts_with("\"\"\"") {
        ('"', true)
    } else if raw.starts_with("'''") {
        ('\'', true)
    } else if raw.starts_with('"') {
        ('"', false)
    } else if raw.starts_with('\'') {
        ('\'', false)
    } else {
        return None;
    };
    let delimiter = if multi { 3 } else { 1 };
    if raw.len() < 2 * delimiter {
        return None;
    }
    let body_end = raw.len() - delimiter;
    let bytes = raw.as_bytes();
    let mut i = delimiter;
    if multi {
        // A newline right after the opening delimiter is not part of the value.
        if raw[i..].starts_with("\r\n") {
            i += 2;
        } else if raw[i..].starts_with('\n') {
            i += 1;
        }
    }
    let mut value = String::new();
    let mut offsets = Vec::new();
    while i < body_end {
        let c = raw[i..].chars().next()?;
        if quote == '"' && c == '\\' {
            let next = raw[i + 1..].chars().next()?;
            let (decoded, len) = match next {
                'b' => (Some('\u{8}'), 2),
                't' => (Some('\t'), 2),
                'n' => (Some('\n'), 2),
                'f' => (Some('\u{c}'), 2),
                'r' => (Some('\r'), 2),
                'e' => (Some('\u{1b}'), 2),
                '"' => (Some('"'), 2),
                '\\' => (Some('\\'), 2),
                'x' => (hex_char(raw.get(i + 2..i + 4)?), 4),
                'u' => (hex_char(raw.get(i + 2..i + 6)?), 6),
                'U' => (hex_char(raw.get(i + 2..i + 10)?), 10),
                c if multi && (c == '\n' || c == ' ' || c == '\t' || c == '\r') => {
                    // Line-ending backslash: skip all whitespace up to the
                    // next non-whitespace character.
                    let mut j = i + 1;
                    while j < body_end && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r') {
                        j += 1;
                    }
                    (None, j - i)
                }
                _ => return None,
            };
            if let Some(d) = decoded {
                let mut buf = [0u8; 4];
                for _ in d.encode_utf8(&mut buf).bytes() {
                    offsets.push(i);
                }
                value.push(d);
            }
            i += len;
            continue;
        }
        for k in 0..c.len_utf8() {
            offsets.push(i + k);
        }
        value.push(c);
        i += c.len_utf8();
    }
    offsets.push(body_end);
    Some((value, offsets))
}

fn hex_char(digits: &str) -> Option<char> {
    u32::from_str_radix(digits, 16)
        .ok()
        .and_then(char::from_u32)
}

/// Where the bytes `range` of `text` are in the source, when `text` is the
/// value of the string literal at `span`. When the literal cannot be mapped
/// (another format, or the value is not `text`), the `k`-th occurrence of
/// the same substring inside `span` is used, and failing that `span` itself.
pub fn locate_range(source: &SourceText, span: &Span, text: &str, range: Span) -> Span {
    let all = source.text();
    let end = span.end.min(all.len());
    let start = span.start.min(end);
    let Some(raw) = all.get(start..end) else {
        return span.clone();
    };
    if let Some((value, offsets)) = decode_with_offsets(raw)
        && value == text
        && range.end <= value.len()
        && range.start < range.end
    {
        let from = start + offsets[range.start];
        // The end of the last byte's source: the start of what follows it.
        let to = start + offsets[range.end];
        return from..to.max(from + 1);
    }
    let Some(needle) = text.get(range.clone()).filter(|n| !n.is_empty()) else {
        return span.clone();
    };
    let nth = text
        .match_indices(needle)
        .take_while(|(i, _)| *i < range.start)
        .count();
    match raw.match_indices(needle).nth(nth) {
        Some((i, _)) => start + i..start + i + needle.len(),
        None => span.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, value: &str) {
        let (v, offsets) = decode_with_offsets(raw).unwrap_or_else(|| panic!("{raw}"));
        assert_eq!(v, value);
        assert_eq!(offsets.len(), v.len() + 1);
    }

    #[test]
    fn decodes_every_kind_of_literal() {
        check(r#""a\"b\\c""#, "a\"b\\c");
        check(r#""\u00e9t\U0001F600""#, "ét😀");
        check("'C:\\x'", "C:\\x");
        check("\"\"\"\nline\\\n   next\"\"\"", "linenext");
        check("'''\nraw\\n'''", "raw\\n");
        assert!(decode_with_offsets("x").is_none());
        assert!(decode_with_offsets("\"a\\q\"").is_none());
    }

    #[test]
    fn maps_ranges_through_escapes() {
        let src = SourceText::new(r#"c = "echo \"${A}\" ${A}""#);
        let text = "echo \"${A}\" ${A}";
        let span = 4..src.text().len();
        let second = text.rfind("${A}").unwrap();
        let got = locate_range(&src, &span, text, second..second + 4);
        assert_eq!(&src.text()[got], "${A}");
        assert_eq!(
            locate_range(&src, &span, text, second..second + 4).start,
            src.text().rfind("${A}").unwrap()
        );
    }

    #[test]
    fn falls_back_to_the_nth_occurrence() {
        let src = SourceText::new("# run ${A} then ${A}\n");
        let text = "run ${A} then ${A}";
        let got = locate_range(&src, &(0..src.text().len()), text, 14..18);
        assert_eq!(got.start, src.text().rfind("${A}").unwrap());
    }
}
