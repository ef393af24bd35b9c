## Unattended runs (pasos run --unattended): staging and CI drills.

unattended-mode-test = TEST (unattended: answers come from flags)
unattended-kpi-tests-apart = { $count ->
    [one] unattended test (not counted)
   *[other] unattended tests (not counted)
}
unattended-kpi-tests = { $count ->
    [one] { $count } unattended test
   *[other] { $count } unattended tests
}
unattended-report-warn = **Unattended test run:** every answer came from flags; it counts as a test of the procedure, not as an execution.
unattended-list-mark = test

unattended-answer-form = --answer { $answer }: write it as ID=VALUE (the step id, then the option id, or yes/no for a condition).
unattended-answer-twice = --answer gives step { $id } two answers ({ $first } and { $second }): keep one.

unattended-refused = { $count ->
    [one] An unattended run asks nothing, so everything must be answered before it starts; one thing is not:
   *[other] An unattended run asks nothing, so everything must be answered before it starts; { $count } things are not:
}
unattended-need-confirm = step { $step } ({ $title }) needs a typed confirmation: add --yes-to { $step }
unattended-need-manual = step { $step } ({ $title }) has no command and is checked off by hand: add --yes-to { $step } once it is done
unattended-need-interactive = step { $step } ({ $title }) has a command that expects someone at the keyboard: run it attended, or make the command non-interactive
unattended-need-prerequisites = { $count ->
    [one] one prerequisite has no check command: add --yes-to prerequisites to confirm it
   *[other] { $count } prerequisites have no check command: add --yes-to prerequisites to confirm them
}
unattended-need-variable = variable { $name } has no value: set PASOS_VAR_{ $name } (or --var, --var-file)
unattended-need-bad-value = variable { $name } does not match its pattern { $pattern }: give a value that does
unattended-need-unknown-id = { $flag } { $id }: the procedure has no step { $id } to answer
unattended-need-choice = step { $step } asks "{ $question }" ({ $options }): add --answer { $step }=OPTION, e.g. --answer { $step }={ $example }
unattended-need-condition = step { $step } asks "{ $question }" before it runs: add --answer { $step }=yes or --answer { $step }=no
unattended-need-bad-option = --answer { $step }={ $given }: the choice of step { $step } has no option { $given }; its options: { $options }
unattended-need-bad-condition = --answer { $step }={ $given }: step { $step } has a condition, answer it yes or no
unattended-need-not-a-question = --answer { $step }: step { $step } asks no question (neither a choice nor a condition); for a confirmation use --yes-to { $step }
unattended-need-run-approval = the procedure needs an approval by { $roles } before its first step, and nobody can be waited for: have it approved ahead of time for a window (pasos approve --procedure { $procedure } --from … --until …)
unattended-need-step-approval = step { $step } needs an approval by { $roles }, and nobody can be waited for: have it approved ahead of time for a window (pasos approve --procedure { $procedure } { $step } --from … --until …)
unattended-approval-missing = { $step } is still waiting for an approval by { $roles } (no valid window approval): the run stops here.
unattended-refused-nothing-run = Nothing was run and no journal was written.

unattended-header = Unattended test run: every answer comes from the flags; nothing will be asked.
unattended-step-start = ▶ { $step } — { $title }
unattended-step-passed = ✓ { $step } passed ({ $took })
unattended-step-failed = ✗ { $step } failed ({ $took }): { $cause }
unattended-rolling-back = Step { $step } failed: rolling back (--rollback-on-failure).
unattended-stopping = Step { $step } failed: the run stops here (add --rollback-on-failure to run the rollback).
unattended-rollback-step-failed = Rollback step { $step } failed: the run stops here.
unattended-prerequisite-failed = Prerequisite not met: { $item }. The run stops before its first step.
unattended-prerequisite-confirmed = confirmed by --yes-to prerequisites
unattended-not-answered = { $step } needs an answer no flag gave: the run stops here.

unattended-summary-title = == Unattended test of { $procedure } (run { $run })
unattended-summary-undone = undone by the rollback
unattended-summary-exit = exit { $code }
unattended-summary-not-run = not run
unattended-summary-skipped = skipped
unattended-left-out-condition = condition answered no
unattended-left-out-not-chosen = option not chosen
unattended-summary-counts = Steps: { $passed } passed, { $failed } failed, { $skipped } not run · { $took }
unattended-summary-outcome = Outcome: { $outcome ->
    [success] SUCCESS
    [failed] FAILED
    [rolled-back] FAILED, rolled back
    [aborted] ABORTED
   *[interrupted] INTERRUPTED
} · journal { $journal }

unattended-junit-failed-exit = exit code { $code }: { $cause }
unattended-junit-failed = { $cause }
unattended-junit-not-run = not run: the run stopped before this step
unattended-junit-written = JUnit report written to { $path }
unattended-junit-cannot-write = Cannot write the JUnit report { $path }: { $error }

cli-run--unattended = Run every step without asking (staging and CI drills): stops at the first failure, journals the run as a test, prints a summary; exit 0 on success, 1 on failure. Questions must be answered by --answer and --yes-to, variables by PASOS_VAR_<NAME> or --var-file, or it refuses to start (exit 2).
cli-run--rollback_on_failure = With --unattended: when a step fails, run the rollback plan.
cli-run--answers = With --unattended: answer a step's question (repeatable): ID=OPTION for a choice, ID=yes or ID=no for a condition.
cli-run--yes_to = With --unattended: say yes to a step that needs a typed confirmation, or that is checked off by hand (repeatable); `prerequisites` confirms the prerequisites without a check.
cli-run--junit = With --unattended: write a JUnit XML report (one test case per step) to FILE.
