# A run as the operator sees it, in the full-screen interface and in line
# mode: headers, step cards, results, the rollback plan, refusals.

## How the run is going

run-mode-live = live
run-mode-rehearsal = REHEARSAL (commands are shown, not run)
run-mode-resumed = resumed
run-production = PRODUCTION
run-journal-at = journal: { $path }
run-id = run { $run }
run-phase = Phase { $title }
run-phase-budget = budget { $budget }
run-estimate = estimate { $estimate }
run-commands = Commands
run-expected = Expected
run-validation = Validation
run-validation-exit = exit { $code }
run-on-failure = If it fails
run-own-rollback = Its rollback
run-no-rollback = none (nothing to undo)
run-notes = Notes
run-would-run = would run
run-validating = validating
run-rolling-back = ROLLING BACK
run-eta = elapsed { $elapsed } · ETA { $left } left
run-rto-left = RTO: { $left } left
run-rto-passed = RTO PASSED by { $over }

## Prerequisites and variables

run-prerequisites = Prerequisites
run-checking = checking: { $command }
run-check-ok = ok
run-check-failed = failed (exit { $code })
run-variables = Variables
run-prerequisites-pending = { $count ->
    [one] { $count } prerequisite to confirm
   *[other] { $count } prerequisites to confirm
}

## Questions

run-reason-prompt = Reason (recorded in the journal):
run-note-prompt = Note:
run-reason-skip = Why skip step { $step }?
run-reason-override = Why mark step { $step } done despite its result?
run-reason-fail = Why mark step { $step } failed?
run-reason-rollback = Why start the rollback?
run-reason-abort = Why end the run now?
run-reason-waive = Why start with prerequisites unconfirmed?

## Results of a step

run-step-done = { $step } done in { $took } (estimate { $estimate })
run-step-failed = { $step } failed after { $took }: { $cause }
run-over-estimate = over the estimate by { $over }
run-started = step { $step } started
run-refused = not possible: { $why }


## The rollback plan and the decision tree

run-rollback-plan = Rollback plan from here
run-plan-undo = undo
run-plan-nothing = nothing to undo
run-plan-undocumented = no rollback documented: check by hand
run-plan-covered = undone by { $steps }
run-rollback-when = Roll back when
run-trigger-automatic = automatic
run-trigger-manual = manual
run-decision-tree = Decision tree
run-decision-action = → { $action }
run-answer-yes = YES
run-answer-no = NO

## The end of a run

run-finished = Run finished: { $outcome } · { $took }
run-finished-banner = FINISHED: { $outcome }
run-summary-steps = { $done } done, { $failed } failed, { $skipped } skipped, { $rolledback } rolled back; { $deviations ->
        [one] { $deviations } deviation
       *[other] { $deviations } deviations
    }
run-deviations = Deviations
run-verify-with = Check the journal: pasos log verify { $run }
run-interrupted-resume =
    Run interrupted; nothing is lost. Resume with:
      pasos run --resume { $run } { $file }

## The shell

run-shell-died = The shell exited (the command ran `exit`?); a new one was started: variables and the directory of earlier steps are lost.
run-shell-cannot-start = cannot start a shell: { $error }
run-shell-foreign-wait = the shell is inside another program (ssh, sudo -i…): leave it to run the step, or mark the step by hand
run-shell-cannot-run = the shell cannot run the command: { $error }
run-shell-foreign = the shell is now inside `{ $program }`: pasos cannot see exit codes there; mark steps by hand
run-shell-back = the shell is back
run-shell-exited = the shell exited ({ $how }); a new one was started: variables and the directory of earlier steps are lost
run-shell-killed = signal

## The help text

run-help = Each step: read it, press Enter to run its commands in the shell; the exit codes and the validation decide the outcome. Overrides and skips need a reason and are recorded as deviations. Quitting (q, Ctrl-C at a prompt, a dropped SSH session) keeps the run resumable. Ctrl-C while a command runs interrupts that command only.

## Line mode (pasos run --plain)

plain-variable-prompt = { $name } ({ $prompt }) [{ $default }]:
plain-secret-prompt = { $name } ({ $prompt }, secret, not shown):
plain-prerequisite-keys = [y] confirmed  [w] start without it (reason)  [q] quit
plain-menu-step = [Enter] run  [s] skip  [n] note  [p] rollback plan  [t] decision tree  [b] start rollback  [a] abort  [q] quit  [?] help
plain-menu-rollback = [Enter] run  [s] skip  [n] note  [p] rollback plan  [a] abort  [q] quit  [?] help
plain-menu-failed = [r] retry  [o] override as done  [s] skip  [b] start rollback  [t] decision tree  [p] plan  [n] note  [a] abort  [q] quit
plain-menu-manual = [y] done  [f] failed  [n] note  [q] quit
plain-menu-rehearsal = [y] reviewed  [f] would fail  [n] note  [q] quit
plain-decision-keys = [y] yes  [n] no  (empty: back)
plain-type-to-confirm = Step { $step } needs confirmation. Type { $accepted } to run it (empty to go back):
plain-unknown-choice = Unknown choice; ? shows the keys.


## Why the engine refused what was asked

refusal-no-such-step = there is no step `{ $step }`
refusal-no-such-prerequisite = there is no such prerequisite
refusal-no-such-variable = the procedure declares no variable `{ $name }`
refusal-no-such-decision = the decision tree has no node `{ $node }`
refusal-bad-value = the value of { $name } must match `{ $pattern }`
refusal-reason-required = a written reason is required
refusal-needs-confirmation = step { $step } needs a typed confirmation: type { $accepted }
refusal-wrong-confirmation = that does not confirm step { $step }: type { $accepted }
refusal-prerequisites-pending = { $count ->
    [one] { $count } prerequisite is not confirmed; confirm it or start anyway with a reason
   *[other] { $count } prerequisites are not confirmed; confirm them or start anyway with a reason
}
refusal-variables-missing = { $count ->
    [one] a variable without a value: { $names }
   *[other] variables without a value: { $names }
}
refusal-not-next = step { $step } is not next: do (or skip, with a reason) step { $next } first
refusal-wrong-state = step { $step } is { $state }
refusal-not-left = step { $step } is not part of what is left to do
refusal-run-not-active = the run is not active
refusal-already-rolling-back = the rollback is already under way
refusal-command-running = a command is running
refusal-or = or

## Why a run could not start or go on

run-error-create-journal = cannot create the journal { $path }: { $error }
run-error-locked = run { $run } (pid { $pid } on { $host }) is already running this procedure with this data directory; wait for it to end, or use --force (recorded in the journal)
run-error-lock = cannot take the run lock: { $error }
run-error-not-verified = the journal of { $run } does not verify ({ $problem }); it cannot be resumed (see `pasos log verify { $run }`)
run-error-journal-empty = the journal is empty; it cannot be resumed
run-error-journal-not-started = the journal does not start with run-started; it cannot be resumed
run-error-wrong-procedure = the journal is a run of { $journal }, but the file is { $file }
run-error-procedure-changed = { $file } changed since run { $run } started; resume with --force to go on with the new version (recorded)
run-error-already-finished = run { $run } has already finished; nothing to resume
run-error-cannot-resume = cannot resume: { $why }
run-error-shell = cannot start the embedded shell: { $error }; try `pasos run --plain`
run-error-event-loop = cannot start the event loop: { $error }
run-error-terminal = cannot use this terminal: { $error }; try `pasos run --plain`
run-error-journal-failed = the journal could not be written ({ $error }); the run stopped at the last recorded event
run-error-var-unknown = --var { $name }: the procedure declares no such variable (declared: { $declared })
run-error-var-form = --var { $var }: write it as NAME=VALUE

## A procedure's criticality, as the header shows it

criticality-critical = CRITICAL
criticality-high = HIGH
criticality-medium = MEDIUM
criticality-low = LOW

## Finding a run by (the start of) its id

run-find-unreadable = cannot read { $dir }: { $error }
run-find-none = no run `{ $run }` in { $dir }
run-find-ambiguous = `{ $run }` matches { $count } runs; give more of the run id
run-item-undo = undo { $step }
