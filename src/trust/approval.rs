//! Approvals: a second person signs, with their own SSH key, that a step
//! (or a whole run) may go ahead.
//!
//! An approval is a file of a few `key: value` lines (what is signed,
//! readable with `cat`) followed by the SSHSIG over exactly those lines,
//! in its own namespace so it never passes for a checkpoint:
//!
//! ```text
//! pasos-approval 1
//! procedure: PROC-BACKEND-003
//! run: 20261206T080000000Z-3f9a      (or `*` for a change window)
//! step: 4                             (or `*`: the procedure's own approval)
//! role: tech-lead
//! approver: ana@example
//! not-before: 2026-12-06T22:00:00Z    (windows only)
//! not-after: 2026-12-07T02:00:00Z     (windows only)
//! time: 2026-12-06T08:01:02.345Z
//! key: SHA256:…
//! note: go ahead, the backup is verified
//! -----BEGIN SSH SIGNATURE-----
//! …
//! ```
//!
//! `pasos approve` writes it into `<journal>.approvals/` (one run) or
//! `<data>/approvals/<procedure>/` (a window); the running pasos picks it
//! up, verifies signature, role and signer, and journals the outcome.

use super::team::{Team, fingerprint};
use chrono::{DateTime, Utc};
use ssh_key::{PublicKey, SshSig};
use std::path::{Path, PathBuf};

/// The SSHSIG namespace of approvals.
pub const NAMESPACE: &str = "pasos-approval@pasos";
pub const FORMAT_LINE: &str = "pasos-approval 1";
/// The `step` of an approval of the whole procedure.
pub const WHOLE_RUN: &str = "*";
const PEM_START: &str = "-----BEGIN SSH SIGNATURE-----";

/// What an approver signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub procedure: String,
    /// A run id, or `None` for a window.
    pub run: Option<String>,
    /// A step id, or `None` for the procedure's own approval.
    pub step: Option<String>,
    pub role: String,
    pub approver: String,
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub time: DateTime<Utc>,
    pub key: String,
    pub note: Option<String>,
}

fn stamp(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// One line: newlines and other controls become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

impl Request {
    /// The exact text signed.
    pub fn text(&self) -> String {
        let mut s = format!("{FORMAT_LINE}\n");
        s += &format!("procedure: {}\n", one_line(&self.procedure));
        s += &format!("run: {}\n", self.run.as_deref().unwrap_or(WHOLE_RUN));
        s += &format!("step: {}\n", self.step.as_deref().unwrap_or(WHOLE_RUN));
        s += &format!("role: {}\n", one_line(&self.role));
        s += &format!("approver: {}\n", one_line(&self.approver));
        if let Some((from, to)) = &self.window {
            s += &format!("not-before: {}\n", stamp(from));
            s += &format!("not-after: {}\n", stamp(to));
        }
        s += &format!("time: {}\n", stamp(&self.time));
        s += &format!("key: {}\n", self.key);
        if let Some(n) = self.note.as_deref().map(one_line).filter(|n| !n.is_empty()) {
            s += &format!("note: {n}\n");
        }
        s
    }

    pub fn parse(text: &str) -> Result<Request, String> {
        let mut lines = text.lines();
        if lines.next() != Some(FORMAT_LINE) {
            return Err(format!("the first line is not `{FORMAT_LINE}`"));
        }
        let mut get = std::collections::BTreeMap::new();
        for l in lines {
            let (k, v) = l
                .split_once(": ")
                .ok_or_else(|| format!("`{l}` is not `key: value`"))?;
            get.insert(k.to_string(), v.to_string());
        }
        let need = |k: &str| {
            get.get(k)
                .cloned()
                .ok_or_else(|| format!("`{k}` is missing"))
        };
        let time = |k: &str| -> Result<Option<DateTime<Utc>>, String> {
            get.get(k)
                .map(|v| {
                    DateTime::parse_from_rfc3339(v)
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|e| format!("`{k}`: {e}"))
                })
                .transpose()
        };
        let star = |v: String| (v != WHOLE_RUN).then_some(v);
        let window = match (time("not-before")?, time("not-after")?) {
            (Some(a), Some(b)) => Some((a, b)),
            (None, None) => None,
            _ => return Err("a window needs both `not-before` and `not-after`".into()),
        };
        Ok(Request {
            procedure: need("procedure")?,
            run: star(need("run")?),
            step: star(need("step")?),
            role: need("role")?,
            approver: need("approver")?,
            window,
            time: time("time")?.ok_or("`time` is missing")?,
            key: need("key")?,
            note: get.get("note").cloned(),
        })
    }
}

/// A signed approval as stored: the text and its SSHSIG (PEM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub text: String,
    pub signature: String,
}

impl Signed {
    pub fn file_text(&self) -> String {
        format!("{}{}", self.text, self.signature)
    }

    pub fn parse(file: &str) -> Result<Signed, String> {
        let at = file.find(PEM_START).ok_or("no SSH signature in the file")?;
        Ok(Signed {
            text: file[..at].to_string(),
            signature: file[at..].to_string(),
        })
    }

    /// SHA-256 of the signature: what tells one approval from another.
    pub fn id(&self) -> String {
        crate::journal::line::sha256_hex(self.signature.trim().as_bytes())
    }
}

/// Signs `req` with `signer`.
pub fn sign(
    req: &Request,
    signer: &mut super::Signer,
) -> Result<Signed, super::signer::SignerError> {
    let text = req.text();
    let signature = signer.sign_in(NAMESPACE, text.as_bytes())?;
    Ok(Signed { text, signature })
}

/// The folder for approvals of one run: beside its journal.
pub fn run_dir(journal: &Path) -> PathBuf {
    journal.with_extension("approvals")
}

/// The folder for window approvals of a procedure.
pub fn window_dir(data: &Path, procedure: &str) -> PathBuf {
    let safe: String = procedure
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    data.join("approvals").join(safe)
}

/// Writes an approval into `dir` atomically (a temporary name, then a
/// rename), so the runner never reads half a file. The file's path.
pub fn deposit(dir: &Path, signed: &Signed) -> std::io::Result<PathBuf> {
    use std::io::Write;
    crate::journal::store::create_private_dir_all(dir)?;
    let name = format!("{}.approval", &signed.id()[..16]);
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut f = crate::journal::store::private_file_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&tmp)?;
    f.write_all(signed.file_text().as_bytes())?;
    f.sync_all()?;
    let path = dir.join(&name);
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// Every approval file in `dirs`, by name order.
pub fn pending(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        let mut here: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "approval"))
            .collect();
        here.sort();
        out.extend(here);
    }
    out
}

/// Why an approval is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not an approval file, or the text does not parse.
    Malformed(String),
    /// The signature does not verify over the text.
    BadSignature(String),
    /// For another procedure or another run.
    OtherRun,
    /// Outside its window, or a window that is not open now.
    OutsideWindow,
    /// The key is not in the team file.
    UnknownKey,
    /// The team file does not give this key the role.
    LacksRole,
    /// Signed with a key of the operator running the step.
    OwnKey,
    /// The step (or the run) does not ask for this role.
    NotAsked,
}

impl Problem {
    /// The stable word the journal records.
    pub fn word(&self) -> &'static str {
        match self {
            Problem::Malformed(_) => "malformed",
            Problem::BadSignature(_) => "bad-signature",
            Problem::OtherRun => "other-run",
            Problem::OutsideWindow => "outside-window",
            Problem::UnknownKey => "unknown-key",
            Problem::LacksRole => "lacks-role",
            Problem::OwnKey => "own-key",
            Problem::NotAsked => "not-asked",
        }
    }
}

/// What the runner knows when it checks an approval.
pub struct Context<'a> {
    pub procedure: &'a str,
    pub run: &'a str,
    pub now: DateTime<Utc>,
    pub team: &'a Team,
    /// Fingerprints of the operator's own keys (the signing key, the keys
    /// of the operator's agent).
    pub own_keys: &'a [String],
    /// The operator's name, refused as an approver's.
    pub operator: &'a str,
    /// The roles the step asks for (`None`: the procedure's own).
    pub asked: &'a dyn Fn(Option<&str>) -> Vec<String>,
}

/// A verified approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub request: Request,
    /// The approver as the team file names them.
    pub approver: String,
    pub fingerprint: String,
}

/// What a check found: the verified approval, or why not, with whatever
/// could be read (for the journal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub problem: Problem,
    pub step: Option<String>,
    pub role: Option<String>,
    pub approver: Option<String>,
    pub fingerprint: Option<String>,
}

pub fn check(signed: &Signed, cx: &Context<'_>) -> Result<Verified, Box<Refused>> {
    let mut r = Refused {
        problem: Problem::Malformed(String::new()),
        step: None,
        role: None,
        approver: None,
        fingerprint: None,
    };
    let fail = |mut r: Refused, p: Problem| {
        r.problem = p;
        Err(Box::new(r))
    };
    let req = match Request::parse(&signed.text) {
        Ok(q) => q,
        Err(e) => return fail(r, Problem::Malformed(e)),
    };
    r.step = req.step.clone();
    r.role = Some(req.role.clone());
    let sig = match SshSig::from_pem(signed.signature.trim().as_bytes()) {
        Ok(s) => s,
        Err(e) => return fail(r, Problem::BadSignature(e.to_string())),
    };
    let key = PublicKey::from(sig.public_key().clone());
    let fp = fingerprint(&key);
    r.fingerprint = Some(fp.clone());
    if let Err(e) = key.verify(NAMESPACE, signed.text.as_bytes(), &sig) {
        return fail(r, Problem::BadSignature(e.to_string()));
    }
    if req.key != fp {
        return fail(
            r,
            Problem::BadSignature(format!("signed by {fp}, names {}", req.key)),
        );
    }
    let Some(name) = cx.team.name_of(&key).map(str::to_string) else {
        return fail(r, Problem::UnknownKey);
    };
    r.approver = Some(name.clone());
    if cx.own_keys.contains(&fp) || name == cx.operator {
        return fail(r, Problem::OwnKey);
    }
    if req.procedure != cx.procedure {
        return fail(r, Problem::OtherRun);
    }
    match (&req.run, &req.window) {
        (Some(run), _) if run != cx.run => return fail(r, Problem::OtherRun),
        (Some(_), _) => {}
        (None, Some((from, to))) => {
            if cx.now < *from || cx.now > *to {
                return fail(r, Problem::OutsideWindow);
            }
        }
        (None, None) => return fail(r, Problem::OtherRun),
    }
    if !cx.team.roles_of(&key).contains(&req.role) {
        return fail(r, Problem::LacksRole);
    }
    if !(cx.asked)(req.step.as_deref()).contains(&req.role) {
        return fail(r, Problem::NotAsked);
    }
    Ok(Verified {
        request: req,
        approver: name,
        fingerprint: fp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssh_key::{LineEnding, PrivateKey};

    fn key_from(seed: u8) -> PrivateKey {
        PrivateKey::from(ssh_key::private::Ed25519Keypair::from_seed(&[seed; 32]))
    }

    fn key() -> PrivateKey {
        key_from(1)
    }

    fn request(k: &PrivateKey, role: &str) -> Request {
        Request {
            procedure: "PROC-1".into(),
            run: Some("RUN-1".into()),
            step: Some("2".into()),
            role: role.into(),
            approver: "ana@example".into(),
            window: None,
            time: Utc::now(),
            key: fingerprint(k.public_key()),
            note: Some("line one\nline two".into()),
        }
    }

    fn signed(k: &PrivateKey, req: &Request) -> Signed {
        let text = req.text();
        let sig = k
            .sign(NAMESPACE, ssh_key::HashAlg::Sha512, text.as_bytes())
            .unwrap();
        Signed {
            text,
            signature: sig.to_pem(LineEnding::LF).unwrap(),
        }
    }

    fn team(k: &PrivateKey, roles: &str) -> Team {
        Team::parse(&format!(
            "{roles} ana@example {}\n",
            k.public_key().to_openssh().unwrap()
        ))
        .unwrap()
    }

    fn ask(step: Option<&str>) -> Vec<String> {
        match step {
            Some("2") => vec!["tech-lead".into()],
            _ => vec![],
        }
    }

    fn cx<'a>(team: &'a Team, own: &'a [String]) -> Context<'a> {
        Context {
            procedure: "PROC-1",
            run: "RUN-1",
            now: Utc::now(),
            team,
            own_keys: own,
            operator: "luis",
            asked: &ask,
        }
    }

    #[test]
    fn text_round_trips_and_notes_stay_on_one_line() {
        let k = key();
        let req = request(&k, "tech-lead");
        let back = Request::parse(&req.text()).unwrap();
        assert_eq!(back.note.as_deref(), Some("line one line two"));
        assert_eq!(back.step.as_deref(), Some("2"));
        let s = signed(&k, &req);
        assert_eq!(Signed::parse(&s.file_text()).unwrap(), s);
    }

    #[test]
    fn a_valid_approval_passes_and_each_flaw_is_named() {
        let k = key();
        let t = team(&k, "tech-lead");
        let s = signed(&k, &request(&k, "tech-lead"));
        let v = check(&s, &cx(&t, &[])).unwrap();
        assert_eq!(v.approver, "ana@example");
        // The operator's own key.
        let own = [fingerprint(k.public_key())];
        assert_eq!(
            check(&s, &cx(&t, &own)).unwrap_err().problem,
            Problem::OwnKey
        );
        // A key without the role.
        let t2 = team(&k, "oncall");
        assert_eq!(
            check(&s, &cx(&t2, &[])).unwrap_err().problem,
            Problem::LacksRole
        );
        // A key not in the team.
        let other = team(&key_from(2), "tech-lead");
        assert_eq!(
            check(&s, &cx(&other, &[])).unwrap_err().problem,
            Problem::UnknownKey
        );
        // An edited text.
        let mut bad = s.clone();
        bad.text = bad.text.replace("step: 2", "step: 3");
        assert!(matches!(
            check(&bad, &cx(&t, &[])).unwrap_err().problem,
            Problem::BadSignature(_)
        ));
        // A role the step does not ask for.
        let t3 = team(&k, "tech-lead,manager");
        let s3 = signed(&k, &request(&k, "manager"));
        assert_eq!(
            check(&s3, &cx(&t3, &[])).unwrap_err().problem,
            Problem::NotAsked
        );
    }

    #[test]
    fn windows_hold_only_while_open() {
        let k = key();
        let t = team(&k, "tech-lead");
        let mut req = request(&k, "tech-lead");
        req.run = None;
        let now = Utc::now();
        req.window = Some((
            now - chrono::Duration::hours(1),
            now + chrono::Duration::hours(1),
        ));
        assert!(check(&signed(&k, &req), &cx(&t, &[])).is_ok());
        req.window = Some((
            now + chrono::Duration::hours(1),
            now + chrono::Duration::hours(2),
        ));
        assert_eq!(
            check(&signed(&k, &req), &cx(&t, &[])).unwrap_err().problem,
            Problem::OutsideWindow
        );
    }
}
