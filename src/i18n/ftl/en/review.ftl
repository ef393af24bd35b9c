# The history browser (pasos log): list, run tabs, KPI screen.

review-title = pasos — run history
review-count = { $shown } of { $total } runs
review-filter = filter
review-filter-prompt = Filter (procedure, operator, outcome, environment, date YYYY-MM-DD; several words = all):{" "}
review-no-runs = No runs in { $dir } yet. Start one with `pasos run PROCEDURE`.
review-no-match = No run matches the filter. Esc clears it.
review-col-date = DATE
review-col-procedure = PROCEDURE
review-col-operator = OPERATOR
review-col-env = ENV
review-col-duration = DURATION
review-col-outcome = OUTCOME
review-col-deviations = DEV.
review-verified = verified
review-verify-hint = The journal does not verify: `pasos log verify { $run }` says why. Do not trust what it shows.
review-tab-timeline = Timeline
review-tab-steps = Steps
review-tab-notes = Deviations & notes
review-tab-transcript = Transcript
review-no-transcript = This run has no transcript (line mode, rehearsal, or the .cast file is missing).
review-transcript-at = command { $command } of { $total } (step { $step })
review-transcript-end = end of the transcript
review-no-commands = No command of this run points into the transcript.
review-deviations = Deviations
review-notes = Notes
review-rollback = Rollback
review-no-deviations = No deviations.
review-no-notes = No notes.
review-no-rollback = No rollback.
review-interruptions = Interruptions
review-step = STEP
review-actual = ACTUAL
review-estimate = ESTIMATE
review-outcome = OUTCOME
review-attempts = ATTEMPTS
review-journal = journal
review-events = events
review-started = started
review-help-title = Help — history
review-help-footer = Enter on a timeline line or a step shows its output in the transcript.
review-too-small = Terminal too small ({ $size }); at least 60x16 is needed.
review-decisions = Decisions and confirmations
review-kpi-title = Key figures
review-kpi-of = { $shown } of { $total } procedures
review-no-kpis = No runs yet to draw figures from.
review-executions-line = Executions { $executions } · finished { $finished } · rehearsals { $rehearsals } · last { $last }
review-success-line = Success { $rate } ({ $successes } of { $finished }) · rolled back { $rolled_back } (avg { $rollback_avg }) · deviations { $deviations }
review-duration-line = Duration: mean { $mean } · median { $median } · min { $min } · max { $max }
review-global-line = Overall: { $procedures } procedures · { $executions } executions · success { $rate } · with rollback { $rolled_back } · MTTR { $mttr } ({ $incidents } incidents)
review-unverified-line = { $count ->
    [one] { $count } journal does not verify and is left out of the figures: { $runs }
   *[other] { $count } journals do not verify and are left out of the figures: { $runs }
}
review-chart-durations = Duration per execution (oldest → newest; longest { $longest })
review-chart-outcomes = Outcomes
review-steps-title = Steps: actual median against the estimate (| = end of the estimate)
review-col-median = MEDIAN
review-col-suggested = SUGGESTED
review-over-runs = Over-run most: { $steps }
review-version-item = v{ $version } { $count ->
    [one] { $count } run
   *[other] { $count } runs
} success { $rate }
review-versions = Versions
review-unreadable = { $count ->
    [one] { $count } journal cannot be read (`pasos log verify`): { $runs }
   *[other] { $count } journals cannot be read (`pasos log verify`): { $runs }
}
review-col-p90 = P90
