//! The S3 client: `object_store`'s S3 backend (path-style addressing,
//! plain HTTP allowed only for an `http://` endpoint), plus a few raw,
//! signed requests for what `object_store` does not expose (the bucket's
//! Object Lock configuration).
//!
//! Every call is `async`; callers drive it on a small current-thread
//! runtime of their own ([`runtime`]), never on the run's event loop.

use super::config::RemoteConfig;
use super::credentials;
use super::location::Location;
use bytes::Bytes;
use futures_util::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder, AwsAuthorizer, Checksum};
use object_store::client::{HttpClient, HttpConnector, ReqwestConnector};
use object_store::path::Path as Key;
use object_store::{
    BackoffConfig, ClientOptions, ObjectMeta, ObjectStore, ObjectStoreExt, PutMode, PutOptions,
    RetryConfig,
};
use std::sync::Arc;
use std::time::Duration;

/// What went wrong talking to the bucket, in the library's words, and
/// whether it looks like the server could not be reached at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteError {
    pub detail: String,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    AlreadyExists,
    NotImplemented,
    /// Neither the environment nor a profile holds credentials.
    NoCredentials,
    Other,
}

impl RemoteError {
    /// For people: the library's words, or ours where we know better.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self.kind {
            ErrorKind::NoCredentials => crate::tr!(lang, "remote-no-credentials"),
            _ => self.detail.clone(),
        }
    }
}

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl From<object_store::Error> for RemoteError {
    fn from(e: object_store::Error) -> Self {
        let kind = match &e {
            object_store::Error::NotFound { .. } => ErrorKind::NotFound,
            object_store::Error::AlreadyExists { .. }
            | object_store::Error::Precondition { .. } => ErrorKind::AlreadyExists,
            object_store::Error::NotImplemented { .. }
            | object_store::Error::NotSupported { .. } => ErrorKind::NotImplemented,
            _ => ErrorKind::Other,
        };
        RemoteError {
            detail: one_line(&e.to_string()),
            kind,
        }
    }
}

fn other(detail: impl Into<String>) -> RemoteError {
    RemoteError {
        detail: one_line(&detail.into()),
        kind: ErrorKind::Other,
    }
}

/// Library errors nest their causes over several lines; one line reads
/// better in a listing and a state file.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A put that never replaces an object: it was written now, or an object
/// was already at that key (keys name their content hash, so it holds the
/// same bytes unless someone changed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Created,
    AlreadyThere,
}

/// Object Lock asked of every new object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    /// `COMPLIANCE` or `GOVERNANCE`.
    pub mode: String,
    pub days: u32,
}

#[derive(Clone)]
pub struct Client {
    pub location: Location,
    store: Arc<AmazonS3>,
    /// The same bucket, with Object Lock headers on every put.
    locked: Option<Arc<AmazonS3>>,
    http: HttpClient,
    /// `endpoint/bucket`, for raw requests.
    bucket_url: String,
    region: String,
    config: RemoteConfig,
}

/// A small runtime for the client's calls (one thread, its own I/O).
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

fn options(config: &RemoteConfig) -> ClientOptions {
    let plain_http = config
        .endpoint
        .as_deref()
        .is_some_and(|e| e.starts_with("http://"));
    ClientOptions::new()
        .with_allow_http(plain_http)
        .with_connect_timeout(Duration::from_secs(3))
        .with_timeout(Duration::from_secs(30))
}

impl Client {
    /// A client with credentials from the AWS environment or profile.
    pub fn new(config: &RemoteConfig) -> Result<Client, RemoteError> {
        Client::build(config, None)
    }

    /// A client with these credentials (access key id, secret).
    pub fn with_keys(
        config: &RemoteConfig,
        key_id: &str,
        secret: &str,
    ) -> Result<Client, RemoteError> {
        Client::build(config, Some((key_id, secret)))
    }

    fn build(config: &RemoteConfig, keys: Option<(&str, &str)>) -> Result<Client, RemoteError> {
        // TLS for https endpoints: rustls with ring, installed once. ring
        // rather than aws-lc (rustls's default, which it now prefers for its
        // post-quantum key exchange) keeps a C/cmake build out of pasos.
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
        let profile = credentials::profile();
        let env_has_key = std::env::var_os("AWS_ACCESS_KEY_ID").is_some_and(|v| !v.is_empty());
        let region = config
            .region
            .clone()
            .or_else(|| std::env::var("AWS_REGION").ok().filter(|v| !v.is_empty()))
            .or_else(|| {
                std::env::var("AWS_DEFAULT_REGION")
                    .ok()
                    .filter(|v| !v.is_empty())
            })
            .or(profile.region.clone())
            .unwrap_or_else(|| "us-east-1".into());
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&config.location.bucket)
            .with_region(&region)
            .with_virtual_hosted_style_request(false)
            .with_client_options(options(config))
            .with_retry(RetryConfig {
                backoff: BackoffConfig {
                    init_backoff: Duration::from_millis(100),
                    max_backoff: Duration::from_secs(2),
                    base: 2.0,
                },
                max_retries: 2,
                retry_timeout: Duration::from_secs(10),
            });
        if let Some(e) = &config.endpoint {
            builder = builder.with_endpoint(e);
        }
        if let Some((id, secret)) = keys {
            builder = builder
                .with_access_key_id(id)
                .with_secret_access_key(secret);
        } else if !env_has_key {
            match (&profile.access_key_id, &profile.secret_access_key) {
                (Some(id), Some(secret)) => {
                    builder = builder
                        .with_access_key_id(id)
                        .with_secret_access_key(secret);
                    if let Some(t) = &profile.session_token {
                        builder = builder.with_token(t);
                    }
                }
                // Self-hosted servers have no instance metadata to ask.
                _ if config.endpoint.is_some()
                    || std::env::var_os("AWS_ENDPOINT_URL").is_some() =>
                {
                    return Err(RemoteError {
                        detail: "no credentials".into(),
                        kind: ErrorKind::NoCredentials,
                    });
                }
                _ => {}
            }
        }
        let store = Arc::new(builder.clone().build()?);
        let http = ReqwestConnector::default().connect(&options(config))?;
        let endpoint = config
            .endpoint
            .clone()
            .or_else(|| {
                std::env::var("AWS_ENDPOINT_URL")
                    .ok()
                    .filter(|v| !v.is_empty())
            })
            .unwrap_or_else(|| format!("https://s3.{region}.amazonaws.com"));
        let _ = builder;
        Ok(Client {
            location: config.location.clone(),
            store,
            locked: None,
            http,
            bucket_url: format!(
                "{}/{}",
                endpoint.trim_end_matches('/'),
                config.location.bucket
            ),
            region,
            config: config.clone(),
        })
    }

    /// From now on every put asks for this retention (the bucket must have
    /// Object Lock enabled, or it refuses such puts).
    pub async fn with_lock(mut self, lock: &Lock) -> Result<Client, RemoteError> {
        let until = chrono::Utc::now() + chrono::Duration::days(i64::from(lock.days));
        let mut headers = http::HeaderMap::new();
        let value = |s: &str| http::HeaderValue::from_str(s).map_err(|e| other(e.to_string()));
        headers.insert("x-amz-object-lock-mode", value(&lock.mode)?);
        headers.insert(
            "x-amz-object-lock-retain-until-date",
            value(&until.format("%Y-%m-%dT%H:%M:%SZ").to_string())?,
        );
        // S3 refuses a put with retention that names neither a Content-MD5
        // nor its checksum algorithm (the SHA-256 itself is sent by the
        // store, see `with_checksum_algorithm` below); found against moto,
        // which follows AWS here.
        headers.insert("x-amz-sdk-checksum-algorithm", value("SHA256")?);
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&self.config.location.bucket)
            .with_region(&self.region)
            .with_virtual_hosted_style_request(false)
            // Object Lock puts must carry a checksum.
            .with_checksum_algorithm(Checksum::SHA256)
            .with_client_options(options(&self.config).with_default_headers(headers));
        if let Some(e) = &self.config.endpoint {
            builder = builder.with_endpoint(e);
        }
        let cred = self.credential().await?;
        builder = builder
            .with_access_key_id(&cred.key_id)
            .with_secret_access_key(&cred.secret_key);
        if let Some(t) = &cred.token {
            builder = builder.with_token(t);
        }
        self.locked = Some(Arc::new(builder.build()?));
        Ok(self)
    }

    /// The same client without the Object Lock headers.
    pub fn reopen(&self) -> Client {
        Client {
            locked: None,
            ..self.clone()
        }
    }

    pub fn config(&self) -> &RemoteConfig {
        &self.config
    }

    /// The object key of `rest` under the location's prefix.
    pub fn key(&self, rest: &str) -> Key {
        Key::from(self.location.key(rest))
    }

    /// Writes an object only if none is at `key`: with `If-None-Match: *`
    /// (servers that honour it refuse the second write), and when
    /// `look_first` (servers known to ignore it) after a `HEAD` that finds
    /// nothing.
    pub async fn put_new(
        &self,
        key: &Key,
        bytes: Bytes,
        look_first: bool,
    ) -> Result<Put, RemoteError> {
        if look_first {
            match self.store.head(key).await {
                Ok(_) => return Ok(Put::AlreadyThere),
                Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let store = self.locked.as_ref().unwrap_or(&self.store);
        let opts = PutOptions {
            mode: PutMode::Create,
            ..PutOptions::default()
        };
        match store.put_opts(key, bytes.into(), opts).await {
            Ok(_) => Ok(Put::Created),
            Err(object_store::Error::AlreadyExists { .. })
            | Err(object_store::Error::Precondition { .. }) => Ok(Put::AlreadyThere),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn get(&self, key: &Key) -> Result<Bytes, RemoteError> {
        Ok(self.store.get(key).await?.bytes().await?)
    }

    pub async fn delete(&self, key: &Key) -> Result<(), RemoteError> {
        Ok(self.store.delete(key).await?)
    }

    /// Every object under `prefix` (recursively).
    pub async fn list(&self, prefix: &Key) -> Result<Vec<ObjectMeta>, RemoteError> {
        let mut out = Vec::new();
        let mut stream = self.store.list(Some(prefix));
        while let Some(meta) = stream.next().await {
            out.push(meta?);
        }
        Ok(out)
    }

    /// The "directories" right under `prefix`.
    pub async fn list_dirs(&self, prefix: &Key) -> Result<Vec<Key>, RemoteError> {
        Ok(self
            .store
            .list_with_delimiter(Some(prefix))
            .await?
            .common_prefixes)
    }

    async fn credential(&self) -> Result<Arc<object_store::aws::AwsCredential>, RemoteError> {
        Ok(self.store.credentials().get_credential().await?)
    }

    /// A signed request on the bucket (`key` empty) or on an object, with a
    /// query (`object-lock`, `retention`); the status and the body.
    pub async fn raw_request(
        &self,
        method: http::Method,
        key: Option<&Key>,
        query: &str,
    ) -> Result<(u16, Bytes), RemoteError> {
        let (status, _, body) = self.raw(method, key, query).await?;
        Ok((status, body))
    }

    /// A signed request as [`Client::raw_request`]; the status, the
    /// headers and the body.
    pub async fn raw(
        &self,
        method: http::Method,
        key: Option<&Key>,
        query: &str,
    ) -> Result<(u16, http::HeaderMap, Bytes), RemoteError> {
        let cred = self.credential().await?;
        let path = match key {
            Some(k) => format!("/{}", k.as_ref()),
            None => String::new(),
        };
        let url = if query.is_empty() {
            format!("{}{path}", self.bucket_url)
        } else {
            format!("{}{path}?{query}", self.bucket_url)
        };
        let mut req = http::Request::builder()
            .method(method)
            .uri(&url)
            .body(object_store::client::HttpRequestBody::empty())
            .map_err(|e| other(e.to_string()))?;
        AwsAuthorizer::new(&cred, "s3", &self.region)
            .try_authorize(&mut req, None)
            .map_err(RemoteError::from)?;
        let resp = self
            .http
            .execute(req)
            .await
            .map_err(|e| other(e.to_string()))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp
            .into_body()
            .bytes()
            .await
            .map_err(|e| other(e.to_string()))?;
        Ok((status, headers, body))
    }
}
