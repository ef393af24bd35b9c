//! Noticing that the pane no longer talks to our shell: the terminal's
//! foreground process group is a program that opens another shell
//! (`ssh`, `sudo -i`, `su`, a nested shell...), where the markers of our
//! integration cannot come from.

/// Programs whose prompt is not ours while they run in the foreground.
const FOREIGN: &[&str] = &[
    "ssh",
    "mosh-client",
    "telnet",
    "rlogin",
    "sudo",
    "su",
    "doas",
    "pkexec",
    "machinectl",
    "nsenter",
    "chroot",
    "bash",
    "zsh",
    "fish",
    "sh",
    "dash",
    "ksh",
    "mksh",
    "tcsh",
    "csh",
    "busybox",
    "screen",
    "tmux",
];

/// Whether `program` (a process name) opens a prompt of its own.
pub fn is_foreign_program(program: &str) -> bool {
    FOREIGN.contains(&program)
}

/// The name of process `pid` (`/proc/<pid>/comm`), where there is a /proc.
pub fn process_name(pid: i32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_and_nested_shells_are_foreign() {
        assert!(is_foreign_program("ssh"));
        assert!(is_foreign_program("sudo"));
        assert!(!is_foreign_program("sleep"));
        assert_eq!(
            process_name(std::process::id() as i32).is_some(),
            std::path::Path::new("/proc/self/comm").exists()
        );
    }
}
