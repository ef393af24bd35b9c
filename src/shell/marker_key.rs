//! What makes a marker ours: a per-session secret that only pasos and the
//! shell's memory hold, and a MAC on every exit code. See
//! `docs/shell-markers.md` for the threat model.
//!
//! - `tag`: 64 random bits, printed as `aid=<tag>` in every marker. It is
//!   handed to the shell in a 0600 file that the rc file reads into a
//!   non-exported variable and deletes before anything else runs; it is in
//!   no environment, no file name, no command line.
//! - `key`: 64 random bits for HalfSipHash-2-4. A `D` marker of bash or
//!   zsh carries `mac=<8 hex>` over (sequence number, exit code); the shell
//!   counts its `D` markers from 1, pasos counts the ones it accepted, so
//!   an old marker replayed or a code changed does not verify.
//! - A sentinel (`printf` typed into a foreign shell) gets a fresh one-time
//!   token per use: it is visible in the echo, so it proves nothing after
//!   its one use.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// `n` random bytes from the kernel.
pub fn random_bytes<const N: usize>() -> io::Result<[u8; N]> {
    let mut b = [0u8; N];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut b)?;
    Ok(b)
}

/// `N` random bytes as lowercase hex.
pub fn random_hex<const N: usize>() -> io::Result<String> {
    Ok(random_bytes::<N>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The secrets of one shell session.
#[derive(Clone)]
pub struct SessionKey {
    pub tag: String,
    key: [u32; 2],
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(..)")
    }
}

impl SessionKey {
    pub fn generate() -> io::Result<SessionKey> {
        let b = random_bytes::<16>()?;
        let tag = b[..8].iter().map(|b| format!("{b:02x}")).collect();
        let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Ok(SessionKey {
            tag,
            key: [word(8), word(12)],
        })
    }

    #[cfg(test)]
    pub fn fixed(tag: &str, key: [u32; 2]) -> SessionKey {
        SessionKey {
            tag: tag.into(),
            key,
        }
    }

    /// The MAC of the `seq`-th `D` marker reporting `code`, as the
    /// integration prints it.
    pub fn mac(&self, seq: u32, code: i32) -> String {
        format!("{:08x}", halfsiphash24_words(self.key, &[seq, code as u32]))
    }

    /// Writes the file the rc file reads (`tag k0 k1`) into the private
    /// directory, readable by the owner only.
    pub fn write_file(&self, dir: &Path) -> io::Result<PathBuf> {
        let path = dir.join(format!("k{}", random_hex::<6>()?));
        let mut f = crate::journal::store::private_file_options()
            .create_new(true)
            .write(true)
            .open(&path)?;
        writeln!(
            f,
            "{} {:#010x} {:#010x}",
            self.tag, self.key[0], self.key[1]
        )?;
        Ok(path)
    }
}

/// Counts the accepted `D` markers and checks the next one's MAC.
#[derive(Debug, Clone)]
pub struct MarkerAuth {
    key: SessionKey,
    /// Whether `D` markers of this shell carry a MAC (bash, zsh).
    with_mac: bool,
    accepted: u32,
}

impl MarkerAuth {
    pub fn new(key: SessionKey, with_mac: bool) -> MarkerAuth {
        MarkerAuth {
            key,
            with_mac,
            accepted: 0,
        }
    }

    pub fn tag(&self) -> &str {
        &self.key.tag
    }

    /// Whether a `D` marker (already known to carry our tag) reporting
    /// `code` with `mac` is authentic; if so it is counted.
    pub fn accept_finished(&mut self, code: Option<i32>, mac: Option<&str>) -> bool {
        if !self.with_mac {
            return true;
        }
        let (Some(code), Some(mac)) = (code, mac) else {
            return false;
        };
        let seq = self.accepted.wrapping_add(1);
        let ok = constant_time_eq(self.key.mac(seq, code).as_bytes(), mac.as_bytes());
        if ok {
            self.accepted = seq;
        }
        ok
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn round(v: &mut [u32; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(5) ^ v[0];
    v[0] = v[0].rotate_left(16);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(8) ^ v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(7) ^ v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13) ^ v[2];
    v[2] = v[2].rotate_left(16);
}

/// HalfSipHash-2-4 with a 32-bit tag (Aumasson and Bernstein's reference
/// `halfsiphash` with `outlen = 4`) over `msg`.
pub fn halfsiphash24(key: [u32; 2], msg: &[u8]) -> u32 {
    let mut v = [key[0], key[1], 0x6c79_6765 ^ key[0], 0x7465_6462 ^ key[1]];
    let absorb = |v: &mut [u32; 4], m: u32| {
        v[3] ^= m;
        round(v);
        round(v);
        v[0] ^= m;
    };
    let mut words = msg.chunks_exact(4);
    for w in &mut words {
        absorb(&mut v, u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
    }
    let mut b = (msg.len() as u32 & 0xff) << 24;
    for (i, byte) in words.remainder().iter().enumerate() {
        b |= u32::from(*byte) << (8 * i);
    }
    absorb(&mut v, b);
    v[2] ^= 0xff;
    for _ in 0..4 {
        round(&mut v);
    }
    v[1] ^ v[3]
}

/// [`halfsiphash24`] over 32-bit words (little-endian bytes), as the rc
/// files compute it with shell arithmetic.
pub fn halfsiphash24_words(key: [u32; 2], words: &[u32]) -> u32 {
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    halfsiphash24(key, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference implementation's `vectors_hsip32` (SipHash repository
    /// by Aumasson and Bernstein, `vectors.h`): key bytes 0..7, message
    /// bytes 0..len, tag little-endian.
    const VECTORS: [[u8; 4]; 8] = [
        [0xa9, 0x35, 0x9f, 0x5b],
        [0x27, 0x47, 0x5a, 0xb8],
        [0xfa, 0x62, 0xa6, 0x03],
        [0x8a, 0xfe, 0xe7, 0x04],
        [0x2a, 0x6e, 0x46, 0x89],
        [0xc5, 0xfa, 0xb6, 0x69],
        [0x58, 0x63, 0xfc, 0x23],
        [0x8b, 0xcf, 0x63, 0xc5],
    ];

    #[test]
    fn reference_vectors() {
        let key = [
            u32::from_le_bytes([0, 1, 2, 3]),
            u32::from_le_bytes([4, 5, 6, 7]),
        ];
        let msg = [0u8, 1, 2, 3, 4, 5, 6, 7];
        for (len, want) in VECTORS.iter().enumerate() {
            assert_eq!(
                halfsiphash24(key, &msg[..len]).to_le_bytes(),
                *want,
                "length {len}"
            );
        }
    }

    #[test]
    fn auth_counts_and_rejects() {
        let k = SessionKey::fixed("t", [1, 2]);
        let mut auth = MarkerAuth::new(k.clone(), true);
        assert!(!auth.accept_finished(Some(0), None));
        assert!(!auth.accept_finished(Some(0), Some(&k.mac(2, 0))));
        assert!(!auth.accept_finished(Some(0), Some(&k.mac(1, 1))));
        assert!(auth.accept_finished(Some(1), Some(&k.mac(1, 1))));
        // Replayed: its number was used.
        assert!(!auth.accept_finished(Some(1), Some(&k.mac(1, 1))));
        assert!(auth.accept_finished(Some(0), Some(&k.mac(2, 0))));
        let mut plain = MarkerAuth::new(k, false);
        assert!(plain.accept_finished(Some(3), None));
    }

    #[test]
    fn keys_differ_and_file_is_private() {
        let a = SessionKey::generate().unwrap();
        let b = SessionKey::generate().unwrap();
        assert_ne!(a.tag, b.tag);
        assert_ne!(a.mac(1, 0), b.mac(1, 0));
        let dir = tempfile::tempdir().unwrap();
        let path = a.write_file(dir.path()).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(&a.tag));
        assert!(!path.to_string_lossy().contains(&a.tag));
    }
}
