//! Placeholders the author meant the operator to fill in: `<my-namespace>`,
//! `[TOKEN]`, `YOUR_API_KEY`, `tu-dominio.com`, `XXX`, `REPLICAS=n`,
//! `export PROJECT=Enter your project id`. Each becomes `${NAME}`, and the
//! run asks for its value with a prompt taken from the placeholder.
//! Text in single quotes and comment lines is left alone (the shell would
//! not expand `${NAME}` there either).

use regex::Regex;
use std::sync::OnceLock;

/// One placeholder turned into a variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub name: String,
    /// What the operator is asked (the placeholder's own words).
    pub prompt: String,
    pub secret: bool,
    /// The placeholder as written.
    pub written: String,
}

/// Compiles the patterns now (see [`super::super::warm_up`]).
pub(crate) fn warm() {
    patterns();
}

fn patterns() -> &'static [Regex; 7] {
    static P: OnceLock<[Regex; 7]> = OnceLock::new();
    P.get_or_init(|| {
        [
            // export X=Enter your project id (a prompt cell of a notebook).
            Regex::new(r"(?m)^(?P<lead>[ \t]*(?:export[ \t]+)?)(?P<name>[A-Za-z_][A-Za-z0-9_]*)=(?P<prompt>(?:Enter|Introduce|Introducir|Ingresa|Ingrese|Escribe|Type|Insert|Your|Tu)\b[^\n]*)$")
                .expect("prompt cell"),
            // <my-namespace>, <pod name>
            Regex::new(r"<(?P<w>[A-Za-z][A-Za-z0-9 _.-]{0,40}[A-Za-z0-9])>").expect("angle"),
            // [TOKEN], [k8s deployment name], service-[worker]-envt
            Regex::new(r"\[(?P<w>[A-Za-z][A-Za-z0-9 _.-]{1,40}[A-Za-z0-9])\]").expect("bracket"),
            // YOUR_API_KEY, your-domain.com, tu-dominio.com
            Regex::new(r"\b(?P<w>(?:YOUR|TU|SU)_[A-Z0-9_]+|(?:your|tu)[-_][a-z0-9][a-z0-9_-]*(?:\.(?:com|org|net|io|example))?)\b").expect("your"),
            // XXX
            Regex::new(r"\bX{3,}\b").expect("xxx"),
            // REPLICAS=n
            Regex::new(r"\b(?P<name>[A-Z][A-Z0-9_]*)=(?P<w>[nNxX])(?:\s|$)").expect("name=n"),
            // {USERNAME} (not ${USERNAME})
            Regex::new(r"\{(?P<w>[A-Z][A-Z0-9_]{1,40})\}").expect("brace"),
        ]
    })
}

/// Variable name for a placeholder: `my-namespace` -> `MY_NAMESPACE`.
pub fn name_for(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_string();
    match out.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("V_{out}"),
        None => "VALOR".into(),
        _ => out,
    }
}

fn is_secret(name: &str, prompt: &str) -> bool {
    let p = prompt.to_lowercase();
    super::super::finish::is_secret_name(name)
        || ["password", "contraseña", "token", "secret", "key", "clave"]
            .iter()
            .any(|w| p.contains(w))
}

/// Byte offsets inside single quotes (where `${NAME}` would not expand).
fn single_quoted(text: &str) -> Vec<bool> {
    let mut out = vec![false; text.len() + 1];
    let (mut single, mut double, mut escaped) = (false, false, false);
    for (i, c) in text.char_indices() {
        out[i] = single;
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if !single => escaped = true,
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            _ => {}
        }
        out[i] = out[i] || single;
    }
    out
}

/// `[a-z]`, `[0-9]`, `[A-Za-z]`: a character class, not a placeholder.
fn is_char_class(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.windows(3).any(|t| {
            t[1] == b'-'
                && t[0].is_ascii_alphanumeric()
                && t[2].is_ascii_alphanumeric()
                && t[0] < t[2]
        })
        && w.len() <= 12
        && !w.contains(' ')
}

/// Rewrites the placeholders of one command into `${NAME}`.
pub fn rewrite(command: &str) -> (String, Vec<Found>) {
    if !command.contains(['<', '[', 'X', 'Y', 'y', 'T', 't', '=', '{']) {
        return (command.to_string(), Vec::new());
    }
    let mut found: Vec<Found> = Vec::new();
    let mut lines_out: Vec<String> = Vec::new();
    for line in command.split('\n') {
        if line.trim_start().starts_with('#') {
            lines_out.push(line.to_string());
            continue;
        }
        lines_out.push(rewrite_line(line, &mut found));
    }
    (lines_out.join("\n"), found)
}

fn rewrite_line(line: &str, found: &mut Vec<Found>) -> String {
    let [prompt_cell, angle, bracket, your, xxx, assign, brace] = patterns();
    if let Some(c) = prompt_cell.captures(line) {
        let name = c["name"].to_string();
        let prompt = c["prompt"].trim().to_string();
        let secret = is_secret(&name, &prompt);
        found.push(Found {
            name: name.clone(),
            prompt,
            secret,
            written: line.trim().to_string(),
        });
        return format!("{}{name}=\"${{{name}}}\"", &c["lead"]);
    }
    let mut line = line.to_string();
    for (i, re) in [angle, bracket, your, xxx, assign, brace]
        .into_iter()
        .enumerate()
    {
        let quoted = single_quoted(&line);
        let mut out = String::with_capacity(line.len());
        let mut last = 0;
        for c in re.captures_iter(&line) {
            let m = c.get(0).expect("whole match");
            if quoted[m.start()] {
                continue;
            }
            let before = line[..m.start()].chars().last();
            let after = line[m.end()..].chars().next();
            let (replace, words) = match i {
                // `<<EOF`, `a<b>c` in code: not a placeholder.
                0 => {
                    let ok = before != Some('<')
                        && after != Some('>')
                        && !before.is_some_and(|b| b.is_alphanumeric());
                    (m.range(), ok.then(|| c["w"].to_string()))
                }
                1 => {
                    let w = &c["w"];
                    let ok = before != Some('[')
                        && before != Some('$')
                        && !before.is_some_and(|b| b.is_alphanumeric() || b == '.')
                        && after != Some(']')
                        && !is_char_class(w)
                        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                    (m.range(), ok.then(|| w.to_string()))
                }
                2 => (
                    m.range(),
                    (before != Some('{') && before != Some('$')).then(|| c["w"].to_string()),
                ),
                3 => (
                    m.range(),
                    (before != Some('{')).then(|| m.as_str().to_string()),
                ),
                4 => {
                    let w = c.get(2).expect("value");
                    (w.range(), Some(c["name"].to_string()))
                }
                _ => (m.range(), (before != Some('$')).then(|| c["w"].to_string())),
            };
            let Some(words) = words else { continue };
            let name = name_for(words.trim_end_matches(".com").trim_end_matches(".example"));
            let written = line[replace.clone()].to_string();
            let prompt = if i == 4 {
                format!("{name} (`{}`)", m.as_str().trim())
            } else {
                words.clone()
            };
            if !found.iter().any(|f| f.name == name) {
                let secret = is_secret(&name, &prompt);
                found.push(Found {
                    name: name.clone(),
                    prompt,
                    secret,
                    written,
                });
            }
            out.push_str(&line[last..replace.start]);
            out.push_str(&format!("${{{name}}}"));
            last = replace.end;
        }
        if last > 0 {
            out.push_str(&line[last..]);
            line = out;
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cmd: &str) -> (String, Vec<String>) {
        let (out, f) = rewrite(cmd);
        (out, f.into_iter().map(|f| f.name).collect())
    }

    #[test]
    fn every_form_in_the_issue_becomes_a_variable() {
        assert_eq!(
            names("kubectl -n <my-namespace> get pvc <my-pvc>"),
            (
                "kubectl -n ${MY_NAMESPACE} get pvc ${MY_PVC}".into(),
                vec!["MY_NAMESPACE".into(), "MY_PVC".into()]
            )
        );
        assert_eq!(
            names("curl -H \"Authorization: OAuth [TOKEN]\" x/[PAGE_ID]").0,
            "curl -H \"Authorization: OAuth ${TOKEN}\" x/${PAGE_ID}"
        );
        assert_eq!(
            names("BACKUP_FILE=\"backup_[TIMESTAMP].sql.gz\"").0,
            "BACKUP_FILE=\"backup_${TIMESTAMP}.sql.gz\""
        );
        assert_eq!(
            names("gcloud auth YOUR_API_KEY").0,
            "gcloud auth ${YOUR_API_KEY}"
        );
        assert_eq!(
            names("curl -f https://tu-dominio.com/api/health").0,
            "curl -f https://${TU_DOMINIO}/api/health"
        );
        assert_eq!(
            names("curl https://hooks.slack.com/services/XXX").0,
            "curl https://hooks.slack.com/services/${XXX}"
        );
        assert_eq!(
            names("make env scale-app REPLICAS=n").0,
            "make env scale-app REPLICAS=${REPLICAS}"
        );
        let (out, f) = rewrite("export PROJECT_NAME=Enter your project id\necho $PROJECT_NAME");
        assert_eq!(
            out,
            "export PROJECT_NAME=\"${PROJECT_NAME}\"\necho $PROJECT_NAME"
        );
        assert_eq!(f[0].prompt, "Enter your project id");
        assert_eq!(
            names("pg_dump -U {USERNAME} {DB} > backup.dump").0,
            "pg_dump -U ${USERNAME} ${DB} > backup.dump"
        );
        assert_eq!(
            names("bin/konduit.sh -n [namespace] -x [k8s deployment name] -- psql").0,
            "bin/konduit.sh -n ${NAMESPACE} -x ${K8S_DEPLOYMENT_NAME} -- psql"
        );
    }

    #[test]
    fn secrets_are_secret() {
        let (_, f) = rewrite("curl -H 'x' -u admin:<password> http://x -H \"Bearer [TOKEN]\"");
        assert!(f.iter().all(|f| f.secret), "{f:?}");
    }

    #[test]
    fn shell_syntax_is_left_alone() {
        for c in [
            "cat <<EOF",
            "psql < ./temp_restore.sql",
            "[ -d dist ] && rm -r dist",
            "if [[ -z \"$X\" ]]; then echo; fi",
            "grep -E \"[A-Za-z]+\" f",
            "jq -r '.items[] | .metadata.name'",
            "echo '[PROD] Iniciando <algo>'",
            "echo ${arr[index]}",
            "kubectl get pods -o jsonpath='{range .items[*]}{end}'",
            "# Reemplazar <x> por el nombre",
            "tr '[:upper:]' '[:lower:]'",
            "FOO=bar ./run.sh",
            "vector<int> x",
            "echo ${HOME}",
            "for i in {1..10}; do echo; done",
        ] {
            let (out, f) = rewrite(c);
            assert_eq!((out.as_str(), f.len()), (c, 0), "{c}");
        }
    }
}
