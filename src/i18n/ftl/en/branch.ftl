## Choices, conditions, warnings and reference snippets (engine16)

## Why the engine refused

branch-refusal-choice-needed = step { $step } is a choice: pick an option
branch-refusal-condition-unanswered = step { $step } has a condition not answered yet
branch-refusal-not-a-choice = step { $step } is not a choice
branch-refusal-no-such-option = choice { $step } has no option `{ $option }`; options: { $options }
branch-refusal-no-condition = step { $step } has no condition
branch-refusal-already-answered = step { $step } is already answered
branch-refusal-no-such-snippet = there is no reference snippet `{ $snippet }`
branch-refusal-no-such-snippet-command = reference snippet { $snippet } has no command { $command }

## Journal events in words (log, review)

branch-ev-choice = { $step }: chose option { $option }
branch-ev-condition = { $step }: condition answered { $answer ->
    [yes] YES
   *[no] NO (not run)
}
branch-ev-snippet = Reference snippet { $snippet } sent to the shell: { $command }

## Report

branch-report-not-chosen = not chosen
branch-report-condition-no = not applicable (condition: no)

## Line mode and the step card

branch-option-runs = runs { $steps }
branch-option-runs-nothing = runs no step
branch-plain-choose = Pick an option (1-{ $count } or its id; empty: back):
branch-chosen = { $step }: option { $option } chosen
branch-condition-label = Condition: { $question }
branch-plain-condition-keys = [y] yes, run it  [n] no, not applicable  (empty: back)
branch-condition-skipped = step { $step } does not run (condition: no)
branch-no-snippets = This procedure has no reference snippets.
branch-snippets-title = Reference snippets (commands to send to the shell; not steps):
branch-plain-snippet-pick = Number of the command to run in the shell (1-{ $count }; empty: back):
branch-plain-menu-snippets = [c] reference snippets

## The TUI

branch-choice-title = Choice: step { $step }
branch-choice-keys = ↑/↓ or 1-{ $count }: pick · { $accept }: accept · { $cancel }: back
branch-condition-title = Condition: step { $step }
branch-condition-keys = y: yes, run the step · n: no, not applicable · { $cancel }: back
branch-warning-title = Before running step { $step }
branch-warning-keys = { $accept }/y: run it · { $cancel }: back
branch-snippets-dialog-title = Reference snippets
branch-snippets-keys = ↑/↓ or 1-{ $count }: pick · { $accept }: type it in the shell (Enter there runs it) · { $cancel }: back
branch-snippet-typed = Command typed in the shell: Enter runs it, { $leave } goes back to the checklist.
branch-answer = { $answer ->
    [yes] yes
   *[no] no
}
key-snippets = open the reference snippets and send a command to the shell
    .short = snippets
branch-plain-snippet-confirm = Run “{ $command }” in the shell? [y] yes  [n] no:
branch-report-title = Choices and conditions
branch-report-intro = The operator's answers before steps; they are not deviations.
branch-report-columns = columns
    .time = Time
    .step = Step
    .kind = Question
    .answer = Answer
branch-report-kind = { $kind ->
    [choice] choice
   *[condition] condition
}
branch-report-chose = option { $option }
branch-report-chose-not-run = option { $option } (not run: { $steps })
branch-report-condition-answer = { $answer ->
    [yes] yes: it ran
   *[no] no: not applicable
}

## The printable checklist

branch-export-only-if = ONLY IF
branch-export-choose = CHOOSE ONE
branch-export-branch = Branch
branch-export-branch-of = only if “{ $option }” was chosen at { $step }
branch-export-reference = Reference
branch-export-reference-intro = Commands to look things up; not steps: run them only when needed.
