# `pasos check` and the diagnostics of a procedure or keymap file: the
# words around each message (the messages themselves come from the loader).

check-severity-error = error
check-severity-warning = warning
check-hint = hint
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
check-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
check-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
check-phases = { $count ->
    [one] { $count } phase
   *[other] { $count } phases
}
check-rollback-steps = { $count ->
    [one] { $count } rollback step
   *[other] { $count } rollback steps
}
check-estimate = , estimate { $estimate }
check-ok = { $path }: ok — { $id } `{ $title }`: { $steps } in { $phases }, { $rollback }{ $estimate }
check-ok-warnings = { $path }: ok with { $warnings } — { $id } `{ $title }`: { $steps } in { $phases }, { $rollback }{ $estimate }
check-failed-strict = { $path }: failed (--strict): { $warnings }
check-not-ok = { $path }: { $errors }, { $warnings }
check-files = checked { $count } files: { $passed } passed, { $failed } did not
check-unreadable = cannot read { $path }: { $error }
check-fix-and-retry = { $count ->
    [one] { $path } has { $count } error; fix it and { $verb } again (`pasos check { $path }` lists warnings too)
   *[other] { $path } has { $count } errors; fix them and { $verb } again (`pasos check { $path }` lists warnings too)
}
io-not-found = it does not exist
io-permission-denied = permission denied
io-is-a-directory = it is a directory
