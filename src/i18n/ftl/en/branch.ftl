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
