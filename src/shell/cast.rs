//! Reading a transcript back (asciicast v2, as `transcript.rs` writes it)
//! for review: every frame with the byte offset of its line, so a journal's
//! `command-sent.transcript_offset` finds the place where a command's
//! output starts, and a replay of the screen up to any offset.

use super::emulator::{Emulator, PaneSize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum FrameKind {
    Output(String),
    /// `cols x rows`
    Resize(u16, u16),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Byte offset of the frame's line in the file.
    pub offset: u64,
    /// Seconds since the recording (or its latest restart) began.
    pub time: f64,
    pub kind: FrameKind,
}

#[derive(Debug, Clone, Default)]
pub struct Cast {
    pub cols: u16,
    pub rows: u16,
    pub frames: Vec<Frame>,
    /// Lines that were neither a header nor a frame (a torn last line
    /// after a crash, or an edit).
    pub unreadable_lines: usize,
}

impl Cast {
    pub fn read(path: &Path) -> std::io::Result<Cast> {
        Ok(Cast::parse(&std::fs::read(path)?))
    }

    /// Tolerant: a line that does not parse is counted and skipped.
    pub fn parse(bytes: &[u8]) -> Cast {
        let mut cast = Cast {
            cols: 80,
            rows: 24,
            ..Cast::default()
        };
        let mut offset = 0u64;
        for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
            let here = offset;
            offset += raw.len() as u64 + 1;
            if raw.is_empty() {
                continue;
            }
            let Ok(text) = std::str::from_utf8(raw) else {
                cast.unreadable_lines += 1;
                continue;
            };
            if i == 0
                && text.starts_with('{')
                && let Ok(h) = serde_json::from_str::<serde_json::Value>(text)
            {
                let dim = |k: &str| h.get(k).and_then(|v| v.as_u64()).map(|v| v as u16);
                cast.cols = dim("width").unwrap_or(80).max(2);
                cast.rows = dim("height").unwrap_or(24).max(1);
                continue;
            }
            match serde_json::from_str::<(f64, String, String)>(text) {
                Ok((time, kind, data)) => {
                    let kind = match kind.as_str() {
                        "o" => FrameKind::Output(data),
                        "r" => match parse_size(&data) {
                            Some((c, r)) => FrameKind::Resize(c, r),
                            None => continue,
                        },
                        _ => continue,
                    };
                    cast.frames.push(Frame {
                        offset: here,
                        time,
                        kind,
                    });
                }
                Err(_) => cast.unreadable_lines += 1,
            }
        }
        cast
    }

    /// The screen as it was just before `end` (every frame whose line
    /// starts before it), scrollback included.
    pub fn replay_until(&self, end: u64, scrollback: usize) -> Emulator {
        let mut emu = Emulator::new(
            PaneSize {
                cols: self.cols,
                rows: self.rows,
            },
            scrollback,
        );
        let mut ignored = Vec::new();
        for f in self.frames.iter().take_while(|f| f.offset < end) {
            match &f.kind {
                FrameKind::Output(s) => emu.advance(s.as_bytes(), &mut ignored),
                FrameKind::Resize(c, r) => emu.resize(PaneSize { cols: *c, rows: *r }),
            }
            ignored.clear();
        }
        emu
    }

    /// An offset past the last frame: replaying up to it shows everything.
    pub fn end_offset(&self) -> u64 {
        self.frames.last().map(|f| f.offset + 1).unwrap_or(0)
    }
}

fn parse_size(s: &str) -> Option<(u16, u16)> {
    let (c, r) = s.split_once('x')?;
    Some((c.trim().parse().ok()?, r.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAST: &str = concat!(
        "{\"version\":2,\"width\":20,\"height\":3}\n",
        "[0.1,\"o\",\"$ echo uno\\r\\nuno\\r\\n\"]\n",
        "[0.2,\"o\",\"$ echo dos\\r\\ndos\\r\\n\"]\n",
        "[0.3,\"r\",\"30x4\"]\n",
        "[0.4,\"o\",\"$ echo tres\\r\\ntres\"]\n",
        "[0.5,\"o\",\"torn"
    );

    #[test]
    fn frames_carry_their_line_offsets() {
        let cast = Cast::parse(CAST.as_bytes());
        assert_eq!((cast.cols, cast.rows), (20, 3));
        assert_eq!(cast.frames.len(), 4);
        assert_eq!(cast.unreadable_lines, 1);
        for f in &cast.frames {
            let line_start = &CAST[f.offset as usize..];
            assert!(line_start.starts_with('['), "{line_start}");
        }
        assert_eq!(cast.frames[2].kind, FrameKind::Resize(30, 4));
    }

    #[test]
    fn replay_stops_before_the_given_offset() {
        let cast = Cast::parse(CAST.as_bytes());
        let emu = cast.replay_until(cast.frames[1].offset, 100);
        let text = emu.screen_text();
        assert!(text.contains("uno") && !text.contains("dos"), "{text}");
        let emu = cast.replay_until(cast.end_offset(), 100);
        let text = emu.screen_text();
        assert!(text.contains("tres"), "{text}");
        assert_eq!(emu.size().cols, 30);
    }
}
