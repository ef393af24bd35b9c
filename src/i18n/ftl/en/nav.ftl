## Finding your way in the run screen: search, jump, help, legend, copy,
## dialogs asked again (issue 15). The `key-*` messages are the words of
## the keymap actions this area adds (see keymap.ftl for the others).

key-prerequisites = show the unconfirmed prerequisites again
    .short = prereqs
key-search = search steps (id, title, commands)
    .short = search
key-next-match = next search match
    .short = next
key-previous-match = previous search match
    .short = previous
key-jump-to-step = go to a step by its id
    .short = go to
key-copy-command = copy the step's commands to the clipboard (OSC 52)
    .short = copy

nav-find-title = Search steps
nav-find-body = Part of a step's id, title or commands; then { $next } and { $previous } for the next and previous match.
nav-jump-title = Go to step
nav-jump-body = The step's id, as the checklist shows it (P1, 3, R2; <3 for the undo of 3).
nav-search-none = No search yet: press { $key } to search.
nav-search-hit = “{ $query }”: match { $n } of { $count }
nav-search-miss = No step matches “{ $query }”.
nav-jump-miss = There is no step { $step }.

nav-prerequisites-settled = The prerequisites are settled.
nav-prerequisites-checking = The prerequisite checks are still running.
nav-prerequisite-reopen = Later, { $key } shows the unconfirmed prerequisites again.
nav-prerequisite-check-rehearsal = Check (not run in a rehearsal): { $command }
nav-prerequisite-check-failed = Check that did not pass: { $command }

nav-decision-outcome = Decision: { $action }
nav-decision-none = This procedure has no decision tree.
nav-decision-answered = { $question } → { $answer }
nav-yes = yes
nav-no = no

nav-legend-title = states
nav-legend-overridden = done by override (a recorded reason, not the exit code)
nav-legend-undo = the undo of step 3 (during a rollback)
nav-legend-over = time spent / estimate, ! past the estimate
nav-legend-more = the Step pane has more below (pagedown)
nav-more = ↓ more
nav-help-more = { $now }/{ $total } ↓ pagedown · esc closes
nav-help-end = esc closes

nav-copied = { $count ->
    [one] Step { $step }: its command was sent to the clipboard (OSC 52).
   *[other] Step { $step }: its { $count } commands were sent to the clipboard (OSC 52).
}
nav-copy-nothing = Step { $step } has no command to copy.

nav-quit-finished =
    The run is finished ({ $outcome }). Quit?
    Its journal: pasos log show { $run }
nav-rehearsal-badge = REHEARSAL
