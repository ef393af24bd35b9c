//! Text from a file, made safe to print on a terminal: control characters
//! (ESC, BEL, CR, DEL, C1 controls…) are shown as visible symbols instead
//! of acting on the terminal. One symbol per character, so columns (and
//! the carets under a snippet) stay where they were.

use std::borrow::Cow;

/// `text` with every control character except newline and tab replaced:
/// C0 by its Unicode control picture (ESC shows as `␛`), DEL as `␡`, C1
/// controls as `�`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !is_hostile(c) => c,
                '\u{7f}' => '\u{2421}',
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

fn is_hostile(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_other_controls_become_visible_one_for_one() {
        assert_eq!(printable("plain text"), Cow::Borrowed("plain text"));
        let hostile = "a\x1b]0;pwned\x07b\x1b[2Jc\rd\u{7f}e\u{9b}f\n\tg";
        let shown = printable(hostile);
        assert!(!shown.chars().any(is_hostile), "{shown:?}");
        assert_eq!(shown.chars().count(), hostile.chars().count());
        assert!(shown.starts_with("a\u{241b}]0;pwned\u{2407}b"), "{shown}");
    }
}
