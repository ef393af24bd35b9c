//! Mojibake repair: UTF-8 text that was once read as Mac Roman, Windows-1252,
//! Latin-1 or GBK and saved again as UTF-8 (`Reversi√≥n`, `ProducciÃ³n`,
//! `Producci贸n`).
//!
//! Each run of non-ASCII characters is encoded back with the wrong
//! encoding; when the bytes are valid UTF-8 and decode to plausible text
//! (Latin letters, punctuation, symbols, emoji) the run is replaced. Text
//! that is already correct does not survive that round trip as valid UTF-8
//! (a lone `ó` is one byte `0xF3` in Windows-1252, not UTF-8), so it is left
//! alone. GBK is only tried on runs of CJK ideographs and only when most of
//! the document's ideograph runs repair, so real Chinese stays Chinese.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The wrong decodings the importer knows how to undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Wrong {
    MacRoman,
    /// Windows-1252, with Latin-1's C1 controls for the bytes it leaves undefined.
    Windows1252,
    Gbk,
}

impl Wrong {
    pub fn describe(self) -> super::msg::Msg {
        match self {
            Wrong::MacRoman => crate::msg!("import-encoding-wrong-mac-roman"),
            Wrong::Windows1252 => crate::msg!("import-encoding-wrong-windows-1252"),
            Wrong::Gbk => crate::msg!("import-encoding-wrong-gbk"),
        }
    }
}

/// What one encoding's repair did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    pub wrong: Wrong,
    pub segments: usize,
    /// 1-based line numbers that changed.
    pub lines: Vec<usize>,
    /// A word before and after, to show in the report.
    pub example: Option<(String, String)>,
}

/// The outcome of [`repair`].
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub text: String,
    pub repaired: Vec<Repaired>,
    /// Lines with ideograph runs that looked broken but could not be
    /// repaired (bytes were lost when the file was mis-decoded).
    pub unrepaired_lines: Vec<usize>,
}

pub fn repair(text: &str) -> Outcome {
    let mut out = Outcome {
        text: text.to_string(),
        ..Outcome::default()
    };
    if text.is_ascii() {
        return out;
    }
    // Text encoded twice needs two passes.
    for _ in 0..3 {
        let (next, changed, unrepaired) = pass(&out.text);
        out.unrepaired_lines.extend(unrepaired);
        if changed.is_empty() {
            break;
        }
        for c in changed {
            match out.repaired.iter_mut().find(|r| r.wrong == c.wrong) {
                Some(r) => {
                    r.segments += c.segments;
                    r.lines.extend(c.lines);
                    r.lines.sort_unstable();
                    r.lines.dedup();
                }
                None => out.repaired.push(c),
            }
        }
        out.text = next;
    }
    out.unrepaired_lines.sort_unstable();
    out.unrepaired_lines.dedup();
    out.repaired.sort_by_key(|r| r.wrong);
    out
}

fn pass(text: &str) -> (String, Vec<Repaired>, Vec<usize>) {
    // First, which encodings explain this document.
    let mut wins: HashMap<Wrong, usize> = HashMap::new();
    let mut ideograph_runs = 0usize;
    // Runs no wrong decoding explains and that read as correct text
    // (`ó`, `ñ`, `¿`): evidence that the document is already right.
    let mut correct_runs = 0usize;
    for line in text.split('\n') {
        for run in runs(line) {
            if is_ideograph_run(run) {
                ideograph_runs += 1;
            }
            let mut fixed = false;
            for w in [Wrong::MacRoman, Wrong::Windows1252, Wrong::Gbk] {
                if fix_run(run, w).is_some() {
                    *wins.entry(w).or_default() += 1;
                    fixed = true;
                }
            }
            if !fixed && is_correct_latin(run) {
                correct_runs += 1;
            }
        }
    }
    // A valid UTF-8 document whose correct accented text outnumbers what
    // looks broken is correct: an `Ã©` in it is meant (a grep for
    // mojibake, a test string) and must not be rewritten.
    let most = wins.values().copied().max().unwrap_or(0);
    if correct_runs > 0 && most <= correct_runs {
        return (text.to_string(), Vec::new(), Vec::new());
    }
    let gbk = wins.get(&Wrong::Gbk).copied().unwrap_or(0);
    let gbk_ok = gbk >= 2 && gbk * 2 >= ideograph_runs;
    let mut order: Vec<Wrong> = [Wrong::MacRoman, Wrong::Windows1252, Wrong::Gbk]
        .into_iter()
        .filter(|w| wins.get(w).copied().unwrap_or(0) > 0 && (*w != Wrong::Gbk || gbk_ok))
        .collect();
    order.sort_by_key(|w| std::cmp::Reverse(wins.get(w).copied().unwrap_or(0)));
    if order.is_empty() {
        return (text.to_string(), Vec::new(), Vec::new());
    }
    let mut result = String::with_capacity(text.len());
    let mut changed: Vec<Repaired> = Vec::new();
    let mut unrepaired = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            result.push('\n');
        }
        let mut last = 0;
        let mut line_broken = false;
        for run in runs(line) {
            let start = run.as_ptr() as usize - line.as_ptr() as usize;
            result.push_str(&line[last..start]);
            last = start + run.len();
            let fixed = order.iter().find_map(|w| fix_run(run, *w).map(|f| (*w, f)));
            match fixed {
                Some((w, f)) => {
                    let entry = match changed.iter_mut().position(|r| r.wrong == w) {
                        Some(i) => &mut changed[i],
                        None => {
                            changed.push(Repaired {
                                wrong: w,
                                segments: 0,
                                lines: Vec::new(),
                                example: None,
                            });
                            changed.last_mut().expect("just pushed")
                        }
                    };
                    entry.segments += 1;
                    if entry.lines.last() != Some(&(n + 1)) {
                        entry.lines.push(n + 1);
                    }
                    let wordless = entry
                        .example
                        .as_ref()
                        .is_none_or(|(a, _)| !a.chars().any(|c| c.is_ascii_alphabetic()));
                    if wordless {
                        let (before, after) = word_around(line, start, start + run.len(), &f);
                        entry.example = Some((before, after));
                    }
                    result.push_str(&f);
                }
                None => {
                    if gbk_ok && is_ideograph_run(run) {
                        line_broken = true;
                    }
                    result.push_str(run);
                }
            }
        }
        result.push_str(&line[last..]);
        if line_broken {
            unrepaired.push(n + 1);
        }
    }
    (result, changed, unrepaired)
}

/// Accented Latin letters and Spanish punctuation, as correct text has them.
fn is_correct_latin(run: &str) -> bool {
    run.chars().all(|c| {
        matches!(
            c,
            'á' | 'é'
                | 'í'
                | 'ó'
                | 'ú'
                | 'ü'
                | 'ñ'
                | 'Á'
                | 'É'
                | 'Í'
                | 'Ó'
                | 'Ú'
                | 'Ü'
                | 'Ñ'
                | '¿'
                | '¡'
                | 'ç'
                | 'à'
                | 'è'
                | 'ò'
                | 'â'
                | 'ê'
                | 'ô'
                | 'ö'
                | 'ä'
        )
    })
}

/// Maximal runs of non-ASCII characters in a line.
fn runs(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i] < 0x80 {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && bytes[i] >= 0x80 {
            i += 1;
        }
        Some(&line[start..i])
    })
}

fn is_ideograph_run(run: &str) -> bool {
    run.chars().all(is_ideograph)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xE000..=0xF8FF)
}

/// The repaired text of one run, when `wrong` explains it.
fn fix_run(run: &str, wrong: Wrong) -> Option<String> {
    match wrong {
        Wrong::Gbk => fix_gbk(run),
        Wrong::MacRoman => fix_single_byte(run, mac_roman()),
        Wrong::Windows1252 => fix_single_byte(run, windows_1252()),
    }
}

fn fix_gbk(run: &str) -> Option<String> {
    if !is_ideograph_run(run) {
        return None;
    }
    let (bytes, _, had_errors) = encoding_rs::GBK.encode(run);
    if had_errors {
        return None;
    }
    let s = std::str::from_utf8(&bytes).ok()?;
    plausible(s).then(|| s.to_string())
}

/// Single-byte encodings repair piece by piece: characters the encoding
/// cannot hold, and bytes that are not UTF-8, stay as they were.
fn fix_single_byte(run: &str, table: &HashMap<char, u8>) -> Option<String> {
    run.chars().nth(1)?;
    let mut out = String::with_capacity(run.len());
    let mut any = false;
    let mut pending: Vec<(char, u8)> = Vec::new();
    let flush = |pending: &mut Vec<(char, u8)>, out: &mut String, any: &mut bool| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().map(|(_, b)| *b).collect();
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            if !valid.is_empty() && plausible(valid) {
                out.push_str(valid);
                *any = true;
            } else {
                pending[at..at + valid.len()]
                    .iter()
                    .for_each(|(c, _)| out.push(*c));
            }
            at += valid.len();
            let bad = chunk.invalid().len();
            pending[at..at + bad].iter().for_each(|(c, _)| out.push(*c));
            at += bad;
        }
        pending.clear();
    };
    for c in run.chars() {
        match table.get(&c) {
            Some(b) => pending.push((c, *b)),
            None => {
                flush(&mut pending, &mut out, &mut any);
                out.push(c);
            }
        }
    }
    flush(&mut pending, &mut out, &mut any);
    any.then_some(out)
}

/// Text a Spanish-speaking team writes: Latin letters, punctuation,
/// arrows, symbols, box drawing and emoji. Not C1 controls, not U+FFFD,
/// not scripts a mis-decoding would invent.
fn plausible(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(c as u32,
                0x09 | 0x20..=0x7E
                | 0xA0..=0x24F
                | 0x300..=0x36F
                | 0x2000..=0x206F
                | 0x20A0..=0x20CF
                | 0x2100..=0x2BFF
                | 0x2E00..=0x2E7F
                | 0xFE00..=0xFE0F
                | 0x1F000..=0x1FAFF
                | 0xE0020..=0xE007F)
        })
}

fn word_around(line: &str, start: usize, end: usize, fixed: &str) -> (String, String) {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let before_start = line[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(start);
    let after_end = line[end..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map(|(i, _)| end + i)
        .unwrap_or(line.len());
    let original = line[before_start..after_end].to_string();
    let repaired = format!(
        "{}{}{}",
        &line[before_start..start],
        fixed,
        &line[end..after_end]
    );
    (original, repaired)
}

fn table_of(encoding: &'static encoding_rs::Encoding, with_c1: bool) -> HashMap<char, u8> {
    let mut map = HashMap::new();
    for b in 0x80u8..=0xFF {
        let bytes = [b];
        let (s, _) = encoding.decode_without_bom_handling(&bytes);
        if let Some(c) = s.chars().next()
            && c != '\u{FFFD}'
        {
            map.entry(c).or_insert(b);
        }
        if with_c1 && (0x80..=0x9F).contains(&b) {
            map.entry(char::from(b)).or_insert(b);
        }
    }
    map
}

fn mac_roman() -> &'static HashMap<char, u8> {
    static T: OnceLock<HashMap<char, u8>> = OnceLock::new();
    T.get_or_init(|| table_of(encoding_rs::MACINTOSH, false))
}

fn windows_1252() -> &'static HashMap<char, u8> {
    static T: OnceLock<HashMap<char, u8>> = OnceLock::new();
    T.get_or_init(|| table_of(encoding_rs::WINDOWS_1252, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garble(text: &str, enc: &'static encoding_rs::Encoding) -> String {
        enc.decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn repairs_each_wrong_decoding() {
        let original = "Reversión de versión: ¿Qué pasó? Añadir índices ✅ → 🚀";
        let mac = garble(original, encoding_rs::MACINTOSH);
        assert_ne!(mac, original);
        assert_eq!(repair(&mac).text, original);
        let w = garble(original, encoding_rs::WINDOWS_1252);
        assert_eq!(repair(&w).text, original);
        let spanish =
            "Producción: gestión de índices, configuración y código. Más información aquí.";
        let g = garble(spanish, encoding_rs::GBK);
        assert_ne!(g, spanish);
        assert_eq!(repair(&g).text, spanish);
    }

    #[test]
    fn leaves_correct_text_alone() {
        for ok in [
            "Producción, migración, ¿qué?, ¡ya!, niño, pingüino, ÁÉÍÓÚÑ",
            "Produccion sin acentos",
            "Emoji 🚀 ✅ ⚠️ 👍🏽 🇦🇷 → ←",
            "中文测试：贸易和生产数据库的迁移计划",
            "日本語のテキストです。",
            "«ADIÓ» — “comillas” … 10 €",
            "Ã",
        ] {
            let out = repair(ok);
            assert_eq!(out.text, ok, "{ok}");
            assert!(out.repaired.is_empty(), "{ok}");
        }
    }

    #[test]
    fn an_intentional_mojibake_in_correct_utf8_is_kept() {
        let text = "# Codificación\n\nBusca así qué falló:\n\n```bash\ngrep -r \"Ã©\" /var/log/app/\n```\n";
        let out = repair(text);
        assert_eq!(out.text, text);
        assert!(out.repaired.is_empty());
    }
}
