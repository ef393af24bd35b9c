# The history: run ends, step states, deviations, causes (history::words),
# pasos log list / show / verify, the shared timeline.

# How a run ended (history::RunStatus), translated once.
history-run-end = { $status ->
    [success] success
    [failed] failed
    [rolled-back] rolled back
    [aborted] aborted
    [interrupted] interrupted
   *[open] open
}

history-step-state = { $state ->
    [pending] pending
    [running] running
    [awaiting-validation] awaiting validation
    [awaiting-operator] awaiting the operator
    [done] done
    [failed] failed
    [skipped] skipped
    [rolled-back] rolled back
    [not-chosen] not chosen
    [skipped-by-condition] skipped (condition: no)
   *[interrupted] interrupted
}

history-deviation-skipped = step { $step } skipped
history-deviation-overridden = step { $step }: { $from } → { $to } (overridden)
history-deviation-waived = started with prerequisites unconfirmed
history-with-reason = { $what }: { $reason }

history-validation-exit = validation exited with { $got }, expected { $expected }
history-validation-output = validation output does not match `{ $pattern }`
history-step-output = output does not match `{ $pattern }`
history-cause-command-failed = command { $command } of { $total } exited with { $code }
history-cause-rehearsal = rehearsal: commands shown, not run
history-cause-stopped-rollback = stopped: the rollback started
history-cause-stopped-abort = stopped: the run was aborted

history-interrupted-quit = the operator quit
history-interrupted-signal = { $signal }: the terminal or the SSH session closed
history-interrupted-terminal = terminal error: { $error }
history-interrupted-crash = the previous session ended without closing the run (crash, kill or lost connection)

# The timeline (history::timeline), shared by log show, the browser and the report.
history-ev-exit = exit { $code }
history-ev-run-started = Run started by { $operator } on { $environment } ({ $mode ->
    [rehearsal] rehearsal
    [test] unattended test
   *[live] live
})
history-ev-forced = , forced past another run's lock
history-ev-prerequisite = Prerequisite confirmed ({ $group }): { $item }
history-ev-prerequisite-checked = Prerequisite confirmed ({ $group }): { $item }, checked with { $command } (exit { $code })
history-ev-prerequisite-failed = Prerequisite check failed ({ $group }): { $item }, { $command } exited with { $code }
history-ev-variable = Variable { $name } = { $value }
history-ev-variable-secret = Variable { $name } set (secret)
history-ev-step-started = { $attempt ->
    [1] { $step } started
   *[other] { $step } started again (attempt { $attempt })
}
history-ev-command = { $step }: { $command }
history-ev-command-typed = { $step }: (typed) { $command }
history-ev-validation-passed = { $step }: validation passed
history-ev-validation-failed = { $step }: validation FAILED
history-ev-step-finished = { $step } { $outcome ->
    [done] done
    [failed] FAILED
    [skipped] skipped
    [rolled-back] rolled back
   *[interrupted] interrupted
} in { $duration }
history-ev-estimate = {" "}(estimate { $estimate })
history-ev-deviation = Deviation
history-ev-deviation-row = { $head }: { $what }. Reason: { $reason }
history-ev-note = Note: { $text }
history-ev-note-on = Note on { $step }: { $text }
history-ev-confirmation = { $step } confirmed by typing { $typed }
history-ev-decision = Decision { $node }: { $answer ->
    [yes] yes
   *[no] no
}
history-ev-rollback = Rollback started
history-ev-rollback-from = Rollback started from { $step }
history-ev-rollback-row = { $head }: { $reason }. Plan: { $plan }
history-ev-interrupted = Run interrupted
history-ev-interrupted-during = Run interrupted during { $step }
history-ev-stopped-at = {" "}(recorded on resuming; it stopped at { $time })
history-ev-resumed = Run resumed by { $operator }
history-ev-after-stopped = {" "}after { $duration } stopped
history-ev-torn = {" "}({ $count ->
    [one] { $count } byte
   *[other] { $count } bytes
} of a torn last line set aside)
history-ev-finished = Run finished: { $status } in { $duration }

# pasos report
history-report-outcome = { $status ->
    [success] SUCCESS
    [failed] FAILED
    [rolled-back] ROLLED BACK
    [aborted] ABORTED
    [interrupted] INTERRUPTED, not finished
   *[open] NOT FINISHED (journal open)
}
history-report-wall-paused = {" "}(wall clock { $wall }, paused { $paused })
history-yes-no = { $answer ->
    [yes] yes
   *[no] no
}

# pasos log list / show / verify
history-log-browse-needs-terminal = pasos log browse: needs a terminal; use `pasos log list` or `pasos log show RUN`
history-log-bad-since = pasos: --since takes a date like 2026-11-01
history-log-bad-outcome = pasos: --outcome takes success, failed, rolled-back, aborted, interrupted or open, not `{ $outcome }`
history-log-cannot-read = pasos: cannot read { $path }: { $error }
history-log-unreadable = unreadable  { $run }  { $problem }
history-log-no-runs = no runs in { $dir }
history-log-columns = columns
    .run = RUN
    .procedure = PROCEDURE
    .operator = OPERATOR
    .env = ENV
    .duration = DURATION
    .outcome = OUTCOME
    .started = STARTED
history-log-unverified-mark = (`!` = the journal does not verify: see `pasos log verify`)
history-log-show-run = run { $run } · { $operator } · { $environment } · { $status } · worked { $duration }
history-log-show-unverified = WARNING: this journal does not verify; `pasos log verify { $run }` says why
history-log-torn = (line { $line }: a torn last line of { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}, an interrupted write; resuming sets it aside)
history-log-no-journals = no journals in { $dir }
history-verify-ok = ok    { $run }  { $count ->
    [one] { $count } event
   *[other] { $count } events
}
history-verify-torn = ; line { $line } is a torn write of { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
} (crash or kill), resumable
history-verify-at-line = line { $line }:{" "}
history-verify-more = {" "}(+{ $count } more)
history-verify-kind = { $kind ->
    [edited] edited
    [missing] missing
    [duplicated] duplicated
    [reordered] reordered
    [truncated] truncated
    [foreign] foreign
    [head] head
   *[unreadable] unreadable
}
history-verify-fail = FAIL  { $run }  { $at }{ $kind }: { $detail }{ $more }
history-verify-unreadable = FAIL  { $run }  cannot read: { $error }
history-verify-summary = { $bad } of { $count ->
    [one] { $count } journal does
   *[other] { $count } journals do
} not verify
history-undo-of = Undo step { $step }
history-note-ended-by-operator = run ended by the operator: { $reason }
history-note-check-failed = prerequisite check failed (exit { $code }): { $item }
# Next to a rehearsal's outcome in listings (`log list`, the browser).
history-mark-rehearsal = rehearsal
