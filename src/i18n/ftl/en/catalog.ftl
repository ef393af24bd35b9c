# The procedure catalog (`pasos`, `pasos open`), the index (`pasos
# index`), the team standard's global figures, and their command-line
# options.

catalog-index-title = Procedure Index
catalog-index-by-criticality = By Criticality
catalog-index-by-type = By Type
catalog-index-none-yet = None yet

catalog-criticality = { $level ->
    [critica] CRITICAL
    [alta] HIGH
    [media] MEDIUM
    [baja] LOW
   *[none] NO CRITICALITY
}
catalog-category = { $category ->
    [deployment] Deployment
    [rollback] Rollback
    [maintenance] Maintenance
    [troubleshooting] Troubleshooting
    [scaling] Scaling
    [disaster-recovery] Disaster Recovery
   *[none] No type
}
catalog-frequency = { $frequency ->
    [diaria] Daily
    [semanal] Weekly
    [mensual] Monthly
    [trimestral] Quarterly
    [on-demand] On-demand
    [emergencia] Emergency
   *[none] -
}

catalog-col-id = ID
catalog-col-title = Title
catalog-col-type = Type
catalog-col-frequency = Frequency
catalog-col-duration = Duration
catalog-col-executions = Executions
catalog-col-success = Success Rate
catalog-col-last-execution = Last Execution
catalog-col-last-test = Last Test
catalog-col-review = Next Review

catalog-review-never = no review date
catalog-review-overdue-on = { $date } (overdue)

catalog-kpi-title = Global Metrics
catalog-kpi-documented = { $count ->
    [one] { $count } procedure documented
   *[other] { $count } procedures documented
}
catalog-kpi-tested = { $share } tested in the last quarter ({ $count } of { $total }, since { $since })
catalog-kpi-reviewed = { $share } reviewed within their cadence ({ $count } of { $total })
catalog-kpi-none = No procedures in { $dirs }: the catalog's figures are left out.

catalog-broken = { $count ->
    [one] { $count } file is not a procedure pasos can run (see `pasos check`):
   *[other] { $count } files are not procedures pasos can run (see `pasos check`):
}
catalog-missing-dir = the procedures directory { $dir } does not exist (procedures_dir in { $config }, or `pasos open DIR`)
catalog-cannot-read = pasos: cannot read the history in { $path }: { $error }

# The catalog screen.
catalog-title = Procedure catalog
catalog-count = { $shown } of { $total }
catalog-filter = filter
catalog-filter-prompt = Filter:{" "}
catalog-head-id = ID
catalog-head-title = Title
catalog-head-frequency = Frequency
catalog-head-estimate = Estim.
catalog-head-last = Last run
catalog-head-success = Success
catalog-head-test = Test
catalog-head-review = Review
catalog-age = { $days ->
    [0] today
   *[other] { $days } d ago
}
catalog-due-in = { $days ->
    [0] today
   *[other] in { $days } d
}
catalog-due-overdue = overdue
catalog-due-never = no date
catalog-empty = No procedures in { $dirs }.
catalog-empty-hint = Create one (`pasos import runbook.md -o procedures/PROC-BACKEND-001.toml`) or name another directory: `pasos open DIR`, or procedures_dir in { $config }.
catalog-no-match = No procedure matches the filter (Esc clears it).
catalog-broken-short = { $count ->
    [one] { $count } file does not load: { $files }
   *[other] { $count } files do not load: { $files }
}
catalog-detail-file = { $path } · version { $version } · { $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
} · updated { $updated }
catalog-detail-history = Executions: { $count } · success { $rate } · last { $last } · tests: { $tests } (last { $test }) · rehearsals: { $rehearsals }
catalog-detail-review = Review every { $months } months: { $due }
catalog-no-runs = { $id } has no runs yet.
catalog-checking-history = Checking the history: the figures shown are from the last check…
catalog-history-failed = Cannot read the history in { $path }: { $error }. The figures shown are from the last check.
catalog-no-kpis = { $id } has no live runs or rehearsals: no key figures yet.
catalog-choose-title = What to do with { $id }?
catalog-choose-rehearse = Rehearse (dry run): show the commands without running them
catalog-choose-live = Run it live
catalog-choose-hint = Enter chooses · Esc goes back
catalog-help-title = Catalog keys
catalog-help-footer = any key closes this help
catalog-mode = catalog
catalog-too-small = Terminal too small ({ $size }); the catalog needs at least 60x16.

key-open-procedure = open the procedure: run or rehearse it
    .short = open
key-show-runs = runs of the procedure
    .short = runs

# Command line.
cli-open = Open the procedure catalog full screen (what `pasos` with no arguments does on a terminal).
cli-open--dir = The procedures directory (default: procedures_dir in config.toml, or ./procedures/).
cli-open--ascii = Draw without box-drawing characters.
cli-open--keymap = A keymap file overriding the default keys (section [catalog]).
cli-index = Print the procedure index as the team's standard lays it out (by criticality, by type), with the figures from history.
cli-index--dir = The procedures directory (default: procedures_dir in config.toml, or ./procedures/).
cli-index--format = md (Markdown, for the procedures' README) or json (stable field names). Default: md.
key-filter-procedures = filter the procedures (id, title, criticality, type, frequency, tags)
    .short = filter
catalog-test-result = { $passed ->
    [yes] passed
   *[no] failed
}
