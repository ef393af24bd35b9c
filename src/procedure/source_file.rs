//! Reading a procedure or runbook file safely: only a regular file, and
//! only up to a size cap. A FIFO, a device (`/dev/zero`) or a directory is
//! refused at once, never read: opening is non-blocking, so a FIFO with
//! no writer cannot hang the command.

use crate::i18n::Lang;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Default cap for procedure files (TOML).
pub const PROCEDURE_CAP: u64 = 16 * 1024 * 1024;
/// Default cap for Markdown runbooks to import.
pub const IMPORT_CAP: u64 = 256 * 1024 * 1024;
/// `PASOS_MAX_FILE_MB` overrides both caps.
pub const CAP_VARIABLE: &str = "PASOS_MAX_FILE_MB";

#[derive(Debug)]
pub enum SourceError {
    /// Not a regular file: what it is (`directory`, `fifo`,
    /// `char-device`, `block-device`, `socket`, `other`).
    NotRegular(&'static str),
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(std::io::Error),
}

impl SourceError {
    /// What is wrong and how to fix it, in the operator's language.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            SourceError::NotRegular(kind) => {
                crate::tr!(lang, "hardening-file-not-regular", kind = *kind)
            }
            SourceError::TooLarge { size, cap } => crate::tr!(
                lang,
                "hardening-file-too-large",
                size = mb(*size),
                cap = mb(*cap),
                variable = CAP_VARIABLE
            ),
            SourceError::Io(e) => crate::i18n::io_error(lang, e),
        }
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::from_env()))
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The cap in effect: `PASOS_MAX_FILE_MB` when set to a number, else
/// `default`.
pub fn cap(default: u64) -> u64 {
    std::env::var(CAP_VARIABLE)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|mb| mb.saturating_mul(1024 * 1024))
        .unwrap_or(default)
}

/// The bytes of the regular file at `path`, at most `cap` of them.
pub fn read(path: &Path, cap: u64) -> Result<Vec<u8>, SourceError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(SourceError::Io)?;
    let meta = file.metadata().map_err(SourceError::Io)?;
    let t = meta.file_type();
    let kind = if t.is_file() {
        None
    } else if t.is_dir() {
        Some("directory")
    } else if t.is_fifo() {
        Some("fifo")
    } else if t.is_char_device() {
        Some("char-device")
    } else if t.is_block_device() {
        Some("block-device")
    } else if t.is_socket() {
        Some("socket")
    } else {
        Some("other")
    };
    if let Some(kind) = kind {
        return Err(SourceError::NotRegular(kind));
    }
    if meta.len() > cap {
        return Err(SourceError::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(SourceError::Io)?;
    if bytes.len() as u64 > cap {
        // It grew while being read.
        return Err(SourceError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_directories_and_fifos_are_refused_without_reading() {
        assert!(matches!(
            read(Path::new("/dev/zero"), PROCEDURE_CAP),
            Err(SourceError::NotRegular("char-device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(dir.path(), PROCEDURE_CAP),
            Err(SourceError::NotRegular("directory"))
        ));
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read(&fifo, PROCEDURE_CAP),
            Err(SourceError::NotRegular("fifo"))
        ));
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.toml");
        std::fs::write(&f, vec![b'#'; 2048]).unwrap();
        assert!(matches!(
            read(&f, 1024),
            Err(SourceError::TooLarge {
                size: 2048,
                cap: 1024
            })
        ));
        assert_eq!(read(&f, 4096).unwrap().len(), 2048);
    }
}
