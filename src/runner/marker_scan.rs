//! Finding the end-of-command marker (`\x1ePASOS-<nonce>-<code>\x1e`) in
//! the line-mode shell's output, in one pass over any byte stream. Output
//! is released as soon as it cannot be part of a marker: a stray `0x1e`
//! holds back at most a marker's length, never the rest of the output.

/// The longest exit status text a marker carries (`-2147483648`).
const CODE_MAX: usize = 12;

pub struct MarkerScan {
    marker: Vec<u8>,
    /// Bytes that may be the start of a marker, kept for the next chunk.
    held: Vec<u8>,
}

/// What one chunk gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Scanned {
    /// Output to show; no marker yet.
    Output(Vec<u8>),
    /// The output before the marker, and the status it carried (`None`
    /// when unreadable). Bytes after the marker are dropped: the shell
    /// prints nothing after it until the next command.
    Done(Vec<u8>, Option<i32>),
}

impl MarkerScan {
    /// `marker` is the fixed head, `\x1ePASOS-<nonce>-`.
    pub fn new(marker: &[u8]) -> MarkerScan {
        MarkerScan {
            marker: marker.to_vec(),
            held: Vec::new(),
        }
    }

    pub fn push(&mut self, chunk: &[u8]) -> Scanned {
        let mut buf = std::mem::take(&mut self.held);
        buf.extend_from_slice(chunk);
        let m = &self.marker;
        let mut from = 0;
        while let Some(i) = memchr::memchr(0x1e, &buf[from..]).map(|i| i + from) {
            let rest = &buf[i..];
            if rest.len() < m.len() {
                if m.starts_with(rest) {
                    self.held = buf.split_off(i);
                    return Scanned::Output(buf);
                }
            } else if rest.starts_with(m) {
                let after = &rest[m.len()..];
                match memchr::memchr(0x1e, after) {
                    Some(end) if end <= CODE_MAX => {
                        let code = std::str::from_utf8(&after[..end])
                            .ok()
                            .and_then(|s| s.parse().ok());
                        buf.truncate(i);
                        return Scanned::Done(buf, code);
                    }
                    None if after.len() <= CODE_MAX => {
                        self.held = buf.split_off(i);
                        return Scanned::Output(buf);
                    }
                    _ => {} // too long for a status: not a marker
                }
            }
            from = i + 1;
        }
        Scanned::Output(buf)
    }

    /// What is held back, when the stream ends without a marker.
    pub fn rest(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: &[u8] = b"\x1ePASOS-abc-";

    #[test]
    fn a_marker_split_anywhere_is_found_and_output_before_it_is_released() {
        let stream = b"hello\nworld\x1ePASOS-abc-42\x1e\n";
        for cut in 0..stream.len() {
            let mut s = MarkerScan::new(M);
            let mut out = Vec::new();
            let mut done = None;
            for part in [&stream[..cut], &stream[cut..]] {
                match s.push(part) {
                    Scanned::Output(o) => out.extend(o),
                    Scanned::Done(o, code) => {
                        out.extend(o);
                        done = Some(code);
                        break;
                    }
                }
            }
            assert_eq!(done, Some(Some(42)), "cut at {cut}");
            assert_eq!(out, b"hello\nworld", "cut at {cut}");
        }
    }

    #[test]
    fn a_stray_record_separator_holds_nothing_back() {
        let mut s = MarkerScan::new(M);
        assert_eq!(s.push(b"a\x1eb"), Scanned::Output(b"a\x1eb".to_vec()));
        assert_eq!(s.push(b"\x1ePAS"), Scanned::Output(Vec::new()));
        assert_eq!(
            s.push(b"X more"),
            Scanned::Output(b"\x1ePASX more".to_vec())
        );
        // Too long for a status: output (its last 0x1e may start a marker).
        assert_eq!(
            s.push(b"\x1ePASOS-abc-1234567890123456\x1e"),
            Scanned::Output(b"\x1ePASOS-abc-1234567890123456".to_vec())
        );
        assert_eq!(
            s.push(b"\x1ePASOS-abc-7\x1e"),
            Scanned::Done(b"\x1e".to_vec(), Some(7))
        );
    }
}
