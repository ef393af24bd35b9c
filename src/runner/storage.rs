//! Messages that name the real cause when the data directory cannot be
//! written: a full disk, a read-only file system, a permission.

use crate::i18n::Lang;
use std::path::Path;

/// "cannot write PATH: the disk is full (…); free space or …".
pub fn describe(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    let path = path.display().to_string();
    let detail = e.to_string();
    match e.raw_os_error() {
        Some(libc::ENOSPC) | Some(libc::EDQUOT) => {
            crate::tr!(lang, "hardening-storage-full", path = path, detail = detail)
        }
        Some(libc::EROFS) => {
            crate::tr!(
                lang,
                "hardening-storage-read-only",
                path = path,
                detail = detail
            )
        }
        Some(libc::EACCES) | Some(libc::EPERM) => {
            crate::tr!(
                lang,
                "hardening-storage-permission",
                path = path,
                detail = detail
            )
        }
        _ => crate::tr!(
            lang,
            "hardening-storage-other",
            path = path,
            detail = detail
        ),
    }
}
