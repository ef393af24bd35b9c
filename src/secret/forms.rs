//! The forms a secret takes in output: as is, reversed, hex (both cases),
//! URL-encoded, and base64 (standard and URL alphabets, padded or not, and
//! the part that stays the same whatever bytes come before it: three
//! alignments).

use zeroize::Zeroizing;

const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Every distinct form of `secret`, longest first. Forms shorter than
/// [`super::MIN_SECRET_LEN`] are left out (too likely to occur by chance).
pub fn forms(secret: &str) -> Vec<Zeroizing<Vec<u8>>> {
    let raw = secret.as_bytes();
    let mut out: Vec<Zeroizing<Vec<u8>>> = Vec::new();
    let mut add = |f: Zeroizing<Vec<u8>>| {
        if f.len() >= super::MIN_SECRET_LEN && !out.iter().any(|o| **o == *f) {
            out.push(f);
        }
    };
    add(Zeroizing::new(raw.to_vec()));
    add(Zeroizing::new(
        secret.chars().rev().collect::<String>().into_bytes(),
    ));
    add(Zeroizing::new(raw.iter().rev().copied().collect()));
    add(hex(raw, b"0123456789abcdef"));
    add(hex(raw, b"0123456789ABCDEF"));
    add(url_encoded(raw, b"0123456789ABCDEF"));
    add(url_encoded(raw, b"0123456789abcdef"));
    for alphabet in [STD, URL] {
        let whole = base64(raw, alphabet, 0);
        let mut padded = whole.clone();
        while !padded.len().is_multiple_of(4) {
            padded.push(b'=');
        }
        add(padded);
        add(whole);
        for shift in 0..3 {
            add(base64_core(raw, alphabet, shift));
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.len()));
    out
}

fn hex(raw: &[u8], digits: &[u8; 16]) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(Vec::with_capacity(raw.len() * 2));
    for b in raw {
        v.push(digits[(b >> 4) as usize]);
        v.push(digits[(b & 15) as usize]);
    }
    v
}

fn url_encoded(raw: &[u8], digits: &[u8; 16]) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(Vec::with_capacity(raw.len() * 3));
    for &b in raw {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            v.push(b);
        } else {
            v.extend_from_slice(&[b'%', digits[(b >> 4) as usize], digits[(b & 15) as usize]]);
        }
    }
    v
}

/// Base64 of `shift` zero bytes followed by `raw`, without padding.
fn base64(raw: &[u8], alphabet: &[u8; 64], shift: usize) -> Zeroizing<Vec<u8>> {
    let mut input = Zeroizing::new(vec![0u8; shift]);
    input.extend_from_slice(raw);
    let mut v = Zeroizing::new(Vec::with_capacity(input.len() * 4 / 3 + 4));
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            v.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize]);
        }
    }
    v
}

/// The base64 characters that depend only on `raw` when it starts `shift`
/// bytes into a 3-byte group: the form that is found wherever the secret
/// sits in a larger encoded text.
fn base64_core(raw: &[u8], alphabet: &[u8; 64], shift: usize) -> Zeroizing<Vec<u8>> {
    let all = base64(raw, alphabet, shift);
    let start_bits = 8 * shift;
    let end_bits = 8 * (shift + raw.len());
    let start = start_bits.div_ceil(6);
    let end = (end_bits / 6).min(all.len());
    Zeroizing::new(all.get(start..end).unwrap_or_default().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[Zeroizing<Vec<u8>>], s: &str) -> bool {
        forms.iter().any(|f| f.as_slice() == s.as_bytes())
    }

    fn contains_a_form(forms: &[Zeroizing<Vec<u8>>], text: &str) -> bool {
        forms
            .iter()
            .any(|f| text.as_bytes().windows(f.len()).any(|w| w == f.as_slice()))
    }

    #[test]
    fn the_common_encodings_are_there() {
        let f = forms("tok-SECRETO-4a7f19");
        assert!(has(&f, "tok-SECRETO-4a7f19"));
        assert!(has(&f, "91f7a4-OTERCES-kot"));
        assert!(has(&f, "dG9rLVNFQ1JFVE8tNGE3ZjE5"));
        assert!(has(&f, "746f6b2d5345435245544f2d346137663139"));
        assert!(has(&f, "746F6B2D5345435245544F2D346137663139"));
        let url = forms("p@ss w/rd+x");
        assert!(has(&url, "p%40ss%20w%2Frd%2Bx"));
        assert!(has(&url, "p%40ss%20w%2frd%2bx"));
        // Padded and unpadded, standard and URL alphabets.
        let b = forms("secret?>");
        assert!(has(&b, "c2VjcmV0Pz4="));
        assert!(has(&b, "c2VjcmV0Pz4"));
        let u = forms("ÿÿÿÿÿÿ");
        assert!(has(&u, "w7/Dv8O/w7/Dv8O/"));
        assert!(has(&u, "w7_Dv8O_w7_Dv8O_"));
    }

    #[test]
    fn base64_finds_the_secret_at_any_offset() {
        // What `base64` prints for the secret behind 0..5 other bytes.
        let secret = "hunter2-is-long";
        let f = forms(secret);
        for prefix in ["", "a", "ab", "abc", "abcd", "abcde"] {
            let text = format!("{prefix}{secret}tail");
            for alphabet in [STD, URL] {
                let enc = base64(text.as_bytes(), alphabet, 0);
                let enc = String::from_utf8(enc.to_vec()).unwrap();
                assert!(contains_a_form(&f, &enc), "{prefix:?} {enc}");
            }
        }
    }

    #[test]
    fn nothing_too_short_and_no_duplicates() {
        let f = forms("abcdef");
        for (i, a) in f.iter().enumerate() {
            assert!(a.len() >= crate::secret::MIN_SECRET_LEN);
            assert!(f[i + 1..].iter().all(|b| b != a));
        }
    }
}
