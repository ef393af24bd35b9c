//! Commands that never end by themselves (sessions, follows, live views).

/// Commands that wait for the operator (a session, a pager, a follow).
pub fn is_interactive(cmd: &str) -> bool {
    let body: Vec<&str> = cmd
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    if body.len() != 1 {
        return false;
    }
    let line = body[0].trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first = first.rsplit('/').next().unwrap_or(first);
    let has = |w: &str| words.contains(&w);
    // `kubectl exec ... -- psql`, `konduit.sh ... -- psql`: a session.
    const SESSIONS: &[&str] = &[
        "psql",
        "bash",
        "sh",
        "zsh",
        "mysql",
        "redis-cli",
        "mongosh",
        "rails",
        "irb",
        "python",
    ];
    if let [.., "--", last] = words.as_slice()
        && SESSIONS.contains(last)
    {
        return true;
    }
    let piped = line.contains('|') || line.contains('>') || line.contains('<');
    match first {
        "psql" | "mysql" | "mongo" | "mongosh" | "redis-cli" | "sqlite3" => {
            !piped
                && !has("-c")
                && !has("-f")
                && !has("-e")
                && !has("--command")
                && !line.contains("--eval")
        }
        "ssh" => !piped && words.iter().skip(1).filter(|w| !w.starts_with('-')).count() <= 1,
        "vi" | "vim" | "nano" | "less" | "more" | "top" | "htop" | "k9s" | "watch" | "tmux"
        | "screen" => true,
        "tail" => has("-f") || has("-F") || has("--follow"),
        // Debuggers, tunnels and live views: they run until stopped.
        "dlv" | "gdb" | "stern" => true,
        "docker" | "podman" if has("stats") => !has("--no-stream"),
        "docker" | "podman" if has("attach") => true,
        "kubectl" | "oc" if has("port-forward") || has("proxy") || has("attach") => true,
        "minikube" if has("tunnel") => true,
        _ => {
            (words.contains(&"exec") && (has("-it") || has("-ti")) && !piped)
                || follows(&words, first)
                || (first == "kubectl" && has("edit"))
        }
    }
}

/// `kubectl logs -f`, `docker compose logs -f`, `kubectl get -w`: a follow
/// that never ends (`-f` before the subcommand is a file, not a follow).
fn follows(words: &[&str], first: &str) -> bool {
    if !matches!(
        first,
        "kubectl" | "docker-compose" | "docker" | "podman" | "journalctl"
    ) {
        return false;
    }
    let Some(at) = words
        .iter()
        .position(|w| matches!(*w, "logs" | "get" | "events"))
    else {
        return first == "journalctl" && words.iter().any(|w| *w == "-f" || *w == "--follow");
    };
    words[at..]
        .iter()
        .any(|w| matches!(*w, "-f" | "--follow" | "-w" | "--watch"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_commands_are_interactive() {
        for c in [
            "docker stats",
            "kubectl get pods -n emojivoto -w",
            "kubectl port-forward -n x svc/api 8000:8000",
            "kubectl logs -f deployment/api",
            "tail -f /var/log/syslog",
            "~/go/bin/dlv exec --headless ./rundown",
            "# Port forwarding\nkubectl port-forward svc/x 1:1",
            "docker-compose logs -f --tail=100 app",
        ] {
            assert!(is_interactive(c), "{c}");
        }
        for c in [
            "docker stats --no-stream",
            "kubectl get pods",
            "docker logs app",
        ] {
            assert!(!is_interactive(c), "{c}");
        }
    }
}
