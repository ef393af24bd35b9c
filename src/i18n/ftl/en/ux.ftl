# Rollback plan, production confirmation, keymap essentials, report
# decisions, completion and rehearsal marks (issue 15).

ux-plan-same-as = same undo as step { $step }: it runs once
ux-plan-before-entry = not run: the decision tree starts the rollback at { $entry }
ux-plan-kept = preparation: the rollback leaves it; undo it by hand if needed
ux-ev-step-undone = { $step } undone by { $by }
ux-keymap-essential-unbound = error: { $file }: `{ $action }` has no key in [{ $mode }] — { $what }
    {"  "}help: bind one, e.g. under [{ $mode }]: "{ $key }" = "{ $action }"
ux-keymap-essential-count = { $count ->
        [one] 1 essential action left without a key: pasos would be unusable with this map.
       *[other] { $count } essential actions left without a key: pasos would be unusable with this map.
    }
ux-quoted = “{ $text }”
