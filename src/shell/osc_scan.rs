//! Splits the shell's output into plain bytes and the OSC sequences pasos
//! itself reads (`OSC 133`, `OSC 633`). Those are taken out of the stream;
//! everything else passes through in order. An OSC that never ends (binary
//! garbage, a broken program) is cut at [`OSC_LIMIT`] bytes: the emulator
//! gets a terminator and the rest of it is dropped, so memory stays bounded.

/// The longest OSC passed to the emulator or kept as a marker.
pub const OSC_LIMIT: usize = 64 * 1024;

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;
const CAN: u8 = 0x18;
const SUB: u8 = 0x1a;

/// One piece of the stream, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Bytes(&'a [u8]),
    /// The payload of an `OSC 133` / `OSC 633` sequence, e.g. `133;D;0;aid=x`.
    Marker(&'a [u8]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Ground,
    /// An ESC was the last byte seen.
    Escape,
    /// Inside `ESC ]`, before knowing whose OSC it is.
    Prefix,
    /// Inside one of our markers.
    Ours,
    /// Inside someone else's OSC, passed through.
    Other,
    /// Dropping the rest of an OSC that was too long.
    Discard,
    /// Just after our marker ended with ESC: swallow the `\` of ST.
    AfterOurs,
}

pub struct OscScanner {
    state: State,
    /// The OSC payload seen so far (prefix or our marker).
    buf: Vec<u8>,
    /// Bytes of someone else's OSC passed through so far.
    passed: usize,
}

impl Default for OscScanner {
    fn default() -> Self {
        Self::new()
    }
}

fn ends_osc(b: u8) -> bool {
    matches!(b, BEL | CAN | SUB | ESC)
}

impl OscScanner {
    pub fn new() -> Self {
        OscScanner {
            state: State::Ground,
            buf: Vec::new(),
            passed: 0,
        }
    }

    /// Feeds `input`; `out` receives the pieces in order.
    pub fn feed(&mut self, input: &[u8], out: &mut dyn FnMut(Piece<'_>)) {
        let mut i = 0;
        // Start of the current run of bytes to pass through.
        let mut run = 0;
        while i < input.len() {
            match self.state {
                State::Ground => match memchr::memchr(ESC, &input[i..]) {
                    None => i = input.len(),
                    Some(p) => {
                        i += p;
                        if run < i {
                            out(Piece::Bytes(&input[run..i]));
                        }
                        i += 1;
                        run = i;
                        self.state = State::Escape;
                    }
                },
                State::Escape => {
                    if input[i] == b']' {
                        i += 1;
                        run = i;
                        self.buf.clear();
                        self.state = State::Prefix;
                    } else {
                        out(Piece::Bytes(&[ESC]));
                        self.state = State::Ground;
                    }
                }
                State::Prefix => {
                    let b = input[i];
                    if ends_osc(b) {
                        // A short OSC that is not ours: hand it on whole.
                        out(Piece::Bytes(b"\x1b]"));
                        out(Piece::Bytes(&self.buf));
                        self.buf.clear();
                        self.state = State::Ground;
                        run = i;
                        continue;
                    }
                    self.buf.push(b);
                    i += 1;
                    run = i;
                    if self.buf.len() == 4 {
                        if self.buf == b"133;" || self.buf == b"633;" {
                            self.state = State::Ours;
                        } else {
                            out(Piece::Bytes(b"\x1b]"));
                            out(Piece::Bytes(&self.buf));
                            self.passed = self.buf.len();
                            self.buf.clear();
                            self.state = State::Other;
                        }
                    }
                }
                State::Ours => {
                    let start = i;
                    let end = input[i..].iter().position(|b| ends_osc(*b));
                    let stop = end.map_or(input.len(), |p| i + p);
                    if self.buf.len() + (stop - start) <= OSC_LIMIT {
                        self.buf.extend_from_slice(&input[start..stop]);
                    } else {
                        self.buf.clear();
                        self.state = State::Discard;
                    }
                    i = stop;
                    run = i;
                    if let Some(&b) = input.get(stop)
                        && self.state == State::Ours
                    {
                        out(Piece::Marker(&self.buf));
                        self.buf.clear();
                        if b == ESC {
                            i += 1;
                            run = i;
                            self.state = State::AfterOurs;
                        } else {
                            // BEL is swallowed; CAN / SUB are controls the
                            // emulator may see.
                            if b == BEL {
                                i += 1;
                                run = i;
                            }
                            self.state = State::Ground;
                        }
                    }
                }
                State::AfterOurs => {
                    if input[i] == b'\\' {
                        i += 1;
                        run = i;
                        self.state = State::Ground;
                    } else {
                        self.state = State::Escape;
                    }
                }
                State::Other => {
                    let end = input[i..].iter().position(|b| ends_osc(*b));
                    let stop = end.map_or(input.len(), |p| i + p);
                    let room = OSC_LIMIT.saturating_sub(self.passed);
                    if stop - i > room {
                        let cut = i + room;
                        if run < cut {
                            out(Piece::Bytes(&input[run..cut]));
                        }
                        out(Piece::Bytes(&[BEL]));
                        self.state = State::Discard;
                        i = cut;
                        run = i;
                        continue;
                    }
                    self.passed += stop - i;
                    i = stop;
                    if end.is_some() {
                        // The terminator is handled by the emulator.
                        self.state = State::Ground;
                    }
                }
                State::Discard => {
                    let end = input[i..].iter().position(|b| ends_osc(*b));
                    match end {
                        None => {
                            i = input.len();
                            run = i;
                        }
                        Some(p) => {
                            let b = input[i + p];
                            i += p;
                            if b == ESC {
                                // Let the ESC start what comes next.
                                run = i;
                            } else {
                                i += 1;
                                run = i;
                            }
                            self.state = State::Ground;
                        }
                    }
                }
            }
        }
        if run < input.len() && matches!(self.state, State::Ground | State::Other) {
            out(Piece::Bytes(&input[run..]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(chunks: &[&[u8]]) -> (Vec<u8>, Vec<String>) {
        let mut s = OscScanner::new();
        let mut bytes = Vec::new();
        let mut markers = Vec::new();
        for c in chunks {
            s.feed(c, &mut |p| match p {
                Piece::Bytes(b) => bytes.extend_from_slice(b),
                Piece::Marker(m) => markers.push(String::from_utf8_lossy(m).into_owned()),
            });
        }
        (bytes, markers)
    }

    #[test]
    fn markers_are_taken_out_and_the_rest_kept() {
        let input = b"ab\x1b]133;A;aid=1\x07cd\x1b]0;title\x07\x1b[1mx\x1b]633;E;ls;1\x1b\\y";
        let (bytes, markers) = scan(&[input]);
        assert_eq!(bytes, b"abcd\x1b]0;title\x07\x1b[1mxy");
        assert_eq!(markers, ["133;A;aid=1", "633;E;ls;1"]);
    }

    #[test]
    fn every_split_gives_the_same_result() {
        let input: &[u8] =
            b"o\x1b]133;D;0;aid=n\x07\x1b]2;t\x1b\\z\x1b]633;P;Cwd=/;n\x1b\\\x1b\x1b]133;C\x07e";
        let whole = scan(&[input]);
        for a in 0..input.len() {
            for b in a..input.len() {
                let split = scan(&[&input[..a], &input[a..b], &input[b..]]);
                assert_eq!(split, whole, "split at {a},{b}");
            }
        }
        assert_eq!(whole.1, ["133;D;0;aid=n", "633;P;Cwd=/;n", "133;C"]);
    }

    #[test]
    fn an_endless_osc_is_cut_and_memory_stays_bounded() {
        let mut s = OscScanner::new();
        let mut passed = 0usize;
        let mut bels = 0;
        s.feed(b"\x1b]0;", &mut |_| {});
        let junk = vec![b'a'; 1 << 20];
        for _ in 0..8 {
            s.feed(&junk, &mut |p| {
                if let Piece::Bytes(b) = p {
                    passed += b.len();
                    bels += b.iter().filter(|b| **b == BEL).count();
                }
            });
        }
        assert!(passed <= OSC_LIMIT + 8, "{passed}");
        assert_eq!(bels, 1);
        let (mut after, mut markers) = (Vec::new(), Vec::new());
        s.feed(b"\x07ok\x1b]133;A\x07", &mut |p| match p {
            Piece::Bytes(b) => after.extend_from_slice(b),
            Piece::Marker(m) => markers.push(m.to_vec()),
        });
        assert_eq!(after, b"ok");
        assert_eq!(markers, [b"133;A".to_vec()]);
        // Our own marker that never ends is dropped too.
        let mut s = OscScanner::new();
        s.feed(b"\x1b]133;E;", &mut |_| {});
        for _ in 0..4 {
            s.feed(&junk, &mut |p| {
                assert!(matches!(p, Piece::Bytes(b) if b.is_empty()))
            });
        }
        assert!(s.buf.len() <= OSC_LIMIT);
    }
}
