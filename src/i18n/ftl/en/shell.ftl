# The embedded shell: where exit codes come from, restarts, timeouts,
# the working context restored on resume.

shell-exit-source = { $source ->
    [marker] authenticated marker
    [sentinel] sentinel
    [operator] operator's word
    [shell-exited] the shell exited
    [timed-out] timed out
   *[other] { $source }
}

shell-marker-rejected = An exit-code marker that did not authenticate was ignored: something tried to forge a command's result.
shell-timed-out = Timed out: stopping `{ $command }` (Ctrl-C, then TERM, then KILL).

# $cause: exited, killed or operator; $code may be empty.
shell-restarted = New shell: the previous one { $cause ->
    [exited] exited with { $code }
    [killed] was killed
   *[operator] was replaced at the operator's request
}; its variables and working directory are gone.
shell-during-step = during { $step }

shell-step-time-note = Step times are the operator's: from a step's first start to its outcome, across attempts (deciding and retrying included, run interruptions left out); the commands' own runtime is recorded beside it.

# Resume: what the new shell got back. $cwd may be "-".
shell-restored = Resumed in a new shell: working directory { $cwd }; { $count ->
    [0] no exported variables restored
    [one] { $count } exported variable restored ({ $names })
   *[other] { $count } exported variables restored ({ $names })
}.
shell-restore-no-dir = Not restored: the working directory { $dir } no longer exists.
shell-restore-withheld = Not restored (secrets are never recorded; they are asked again): { $names }.
shell-restore-in-flight = Step { $step } was running `{ $command }` when the run stopped; it may or may not have finished. Enter runs the step again from its first command; o marks it done or failed with a reason; s skips it.
shell-restore-lost = Never restored: shell functions, unexported variables, aliases and background jobs.

# After a step's time in a timeline row: that time is the operator's.
shell-step-time-detail = {" "}(step time; this attempt { $attempt }, commands { $commands })
shell-context = Shell context: { $what }
shell-context-cwd = directory { $dir }
shell-context-set = exported { $names }
shell-context-unset = unset { $names }
shell-context-withheld = secret, not recorded: { $names }
shell-cause-shell-exited = the shell exited while command { $command } of { $total } ran
shell-cause-timed-out = command { $command } of { $total } timed out after { $after }
