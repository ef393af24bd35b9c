//! Is this text a shell command? Runbooks put much in code blocks that no
//! shell should run: sample output, table rows, `...` elisions, numbered
//! prose, chat-ops slash commands, crontab lines, SQL typed at a `psql`
//! prompt, bare `[placeholder]` lines. Each gets a reason; a command gets
//! `None`.

/// Why a text is not a command, or `None` when it is one.
pub fn not_a_command(text: &str) -> Option<Reason> {
    let body: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let first = *body.first()?;
    let raw_first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or(first);
    if is_result_row(raw_first, first) {
        return Some(Reason::Output);
    }
    if body.iter().all(|l| is_elision(l)) {
        return Some(Reason::Elision);
    }
    if first.starts_with('|') || is_output_header(first) {
        return Some(Reason::Output);
    }
    if first.starts_with('/') && is_slash_command(first) {
        return Some(Reason::SlashCommand);
    }
    if is_crontab(first) {
        return Some(Reason::Crontab);
    }
    if is_sql(first) {
        return Some(Reason::Sql);
    }
    if is_numbered_prose(first) {
        return Some(Reason::Prose);
    }
    if is_other_os(first) {
        return Some(Reason::OtherOs);
    }
    if is_bracket_placeholder(first) && body.len() == 1 {
        return Some(Reason::Placeholder);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Elision,
    Output,
    SlashCommand,
    Crontab,
    Sql,
    Prose,
    Placeholder,
    OtherOs,
}

impl Reason {
    /// For the import report.
    pub fn describe(self) -> crate::procedure::import::msg::Msg {
        match self {
            Reason::Elision => crate::msg!("import-reason-elision"),
            Reason::Output => crate::msg!("import-reason-output"),
            Reason::SlashCommand => crate::msg!("import-reason-slash-command"),
            Reason::Crontab => crate::msg!("import-reason-crontab"),
            Reason::Sql => crate::msg!("import-reason-sql"),
            Reason::Prose => crate::msg!("import-reason-prose"),
            Reason::Placeholder => crate::msg!("import-reason-placeholder"),
            Reason::OtherOs => crate::msg!("import-reason-other-os"),
        }
    }
}

/// Rows of a result table as a database prints it: `-------+------`,
/// `(5 rows)`, ` 14448 | postgres`, `  oid  |  datname`.
fn is_result_row(raw: &str, l: &str) -> bool {
    let rule = l.len() >= 3 && l.chars().all(|c| matches!(c, '-' | '+' | '=' | '|' | ' '));
    let count = l.starts_with('(')
        && l.ends_with(')')
        && l[1..l.len() - 1]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && (l.contains(" row") || l.contains(" fila"));
    let head = l.split(" | ").next().unwrap_or("");
    let indented_row = raw.starts_with([' ', '\t'])
        && l.contains(" | ")
        && head.split_whitespace().count() <= 2
        && !head.contains(['-', '/', '$', '.', '=', '"', '\'']);
    let numbered_row = l
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && l.contains(" | ");
    rule || count || indented_row || numbered_row
}

fn is_elision(l: &str) -> bool {
    matches!(l, "..." | "…" | "[...]" | "(...)" | "etc" | "etc.") || l.chars().all(|c| c == '.')
}

/// `NAME   READY   STATUS`, `Filesystem Size Used`: column headers of
/// output, all-caps words separated by runs of spaces.
fn is_output_header(l: &str) -> bool {
    if !l.contains("  ") {
        return false;
    }
    let words: Vec<&str> = l.split_whitespace().collect();
    words.len() >= 3
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "-_%()/".contains(c))
                && w.chars().any(|c| c.is_ascii_uppercase())
        })
}

/// `/runner run start private green`, `/incident declare`: a word after the
/// slash and no further slash in it (a path has more).
fn is_slash_command(l: &str) -> bool {
    let word = l.split_whitespace().next().unwrap_or("");
    let name = &word[1..];
    !name.is_empty()
        && !name.contains('/')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !matches!(
            name,
            "bin" | "usr" | "etc" | "opt" | "tmp" | "var" | "home" | "srv" | "root" | "sbin"
        )
        && !name.contains('.')
}

/// `0 2 * * * cmd`, `*/5 * * * * cmd`, `@daily cmd`.
fn is_crontab(l: &str) -> bool {
    if l.starts_with("@daily ")
        || l.starts_with("@hourly ")
        || l.starts_with("@weekly ")
        || l.starts_with("@reboot ")
        || l.starts_with("@monthly ")
    {
        return true;
    }
    let fields: Vec<&str> = l.split_whitespace().take(6).collect();
    fields.len() == 6
        && fields[..5]
            .iter()
            .all(|f| f.chars().all(|c| c.is_ascii_digit() || "*/,-".contains(c)))
        && fields[..5].iter().any(|f| f.contains('*'))
}

/// `SELECT ...;`, `\dt`, `UPDATE x SET ...`: what one types at `psql`.
fn is_sql(l: &str) -> bool {
    if l.starts_with('\\') && l.len() > 1 && l[1..].starts_with(|c: char| c.is_ascii_lowercase()) {
        return true;
    }
    let first = l.split_whitespace().next().unwrap_or("");
    const SQL: &[&str] = &[
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "CREATE",
        "DROP",
        "ALTER",
        "TRUNCATE",
        "GRANT",
        "REVOKE",
        "VACUUM",
        "ANALYZE",
        "EXPLAIN",
        "BEGIN;",
        "COMMIT;",
        "ROLLBACK;",
        "WITH",
        "SHOW",
        "SET",
    ];
    let upper_word = first.chars().all(|c| c.is_ascii_uppercase() || c == ';');
    upper_word
        && SQL.contains(&first)
        && (l.ends_with(';') || l.split_whitespace().count() > 1)
        && !l.contains("=$")
}

/// `1. Crear servidor restaurado en paralelo`: a numbered sentence.
fn is_numbered_prose(l: &str) -> bool {
    let digits = l.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &l[digits..];
    let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) else {
        return false;
    };
    let word = rest.split_whitespace().next().unwrap_or("");
    word.chars().next().is_some_and(char::is_alphabetic) && rest.split_whitespace().count() >= 2
}

/// `venv\Scripts\activate   # Windows`: the Windows line of a per-OS pair.
fn is_other_os(l: &str) -> bool {
    let comment = l.rsplit_once(" #").map(|(_, c)| c.trim().to_lowercase());
    let windows_comment = comment.is_some_and(|c| {
        c.starts_with("windows") || c.starts_with("powershell") || c.starts_with("cmd")
    });
    let word = l.split_whitespace().next().unwrap_or("").to_lowercase();
    windows_comment || word.contains("\\scripts\\")
}

/// `[comando1]`, `<your command here>`.
fn is_bracket_placeholder(l: &str) -> bool {
    (l.starts_with('[') && l.ends_with(']') && !l.starts_with("[ ") && !l.starts_with("[["))
        || (l.starts_with('<') && l.ends_with('>') && !l.starts_with("<<"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_runbooks_put_in_code_blocks_that_is_not_a_command() {
        let cases = [
            ("...", Reason::Elision),
            ("NAME    READY   STATUS    RESTARTS", Reason::Output),
            ("| Métrica | Antes |", Reason::Output),
            ("/runner run stop private blue", Reason::SlashCommand),
            ("/incident declare-sev1 \"outage\"", Reason::SlashCommand),
            (
                "0 2 * * * cd /path && docker-compose exec db pg_dump",
                Reason::Crontab,
            ),
            ("*/5 * * * * /usr/local/bin/check.sh", Reason::Crontab),
            ("SELECT COUNT(*) FROM users;", Reason::Sql),
            (
                "# Verificar\nSELECT COUNT(*) FROM orders WHERE x;",
                Reason::Sql,
            ),
            ("\\dt", Reason::Sql),
            ("1. Crear servidor restaurado en paralelo", Reason::Prose),
            ("[comando1]", Reason::Placeholder),
            ("  oid  |  datname", Reason::Output),
            ("-------+-----------", Reason::Output),
            (" 14448 | postgres", Reason::Output),
            ("(5 rows)", Reason::Output),
            (
                "venv\\Scripts\\activate          # Windows",
                Reason::OtherOs,
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(not_a_command(text), Some(reason), "{text}");
        }
    }

    #[test]
    fn commands_stay_commands() {
        for c in [
            "kubectl get pods -n prod",
            "/usr/local/bin/pgb-console -c 'SHOW CLIENTS;'",
            "/opt/app/bin/restart.sh",
            "./deploy.sh status",
            "[ -d dist ] && rm -r dist",
            "psql -c \"SELECT 1;\"",
            "SET_VAR=1 ./run.sh",
            "echo '1. hola'",
            "crontab -e",
            "for i in 1 2; do echo $i; done",
            "ls | wc -l",
            "source venv/bin/activate       # Linux/Mac",
            "  kubectl get pods | grep api",
        ] {
            assert_eq!(not_a_command(c), None, "{c}");
        }
    }
}
