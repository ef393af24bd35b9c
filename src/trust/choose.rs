//! Whether a run is signed, and with what: the key file configured, else
//! the agent at `SSH_AUTH_SOCK`. A run that must be signed (by the
//! settings) and has no key is refused, with the ways to provide one.

use super::settings::Settings;
use super::signer::{Signer, SignerError};
use crate::i18n::Lang;
use crate::procedure::keyword::Criticality;
use crate::tr;

pub enum Choice {
    Sign(Signer),
    /// Runs unsigned; the text says why (shown to the operator).
    Unsigned(String),
}

fn attempt(settings: &Settings) -> Result<Signer, SignerError> {
    match settings.key_file() {
        Some(path) => Signer::from_file(&path),
        None => Signer::from_env_agent(settings.signing.agent_key.as_deref()),
    }
}

/// The signer of a run of a procedure of `criticality` in `environment`.
pub fn choose(
    settings: &Settings,
    criticality: Option<Criticality>,
    environment: Option<&str>,
    lang: Lang,
) -> Result<Choice, String> {
    let why = match attempt(settings) {
        Ok(s) => return Ok(Choice::Sign(s)),
        Err(e) => e,
    };
    let why = why.describe(lang);
    let required = criticality.is_some_and(|c| {
        settings.requires_signing(Some(&c.es().to_lowercase()), None)
            || settings.requires_signing(Some(&c.en().to_lowercase()), None)
    }) || settings.requires_signing(None, environment);
    if required {
        return Err(tr!(lang, "trust-signing-required", why = why));
    }
    Ok(Choice::Unsigned(tr!(lang, "trust-run-unsigned", why = why)))
}
