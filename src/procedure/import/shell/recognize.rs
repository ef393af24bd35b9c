//! Telling a command from prose when it is written inline or as a bullet.

use super::prompt::prompted;

/// Programs that make text a command when they come first.
const PROGRAMS: &[&str] = &[
    "kubectl",
    "helm",
    "docker",
    "docker-compose",
    "podman",
    "git",
    "gh",
    "glab",
    "sudo",
    "systemctl",
    "journalctl",
    "service",
    "psql",
    "pg_dump",
    "pg_restore",
    "pg_isready",
    "pg_dumpall",
    "createdb",
    "dropdb",
    "mysql",
    "mysqldump",
    "mongo",
    "mongosh",
    "mongodump",
    "redis-cli",
    "curl",
    "wget",
    "ssh",
    "scp",
    "rsync",
    "npm",
    "npx",
    "yarn",
    "pnpm",
    "pip",
    "pip3",
    "python",
    "python3",
    "flask",
    "alembic",
    "rails",
    "bundle",
    "rake",
    "terraform",
    "tf",
    "terragrunt",
    "az",
    "aws",
    "gcloud",
    "gsutil",
    "ls",
    "tail",
    "head",
    "grep",
    "egrep",
    "rg",
    "awk",
    "sed",
    "jq",
    "yq",
    "rm",
    "cp",
    "mv",
    "mkdir",
    "chmod",
    "chown",
    "tar",
    "gzip",
    "gunzip",
    "zcat",
    "unzip",
    "df",
    "du",
    "free",
    "ps",
    "pgrep",
    "pkill",
    "killall",
    "dig",
    "nslookup",
    "ping",
    "traceroute",
    "nc",
    "netstat",
    "ss",
    "lsof",
    "openssl",
    "certbot",
    "crontab",
    "ansible",
    "ansible-playbook",
    "chef-client",
    "knife",
    "vault",
    "consul",
    "nomad",
    "railway",
    "flyway",
    "liquibase",
    "prisma",
    "cargo",
    "go",
    "dlv",
    "ffmpeg",
    "convert",
    "ronn",
    "newman",
    "locust",
    "k6",
    "make",
    "find",
    "watch",
    "kill",
    "top",
    "htop",
    "cat",
    "less",
    "sleep",
    "source",
    "touch",
    "export",
    "cd",
    "echo",
    "printf",
    "test",
    "env",
    "xargs",
    "tee",
    "sort",
    "uniq",
    "wc",
    "date",
    "whoami",
    "id",
    "uptime",
    "hostname",
    "mount",
    "umount",
    "ln",
    "stat",
    "nohup",
    "screen",
    "tmux",
    "apt",
    "apt-get",
    "yum",
    "dnf",
    "brew",
    "snap",
    "node",
    "deno",
    "java",
    "mvn",
    "gradle",
    "dotnet",
    "iptables",
    "ufw",
    "firewall-cmd",
    "nginx",
    "apachectl",
    "supervisorctl",
    "pm2",
    "eksctl",
    "kubectx",
    "kubens",
    "k9s",
    "stern",
    "argocd",
    "flux",
    "istioctl",
    "linkerd",
    "minikube",
    "kind",
    "oc",
    "virsh",
    "ip",
    "ifconfig",
    "route",
    "vi",
    "vim",
    "nano",
    "slack-cli",
    "send-email",
    "pgbouncer",
    "gitlab-psql",
    "gitlab-ctl",
    "gitlab-rake",
    "tf-plan",
    "runme",
    "rundown",
    "bash",
    "sh",
    "zsh",
    "exit",
    "set",
    "unset",
    "alias",
    "true",
    "false",
    "diff",
    "patch",
    "base64",
    "sha256sum",
    "md5sum",
    "sha1sum",
    "gpg",
    "ssh-keygen",
    "kubeadm",
    "etcdctl",
    "velero",
    "restic",
    "borg",
    "mc",
    "s3cmd",
    "rclone",
    "wrk",
    "ab",
    "hey",
    "siege",
    "strace",
    "tcpdump",
    "perf",
    "vmstat",
    "iostat",
    "sar",
    "ncdu",
    "logrotate",
    "cron",
    "at",
    "visudo",
    "useradd",
    "usermod",
    "passwd",
];

/// Programs whose names are also plain words (`make sure`, `find out`):
/// they need something command-like after them.
const WORDY: &[&str] = &[
    "make", "find", "watch", "kill", "top", "cat", "less", "sleep", "source", "touch", "export",
    "cd", "echo", "test", "env", "id", "date", "sort", "mount", "free", "set", "alias", "true",
    "false", "go", "kind", "route", "convert", "patch", "diff", "at", "cron", "exit", "ip", "mc",
    "ab", "hey", "service", "node", "unset", "head", "tail", "ps", "ln", "stat", "perf", "ping",
    "borg",
];

/// Whether `text` reads as a shell command rather than prose, a path, a
/// value or a name.
pub fn looks_like_command(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 600 || t.ends_with(':') || t.starts_with('#') {
        return false;
    }
    let first_line = t.lines().next().unwrap_or("");
    let mut words: Vec<&str> = first_line.split_whitespace().collect();
    // Leading `VAR=value` assignments.
    while words.len() > 1 && is_assignment(words[0]) {
        words.remove(0);
    }
    if words.len() == 1 && is_assignment(words[0]) {
        return true;
    }
    let Some(&first) = words.first() else {
        return false;
    };
    let rest = &words[1..];
    if first == "sudo" {
        return !rest.is_empty();
    }
    let executable_path =
        (first.starts_with("./") || first.starts_with("../") || first.starts_with("~/"))
            || (first.contains('/')
                && [".sh", ".py", ".rb", ".pl"]
                    .iter()
                    .any(|e| first.ends_with(e)));
    if executable_path {
        return true;
    }
    if rest.is_empty() {
        return false;
    }
    let looks_technical = |w: &&str| {
        w.chars()
            .any(|c| c.is_ascii_digit() || "-./=$_:~*\"'|<>{}[]@%".contains(c))
            && !w.ends_with(',')
            || w.starts_with('-')
    };
    if first.starts_with('/') && first.len() > 1 && !first[1..].contains('/') {
        return true; // chatops: `/runner run start ...`
    }
    let lower = first.to_lowercase();
    let known = PROGRAMS.contains(&lower.as_str())
        || lower.ends_with("ctl")
        || lower.starts_with("gitlab-")
        || lower.starts_with("chef-");
    if !known || lower != first {
        return false;
    }
    if WORDY.contains(&lower.as_str()) {
        let second = rest[0];
        if second.starts_with(|c: char| c.is_uppercase()) && !second.contains('=') {
            return false; // `set PR approvers to 6`
        }
        return rest.iter().any(looks_technical) && !looks_like_prose(rest);
    }
    !looks_like_prose(rest)
}

fn is_assignment(w: &str) -> bool {
    match w.split_once('=') {
        Some((name, _)) => crate::procedure::variables::is_identifier(name),
        None => false,
    }
}

/// Many plain lower-case words in a row, ending in a full stop: prose.
fn looks_like_prose(words: &[&str]) -> bool {
    let plain = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_alphabetic()) && w.chars().count() > 1)
        .count();
    let last_dot = words
        .last()
        .is_some_and(|w| w.ends_with('.') && !w.contains('/'));
    words.len() >= 5 && plain * 10 >= words.len() * 8 || last_dot && plain * 2 > words.len()
}

/// A command at the start of a bullet, with what follows in parentheses
/// (`make env disable-pglogs (logs remain)`) split off.
pub fn command_with_remark(text: &str) -> Option<(String, Option<String>)> {
    let t = text.trim();
    if looks_like_command(t) && !t.ends_with(')') {
        return Some((t.to_string(), None));
    }
    if let Some(open) = t.rfind(" (")
        && t.ends_with(')')
    {
        let cmd = t[..open].trim();
        let remark = t[open + 1..].trim();
        if looks_like_command(cmd) && remark.contains(' ') {
            return Some((cmd.to_string(), Some(remark.to_string())));
        }
    }
    looks_like_command(t).then(|| (t.to_string(), None))
}

/// Whether an untyped code block holds shell commands.
pub fn is_shell_text(text: &str) -> bool {
    if prompted(text).is_some() {
        return true;
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if first.is_empty() {
        return text.lines().any(|l| l.trim().starts_with('#')) && !text.contains("¿");
    }
    let word = first.split_whitespace().next().unwrap_or("");
    looks_like_command(first)
        || matches!(
            word,
            "if" | "for" | "while" | "export" | "set" | "cd" | "source" | "until" | "case"
        )
        || is_assignment(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_commands_from_prose() {
        for yes in [
            "gitlab-patronictl list",
            "sudo chef-client-disable \"Removing patroni node\"",
            "tf plan -target=module.patroni",
            "make env enable-pglogs",
            "kubectl -n namespace scale deployment/service-[worker]-envt --replicas=0",
            "git reset --hard HEAD@{1}",
            "flask db downgrade",
            "./deploy.sh",
            "bin/konduit.sh -n x -- psql",
            "/runner run start private green",
            "PGPASSWORD=x psql -h db",
            "pip install -r requirements.txt",
        ] {
            assert!(looks_like_command(yes), "{yes}");
        }
        for no in [
            "kubectl",
            "main",
            "nofailover: true",
            "make sure the merge request has the labels",
            "patroni-56",
            "/backups/procedures/PROC-XXX/",
            "${DB_PASSWORD}",
            "PROC-BACKEND-001",
            "Deployment a staging",
            "docker/backups/",
            "find out what broke",
            "localhost:49491",
            "read",
            "Kubernetes (Producción)",
        ] {
            assert!(!looks_like_command(no), "{no}");
        }
        assert_eq!(
            command_with_remark("make env disable-pglogs (any existing logs will remain)"),
            Some((
                "make env disable-pglogs".into(),
                Some("(any existing logs will remain)".into())
            ))
        );
    }
}
