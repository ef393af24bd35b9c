# Secrets: how they are passed to a run, and why one is refused.

secrets-too-short = { $name }: a secret must have at least { $min } characters; a shorter value cannot be told apart from ordinary output, so it could not be kept out of the transcript and the journal.
secrets-var-refused = --var { $name }: { $name } is a secret, and a value on the command line is visible to every user of this machine (ps, /proc) and stays in your shell's history. Pass it one of these ways:
    { "  " }leave it out: pasos asks for it without showing it;
    { "  " }PASOS_VAR_{ $name } in the environment (e.g. `read -rs PASOS_VAR_{ $name } && export PASOS_VAR_{ $name }`);
    { "  " }--var-file FILE, a file of NAME=VALUE lines only you can read (chmod 600 FILE).
secrets-var-file-unreadable = --var-file { $path }: cannot read it ({ $error }).
secrets-var-file-open = --var-file { $path }: other users can read this file (mode { $mode }); it may hold secrets. Make it private with `chmod 600 { $path }` and run again.
secrets-var-file-syntax = { $path }:{ $line }:1: expected NAME=VALUE (comments start with #).
secrets-var-file-unknown = { $path }:{ $line }:1: the procedure declares no variable { $name } (declared: { $declared }).
secrets-protect-failed = warning: this process could not be made undumpable; a core dump could hold secrets.
