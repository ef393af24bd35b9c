# pasos import: the risk line after every import, and --strict.
import-not-text = pasos import: { $file }:{ $line }:{ $col }: a NUL byte: this is a binary file (an image, an archive, random data), not a text runbook; give the Markdown file
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

# pasos import --report: the frame of the report (the entries' texts, the
# encoding sentences and the risk items are in import-report.ftl).
import-report-title = pasos import report: { $source }
import-report-encoding-clean = encoding: UTF-8, nothing to repair
import-report-encoding = encoding: { $change }
import-report-line = line { $line }
import-report-lines = lines { $first }-{ $last }
import-report-tag-notes = [notes]
import-report-tag-guess = [guess]
import-report-tag-skip = [skip]
import-report-summary = summary: { $steps } { $steps ->
    [one] step
   *[other] steps
} in { $phases } { $phases ->
    [one] phase
   *[other] phases
} ({ $manual } manual), { $rollback } rollback steps, { $commands } { $commands ->
    [one] command
   *[other] commands
}, { $variables } { $variables ->
    [one] variable
   *[other] variables
}, { $notes } { $notes ->
    [one] line
   *[other] lines
} sent to notes, { $repaired } encoding { $repaired ->
    [one] segment
   *[other] segments
} repaired
import-report-risks = risk summary:
import-report-document = document: { $document ->
    [reference] reference (independent commands by area): every step asks before it runs
    [index] index (a page about procedures): its commands are kept as text, nothing runs
   *[procedure] procedure (steps to follow in order)
}
import-report-gated = destructive commands gated with confirm: { $count }
import-report-placeholders = placeholders turned into variables: { $count }
import-report-choices = choices and conditions to review: { $count }
import-report-streaming = interactive commands (sessions, follows, live views): { $count }
import-report-demoted = text taken out of the commands: { $count }
import-report-no-step = sections that produced no step: { $count }
import-report-snippets = reference snippets (sent to the shell by hand, never run as steps): { $count }
import-report-left = left to a human: { $count }

# The line after every import.
import-check-passes = passes `pasos check`{ $count ->
    [0] {""}
    [one] {" "}with { $count } warning
   *[other] {" "}with { $count } warnings
}
import-check-fails = does NOT pass `pasos check` ({ $count } { $count ->
    [one] error
   *[other] errors
})
import-summary-line = pasos import: { $file }: { $steps } { $steps ->
    [one] step
   *[other] steps
} in { $phases } { $phases ->
    [one] phase
   *[other] phases
}, { $commands } { $commands ->
    [one] command
   *[other] commands
}, { $rollback } rollback { $rollback ->
    [one] step
   *[other] steps
}, { $notes } { $notes ->
    [one] line
   *[other] lines
} to notes{ $repaired ->
    [0] {""}
   *[other] , { $repaired } encoding segments repaired
}; { $check }{ $details ->
    [yes] {" "}(details: --report)
   *[no] {""}
}
