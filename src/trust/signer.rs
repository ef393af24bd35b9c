//! Making an SSHSIG over a checkpoint: through `ssh-agent` (the key never
//! leaves the agent, which is usually forwarded from the operator's laptop)
//! or with a private key file. The agent protocol is spoken by
//! `ssh-agent-client-rs` (two requests: list identities, sign); the
//! signature format is `ssh-key`'s, the same bytes `ssh-keygen -Y sign`
//! makes.

use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::path::{Path, PathBuf};

/// Why no signer could be set up, or a signature could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerError {
    /// `SSH_AUTH_SOCK` is not set.
    NoAgent,
    /// The agent socket does not answer.
    AgentUnreachable { socket: String, why: String },
    /// The agent holds no key.
    AgentEmpty,
    /// The agent holds keys, none of them the one configured.
    NoSuchAgentKey { wanted: String },
    /// The key file cannot be read or parsed.
    KeyFile { path: String, why: String },
    /// The key file is passphrase-protected: use the agent for it.
    Encrypted { path: String },
    /// The agent or the key refused to sign.
    Sign(String),
}

impl SignerError {
    /// Why, in the operator's language.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            SignerError::NoAgent => tr!(lang, "trust-signer-no-agent"),
            SignerError::AgentUnreachable { socket, why } => tr!(
                lang,
                "trust-signer-agent-unreachable",
                socket = socket.as_str(),
                why = why.as_str()
            ),
            SignerError::AgentEmpty => tr!(lang, "trust-signer-agent-empty"),
            SignerError::NoSuchAgentKey { wanted } => {
                tr!(lang, "trust-signer-no-such-key", key = wanted.as_str())
            }
            SignerError::KeyFile { path, why } => format!("{path}: {why}"),
            SignerError::Encrypted { path } => {
                tr!(lang, "trust-signer-encrypted", path = path.as_str())
            }
            SignerError::Sign(why) => tr!(lang, "trust-signer-sign-failed", why = why.as_str()),
        }
    }
}

impl std::fmt::Display for SignerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignerError::NoAgent => write!(f, "SSH_AUTH_SOCK is not set"),
            SignerError::AgentUnreachable { socket, why } => {
                write!(f, "the ssh-agent at {socket} does not answer: {why}")
            }
            SignerError::AgentEmpty => write!(f, "the ssh-agent holds no key"),
            SignerError::NoSuchAgentKey { wanted } => {
                write!(f, "the ssh-agent does not hold the key {wanted}")
            }
            SignerError::KeyFile { path, why } => write!(f, "{path}: {why}"),
            SignerError::Encrypted { path } => {
                write!(f, "{path} is protected by a passphrase")
            }
            SignerError::Sign(why) => write!(f, "signing failed: {why}"),
        }
    }
}

enum How {
    /// One connection per signature: the client is not `Send` (the
    /// signer lives on its own thread), and a fresh connection also finds
    /// an agent forwarded by a reconnected SSH session.
    Agent {
        socket: PathBuf,
    },
    File(Box<PrivateKey>),
}

pub struct Signer {
    how: How,
    public: PublicKey,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("via", &self.via())
            .field("key", &self.fingerprint())
            .finish()
    }
}

/// Does `key` answer to `wanted`: a fingerprint (`SHA256:…`), the path of
/// a public key file, or the key's comment.
fn matches(key: &PublicKey, wanted: &str) -> bool {
    if wanted.starts_with("SHA256:") {
        return key.fingerprint(HashAlg::Sha256).to_string() == wanted;
    }
    let path = Path::new(wanted);
    if path.exists() {
        return PublicKey::read_openssh_file(path).is_ok_and(|k| k.key_data() == key.key_data());
    }
    key.comment() == wanted
}

impl Signer {
    /// The key of the agent at `socket`: the one `wanted` names, else the
    /// first the agent lists (what `ssh` would offer first).
    pub fn from_agent(socket: &Path, wanted: Option<&str>) -> Result<Signer, SignerError> {
        let unreachable = |why: String| SignerError::AgentUnreachable {
            socket: socket.display().to_string(),
            why,
        };
        let mut client =
            ssh_agent_client_rs::Client::connect(socket).map_err(|e| unreachable(e.to_string()))?;
        let keys: Vec<PublicKey> = client
            .list_all_identities()
            .map_err(|e| unreachable(e.to_string()))?
            .into_iter()
            .filter_map(|i| match i {
                ssh_agent_client_rs::Identity::PublicKey(k) => Some(k.into_owned()),
                ssh_agent_client_rs::Identity::Certificate(_) => None,
            })
            .collect();
        let key = match wanted {
            Some(w) => keys.into_iter().find(|k| matches(k, w)).ok_or_else(|| {
                SignerError::NoSuchAgentKey {
                    wanted: w.to_string(),
                }
            })?,
            None => keys.into_iter().next().ok_or(SignerError::AgentEmpty)?,
        };
        Ok(Signer {
            how: How::Agent {
                socket: socket.to_path_buf(),
            },
            public: key,
        })
    }

    /// The agent named by `SSH_AUTH_SOCK`.
    pub fn from_env_agent(wanted: Option<&str>) -> Result<Signer, SignerError> {
        let socket = std::env::var_os("SSH_AUTH_SOCK")
            .filter(|s| !s.is_empty())
            .ok_or(SignerError::NoAgent)?;
        Signer::from_agent(Path::new(&socket), wanted)
    }

    /// An OpenSSH private key file without a passphrase.
    pub fn from_file(path: &Path) -> Result<Signer, SignerError> {
        let shown = path.display().to_string();
        let key = PrivateKey::read_openssh_file(path).map_err(|e| SignerError::KeyFile {
            path: shown.clone(),
            why: e.to_string(),
        })?;
        if key.is_encrypted() {
            return Err(SignerError::Encrypted { path: shown });
        }
        Ok(Signer {
            public: key.public_key().clone(),
            how: How::File(Box::new(key)),
        })
    }

    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    /// `SHA256:…`, as `ssh-keygen -l` and `ssh-add -l` print it.
    pub fn fingerprint(&self) -> String {
        self.public.fingerprint(HashAlg::Sha256).to_string()
    }

    /// `agent` or the key file's path, for messages.
    pub fn via(&self) -> String {
        match &self.how {
            How::Agent { socket, .. } => format!("ssh-agent {}", socket.display()),
            How::File(_) => "key file".into(),
        }
    }

    /// Signs `msg` in the pasos namespace; the PEM text of the SSHSIG.
    pub fn sign(&mut self, msg: &[u8]) -> Result<String, SignerError> {
        self.sign_in(super::NAMESPACE, msg)
    }

    /// Signs `msg` in `namespace` (checkpoints and approvals each have
    /// their own, so one never passes for the other).
    pub fn sign_in(&mut self, namespace: &str, msg: &[u8]) -> Result<String, SignerError> {
        let sig = match &mut self.how {
            How::File(key) => key
                .sign(namespace, HashAlg::Sha512, msg)
                .map_err(|e| SignerError::Sign(e.to_string()))?,
            How::Agent { socket } => {
                let data = SshSig::signed_data(namespace, HashAlg::Sha512, msg)
                    .map_err(|e| SignerError::Sign(e.to_string()))?;
                let signature = ssh_agent_client_rs::Client::connect(socket)
                    .and_then(|mut c| c.sign(&self.public, &data))
                    .map_err(|e| SignerError::Sign(e.to_string()));
                let signature = signature?;
                SshSig::new(
                    self.public.key_data().clone(),
                    namespace,
                    HashAlg::Sha512,
                    signature,
                )
                .map_err(|e| SignerError::Sign(e.to_string()))?
            }
        };
        sig.to_pem(LineEnding::LF)
            .map_err(|e| SignerError::Sign(e.to_string()))
    }
}
