//! Who is running: user, host, SSH origin, `--operator` name.

use crate::journal::Operator;

pub fn current(name: Option<String>) -> Operator {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let user = env("USER")
        .or_else(|| env("LOGNAME"))
        .or_else(passwd_name)
        .unwrap_or_else(|| format!("uid-{}", unsafe { libc::getuid() }));
    Operator {
        user,
        host: hostname(),
        ssh: env("SSH_CONNECTION").or_else(|| env("SSH_CLIENT")),
        name,
    }
}

pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "unknown-host".into())
}

/// The user name of the real uid from the passwd database.
fn passwd_name() -> Option<String> {
    // SAFETY: getpwuid returns a pointer into static storage or null; the
    // name is copied out before any other call.
    unsafe {
        let pw = libc::getpwuid(libc::getuid());
        if pw.is_null() || (*pw).pw_name.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr((*pw).pw_name)
            .to_str()
            .ok()
            .map(str::to_string)
    }
}
