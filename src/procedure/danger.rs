//! Commands that destroy data or take a service down, in one list shared by
//! `pasos import` (which gates the step with `confirm = true`) and
//! `pasos check` (rule `destructive-without-confirm`, for any procedure).
//!
//! Each pattern names what it destroys; `docs/import-safety.md` shows the
//! same table. A pattern matches one logical command line, comments
//! removed. The list errs on the side of asking: a `confirm` costs the
//! operator one key, a missed `rm -rf` costs the data.

use regex::Regex;
use std::sync::OnceLock;

/// One kind of destructive command.
#[derive(Debug)]
pub struct Pattern {
    /// Short name, shown in reports and warnings (`rm -r`, `DROP`).
    pub name: &'static str,
    /// What it destroys.
    pub why: &'static str,
    re: Regex,
}

/// The list: (name, what it destroys, regex over one command line).
const PATTERNS: &[(&str, &str, &str)] = &[
    (
        "rm -r",
        "deletes files and directories recursively",
        r"(?:^|[\s;&|(])(?:sudo\s+)?rm\s+(?:-[A-Za-z]*[rR][A-Za-z]*|--recursive)\b",
    ),
    (
        "find -delete",
        "deletes every file found",
        r"\bfind\b.*\s(?:-delete\b|-exec\s+rm\b)",
    ),
    (
        "pg_restore --clean",
        "drops database objects before restoring",
        r"\bpg_restore\b.*\s(?:-c\b|--clean\b|-[A-Za-z]*c[A-Za-z]*\b)",
    ),
    (
        "dropdb",
        "drops a whole database",
        r"(?:^|[\s;&|(])(?:dropdb|dropuser)\b",
    ),
    (
        "DROP",
        "drops a table, schema or database",
        r"(?i)\bdrop\s+(?:table|database|schema|index|view|user|role)\b",
    ),
    (
        "TRUNCATE",
        "empties a table",
        r"(?i)\btruncate\s+(?:table\s+)?[A-Za-z_]",
    ),
    (
        "DELETE FROM",
        "deletes rows",
        r"(?i)\bdelete\s+from\s+[A-Za-z_]",
    ),
    (
        "FLUSHALL",
        "empties a Redis database",
        r"(?i)\bflush(?:all|db)\b",
    ),
    (
        "down -v",
        "removes containers and their volumes (data)",
        r"\b(?:docker[- ]compose|podman-compose)\b.*\bdown\b.*\s(?:-v\b|--volumes\b)",
    ),
    (
        "docker volume rm",
        "deletes container volumes",
        r"\b(?:docker|podman)\s+(?:volume\s+(?:rm|prune)|system\s+prune)\b",
    ),
    (
        "git reset --hard",
        "throws away uncommitted work",
        r"\bgit\s+(?:reset\s+.*--hard|clean\s+-[A-Za-z]*f|push\s+.*(?:--force\b|-f\b))",
    ),
    (
        "kubectl delete",
        "deletes Kubernetes objects",
        r"\bkubectl\b.*\sdelete\b",
    ),
    (
        "scale to zero",
        "stops every replica (an outage until scaled back)",
        r"\bscale\b.*(?:--replicas[= ]0\b|REPLICAS=0\b)",
    ),
    (
        "helm uninstall",
        "removes a release and its objects",
        r"\bhelm\s+(?:uninstall|delete)\b",
    ),
    (
        "terraform destroy",
        "destroys infrastructure",
        r"\b(?:terraform|tofu)\s+(?:destroy\b|apply\b.*-destroy\b|state\s+rm\b)",
    ),
    (
        "cloud delete",
        "deletes a cloud resource (disk, server, database, bucket)",
        r"\b(?:az|gcloud|aws|doctl|hcloud)\b.*\s(?:delete|delete-[a-z-]+|rb|purge)\b",
    ),
    (
        "disk format",
        "erases a disk or file system",
        r"(?:^|[\s;&|(])(?:sudo\s+)?(?:mkfs(?:\.[a-z0-9]+)?|wipefs|shred|fdisk|parted|sgdisk)\b|\bdd\b.*\bof=/dev/",
    ),
    (
        "destroy script",
        "a script named to destroy or wipe",
        r"(?:^|[\s;&|(/])[A-Za-z0-9_.-]*(?:destroy|wipe|purge|nuke|teardown)[A-Za-z0-9_.-]*\.sh\b",
    ),
];

/// Compiles the list now (a warm-up thread calls this while the main
/// thread reads its input).
pub fn warm() {
    compiled();
}

fn compiled() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        PATTERNS
            .iter()
            .map(|(name, why, re)| Pattern {
                name,
                why,
                re: Regex::new(re).expect("destructive pattern compiles"),
            })
            .collect()
    })
}

/// Every pattern, in order (for documentation and `pasos check --rules`).
pub fn patterns() -> &'static [Pattern] {
    compiled()
}

/// Words each pattern cannot match without (ASCII lowercase, any one of
/// them), in the order of [`PATTERNS`]: a command is searched with a
/// pattern only when its lowercased text holds one of them. Most commands
/// hold none, and 18 regex scans per command were the import's and the
/// check's largest single cost. A test checks this finds exactly what
/// searching every pattern finds.
const NEEDS: [&[&str]; 18] = [
    &["rm"],
    &["find"],
    &["pg_restore"],
    &["dropdb", "dropuser"],
    &["drop"],
    &["truncate"],
    &["delete"],
    &["flush"],
    &["compose"],
    &["docker", "podman"],
    &["git"],
    &["kubectl"],
    &["scale"],
    &["helm"],
    &["terraform", "tofu"],
    &["az", "gcloud", "aws", "doctl", "hcloud"],
    &["mkfs", "wipefs", "shred", "fdisk", "parted", "sgdisk", "dd"],
    &[".sh"],
];

/// The first pattern a command matches, comment lines ignored.
pub fn destructive(command: &str) -> Option<&'static Pattern> {
    let body = without_comments(command);
    if body.trim().is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    compiled()
        .iter()
        .zip(NEEDS)
        .find(|(p, words)| words.iter().any(|w| lower.contains(w)) && p.re.is_match(&body))
        .map(|(p, _)| p)
}

/// The command without its comment lines (no copy when it has none).
fn without_comments(command: &str) -> std::borrow::Cow<'_, str> {
    if !command.lines().any(|l| l.trim_start().starts_with('#')) {
        return std::borrow::Cow::Borrowed(command);
    }
    std::borrow::Cow::Owned(
        command
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(cmd: &str) -> Option<&'static str> {
        destructive(cmd).map(|p| p.name)
    }

    #[test]
    fn the_commands_of_the_issue_are_destructive() {
        assert_eq!(name("rm -rf /var/lib/postgresql/data"), Some("rm -r"));
        assert_eq!(name("sudo rm -fr dist"), Some("rm -r"));
        assert_eq!(
            name("pg_restore -c -d app backup.dump"),
            Some("pg_restore --clean")
        );
        assert_eq!(
            name("docker-compose down -v && docker-compose up -d"),
            Some("down -v")
        );
        assert_eq!(name("docker compose down --volumes"), Some("down -v"));
        assert_eq!(name("az disk delete --name d1 -g rg"), Some("cloud delete"));
        assert_eq!(name("gcloud compute disks delete d1"), Some("cloud delete"));
        assert_eq!(
            name("git reset --hard origin/main"),
            Some("git reset --hard")
        );
        assert_eq!(name("psql -c 'DROP TABLE users;'"), Some("DROP"));
        assert_eq!(
            name("kubectl delete pods -l app=x -n prod"),
            Some("kubectl delete")
        );
        assert_eq!(
            name("terraform destroy -auto-approve"),
            Some("terraform destroy")
        );
        assert_eq!(
            name("./k8s/scripts/destroy-cluster.sh"),
            Some("destroy script")
        );
        assert_eq!(name("dropdb automation_platform_test"), Some("dropdb"));
        assert_eq!(
            name("find k8s/backups/ -name '*.gz' -mtime +7 -delete"),
            Some("find -delete")
        );
        assert_eq!(
            name("kubectl scale deployment --all --replicas=0 -n prod"),
            Some("scale to zero")
        );
        assert_eq!(
            name("helm uninstall ecommerce-app -n prod"),
            Some("helm uninstall")
        );
    }

    #[test]
    fn everyday_commands_are_not() {
        for c in [
            "rm ./temp_restore.sql",
            "docker-compose down",
            "kubectl get pods -n prod",
            "git checkout main",
            "# rm -rf / in a comment\necho ok",
            "kubectl scale deployment api --replicas=3",
            "helm rollback ecommerce-app -n prod",
            "terraform plan -out=x",
            "grep -v deleted file",
            "SELECT count(*) FROM users",
            "./scripts/deploy-cluster.sh",
            "az storage blob list --include d",
        ] {
            assert_eq!(name(c), None, "{c}");
        }
    }

    /// The word prefilter finds exactly what searching every pattern
    /// finds, over every command-like line of the shipped procedures and
    /// the fixtures, and over the tests' own commands.
    #[test]
    fn the_word_prefilter_changes_nothing() {
        fn every_pattern(command: &str) -> Option<&'static str> {
            let body = without_comments(command);
            if body.trim().is_empty() {
                return None;
            }
            compiled()
                .iter()
                .find(|p| p.re.is_match(&body))
                .map(|p| p.name)
        }
        let mut lines = crate::procedure::corpus_lines();
        // Upper-case variants exercise the case-insensitive patterns.
        let upper: Vec<String> = lines.iter().map(|l| l.to_uppercase()).collect();
        lines.extend(upper);
        let mut matched = 0;
        for l in &lines {
            let want = every_pattern(l);
            matched += usize::from(want.is_some());
            assert_eq!(destructive(l).map(|p| p.name), want, "{l}");
        }
        assert!(matched > 50, "only {matched} destructive lines");
    }
}
