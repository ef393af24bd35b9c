//! The facts a journal records about a second person: approvals granted
//! and refused (see `trust::approval`), and a handoff between operators.

use serde::{Deserialize, Serialize};

/// A verified approval, with what anyone needs to check it again: the
/// signed text and its SSHSIG.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// The step approved; `None`: the procedure's own approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    pub role: String,
    /// The approver as the team file names them.
    pub approver: String,
    /// `SHA256:…` of the approver's key.
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the approver signed (RFC 3339).
    pub signed_at: String,
    /// Given ahead of time for a window rather than for this run.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub window: bool,
    pub text: String,
    pub signature: String,
}

/// An approval pasos did not accept, and why (a stable word:
/// `own-key`, `lacks-role`, `unknown-key`, `bad-signature`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRefusal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub problem: String,
    /// SHA-256 of the refused signature (tells it from others).
    pub signature_sha256: String,
}

/// The operator hands the run over to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    /// Who takes over (as the outgoing operator named them).
    pub to: String,
    pub note: String,
    /// Where the run stands: the step in progress, else the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_step: Option<String>,
    /// What is left open: steps waiting for an approval or for the
    /// operator's word, decisions unanswered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open: Vec<String>,
}
