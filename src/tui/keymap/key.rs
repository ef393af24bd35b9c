//! Key names in keymap files (`ctrl-g`, `enter`, `j`, `f5`) and their
//! crossterm events.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeName,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// A `KeyCode` that can be ordered and hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeName {
    Char(char),
    Named(&'static str),
    F(u8),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if rest.chars().count() > 1 {
                if let Some(r) = rest.strip_prefix("ctrl-") {
                    ctrl = true;
                    rest = r;
                    continue;
                }
                if let Some(r) = rest.strip_prefix("alt-") {
                    alt = true;
                    rest = r;
                    continue;
                }
                if let Some(r) = rest.strip_prefix("shift-") {
                    shift = true;
                    rest = r;
                    continue;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeName::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((name, _)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    if *name == "space" {
                        KeyCodeName::Char(' ')
                    } else {
                        KeyCodeName::Named(name)
                    }
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCodeName::F(n)
                } else {
                    return Err(format!(
                        "`{text}` is not a key: use one character, or enter, esc, tab, backtab, backspace, delete, up, down, left, right, home, end, pageup, pagedown, space, f1..f12, with ctrl-/alt-/shift- (sequences like `gg` are not supported)"
                    ));
                }
            }
        };
        // `shift-a` is `A`.
        let code = match code {
            KeyCodeName::Char(c) if shift && c.is_ascii_lowercase() => {
                shift = false;
                KeyCodeName::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        Ok(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeName::Char(c),
            KeyCode::F(n) => KeyCodeName::F(n),
            other => KeyCodeName::Named(NAMED.iter().find(|(_, k)| *k == other)?.0),
        };
        let shift_matters =
            !matches!(code, KeyCodeName::Char(_)) && code != KeyCodeName::Named("backtab");
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
            shift: shift_matters && e.modifiers.contains(KeyModifiers::SHIFT),
        })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCodeName::Char(' ') => f.write_str("space"),
            KeyCodeName::Char(c) => write!(f, "{c}"),
            KeyCodeName::Named(n) => f.write_str(n),
            KeyCodeName::F(n) => write!(f, "f{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_events() {
        for s in [
            "j",
            "?",
            "G",
            "ctrl-g",
            "enter",
            "shift-tab",
            "f5",
            "alt->",
            "space",
            "pagedown",
        ] {
            let k = Key::parse(s).unwrap();
            assert_eq!(Key::parse(&k.to_string()).unwrap(), k, "{s}");
        }
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        let ev = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(&ev), Some(Key::parse("ctrl-g").unwrap()));
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Some(Key::parse("G").unwrap()));
        assert!(Key::parse("gg").is_err());
        assert!(Key::parse("f13").is_err());
    }
}
