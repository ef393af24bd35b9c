# pasos import: the risk line after every import, and --strict.
import-risk-line = pasos import: document read as a { $document ->
    [reference] reference (every step asks before it runs)
    [index] index (nothing runs)
   *[procedure] procedure
}; { $gated } destructive { $gated ->
    [one] command
   *[other] commands
} gated with confirm, { $placeholders } { $placeholders ->
    [one] placeholder
   *[other] placeholders
} turned into variables, { $demoted } { $demoted ->
    [one] text
   *[other] texts
} taken out of the commands; { $count ->
    [0] nothing left to a human
    [one] { $count } thing left to a human (see the risk summary of --report)
   *[other] { $count } things left to a human (see the risk summary of --report)
}
import-strict-failed = pasos import: --strict: { $count ->
    [one] { $count } thing is
   *[other] { $count } things are
} left to a human; review the risk summary of --report
