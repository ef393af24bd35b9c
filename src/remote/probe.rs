//! What the bucket really enforces, found by trying it rather than by
//! trusting the server's word: a second create-only write to the same key
//! (refused, or did it overwrite?), and the bucket's Object Lock
//! configuration with the retention a probe object actually got. Garage
//! 2.5, for one, accepts `If-None-Match: *` and still overwrites, and
//! answers NotImplemented to Object Lock.
//!
//! The result is kept in `<data>/remote/capabilities.json` for a day; the
//! uploader reads it to decide whether to look before it writes and
//! whether to ask for retention. `pasos sync --status` probes afresh.

use super::client::{Client, ErrorKind, Lock, Put, RemoteError};
use crate::i18n::Lang;
use crate::journal::store;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    /// The second write was refused.
    Enforced,
    /// The server took the second write and replaced the object.
    Ignored,
    /// Neither could be told (the server's answer).
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Retention {
    /// Object Lock is on and a probe object was retained until `until`.
    Enforced {
        mode: String,
        days: u32,
        until: String,
    },
    /// The bucket has no Object Lock configuration.
    NotConfigured,
    /// The server does not implement Object Lock (its answer).
    Unsupported(String),
    /// Lock configured, but a probe object did not come back retained.
    NotApplied(String),
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    /// `s3://bucket/prefix` it was probed on.
    pub location: String,
    pub probed_at: DateTime<Utc>,
    pub conditional_put: Check,
    pub retention: Retention,
}

impl Capabilities {
    /// Writes must look (`HEAD`) before they put.
    pub fn look_first(&self) -> bool {
        self.conditional_put != Check::Enforced
    }

    pub fn lock(&self, days: u32) -> Option<Lock> {
        match &self.retention {
            Retention::Enforced { mode, .. } => Some(Lock {
                mode: mode.clone(),
                days,
            }),
            _ => None,
        }
    }

    pub fn retention_enforced(&self) -> bool {
        matches!(self.retention, Retention::Enforced { .. })
    }

    /// Lines for people: what the bucket enforces, and what not.
    pub fn describe(&self, lang: Lang, bucket: &str, days: u32) -> Vec<String> {
        let put = match &self.conditional_put {
            Check::Enforced => crate::tr!(lang, "remote-probe-put-enforced"),
            Check::Ignored => crate::tr!(lang, "remote-probe-put-ignored"),
            Check::Unknown(d) => crate::tr!(lang, "remote-probe-put-unknown", detail = d.as_str()),
        };
        let retention = match &self.retention {
            Retention::Enforced { mode, until, .. } => crate::tr!(
                lang,
                "remote-probe-retention-enforced",
                mode = mode.as_str(),
                count = days,
                until = until.as_str()
            ),
            Retention::NotConfigured => crate::tr!(
                lang,
                "remote-probe-retention-not-configured",
                bucket = bucket,
                count = days
            ),
            Retention::Unsupported(d) => crate::tr!(
                lang,
                "remote-probe-retention-unsupported",
                bucket = bucket,
                count = days,
                detail = d.as_str()
            ),
            Retention::NotApplied(d) => crate::tr!(
                lang,
                "remote-probe-retention-not-applied",
                bucket = bucket,
                count = days,
                detail = d.as_str()
            ),
            Retention::Unknown(d) => crate::tr!(
                lang,
                "remote-probe-retention-unknown",
                bucket = bucket,
                count = days,
                detail = d.as_str()
            ),
        };
        vec![put, retention]
    }
}

fn cache_path(data: &Path) -> PathBuf {
    store::remote_cache_dir(data).join("capabilities.json")
}

/// The last probe of this location, if younger than a day.
pub fn cached(data: &Path, location: &str) -> Option<Capabilities> {
    let c: Capabilities = serde_json::from_slice(&std::fs::read(cache_path(data)).ok()?).ok()?;
    let fresh = Utc::now().signed_duration_since(c.probed_at) < chrono::Duration::hours(24);
    (c.location == location && fresh).then_some(c)
}

pub fn remember(data: &Path, c: &Capabilities) -> std::io::Result<()> {
    let path = cache_path(data);
    if let Some(dir) = path.parent() {
        store::create_private_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    let mut o = store::private_file_options();
    o.create(true).write(true).truncate(true);
    std::io::Write::write_all(
        &mut o.open(&tmp)?,
        &serde_json::to_vec_pretty(c).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(tmp, path)
}

/// The text of `<tag>…</tag>` in an XML answer.
fn xml_text<'a>(body: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{tag}>"))? + start;
    Some(body[start..end].trim())
}

fn answer(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    match xml_text(&text, "Code") {
        Some(code) => format!("HTTP {status} {code}"),
        None => format!("HTTP {status}"),
    }
}

/// The retention a probe object got: from `GET ?retention`, or where a
/// server does not answer that (moto 5.2), from the Object Lock headers of
/// a `HEAD`, which S3 returns too.
async fn retention_of(
    client: &Client,
    key: &object_store::path::Path,
    mode: &str,
    days: u32,
) -> Retention {
    let asked = match client
        .raw_request(http::Method::GET, Some(key), "retention")
        .await
    {
        Ok((200, body)) => {
            let text = String::from_utf8_lossy(&body).into_owned();
            match xml_text(&text, "RetainUntilDate") {
                Some(until) => {
                    return Retention::Enforced {
                        mode: xml_text(&text, "Mode").unwrap_or(mode).to_string(),
                        days,
                        until: until.to_string(),
                    };
                }
                None => answer(200, &body),
            }
        }
        Ok((status, body)) => answer(status, &body),
        Err(e) => e.detail,
    };
    let header = |h: &http::HeaderMap, name: &str| {
        h.get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    match client.raw(http::Method::HEAD, Some(key), "").await {
        Ok((200, h, _)) => match header(&h, "x-amz-object-lock-retain-until-date") {
            Some(until) => Retention::Enforced {
                mode: header(&h, "x-amz-object-lock-mode").unwrap_or_else(|| mode.to_string()),
                days,
                until,
            },
            None => Retention::NotApplied(asked),
        },
        _ => Retention::NotApplied(asked),
    }
}

/// Probes the bucket: a few small requests, and one probe object under
/// `<prefix>/probe/` (left in place when it is retained).
pub async fn probe(client: &Client, days: u32) -> Result<Capabilities, RemoteError> {
    let (status, body) = client
        .raw_request(http::Method::GET, None, "object-lock")
        .await?;
    let text = String::from_utf8_lossy(&body).into_owned();
    let lock_on = status == 200 && xml_text(&text, "ObjectLockEnabled") == Some("Enabled");
    let mut retention = match status {
        200 if lock_on => Retention::Unknown(String::new()),
        200 | 404 => Retention::NotConfigured,
        501 => Retention::Unsupported(answer(status, &body)),
        _ if text.contains("ObjectLockConfigurationNotFound") => Retention::NotConfigured,
        _ => Retention::Unknown(answer(status, &body)),
    };
    let mode = xml_text(&text, "Mode").unwrap_or("COMPLIANCE").to_string();
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%9fZ");
    let key = client.key(&format!("probe/{host}-{stamp}-{}", std::process::id()));

    let writer = if lock_on {
        let lock = Lock {
            mode: mode.clone(),
            days: 1,
        };
        client.reopen().with_lock(&lock).await?
    } else {
        client.reopen()
    };
    writer
        .put_new(&key, Bytes::from_static(b"first"), false)
        .await?;
    let conditional_put = match writer
        .put_new(&key, Bytes::from_static(b"second"), false)
        .await
    {
        Ok(Put::AlreadyThere) => Check::Enforced,
        Ok(Put::Created) => match client.get(&key).await {
            Ok(b) if &b[..] == b"second" => Check::Ignored,
            Ok(_) => Check::Enforced,
            Err(e) => Check::Unknown(e.detail),
        },
        Err(e) => Check::Unknown(e.detail),
    };
    if lock_on {
        retention = retention_of(client, &key, &mode, days).await;
    } else {
        // Nothing keeps it: tidy up (a refusal is no problem).
        match client.delete(&key).await {
            Ok(()) => {}
            Err(e) if e.kind == ErrorKind::NotFound => {}
            Err(_) => {}
        }
    }
    Ok(Capabilities {
        location: client.location.to_string(),
        probed_at: Utc::now(),
        conditional_put,
        retention,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_answers() {
        let body = "<?xml version=\"1.0\"?><ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>";
        assert_eq!(xml_text(body, "ObjectLockEnabled"), Some("Enabled"));
        assert_eq!(xml_text(body, "Mode"), Some("GOVERNANCE"));
        assert_eq!(
            answer(501, b"<Error><Code>NotImplemented</Code></Error>"),
            "HTTP 501 NotImplemented"
        );
    }

    #[test]
    fn a_bucket_without_retention_is_named() {
        let c = Capabilities {
            location: "s3://team/ops".into(),
            probed_at: Utc::now(),
            conditional_put: Check::Ignored,
            retention: Retention::Unsupported("HTTP 501 NotImplemented".into()),
        };
        assert!(c.look_first());
        assert_eq!(c.lock(90), None);
        let lines = c.describe(Lang::En, "team", 90).join("\n");
        assert!(lines.contains("team"), "{lines}");
        assert!(lines.contains("NOT enforced"), "{lines}");
        assert!(lines.contains("NotImplemented"), "{lines}");
    }
}
