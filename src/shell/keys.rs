//! Keys and pastes as the bytes a terminal sends (xterm conventions),
//! aware of the application-cursor mode the program in the pane chose.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The terminal modes that change what a key sends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyModes {
    /// DECCKM (`CSI ? 1 h`): arrows send `ESC O A` instead of `ESC [ A`.
    pub app_cursor: bool,
}

/// xterm's modifier parameter: 1 + shift + 2·alt + 4·ctrl.
fn modifier_param(m: KeyModifiers) -> u8 {
    1 + u8::from(m.contains(KeyModifiers::SHIFT))
        + 2 * u8::from(m.contains(KeyModifiers::ALT))
        + 4 * u8::from(m.contains(KeyModifiers::CONTROL))
}

/// The bytes for one key press; empty for releases and keys a terminal
/// does not send.
pub fn encode_key(key: &KeyEvent, modes: KeyModes) -> Vec<u8> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let m = key.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let alt = m.contains(KeyModifiers::ALT);
    let shift = m.contains(KeyModifiers::SHIFT);
    let param = modifier_param(m - KeyModifiers::SUPER - KeyModifiers::HYPER - KeyModifiers::META);
    let with_alt = |mut b: Vec<u8>| {
        if alt {
            b.insert(0, 0x1b);
        }
        b
    };
    // `ESC [ 1 ; m X` with modifiers, else `ESC [ X` (or `ESC O X`).
    let cursor_key = |c: u8, app: bool| -> Vec<u8> {
        if param > 1 {
            format!("\x1b[1;{param}{}", c as char).into_bytes()
        } else if app {
            vec![0x1b, b'O', c]
        } else {
            vec![0x1b, b'[', c]
        }
    };
    let tilde = |n: u8| -> Vec<u8> {
        if param > 1 {
            format!("\x1b[{n};{param}~").into_bytes()
        } else {
            format!("\x1b[{n}~").into_bytes()
        }
    };
    match key.code {
        KeyCode::Char(c) => {
            if ctrl {
                let b = match c.to_ascii_lowercase() {
                    c @ 'a'..='z' => Some(c as u8 & 0x1f),
                    '@' | ' ' | '2' => Some(0),
                    '[' | '3' => Some(0x1b),
                    '\\' | '4' => Some(0x1c),
                    ']' | '5' => Some(0x1d),
                    '^' | '6' => Some(0x1e),
                    '_' | '-' | '7' => Some(0x1f),
                    '?' | '8' => Some(0x7f),
                    _ => None,
                };
                if let Some(b) = b {
                    return with_alt(vec![b]);
                }
            }
            let mut s = String::new();
            s.push(c);
            with_alt(s.into_bytes())
        }
        KeyCode::Enter => with_alt(vec![b'\r']),
        KeyCode::Tab if shift => b"\x1b[Z".to_vec(),
        KeyCode::Tab => with_alt(vec![b'\t']),
        KeyCode::BackTab => b"\x1b[Z".to_vec(),
        KeyCode::Backspace => with_alt(vec![if ctrl { 0x08 } else { 0x7f }]),
        KeyCode::Esc => with_alt(vec![0x1b]),
        KeyCode::Up => cursor_key(b'A', modes.app_cursor),
        KeyCode::Down => cursor_key(b'B', modes.app_cursor),
        KeyCode::Right => cursor_key(b'C', modes.app_cursor),
        KeyCode::Left => cursor_key(b'D', modes.app_cursor),
        KeyCode::Home => cursor_key(b'H', modes.app_cursor),
        KeyCode::End => cursor_key(b'F', modes.app_cursor),
        KeyCode::Insert => tilde(2),
        KeyCode::Delete => tilde(3),
        KeyCode::PageUp => tilde(5),
        KeyCode::PageDown => tilde(6),
        KeyCode::F(n @ 1..=4) => {
            let c = b"PQRS"[usize::from(n - 1)];
            if param > 1 {
                format!("\x1b[1;{param}{}", c as char).into_bytes()
            } else {
                vec![0x1b, b'O', c]
            }
        }
        KeyCode::F(n @ 5..=12) => tilde([15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 5)]),
        KeyCode::Null => vec![0],
        _ => Vec::new(),
    }
}

/// What pasting `text` sends: wrapped in bracketed-paste markers when the
/// program asked for them (so multi-line scripts and heredocs arrive whole
/// and are not run line by line), with any end-of-paste marker inside the
/// text taken out so the text cannot break out of the paste.
pub fn encode_paste(text: &str, bracketed: bool) -> Vec<u8> {
    let mut clean = text.replace("\r\n", "\n");
    while clean.contains("\x1b[201~") {
        clean = clean.replace("\x1b[201~", "");
    }
    if bracketed {
        let mut out = Vec::with_capacity(clean.len() + 12);
        out.extend_from_slice(b"\x1b[200~");
        out.extend_from_slice(clean.as_bytes());
        out.extend_from_slice(b"\x1b[201~");
        out
    } else {
        clean.replace('\n', "\r").into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, m: KeyModifiers) -> Vec<u8> {
        encode_key(&KeyEvent::new(code, m), KeyModes::default())
    }

    #[test]
    fn keys_encode_like_xterm() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let alt = KeyModifiers::ALT;
        assert_eq!(k(KeyCode::Char('a'), none), b"a");
        assert_eq!(k(KeyCode::Char('ñ'), none), "ñ".as_bytes());
        assert_eq!(k(KeyCode::Char('c'), ctrl), b"\x03");
        assert_eq!(k(KeyCode::Char('C'), ctrl | KeyModifiers::SHIFT), b"\x03");
        assert_eq!(k(KeyCode::Char(' '), ctrl), b"\x00");
        assert_eq!(k(KeyCode::Char('['), ctrl), b"\x1b");
        assert_eq!(k(KeyCode::Char('b'), alt), b"\x1bb");
        assert_eq!(k(KeyCode::Char('x'), ctrl | alt), b"\x1b\x18");
        assert_eq!(k(KeyCode::Enter, none), b"\r");
        assert_eq!(k(KeyCode::Backspace, none), b"\x7f");
        assert_eq!(k(KeyCode::BackTab, KeyModifiers::SHIFT), b"\x1b[Z");
        assert_eq!(k(KeyCode::Up, none), b"\x1b[A");
        assert_eq!(k(KeyCode::Left, ctrl), b"\x1b[1;5D");
        assert_eq!(k(KeyCode::Right, KeyModifiers::SHIFT | alt), b"\x1b[1;4C");
        assert_eq!(k(KeyCode::Home, none), b"\x1b[H");
        assert_eq!(k(KeyCode::Delete, none), b"\x1b[3~");
        assert_eq!(k(KeyCode::PageUp, ctrl), b"\x1b[5;5~");
        assert_eq!(k(KeyCode::F(1), none), b"\x1bOP");
        assert_eq!(k(KeyCode::F(4), KeyModifiers::SHIFT), b"\x1b[1;2S");
        assert_eq!(k(KeyCode::F(5), none), b"\x1b[15~");
        assert_eq!(k(KeyCode::F(12), alt), b"\x1b[24;3~");
        let app = KeyModes { app_cursor: true };
        assert_eq!(
            encode_key(&KeyEvent::new(KeyCode::Up, none), app),
            b"\x1bOA"
        );
        assert_eq!(
            encode_key(&KeyEvent::new(KeyCode::End, none), app),
            b"\x1bOF"
        );
        assert_eq!(
            encode_key(&KeyEvent::new(KeyCode::Up, ctrl), app),
            b"\x1b[1;5A"
        );
        let mut release = KeyEvent::new(KeyCode::Char('a'), none);
        release.kind = KeyEventKind::Release;
        assert!(encode_key(&release, KeyModes::default()).is_empty());
    }

    #[test]
    fn pastes_are_bracketed_and_cannot_escape() {
        assert_eq!(encode_paste("a\r\nb", true), b"\x1b[200~a\nb\x1b[201~");
        assert_eq!(encode_paste("x\x1b[201~rm", true), b"\x1b[200~xrm\x1b[201~");
        assert_eq!(
            encode_paste("\x1b[20\x1b[201~1~x", true),
            b"\x1b[200~x\x1b[201~"
        );
        assert_eq!(encode_paste("a\nb", false), b"a\rb");
    }
}
