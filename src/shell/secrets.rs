//! Secrets reach the shell without being typed: pasos writes the exports
//! into a FIFO (`<private dir>/env`, 0600, in a 0700 directory) and sends
//! the private key sequence `ESC [ 6973 ~`, which the integration binds to
//! a function that sources the FIFO. Nothing is echoed, nothing enters
//! the history, and the values never touch the disk: a FIFO holds its
//! data in the kernel's pipe buffer.

use super::program::ShellKind;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// The key sequence the integration binds to loading the FIFO.
pub const LOAD_KEY: &[u8] = b"\x1b[6973~";

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn fish_quote(v: &str) -> String {
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The script that sets `env` in a shell of `kind`.
pub fn exports(kind: ShellKind, env: &[(String, String)]) -> String {
    let mut s = String::new();
    for (k, v) in env.iter().filter(|(k, _)| valid_name(k)) {
        match kind {
            ShellKind::Fish => s.push_str(&format!("set -gx {k} {}\n", fish_quote(v))),
            _ => s.push_str(&format!(
                "export {k}={}\n",
                crate::run::substitute::shell_quote(v)
            )),
        }
    }
    s
}

/// One hand-over in flight: a writer waiting for the shell to read.
pub struct Delivery {
    path: PathBuf,
    writer: Option<JoinHandle<()>>,
}

/// Puts the exports in the FIFO; the shell must then get [`LOAD_KEY`].
pub fn deliver(dir: &Path, kind: ShellKind, env: &[(String, String)]) -> io::Result<Delivery> {
    let path = dir.join("env");
    let _ = std::fs::remove_file(&path);
    let c_path =
        std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).map_err(io::Error::other)?;
    // SAFETY: a valid NUL-terminated path.
    if unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let script = exports(kind, env);
    let fifo = path.clone();
    let writer = std::thread::Builder::new()
        .name("pasos-shell-env".into())
        .spawn(move || {
            // Blocks until the shell (or `Delivery::drop`) opens it.
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&fifo) {
                let _ = f.write_all(script.as_bytes());
            }
            let _ = std::fs::remove_file(&fifo);
        })?;
    Ok(Delivery {
        path,
        writer: Some(writer),
    })
}

impl Delivery {
    pub fn done(&self) -> bool {
        self.writer.as_ref().is_none_or(|w| w.is_finished())
    }
}

impl Drop for Delivery {
    fn drop(&mut self) {
        if let Some(w) = self.writer.take() {
            if !w.is_finished() {
                // Nobody read it: open the other end ourselves so the
                // writer finishes, and throw the data away.
                use std::os::unix::fs::OpenOptionsExt;
                let _reader = std::fs::OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(&self.path);
                let _ = w.join();
            } else {
                let _ = w.join();
            }
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_quote_and_skip_bad_names() {
        let env = vec![
            ("TOKEN".to_string(), "a b'c".to_string()),
            ("bad-name".to_string(), "x".to_string()),
        ];
        assert_eq!(exports(ShellKind::Bash, &env), "export TOKEN='a b'\\''c'\n");
        assert_eq!(exports(ShellKind::Fish, &env), "set -gx TOKEN 'a b\\'c'\n");
    }

    #[test]
    fn the_fifo_carries_the_exports_once_and_disappears() {
        let dir = tempfile::tempdir().unwrap();
        let d = deliver(dir.path(), ShellKind::Bash, &[("A".into(), "1".into())]).unwrap();
        let got = std::fs::read_to_string(dir.path().join("env")).unwrap();
        assert_eq!(got, "export A=1\n");
        while !d.done() {
            std::thread::yield_now();
        }
        drop(d);
        assert!(!dir.path().join("env").exists());
        // Unread: dropping releases the writer.
        let d = deliver(dir.path(), ShellKind::Bash, &[("A".into(), "1".into())]).unwrap();
        drop(d);
        assert!(!dir.path().join("env").exists());
    }
}
