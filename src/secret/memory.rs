//! Keeping secrets out of core dumps: while pasos holds them the process is
//! not dumpable (`PR_SET_DUMPABLE` 0: no core file, no `ptrace` attach by
//! other processes of the same user, `/proc/<pid>/mem` and `environ` closed
//! to them) and its core size limit is 0. Child processes (the shell) get
//! the limit too; the shell itself is dumpable again after `exec`, but it
//! only holds what it was given.

/// Makes the process not dumpable and sets its core size limit to 0.
/// Returns whether both took effect.
pub fn protect() -> bool {
    let limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls with valid arguments.
    let core = unsafe { libc::setrlimit(libc::RLIMIT_CORE, &limit) } == 0;
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_DUMPABLE takes an integer argument.
    let dumpable = unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } == 0;
    #[cfg(not(target_os = "linux"))]
    let dumpable = true;
    core && dumpable
}

/// Whether the process is dumpable now (Linux; `None` elsewhere).
pub fn dumpable() -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: PR_GET_DUMPABLE takes no argument.
        let r = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
        Some(r != 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_protected_process_is_not_dumpable() {
        // Run in a child so the test process itself stays as it was.
        let exe = std::env::current_exe().unwrap();
        if std::env::var_os("PASOS_TEST_PROTECT_CHILD").is_some() {
            assert!(super::protect());
            assert_eq!(super::dumpable(), Some(false));
            let mut l = libc::rlimit {
                rlim_cur: 1,
                rlim_max: 1,
            };
            // SAFETY: a valid out pointer.
            unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut l) };
            assert_eq!(l.rlim_cur, 0);
            return;
        }
        let status = std::process::Command::new(exe)
            .args([
                "--exact",
                "secret::memory::tests::a_protected_process_is_not_dumpable",
                "--nocapture",
            ])
            .env("PASOS_TEST_PROTECT_CHILD", "1")
            .status()
            .unwrap();
        assert!(status.success());
    }
}
