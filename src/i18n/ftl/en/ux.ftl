# Rollback plan, production confirmation, keymap essentials, report
# decisions, completion and rehearsal marks (issue 15).

ux-plan-same-as = same undo as step { $step }: it runs once
ux-plan-before-entry = not run: the decision tree starts the rollback at { $entry }
ux-plan-kept = preparation: the rollback leaves it; undo it by hand if needed
ux-ev-step-undone = { $step } undone by { $by }
