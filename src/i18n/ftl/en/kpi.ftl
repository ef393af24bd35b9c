# pasos kpi: the tables, Markdown and messages.

kpi-no-runs = No verified runs in { $dir }: nothing to count yet (`pasos run` journals every run).
kpi-no-match = No run matches the filter ({ $count ->
    [one] { $count } run
   *[other] { $count } runs
} in { $dir }).
kpi-bad-date = pasos: --{ $option } takes a date YYYY-MM-DD like 2026-11-01, not `{ $value }`
kpi-bad-range = pasos: --since is after --until: no day is left
kpi-cannot-read = pasos: cannot read { $path }: { $error }
kpi-index-not-written = warning: could not update the KPI index ({ $error }); the figures are right, the next run reads every journal again
kpi-unverified = { $count ->
    [one] ! { $count } journal does not verify and is left out of the figures:
   *[other] ! { $count } journals do not verify and are left out of the figures:
}

kpi-unverified-hint = check it with `pasos log verify { $run }`
kpi-title = Key figures
kpi-procedures = procedures
kpi-rehearsals-apart = rehearsals (not counted)
kpi-success-rate = success
kpi-of-finished = { $count } of { $finished } finished
kpi-rollback-share = needed a rollback
kpi-mttr = MTTR
kpi-mttr-of = resolved: { $count }
kpi-mttr-none = no incident resolved
kpi-executions = executions
kpi-finished = finished
kpi-interrupted = interrupted
kpi-open = open
kpi-rehearsals = rehearsals
kpi-rollbacks = rollbacks
kpi-rollback-avg = avg
kpi-deviations = deviations
kpi-duration = duration
kpi-average = avg
kpi-median = median
kpi-minimum = min
kpi-maximum = max
kpi-last-execution = last execution
kpi-none = —
kpi-col-version = VERSION
kpi-col-executions = RUNS
kpi-col-success = SUCCESS
kpi-col-average = AVG
kpi-col-median = MEDIAN
kpi-col-min = MIN
kpi-col-max = MAX
kpi-col-rollbacks = ROLLB
kpi-col-deviations = DEV
kpi-col-step = STEP
kpi-col-estimate = ESTIMATE
kpi-col-p90 = P90
kpi-col-over = OVER
kpi-col-suggested = SUGGESTED
kpi-col-title = TITLE
kpi-steps-title = Steps: actual duration against the estimate
kpi-steps-note = OVER = runs above the estimate; SUGGESTED = from the median to the p90 (with { $count } runs or more); * = `pasos kpi --suggest` proposes it.
kpi-over-runs = Over-run most
kpi-history-title = Execution history
kpi-col-date = Date
kpi-col-operator = Operator
kpi-col-duration = Duration
kpi-col-ok = Success
kpi-col-result = RESULT
kpi-col-notes = Notes
kpi-figure = Figure
kpi-value = Value
kpi-yes = Yes
kpi-no = No
kpi-deviation-word = deviation
kpi-interrupted-times = interrupted ×{ $count }
kpi-suggest-which = pasos: --suggest works on one procedure; pick it with --procedure ID ({ $procedures })
kpi-suggest-no-runs = pasos: no run of { $procedure } matches the filter
kpi-suggest-no-file = pasos: cannot find the file of { $procedure }: its runs were started with { $source } (relative to the directory they were started from). Run `pasos kpi --suggest` from that directory, or name the file with --procedure-file FILE.
kpi-suggest-unreadable = pasos: cannot read { $path }: { $error }
kpi-suggest-not-toml = pasos: { $path } is not a TOML procedure that can be edited (--suggest only changes .toml files; convert a Markdown runbook with `pasos import`).
kpi-suggest-other-id = pasos: { $path } is procedure { $found }, not { $wanted }
kpi-suggest-nothing = No estimate to change in { $path }: every step with { $count } runs or more already has an estimate that covers its p90 without being more than twice it.
kpi-suggest-no-line = warning: step { $step } has no `estimate` line; add `estimate = "{ $estimate }"` by hand
kpi-suggest-apply = Review the diff and apply it with `patch -p0 < FILE.diff` (or `git apply -p0`) from this directory: { $path }
