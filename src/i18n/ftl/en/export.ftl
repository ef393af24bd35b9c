# pasos export: the printable checklist of a procedure, and of a past run (--run).

export-quick-checklist = Quick checklist
export-run-checklist = Run checklist
export-id = ID
export-version = Version
export-criticality = Criticality
export-category = Category
export-environment = Environment
export-estimate = Estimate
export-rto = RTO
export-rpo = RPO
export-author = Author
export-updated = Updated
export-reviewers = Reviewers
export-execution = Execution
export-operator = Operator
export-date = Date
export-start-time = Start time
export-end-time = End time
export-signature = Signature
export-reviewed-by = Reviewed by
export-approved-by = Approved by
export-prerequisites = Prerequisites
export-variables = Variables
export-rollback-plan = Rollback plan
export-when-to-roll-back = When to roll back
export-triggers = Triggers
export-rollback-steps = Rollback steps
export-decision-tree = Decision tree
export-contacts = Contacts and escalation
export-authors-checklist = Author's quick checklist (Annex B)
export-check = check
export-budget = budget { $budget }
export-expected = expected
export-confirm-flag = CONFIRM
export-manual-flag = MANUAL
export-critical-flag = CRITICAL
export-rollback = rollback
export-own-undo = own undo ({ $step })
export-own-undo-no-estimate = own undo
export-then-steps = then { $steps }
export-no-rollback = no rollback needed
export-rollback-undocumented = rollback not documented
export-more-lines = … (+{ $count ->
    [one] { $count } line
   *[other] { $count } lines
})
export-more-commands = … (+{ $count ->
    [one] { $count } command
   *[other] { $count } commands
})
export-secret-variable = secret: do not write it down
export-default-value = default: { $value }
export-value-blank = value
export-automatic = automatic
export-manual = manual
export-decides = decides: { $who }
export-yes = yes
export-no = no
export-see-above = see [{ $label }] above
export-starts-rollback = ROLLBACK
export-go-to-step = go to step { $step }
export-when = when
export-run = Run
export-mode = Mode
export-live = live
export-rehearsal = rehearsal (dry run)
export-started = Started
export-ended = Ended
export-not-ended = not finished
export-duration = Duration
export-duration-paused = { $active } active, { $paused } paused
export-outcome = Outcome
export-journal = Journal
export-verified = verified: { $count ->
    [one] { $count } event
   *[other] { $count } events
}, hash chain intact
export-not-verified = NOT VERIFIED: { $problem }
export-torn-tail = and a torn last line of { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
} (an interrupted write)
export-resumed-by = resumed by { $operator } at { $time }
export-legend = [x] done  [!] failed  [-] skipped  [~] undone  [?] interrupted  [>] in progress  [ ] not reached
export-by-at = { $operator } · { $time }
export-over-by = { $duration } over the estimate
export-time-word = time
export-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
export-reason = reason
export-deviation = DEVIATION
export-note = note
export-confirmed = confirmed by typing “{ $typed }”
export-validation-failed = validation failed
export-exit = exit { $code }
export-typed-by-hand = typed by hand
export-commands-ok = { $count ->
    [one] { $count } command, exit 0
   *[other] { $count } commands, all exit 0
}
export-undone-by = undone by { $step }
export-checked-by-hand = confirmed by hand
export-secret-set = secret (not recorded)
export-rollback-ran = The rollback ran
export-rollback-not-run = No rollback was run.
export-from-step = from step { $step }
export-plan-label = Plan
export-reason-label = Reason
export-undo-of = undo { $step }
export-decisions = Decisions
export-interruptions = Interruptions
export-stopped-at = stopped at { $time }
export-not-resumed = not resumed
export-after-gap = after { $duration }
export-run-notes = Notes and deviations of the run
export-no-profile = This journal does not record the procedure's profile: steps in the order they were seen, without titles or estimates.
export-nothing-recorded = nothing recorded
export-step-word = step
export-crit-low = LOW
export-crit-medium = MEDIUM
export-crit-high = HIGH
export-crit-critical = CRITICAL
export-cat-deployment = deployment
export-cat-rollback = rollback
export-cat-maintenance = maintenance
export-cat-troubleshooting = troubleshooting
export-cat-scaling = scaling
export-cat-disaster-recovery = disaster recovery
export-st-done = done
export-st-failed = failed
export-st-skipped = skipped
export-st-rolled-back = undone
export-st-interrupted = interrupted
export-st-in-progress = in progress
export-st-not-reached = not reached
