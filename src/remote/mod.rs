//! Team history on S3-compatible object storage (AWS S3, MinIO, Ceph,
//! Garage, R2…), written create-only and read back into the same history.
//!
//! - [`config`]: `[history] remote = "s3://bucket/prefix"` or `--remote`.
//! - [`client`]: `object_store`'s S3 backend, path-style, plus raw signed
//!   requests for what it does not expose.
//! - [`keys`], [`segment`], [`sent`], [`upload`], [`background`]: a run's
//!   journal and the files beside it go out as segments with keys of their
//!   own while it runs, never replacing an object; what failed stays queued
//!   in a small state file per run.
//! - [`probe`]: what the bucket really enforces (conditional puts, Object
//!   Lock retention).
//! - [`pull`], [`assemble`], [`pack`], [`index`]: the bucket's runs cached
//!   into the data dir (from packs of many segments where the bucket has
//!   them), with the verdict of every copy in an index the history reads.
//! - [`verify`]: `pasos log verify --remote`.
//!
//! No server of ours: the bucket is the only shared piece, and the local
//! data dir stays the source of truth for a bastion's own runs.

pub mod assemble;
pub mod background;
pub mod client;
pub mod config;
pub mod credentials;
pub mod index;
pub mod keys;
pub mod location;
pub mod pack;
pub mod probe;
pub mod pull;
pub mod segment;
pub mod sent;
pub mod upload;
pub mod verify;

pub use client::{Client, RemoteError};
pub use config::RemoteConfig;
pub use location::Location;
