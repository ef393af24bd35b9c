//! Shortening for paper: long scripts keep their first lines, long lines
//! are cut at a word with `…`, free text becomes one line.

use crate::i18n::Lang;

/// Longest command line kept whole (characters).
pub const MAX_LINE: usize = 110;
/// Lines kept of a command that is a script; the rest is counted.
pub const MAX_COMMAND_LINES: usize = 4;
/// Command lines shown for one step; further commands are counted.
pub const MAX_STEP_LINES: usize = 8;
/// Longest free text kept on a checklist line (an undo's instructions).
pub const MAX_SUMMARY: usize = 140;

/// Whitespace, newlines included, collapsed to single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` if it has at most `max` characters, else cut at the last space
/// that keeps at least half of it (a hard cut when there is none) with `…`.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1).max(1);
    let end = text
        .char_indices()
        .nth(keep)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..end];
    let at_word = head
        .rfind(' ')
        .filter(|&i| head[..i].chars().count() >= keep / 2);
    let kept = match at_word {
        Some(i) => head[..i].trim_end(),
        None => head,
    };
    format!("{kept}…")
}

/// Commands abridged for one step: each command's lines (a script keeps
/// its first lines and says how many more it has), each line cut at
/// [`MAX_LINE`], at most [`MAX_STEP_LINES`] lines in all. Returns the
/// commands (lines joined with `\n`) and what was left out, in words.
pub fn commands<'a>(
    runs: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> (Vec<String>, Option<String>) {
    let runs: Vec<&str> = runs.into_iter().collect();
    let mut out = Vec::new();
    let mut used = 0;
    for (n, run) in runs.iter().enumerate() {
        let lines: Vec<&str> = run
            .trim_matches('\n')
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let kept: Vec<String> = if lines.len() > MAX_COMMAND_LINES {
            let mut k: Vec<String> = lines[..MAX_COMMAND_LINES - 1]
                .iter()
                .map(|l| cut(l, MAX_LINE))
                .collect();
            let rest = lines.len() - (MAX_COMMAND_LINES - 1);
            k.push(crate::tr!(lang, "export-more-lines", count = rest));
            k
        } else {
            lines.iter().map(|l| cut(l, MAX_LINE)).collect()
        };
        if kept.is_empty() {
            continue;
        }
        if used + kept.len() > MAX_STEP_LINES {
            let left = runs.len() - n;
            return (
                out,
                Some(crate::tr!(lang, "export-more-commands", count = left)),
            );
        }
        used += kept.len();
        out.push(kept.join("\n"));
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_a_word() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 12), "one two…");
        assert!(cut("one two three four", 12).chars().count() <= 12);
        // No space in the first half: a hard cut.
        assert_eq!(cut("abcdefghijklmnop qr", 8), "abcdefg…");
        assert_eq!(cut("ñandú ñandú ñandú", 9), "ñandú…");
    }

    #[test]
    fn long_scripts_keep_their_first_lines() {
        let script = "a\nb\nc\nd\ne\nf";
        let (out, more) = commands([script], Lang::En);
        assert_eq!(out, vec!["a\nb\nc\n… (+3 lines)"]);
        assert_eq!(more, None);
    }

    #[test]
    fn many_commands_are_counted() {
        let runs: Vec<String> = (1..=12).map(|n| format!("echo {n}")).collect();
        let (out, more) = commands(runs.iter().map(String::as_str), Lang::En);
        assert_eq!(out.len(), MAX_STEP_LINES);
        assert_eq!(more.as_deref(), Some("… (+4 commands)"));
    }

    #[test]
    fn long_lines_are_cut() {
        let long = format!("echo {}", "word ".repeat(60));
        let (out, _) = commands([long.as_str()], Lang::En);
        assert!(out[0].chars().count() <= MAX_LINE);
        assert!(out[0].ends_with('…'));
    }
}
