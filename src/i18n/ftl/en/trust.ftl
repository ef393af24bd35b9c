# Signed checkpoints and what `pasos log verify` proves (src/trust/).

trust-signing-required = this run must be signed ({ $why }). Provide a key: start ssh-agent and add your key (`eval "$(ssh-agent)"; ssh-add ~/.ssh/id_ed25519`), or forward your agent (`ssh -A`), or name a key file without a passphrase with `--signing-key FILE` or `key = "FILE"` under [signing] in trust.toml
trust-run-unsigned = unsigned run: { $why } (start ssh-agent and `ssh-add` your key to sign the journal)
trust-run-signed = journal signed with { $key } ({ $via })
trust-run-sign-failed = { $count ->
    [one] one checkpoint could not be signed: { $why }
   *[other] { $count } checkpoints could not be signed: { $why }
}

## pasos log verify: four answers

trust-integrity-ok = integrity:    ok, { $count ->
    [one] one event, the hash chain holds
   *[other] { $count } events, the hash chain holds
}
trust-integrity-failed = integrity:    FAILED: { $problem }
trust-authenticity-unsigned = authenticity: unsigned: no checkpoint, so anyone who could write the journal could have written it
trust-authenticity-ok = authenticity: ok, every line up to seq { $seq } is signed by an allowed signer ({ $count ->
    [one] one checkpoint
   *[other] { $count } checkpoints
})
trust-authenticity-unchecked = authenticity: signatures valid, but the signers are NOT checked: give --allowed-signers FILE or allowed_signers under [verify] in trust.toml
trust-authenticity-uncovered = authenticity: FAILED: seq { $seq } onwards is not covered by a valid signature
trust-authenticity-failed = authenticity: FAILED: a checkpoint does not verify
trust-completeness-unknown = completeness: unknown: nothing signed to compare with
trust-completeness-ok = completeness: ok, the signed head is the last line (seq { $seq }){ $how ->
    [end] ; the run ended
    [interrupted] ; the run was interrupted and can be resumed
   *[open] ; no closing checkpoint (the run is live, crashed, or its end was cut off)
}
trust-completeness-tail = completeness: INCOMPLETE: seq { $from }..{ $to } after the last signed checkpoint is not signed (written after the last signature, or added later)
trust-completeness-truncated = completeness: FAILED: seq { $signed } was signed but the journal ends at seq { $last }: lines were removed
trust-transcript-none = transcript:   not covered by any checkpoint
trust-transcript-ok = transcript:   ok, { $bytes } bytes in { $count ->
    [one] one chunk
   *[other] { $count } chunks
}{ $uncovered ->
    [0] {""}
   *[other] ; { $uncovered } bytes after the last checkpoint are not signed
}
trust-transcript-missing = transcript:   FAILED: the .cast is missing ({ $bytes } bytes were signed)
trust-transcript-shorter = transcript:   FAILED: the .cast has { $len } bytes, { $bytes } were signed
trust-transcript-edited = transcript:   FAILED: chunk { $chunk } (bytes { $start }..{ $end }, .cast lines { $first }..{ $last }, signed at seq { $seq }) was edited{ $count ->
    [0] {""}
   *[other] ; { $count } later chunks differ too
}
trust-signed-span = signed by { $principal } ({ $key }): seq { $from }..{ $to }, { $count ->
    [one] one checkpoint
   *[other] { $count } checkpoints
}
trust-signer-unchecked = an unchecked key
trust-flaw-unreadable = checkpoint { $seq }: unreadable: { $why }
trust-flaw-bad-signature = checkpoint { $seq }: the signature does not verify: { $why }
trust-flaw-unknown-signer = checkpoint { $seq }: signed by { $key }, a key that is not in allowed_signers
trust-flaw-malformed = checkpoint { $seq }: not a valid checkpoint: { $why }
trust-flaw-beyond-end = checkpoint { $seq }: signs seq { $seq }, but the journal ends at seq { $last }
trust-flaw-head = checkpoint { $seq }: journal line { $seq } is not the line that was signed
trust-flaw-chain = checkpoint { $seq }: the hash chain is broken before seq { $seq }
trust-status-signed = signed
trust-status-unsigned = unsigned
trust-status-failed = FAILED
trust-verify-ok = ok
trust-verify-fail = FAIL
trust-verify-unsigned-required = this run is not signed and --require-signed was given
trust-verify-offline = check it without pasos: docs/verify-without-pasos.md

## The receipt in reports and filled checklists

trust-receipt-title = Receipt
trust-receipt-status = Signature
trust-receipt-note = To check it without pasos you need OpenSSH and the team's allowed_signers file (docs/verify-without-pasos.md explains each step):
trust-verify-headline = { $count ->
    [one] one event
   *[other] { $count } events
} · { $status }
trust-receipt-note-unsigned = Nothing signs this run: only its hash chain can be checked (step 2 of docs/verify-without-pasos.md, or):

trust-signer-no-agent = SSH_AUTH_SOCK is not set
trust-signer-agent-unreachable = the ssh-agent at { $socket } does not answer: { $why }
trust-signer-agent-empty = the ssh-agent holds no key
trust-signer-no-such-key = the ssh-agent does not hold the key { $key }
trust-signer-encrypted = { $path } is protected by a passphrase
trust-signer-sign-failed = signing failed: { $why }
