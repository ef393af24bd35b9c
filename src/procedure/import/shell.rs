//! Shell text in runbooks: splitting a code block into the commands it
//! holds (quotes, heredocs, `if`/`for` blocks, `\` and `|` continuations
//! kept together), reading the comments around them (`# Esperado: ...`,
//! `# Tiempo estimado: ...`, `# 1. Paso`), and telling a command from prose
//! when it is written inline or as a bullet.

use super::duration::{self, Found};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// One logical command (possibly several lines).
    Command(String),
    /// A full-line comment, without changes.
    Comment(String),
    Blank,
}

#[derive(Default)]
struct Lexer {
    single: bool,
    double: bool,
    backtick: bool,
    paren: i64,
    brace: i64,
    keywords: i64,
    case: i64,
    heredocs: Vec<(String, bool)>,
}

impl Lexer {
    fn complete(&self, line: &str) -> bool {
        let t = line.trim_end();
        let continued = t.ends_with('\\') && !t.ends_with("\\\\")
            || t.ends_with('|')
            || t.ends_with("&&")
            || t.ends_with("||");
        !self.single
            && !self.double
            && !self.backtick
            && self.paren <= 0
            && self.brace <= 0
            && self.keywords <= 0
            && self.heredocs.is_empty()
            && !continued
    }

    fn scan(&mut self, line: &str) {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut command_position = !self.double && !self.single && !self.backtick;
        while i < chars.len() {
            let c = chars[i];
            if self.single {
                if c == '\'' {
                    self.single = false;
                }
                i += 1;
                continue;
            }
            if self.double {
                match c {
                    '\\' => i += 1,
                    '"' => self.double = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if self.backtick {
                match c {
                    '\\' => i += 1,
                    '`' => self.backtick = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            let word_start =
                i == 0 || chars[i - 1].is_whitespace() || ";&|(".contains(chars[i - 1]);
            match c {
                '\\' => i += 1,
                '\'' => self.single = true,
                '"' => self.double = true,
                '`' => self.backtick = true,
                '#' if word_start => break,
                '(' => {
                    self.paren += 1;
                    command_position = true;
                }
                ')' if !(self.case > 0 && self.paren <= 0) => {
                    self.paren -= 1;
                }
                ';' | '&' | '|' => command_position = true,
                '<' if chars.get(i + 1) == Some(&'<') && chars.get(i + 2) == Some(&'<') => {
                    i += 3;
                    continue;
                }
                '<' if chars.get(i + 1) == Some(&'<') => {
                    let mut j = i + 2;
                    let strip = chars.get(j) == Some(&'-');
                    if strip {
                        j += 1;
                    }
                    while chars.get(j).is_some_and(|c| *c == ' ') {
                        j += 1;
                    }
                    let quote = chars.get(j).copied().filter(|c| *c == '\'' || *c == '"');
                    if quote.is_some() {
                        j += 1;
                    }
                    let start = j;
                    while chars
                        .get(j)
                        .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    {
                        j += 1;
                    }
                    if j > start {
                        let word: String = chars[start..j].iter().collect();
                        self.heredocs.push((word, strip));
                        if quote.is_some() && chars.get(j) == quote.as_ref() {
                            j += 1;
                        }
                    }
                    i = j;
                    continue;
                }
                _ if word_start && !c.is_whitespace() => {
                    let end = (i + 1..chars.len())
                        .find(|&k| chars[k].is_whitespace() || ";&|()<>".contains(chars[k]))
                        .unwrap_or(chars.len());
                    let word: String = chars[i..end].iter().collect();
                    match word.as_str() {
                        "{" if end == chars.len() || chars[end].is_whitespace() => {
                            self.brace += 1;
                            command_position = true;
                        }
                        "}" => self.brace -= 1,
                        "if" | "for" | "while" | "until" | "select" | "case"
                            if command_position =>
                        {
                            self.keywords += 1;
                            if word == "case" {
                                self.case += 1;
                            }
                            command_position = word != "case" && word != "for" && word != "select";
                        }
                        "fi" | "done" | "esac" if command_position => {
                            self.keywords -= 1;
                            if word == "esac" {
                                self.case -= 1;
                            }
                            command_position = false;
                        }
                        "then" | "do" | "else" | "elif" | "!" | "time" => command_position = true,
                        _ => command_position = false,
                    }
                    // Quotes inside the word are handled by the main loop.
                    let quote_inside = chars[i..end].iter().position(|c| "'\"`\\".contains(*c));
                    i = match quote_inside {
                        Some(p) if p > 0 => i + p,
                        _ => end,
                    };
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Splits shell text into commands, full-line comments and blank lines.
/// Never loses text: a construct left open at the end becomes one command.
pub fn lex(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut lx = Lexer::default();
    let mut heredoc_body: Option<(String, bool)> = None;
    for line in text.lines() {
        if let Some((word, strip)) = &heredoc_body {
            current.push('\n');
            current.push_str(line);
            let candidate = if *strip {
                line.trim_start_matches('\t')
            } else {
                line
            };
            if candidate.trim_end() == word {
                heredoc_body = None;
                if lx.heredocs.is_empty() && lx.complete("") {
                    out.push(Piece::Command(std::mem::take(&mut current)));
                    lx = Lexer::default();
                } else if !lx.heredocs.is_empty() {
                    heredoc_body = Some(lx.heredocs.remove(0));
                }
            }
            continue;
        }
        if current.is_empty() {
            let t = line.trim();
            if t.is_empty() {
                out.push(Piece::Blank);
                continue;
            }
            if t.starts_with('#') {
                out.push(Piece::Comment(line.to_string()));
                continue;
            }
        } else {
            current.push('\n');
        }
        current.push_str(line);
        lx.scan(line);
        if !lx.heredocs.is_empty() {
            heredoc_body = Some(lx.heredocs.remove(0));
            continue;
        }
        if lx.complete(line) {
            out.push(Piece::Command(std::mem::take(&mut current)));
            lx = Lexer::default();
        }
    }
    if !current.trim().is_empty() {
        out.push(Piece::Command(current));
    }
    out
}

/// What a shell code block says, read as a runbook step would use it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// `# 1. Title` / `# Paso 2: Title` that opened this group.
    pub marker: Option<(String, String)>,
    pub commands: Vec<String>,
    /// Lines that are not commands (YAML pasted in a shell block, comment-only groups).
    pub text: Vec<String>,
    pub expected: Vec<String>,
    pub on_failure: Vec<String>,
    pub estimate: Option<Found>,
    /// What was read out of comments, for the report.
    pub read: Vec<String>,
}

impl Group {
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
            && self.text.is_empty()
            && self.expected.is_empty()
            && self.on_failure.is_empty()
    }
}

fn comment_patterns() -> &'static [Regex; 4] {
    static P: OnceLock<[Regex; 4]> = OnceLock::new();
    P.get_or_init(|| {
        [
            Regex::new(r"(?i)^#+\s*(?:(?:paso|step)\s+)?(\d{1,3})[.:)]\s+(\S.*)$").expect("marker"),
            Regex::new(
                r"(?i)^#+\s*(?:output\s+esperado|salida\s+esperada|resultado\s+esperado|esperado|expected(?:\s+output|\s+result)?|output\s+ejemplo|ejemplo\s+de\s+salida|example\s+output|debe\s+(?:retornar|devolver|mostrar|ser|existir)|should\s+(?:return|show|be)|cada\s+comando\s+debe\s+retornar)\s*:?\s*(.*)$",
            )
            .expect("expected"),
            Regex::new(r"(?i)^#+\s*(?:tiempo(?:\s+estimado)?|duraci[oó]n(?:\s+estimada)?|estimated\s+time|duration)\s*:\s*(.+)$")
                .expect("estimate"),
            Regex::new(r"(?i)^#+\s*(?:si\s+falla|if\s+(?:it\s+)?fails|on\s+failure|en\s+caso\s+de\s+(?:error|fallo)|si\s+hay\s+errores?)\s*[:,]?\s*(.+)$")
                .expect("on failure"),
        ]
    })
}

/// Reads a shell block into groups; a new group starts at each numbered
/// comment (`# 1. ...`). Callers that do not split steps merge them.
pub fn read(text: &str) -> Vec<Group> {
    let [marker, expected, estimate, failure] = comment_patterns();
    let mut groups = vec![Group::default()];
    let mut pending: Vec<String> = Vec::new();
    let mut expecting = false;
    for piece in lex(text) {
        let g = groups.last_mut().expect("never empty");
        match piece {
            Piece::Blank => expecting = false,
            Piece::Comment(line) => {
                let t = line.trim();
                // Cheap checks first: most comments are none of these.
                let lower = t.to_lowercase();
                let body = lower.trim_start_matches('#').trim_start();
                let maybe_marker = body.starts_with(|c: char| c.is_ascii_digit())
                    || body.starts_with("paso")
                    || body.starts_with("step");
                let maybe_field = [
                    "esperad",
                    "expected",
                    "output",
                    "salida",
                    "resultado",
                    "ejemplo",
                    "example",
                    "debe",
                    "should",
                    "tiempo",
                    "duraci",
                    "duration",
                    "estimated",
                    "si ",
                    "if ",
                    "on failure",
                    "en caso",
                ]
                .iter()
                .any(|k| body.starts_with(k) || (k.len() >= 4 && body.contains(k)));
                if !maybe_marker && !maybe_field && !expecting {
                    pending.push(line);
                    continue;
                }
                if let Some(c) = marker.captures(t).filter(|_| maybe_marker) {
                    flush_trailing(g, &mut pending);
                    groups.push(Group {
                        marker: Some((c[1].to_string(), c[2].trim().to_string())),
                        ..Group::default()
                    });
                    expecting = false;
                } else if let Some(c) = expected.captures(t) {
                    let rest = c[1].trim();
                    if rest.is_empty() {
                        expecting = true;
                    } else {
                        g.expected.push(rest.to_string());
                        expecting = false;
                    }
                    g.read.push(format!("expected result from comment `{t}`"));
                } else if expecting {
                    g.expected
                        .push(t.trim_start_matches('#').trim().to_string());
                } else if let Some(f) = estimate
                    .captures(t)
                    .and_then(|c| duration::whole(&c[1]))
                    .filter(|_| g.estimate.is_none())
                {
                    g.read
                        .push(format!("estimate {} from comment `{t}`", f.estimate));
                    g.estimate = Some(f);
                } else if let Some(c) = failure.captures(t) {
                    g.on_failure.push(c[1].trim().to_string());
                    g.read.push(format!("on-failure hint from comment `{t}`"));
                } else {
                    pending.push(line);
                }
            }
            Piece::Command(cmd) => {
                expecting = false;
                if is_text_line(&cmd) {
                    g.text.append(&mut pending);
                    g.text.push(cmd);
                    continue;
                }
                let mut run = pending.join("\n");
                pending.clear();
                if !run.is_empty() {
                    run.push('\n');
                }
                run.push_str(&cmd);
                g.commands.push(run);
            }
        }
    }
    let g = groups.last_mut().expect("never empty");
    flush_trailing(g, &mut pending);
    if groups.len() > 1 && groups[0].is_empty() {
        groups.remove(0);
    }
    groups
}

/// Paragraphs of a shell block (split at blank lines) with the comment
/// that opens each: `# Servicio no responde` then its commands.
pub fn comment_groups(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    let mut open = false;
    for piece in lex(text) {
        match piece {
            Piece::Blank => open = false,
            Piece::Comment(c) => {
                let c = c.trim().trim_start_matches('#').trim().to_string();
                match out.last_mut() {
                    Some((Some(title), cmds)) if open && cmds.is_empty() => {
                        title.push_str("; ");
                        title.push_str(&c);
                    }
                    _ => {
                        out.push((Some(c), Vec::new()));
                        open = true;
                    }
                }
            }
            Piece::Command(cmd) => {
                if !open || out.is_empty() {
                    out.push((None, Vec::new()));
                    open = true;
                }
                out.last_mut().expect("just ensured").1.push(cmd);
            }
        }
    }
    out
}

/// Comment lines as text: `# - Reemplazar XXX` -> `- Reemplazar XXX`.
pub fn uncomment(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| match l.trim_start().strip_prefix('#') {
            Some(rest) if !l.trim_start().starts_with("#!") => {
                rest.strip_prefix(' ').unwrap_or(rest).to_string()
            }
            _ => l.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

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

/// Comments after the last command of a group stay with that command.
fn flush_trailing(g: &mut Group, pending: &mut Vec<String>) {
    if pending.is_empty() {
        return;
    }
    match g.commands.last_mut() {
        Some(last) => {
            for p in pending.drain(..) {
                last.push('\n');
                last.push_str(&p);
            }
        }
        None => g.text.append(pending),
    }
}

/// YAML or configuration pasted into a shell block: `key:` or `key: value`
/// lines that no shell would run.
fn is_text_line(cmd: &str) -> bool {
    let first = cmd.lines().next().unwrap_or("").trim();
    let word = first.split_whitespace().next().unwrap_or("");
    (word.ends_with(':') && !word.contains("://") && word.len() > 1 && !word.starts_with('$'))
        || first.starts_with("- ") && first.contains(": ")
}

/// `$ cmd` prompts: the commands, and the lines after each (its output).
pub fn prompted(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let has_prompt = text.lines().any(|l| l.starts_with("$ ") || l == "$");
    if !has_prompt {
        return None;
    }
    let mut commands: Vec<String> = Vec::new();
    let mut output = Vec::new();
    let mut continuing = false;
    for line in text.lines() {
        if continuing {
            if let Some(last) = commands.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
            continuing = line.trim_end().ends_with('\\');
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            commands.push(cmd.trim_end().to_string());
            continuing = cmd.trim_end().ends_with('\\');
        } else if !line.trim().is_empty() {
            output.push(line.trim_end().to_string());
        }
    }
    Some((commands, output))
}

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

    fn commands(text: &str) -> Vec<String> {
        lex(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Command(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn keeps_multi_line_constructs_together() {
        let text = "ls -l\ncurl -X POST x \\\n  -d '{\"a\":\n 1}'\nif [ $SIZE -lt 1 ]; then\n  echo no\n  exit 1\nfi\ncat <<EOF > f\nline\nEOF\nfor i in {1..10}; do\n  echo $i\ndone\necho \"$(date)\" | tee x |\n  wc -l\npsql -c \"\nSELECT 1;\n\"\n";
        let c = commands(text);
        assert_eq!(c.len(), 7, "{c:#?}");
        assert!(c[1].ends_with("1}'"));
        assert!(c[2].ends_with("fi"));
        assert!(c[3].ends_with("EOF"));
        assert!(c[6].ends_with('"'));
    }

    #[test]
    fn reads_comments_around_commands() {
        let text = "# Verificar servicios\nsystemctl status api\n# Esperado: active (running)\n\n# Tiempo estimado: 3-5 minutos\nhelm rollback app\n# Si falla: escalar al DBA\n# nota final\n";
        let g = read(text);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g[0].commands,
            vec![
                "# Verificar servicios\nsystemctl status api",
                "helm rollback app\n# nota final"
            ]
        );
        assert_eq!(g[0].expected, vec!["active (running)"]);
        assert_eq!(g[0].estimate.as_ref().unwrap().estimate.to_string(), "3-5m");
        assert_eq!(g[0].on_failure, vec!["escalar al DBA"]);
    }

    #[test]
    fn numbered_comments_open_groups() {
        let g = read(
            "#!/bin/bash\n# 1. Verificar tests\nnpm test\n\n# 2. Backup\n./deploy.sh backup\n# 3. Notificar\n# Slack: #general\n",
        );
        assert_eq!(g.len(), 4);
        assert_eq!(g[1].marker.as_ref().unwrap().1, "Verificar tests");
        assert_eq!(g[3].text, vec!["# Slack: #general"]);
    }

    #[test]
    fn yaml_in_a_shell_block_is_text() {
        let g = read(
            "docker stats\n# Aumentar límites\nservices:\n  app:\n    memory: 2G\n\ndocker compose up -d\n",
        );
        assert_eq!(g[0].commands.len(), 2);
        assert_eq!(g[0].text.len(), 4);
    }

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

    #[test]
    fn prompts_and_output() {
        let (c, o) = prompted("$ kubectl get sc\nNAME  PROVISIONER\nstandard  gce\n").unwrap();
        assert_eq!(c, vec!["kubectl get sc"]);
        assert_eq!(o.len(), 2);
    }

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
