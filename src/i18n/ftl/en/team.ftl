# A second person: approvals, handoff, watchers, supervision (issue 19).

team-awaiting-approval = { $step } awaits { $roles }: pasos approve { $run } { $step }
team-awaiting-run-approval = the run awaits approval by { $roles }: `pasos approve { $run }` from another session
team-header-awaiting = { $step } awaits { $roles }
team-approval-granted = { $step } approved by { $approver } ({ $role })
team-run-approval-granted = run approved by { $approver } ({ $role })
team-approval-refused = approval refused ({ $approver }): { $problem }
team-problem = { $problem ->
    [own-key] signed with the operator's own key
    [lacks-role] the team file does not give this key the role
    [unknown-key] the key is not in the team file
    [bad-signature] the signature does not verify
    [other-run] it is for another run or procedure
    [outside-window] its window is not open now
    [not-asked] the step does not ask for that role
   *[malformed] it is not an approval file
}
team-unknown-person = unknown
team-no-team-file = no team file ({ $path }): approvals cannot be checked. Write it (`ROLES NAME ssh-ed25519 AAAA…` per line) or pass --team FILE
team-handoff-received = handoff to { $to } requested: ending this session
team-handed-off-banner = Run handed off to { $to }. They continue with: pasos run { $file } --resume { $run }
team-watchers = { $count ->
    [one] watch: { $names }
   *[other] watch ({ $count }): { $names }
}
team-supervised-by = supervised by { $name }

## Journal and history

team-ev-approval-granted = { $step } approved by { $approver } as { $role }
team-ev-run-approval-granted = Run approved by { $approver } as { $role }
team-ev-approval-window = (given ahead for a window)
team-ev-approval-refused = Approval refused ({ $who }, { $role }): { $problem }
team-ev-handoff = Handed off to { $to }: { $note }
team-ev-handoff-open = open: { $open }
team-interrupted-handoff = handed off to the next operator
team-report-approvals = Approvals
team-report-approval-line = { $what }: { $approver } ({ $role }), { $time }{ $note }
team-report-whole-run = the run
team-report-operators = Operators
team-report-by = by { $operator }

## pasos approve

team-approve-done = Approval of { $what } as { $role } by { $approver } written to { $path }
team-approve-no-role = your key ({ $key }) has no role in { $team }; ask who keeps the team file to add it
team-approve-which-role = your key holds several roles ({ $roles }): choose one with --role
team-approve-no-such-role = your key does not hold the role { $role } in { $team } (it holds: { $roles })
team-approve-window-needs-procedure = an approval for a window needs --procedure ID, --from and --until
team-approve-bad-time = { $value } is not a time: write 2026-12-06T22:00:00Z or 2026-12-06 22:00
team-approve-window-order = the window ends before it starts
team-approve-run-finished = run { $run } has already finished: nothing to approve

## pasos handoff

team-handoff-sent = Handoff of { $run } to { $to } asked; the running pasos ends its session within a second
team-handoff-not-running = run { $run } is not running here; resume it with `pasos run FILE --resume { $run }` to hand it over from inside
team-handoff-done = Run { $run } handed off to { $to }

## pasos watch

team-watch-title = WATCHING { $run } (read only) — q quits
team-watch-no-run = no run is going on; name one: pasos watch RUN
team-watch-ended = the run ended: { $status }
team-watch-read-only = read only: this view sends nothing to the run

## CLI help

cli-approve = Approve a step of a running run (or a whole run, or a change window) with your SSH key.
cli-approve--run = The run (its id or a unique prefix); omit it with --procedure for a window.
cli-approve--step = The step to approve; omit it to approve the procedure's own approval.
cli-approve--note = A note for the operator and the journal.
cli-approve--role = The role you approve as (needed when your key holds several).
cli-approve--team = The team file (roles and keys) [env: PASOS_TEAM; default <config>/team].
cli-approve--signing_key = Sign with this private key file instead of the agent's key.
cli-approve--procedure = With --from and --until: approve ahead of time for a window, any run of this procedure id.
cli-approve--from = Start of the window (2026-12-06T22:00:00Z).
cli-approve--until = End of the window.
cli-handoff = Hand a running run over to the next operator: the current session ends cleanly and the run waits for `pasos run --resume`.
cli-handoff--run = The run (its id or a unique prefix).
cli-handoff--to = Who takes over.
cli-handoff--note = The state in your words: what is done, what is pending, what to watch.
cli-watch = Follow a run live, read only, from another terminal.
cli-watch--run = The run (its id or a unique prefix); default: the newest one going on.
cli-watch--name = Your name, as the runner's header shows it (default: user@host).
cli-watch--ascii = Draw without box-drawing characters.
cli-run--team = The team file with roles and keys, for approvals [env: PASOS_TEAM; default <config>/team].

team-report-columns = Approvals
    .time = Time
    .what = What
    .key = Key
team-report-by-column = By

## Supervised runs (--supervised-by)

cli-run--supervised_by = Run under supervision: every critical step (criticality high or critical) waits until NAME watches (`pasos watch --name NAME`) or approves the step (`pasos approve RUN STEP`); recorded in the journal and counted in `pasos kpi`.
team-awaiting-supervisor = { $step } awaits its supervisor { $supervisor }: `pasos watch { $run } --name { $supervisor }` or `pasos approve { $run } { $step }` from their session
team-header-awaiting-supervisor = { $step } awaits { $supervisor }
team-ev-supervised-run = Run supervised by { $supervisor }
team-ev-supervised-step = { $step } supervised by { $supervisor } { $by ->
    [watcher] watching live
   *[approval] by signed approval
}
team-kpi-supervised = { $count ->
    [one] { $count } supervised
   *[other] { $count } supervised
}
team-report-supervisor = Supervisor
