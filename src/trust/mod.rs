//! Trust beyond the hash chain: signed checkpoints.
//!
//! While a run goes on, pasos signs a small text message (a *checkpoint*)
//! naming the run, the seq and hash of the journal's last line, the
//! procedure's SHA-256 and the hashes of the transcript so far. The
//! signature is an SSHSIG made with the operator's own SSH key (through
//! `ssh-agent` or a key file), stored beside the journal so that stock
//! `ssh-keygen -Y verify` checks it without pasos. `pasos log verify`
//! then reports integrity (the chain), authenticity (which allowed signer
//! signed up to which seq) and completeness (the signed head is the last
//! line) apart. See `docs/threat-model.md` for what each proves.

pub mod allowed;
pub mod approval;
pub mod checkpoint;
pub mod choose;
pub mod coverage;
pub mod receipt;
pub mod recorder;
pub mod render;
pub mod settings;
pub mod signer;
pub mod store;
pub mod team;
pub mod verify;

/// The SSHSIG namespace of every checkpoint signature: a signature made
/// for anything else (git commits, files) never passes as a checkpoint.
pub const NAMESPACE: &str = "pasos-journal@pasos";

pub use checkpoint::{Checkpoint, Reason};
pub use settings::Settings;
pub use signer::Signer;
