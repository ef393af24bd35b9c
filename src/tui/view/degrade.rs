//! The last pass over a drawn frame for terminals that can show less:
//! ASCII only (`--ascii`, a non-UTF-8 locale, vt100/linux consoles) and
//! no colour on vt100/linux consoles (crossterm writes every colour as a
//! 256-colour escape, which those terminals do not know; the views say
//! everything with symbols and bold/reverse video too). Applied to the
//! whole buffer, so nothing from any view, a procedure's text or the
//! shell pane slips through.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

/// What the terminal can show, from `TERM`, `COLORTERM` and the locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    pub unicode: bool,
    /// No colour escapes at all: bold and reverse video only.
    pub mono: bool,
}

/// Terminals known to lack UTF-8 glyphs and extended colours.
const BASIC_TERMS: &[&str] = &[
    "dumb", "vt52", "vt100", "vt102", "vt220", "vt320", "linux", "ansi", "cons25",
];

pub fn detect(ascii_flag: bool) -> Caps {
    let term = std::env::var("TERM").unwrap_or_default();
    let basic_term = term.is_empty() || BASIC_TERMS.contains(&term.as_str());
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let utf8 = locale.contains("utf-8") || locale.contains("utf8");
    let truecolor = std::env::var("COLORTERM").is_ok_and(|c| !c.is_empty());
    Caps {
        unicode: !ascii_flag && utf8 && !basic_term,
        mono: basic_term && !truecolor,
    }
}

/// Rewrites the frame in place.
pub fn degrade(buf: &mut Buffer, ascii: bool, mono: bool) {
    for cell in buf.content.iter_mut() {
        if ascii && !cell.symbol().is_ascii() {
            let s = to_ascii(cell.symbol());
            cell.set_symbol(s);
        }
        if mono {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}

/// One cell's symbol in ASCII: box drawing as `+-|`, arrows and marks as
/// their nearest letters, accented letters without their accent.
fn to_ascii(symbol: &str) -> &'static str {
    let Some(c) = symbol.chars().next() else {
        return " ";
    };
    match c {
        '─' | '━' | '═' | '—' | '–' | '·' | '•' | '‐' => "-",
        '│' | '┃' | '║' => "|",
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' | '╔' | '╗'
        | '╚' | '╝' => "+",
        '→' | '▶' | '▸' | '›' | '»' => ">",
        '←' | '◀' | '‹' | '«' => "<",
        '↑' => "^",
        '↓' => "v",
        '…' => ".",
        '✓' | '✔' => "v",
        '✗' | '✘' => "x",
        '█' | '▇' | '▆' | '▓' => "#",
        '░' | '▒' => ".",
        '●' | '○' | '◆' => "*",
        'á' | 'à' | 'â' | 'ä' | 'ã' => "a",
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => "A",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'Í' | 'Ì' | 'Î' | 'Ï' => "I",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => "o",
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => "O",
        'ú' | 'ù' | 'û' | 'ü' => "u",
        'Ú' | 'Ù' | 'Û' | 'Ü' => "U",
        'ñ' => "n",
        'Ñ' => "N",
        'ç' => "c",
        'Ç' => "C",
        '¿' => "?",
        '¡' => "!",
        '\u{a0}' => " ",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn every_cell_becomes_ascii_and_colourless() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_string(
            0,
            0,
            "┌─ paso último → ✓…",
            ratatui::style::Style::default(),
        );
        buf[(0, 0)].fg = Color::Indexed(200);
        buf[(1, 0)].fg = Color::Indexed(1);
        buf[(2, 0)].bg = Color::Rgb(1, 2, 3);
        degrade(&mut buf, true, true);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.is_ascii(), "{text}");
        assert!(text.starts_with("+- paso ultimo > v."), "{text}");
        assert_eq!(buf[(0, 0)].fg, Color::Reset);
        assert_eq!(buf[(1, 0)].fg, Color::Reset);
        assert_eq!(buf[(2, 0)].bg, Color::Reset);
    }
}
