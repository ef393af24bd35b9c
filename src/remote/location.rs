//! Where a team's history lives in a bucket: `s3://bucket/prefix`.

use crate::i18n::Lang;
use std::fmt;

/// Why a text is not an S3 location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocationError {
    NotS3(String),
    Bucket(String),
    Prefix(String),
}

impl LocationError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LocationError::NotS3(text) => {
                crate::tr!(lang, "remote-location-not-s3", text = text.as_str())
            }
            LocationError::Bucket(bucket) => {
                crate::tr!(lang, "remote-location-bucket", bucket = bucket.as_str())
            }
            LocationError::Prefix(prefix) => {
                crate::tr!(lang, "remote-location-prefix", prefix = prefix.as_str())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub bucket: String,
    /// Without leading or trailing `/`; empty for the bucket's root.
    pub prefix: String,
}

impl Location {
    /// Reads `s3://bucket` or `s3://bucket/some/prefix`.
    pub fn parse(text: &str) -> Result<Location, LocationError> {
        let rest = text
            .strip_prefix("s3://")
            .ok_or_else(|| LocationError::NotS3(text.to_string()))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && !bucket.starts_with(['-', '.'])
            && !bucket.ends_with(['-', '.']);
        if !valid {
            return Err(LocationError::Bucket(bucket.to_string()));
        }
        let prefix = prefix.trim_matches('/');
        if prefix.split('/').any(|p| p == "." || p == "..")
            || prefix.contains("//")
            || prefix.chars().any(|c| c.is_control())
        {
            return Err(LocationError::Prefix(prefix.to_string()));
        }
        Ok(Location {
            bucket: bucket.to_string(),
            prefix: prefix.to_string(),
        })
    }

    /// `prefix/rest`, or `rest` at the root.
    pub fn key(&self, rest: &str) -> String {
        if self.prefix.is_empty() {
            rest.to_string()
        } else {
            format!("{}/{rest}", self.prefix)
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.prefix.is_empty() {
            write!(f, "s3://{}", self.bucket)
        } else {
            write!(f, "s3://{}/{}", self.bucket, self.prefix)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_prefixes() {
        let l = Location::parse("s3://team-history/ops/eu/").unwrap();
        assert_eq!(l.bucket, "team-history");
        assert_eq!(l.prefix, "ops/eu");
        assert_eq!(l.key("runs"), "ops/eu/runs");
        assert_eq!(l.to_string(), "s3://team-history/ops/eu");
        let root = Location::parse("s3://team-history").unwrap();
        assert_eq!(root.key("runs"), "runs");
        assert!(Location::parse("team-history").is_err());
        assert!(Location::parse("s3://Team").is_err());
        assert!(Location::parse("s3://ab").is_err());
        assert!(Location::parse("s3://team-history/a/../b").is_err());
        assert!(Location::parse("s3://team-history/a//b").is_err());
    }
}
