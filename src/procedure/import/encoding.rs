//! Bytes -> text: byte order marks, UTF-16, files that are not UTF-8,
//! CRLF line endings, and (unless turned off) mojibake repair. Every change
//! is described so the report can say what was done to the text.

use super::mojibake;
use super::msg::Msg;
use crate::msg;

#[derive(Debug, Clone, Default)]
pub struct Decoded {
    pub text: String,
    /// One sentence per change, for the report.
    pub changes: Vec<Msg>,
    /// Segments repaired by [`mojibake`], summed over encodings.
    pub repaired_segments: usize,
}

pub fn decode(bytes: &[u8], repair: bool) -> Decoded {
    let mut changes = Vec::new();
    let text = to_text(bytes, &mut changes);
    finish(text, changes, repair)
}

/// [`decode`] of bytes the caller gives up: plain UTF-8 (no byte order
/// mark, not UTF-16) becomes the text without a copy.
/// Where the first NUL byte is, in the first 64 KB of a file that is not
/// UTF-16: a binary file (an image, an archive, random bytes), never a
/// runbook. Every byte decodes as *some* Windows-1252 text, so without
/// this a PNG would import as a procedure of notes.
pub fn binary_at(bytes: &[u8]) -> Option<usize> {
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || looks_utf16(bytes).is_some();
    if utf16 {
        return None;
    }
    bytes[..bytes.len().min(64 * 1024)]
        .iter()
        .position(|&b| b == 0)
}

/// 1-based line and column (in characters, as `pasos check` counts them)
/// of `offset`.
pub fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

pub fn decode_vec(bytes: Vec<u8>, repair: bool) -> Decoded {
    let marked = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    if marked || looks_utf16(&bytes).is_some() {
        return decode(&bytes, repair);
    }
    match String::from_utf8(bytes) {
        Ok(text) => finish(text, Vec::new(), repair),
        Err(e) => decode(e.as_bytes(), repair),
    }
}

fn finish(mut text: String, changes: Vec<Msg>, repair: bool) -> Decoded {
    let mut d = Decoded {
        changes,
        ..Decoded::default()
    };
    let crlf = text.matches("\r\n").count();
    if crlf > 0 {
        text = text.replace("\r\n", "\n");
        d.changes.push(msg!("import-encoding-crlf", count = crlf));
    }
    let cr = text.matches('\r').count();
    if cr > 0 {
        text = text.replace('\r', "\n");
        d.changes.push(msg!("import-encoding-cr", count = cr));
    }
    if repair {
        let out = mojibake::repair(&text);
        for r in &out.repaired {
            d.changes.push(match &r.example {
                Some((a, b)) => msg!(
                    "import-encoding-repaired-example",
                    count = r.segments,
                    wrong = r.wrong.describe(),
                    lines = line_list(&r.lines),
                    from = a.clone(),
                    to = b.clone()
                ),
                None => msg!(
                    "import-encoding-repaired",
                    count = r.segments,
                    wrong = r.wrong.describe(),
                    lines = line_list(&r.lines)
                ),
            });
            d.repaired_segments += r.segments;
        }
        if !out.unrepaired_lines.is_empty() {
            d.changes.push(msg!(
                "import-encoding-unrepaired",
                lines = line_list(&out.unrepaired_lines)
            ));
        }
        if out.repaired.iter().any(|r| r.wrong == mojibake::Wrong::Gbk) {
            let lost: Vec<usize> = out
                .text
                .lines()
                .enumerate()
                .filter(|(_, l)| {
                    let t = l.trim_start_matches('#');
                    t.len() < l.len()
                        && l.len() - t.len() <= 6
                        && t.starts_with("  ")
                        && !t.trim().is_empty()
                })
                .map(|(i, _)| i + 1)
                .collect();
            if !lost.is_empty() {
                d.changes
                    .push(msg!("import-encoding-lost-emoji", lines = line_list(&lost)));
            }
        }
        text = out.text;
    }
    d.text = text;
    d
}

fn to_text(bytes: &[u8], changes: &mut Vec<Msg>) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        changes.push(msg!("import-encoding-bom"));
        return utf8_or_fallback(rest, changes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        changes.push(msg!("import-encoding-utf16-bom", endian = "little"));
        return encoding_rs::UTF_16LE
            .decode_without_bom_handling(rest)
            .0
            .into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        changes.push(msg!("import-encoding-utf16-bom", endian = "big"));
        return encoding_rs::UTF_16BE
            .decode_without_bom_handling(rest)
            .0
            .into_owned();
    }
    if let Some(le) = looks_utf16(bytes) {
        let (enc, name) = if le {
            (encoding_rs::UTF_16LE, "little")
        } else {
            (encoding_rs::UTF_16BE, "big")
        };
        changes.push(msg!("import-encoding-utf16-guessed", endian = name));
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    utf8_or_fallback(bytes, changes)
}

/// UTF-16 text without a BOM has a zero byte in every other position
/// for ASCII; `Some(true)` for little-endian.
fn looks_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 4 && even_zero * 20 < pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 4 && odd_zero * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

/// Valid UTF-8 as is; otherwise each line that is not UTF-8 is read as
/// Windows-1252 (the usual culprit), and the report says which.
fn utf8_or_fallback(bytes: &[u8], changes: &mut Vec<Msg>) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut bad = Vec::new();
    for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(_) => {
                bad.push(n + 1);
                out.push_str(
                    &encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(line)
                        .0,
                );
            }
        }
    }
    changes.push(msg!("import-encoding-not-utf8", lines = line_list(&bad)));
    out
}

/// `3 lines 3-5, 9, 12-14`: how many lines and which, shortened after a
/// few ranges.
fn line_list(lines: &[usize]) -> Msg {
    let (ranges, more) = ranges(lines);
    msg!(
        "import-encoding-lines",
        count = lines.len(),
        ranges = ranges,
        more = more
    )
}

/// `3-5, 9, 12-14` and how many ranges were left out after the first 12.
pub fn ranges(lines: &[usize]) -> (String, usize) {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i];
        let mut end = start;
        while i + 1 < lines.len() && lines[i + 1] == end + 1 {
            i += 1;
            end = lines[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    let more = parts.len().saturating_sub(12);
    parts.truncate(12);
    (parts.join(", "), more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_byte_marks_a_binary_file_but_not_utf16() {
        assert_eq!(binary_at(b"# T\nls\n"), None);
        assert_eq!(binary_at(b"# T\nab\x00c"), Some(6));
        assert_eq!(line_col(b"# T\nab\x00c", 6), (2, 3));
        assert_eq!(line_col("# T\n\u{f1}\u{f1}\x00".as_bytes(), 8), (2, 3));
        let utf16: Vec<u8> = "# T\nls\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(binary_at(&utf16), None);
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&utf16);
        assert_eq!(binary_at(&bom), None);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let utf16: Vec<u8> = "# Título\nls\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let cases: Vec<Vec<u8>> = vec![
            b"# T\nls -l\n".to_vec(),
            "# Canción\r\necho ñ\r\n".as_bytes().to_vec(),
            b"\xEF\xBB\xBF# T\nx\n".to_vec(),
            b"# Caf\xe9\nx\n".to_vec(),
            "# CanciÃ³n\n".as_bytes().to_vec(),
            utf16,
        ];
        for bytes in cases {
            let a = decode(&bytes, true);
            let b = decode_vec(bytes.clone(), true);
            assert_eq!(a.text, b.text, "{bytes:?}");
            assert_eq!(a.changes, b.changes, "{bytes:?}");
            assert_eq!(a.repaired_segments, b.repaired_segments, "{bytes:?}");
        }
    }

    #[test]
    fn boms_utf16_and_line_endings() {
        let d = decode(b"\xEF\xBB\xBF# T\r\nx\r\n", true);
        assert_eq!(d.text, "# T\nx\n");
        assert_eq!(d.changes.len(), 2);
        let utf16: Vec<u8> = "\u{FEFF}# Título\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&utf16, true).text, "# Título\n");
        let utf16: Vec<u8> = "# Título sin BOM\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&utf16, true).text, "# Título sin BOM\n");
    }

    #[test]
    fn latin1_lines_are_read_as_windows_1252() {
        let d = decode(b"ok \xc3\xb3\nmal \xf3\n", true);
        assert_eq!(d.text, "ok ó\nmal ó\n");
        let en = d.changes[0].render(crate::i18n::Lang::En);
        assert_eq!(en, "not UTF-8: 1 line 2 read as Windows-1252");
        let es = d.changes[0].render(crate::i18n::Lang::Es);
        assert_eq!(es, "no es UTF-8: leído como Windows-1252 en 1 línea 2");
    }

    #[test]
    fn ranges_compress() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]).0, "1-3, 5, 7-8");
    }
}
