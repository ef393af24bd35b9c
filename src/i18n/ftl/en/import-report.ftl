# pasos import --report: the texts of the entries, the encoding sentences
# and the risk items (the frame is in import.ftl). TOML keys and paths
# (`[procedure] title`, `commands`, `on_failure`) are names of the format:
# the same in every language. Quoted source text comes in as arguments.

## Where an entry went (targets).

import-target-step = step { $step } { $field }
import-target-step-only = step { $step }
import-target-step-fields = step { $step } fields
import-target-steps = steps
import-target-phase = phase `{ $title }`
import-target-phase-budget = phase `{ $title }` budget
import-target-procedure = [procedure] { $key }
import-target-procedure-notes = procedure notes
import-target-purpose = [purpose] { $key }
import-target-prerequisites = [[prerequisites]] `{ $group }`
import-target-severity = [[severity]] { $level }
import-target-trouble = [[troubleshooting]] `{ $problem }`
import-target-trouble-field = [[troubleshooting]] `{ $problem }` { $field }
import-target-variable = [[variables]] { $name }
import-target-toml = { $path }
import-target-sections = sections
import-target-nothing = nothing

## What the source was, and how it was read (details).

import-detail-heading = heading
import-detail-heading-quoted = heading `{ $title }`
import-detail-text = text
import-detail-list = list
import-detail-list-items = list items
import-detail-list-count = list, { $count } { $count ->
    [one] item
   *[other] items
}
import-detail-code-block = code block
import-detail-table = table
import-detail-table-rows = table, { $count } { $count ->
    [one] row
   *[other] rows
}
import-detail-quote = quote
import-detail-quoted-block = quoted block
import-detail-html = HTML
import-detail-separator = separator
import-detail-empty = empty
import-detail-items = { $count } { $count ->
    [one] item
   *[other] items
}
import-detail-items-from-text = { $count } { $count ->
    [one] item
   *[other] items
} from a text block
import-detail-nodes = { $count } { $count ->
    [one] node
   *[other] nodes
}
import-detail-labels = labels
import-detail-label = label `{ $label }`
import-detail-label-applies = `{ $label }:` applies to what follows
import-detail-labelled-lines = labelled lines
import-detail-labelled-text = labelled text
import-detail-quoted = `{ $text }`
import-detail-value-to = `{ $value }` -> { $to }
import-detail-value-unused = `{ $label }` value not used (`{ $value }`)
import-detail-date = { $date }
import-detail-created-date = { $date } (creation date; no update date yet)
import-detail-introduction = introduction
import-detail-conditional = conditional sentence
import-detail-section-notes = section kept as notes
import-detail-sub-heading = sub-heading
import-detail-sub-heading-label = sub-heading `{ $title }` read as a label
import-detail-id-from-title = from the title heading
import-detail-heading-numbered-code = heading of a code block with numbered steps
import-detail-heading-numbered-list = heading of a numbered list of steps
import-detail-heading-own-commands = heading of a section with its own commands
import-detail-text-before-steps = text before the steps
import-detail-text-after-steps = text after the steps
import-detail-step-heading-id = step heading, id `{ $id }`
import-detail-step-from-item = step `{ $title }` from a numbered list item
import-detail-step-from-comment = step `{ $title }` from a numbered comment in a code block
import-detail-alternative-step = an alternative: its own step, an option of a choice
import-detail-rollback-step-heading = rollback step heading
import-detail-rollback-prose = the rollback is described in prose only: one manual step
import-detail-budget-from-heading = { $budget } taken from the heading
import-detail-budget-from-heading-quoted = { $budget } from heading `{ $title }`
import-detail-estimate-from-heading = estimate { $estimate } taken from heading `({ $text })`
import-detail-time-window = `{ $window }` in the heading is a time window (minute { $from } to { $to }): estimate { $estimate }
import-detail-not-a-duration = `{ $value }` is not a duration
import-detail-criticality-unknown = criticality `{ $value }` not understood
import-detail-not-yes-no = `{ $value }` is neither yes nor no
import-detail-rollback-yes = rollback available: yes
import-detail-rollback-no = rollback available: no -> rollback = "none"
import-detail-validation-words = validation described in words
import-detail-inline-command = command from inline code
import-detail-inline-code-command = command `{ $command }` taken from inline code
import-detail-bullet-command = bullet `{ $command }` read as a command
import-detail-step-rollback = `{ $command }` read as this step's rollback
import-detail-step-rollback-from = `{ $command }` read as this step's rollback (from { $source })
import-detail-from-warning = a warning
import-detail-from-failure-hint = a failure hint
import-detail-warning-paragraph = warning paragraph, shown before the step runs
import-detail-alternatives = `{ $text }` between commands read as alternatives
import-detail-from-code = { $count } from a code block
import-detail-prompts-removed = `$ ` prompts removed
import-detail-unprompted-output = lines without a `$ ` prompt read as the expected output
import-detail-output-after-commands = code block after the commands read as their expected output
import-detail-address-block = a code block holding only an address: kept as a link to open, not a command
import-detail-block-as-text = { $lang } block kept as text (pasos runs shell commands)
import-detail-diagram = { $lang } diagram
import-detail-ignored-attributes = code block attributes pasos does not use: { $attributes }
import-detail-named = one command named `{ $name }`
import-detail-named-interactive = one command named `{ $name }`, interactive
import-detail-interactive = one interactive command
import-detail-comment-expected = expected result from comment `{ $comment }`
import-detail-comment-estimate = estimate { $estimate } from comment `{ $comment }`
import-detail-comment-failure = on-failure hint from comment `{ $comment }`
import-detail-rundown-description = Rundown description
import-detail-rundown-hidden = Rundown hidden-block marker
import-detail-rundown-label = Rundown label
import-detail-rundown-option = Rundown option
import-detail-rundown-tag = Rundown tag
import-detail-preflight-command = `{ $command }` from the prerequisites, run as a preflight step
import-detail-item-ticked = item was already ticked in the source; kept unticked
import-detail-impact-free-text = impact written as free text
import-detail-trigger-kind-guessed = trigger kind guessed from the table's columns
import-detail-severity-time = { $field } `{ $value }` -> { $to }
import-detail-answers-filled = { $count } missing { $count ->
    [one] answer
   *[other] answers
} filled with "Not stated in the source"
import-detail-trouble-cause = text under the problem read as its cause
import-detail-trouble-groups = one entry per commented group of commands
import-detail-trouble-text = troubleshooting text
import-detail-trouble-code = code block in troubleshooting
import-detail-shell-block-text = text in a shell block
import-detail-yaml-front-matter = YAML front matter
import-detail-toml-front-matter = TOML front matter (Runme settings) kept as text
import-detail-front-matter-key = front matter key `{ $key }`
import-detail-front-matter-unused = front matter `{ $key }` value not used (`{ $value }`)
import-detail-shebang = shebang line
import-detail-unparsed = text the Markdown parser does not keep (e.g. link definitions)
import-detail-unclosed-fence = a code block is never closed (a fence nested in another?): what follows it was read as Markdown again
import-detail-no-title = no title in the source: `{ $title }`
import-detail-no-id = no id in the source: `{ $id }` made from the title
import-detail-no-version = no version in the source: 1.0.0
import-detail-no-criticality = no criticality in the source: media
import-detail-category-from-title = { $category }, from the title
import-detail-production-from-title = production, from the title
import-detail-no-steps = no steps found in the source: one manual step added so the procedure loads
import-detail-manual-steps = { $count ->
    [one] 1 step has no command and is marked manual
   *[other] { $count } steps have no command and are marked manual
}
import-detail-unassigned = used by a command, never assigned
import-detail-unassigned-secret = used by a command, never assigned; secret (looks like a credential)
import-detail-placeholder = placeholder `{ $written }` in a command
import-detail-placeholder-secret = placeholder `{ $written }` in a command; secret

## What was done to the encoding.

import-encoding-bom = UTF-8 byte order mark removed
import-encoding-utf16-bom = read as UTF-16 { $endian ->
    [little] little-endian
   *[big] big-endian
} (byte order mark)
import-encoding-utf16-guessed = read as UTF-16 { $endian ->
    [little] little-endian
   *[big] big-endian
} (no byte order mark; guessed from the zero bytes)
import-encoding-not-utf8 = not UTF-8: { $lines } read as Windows-1252
import-encoding-crlf = { $count } CRLF line { $count ->
    [one] ending
   *[other] endings
} converted to LF
import-encoding-cr = { $count } lone CR line { $count ->
    [one] ending
   *[other] endings
} converted to LF
import-encoding-repaired = repaired { $count } mis-decoded { $count ->
    [one] segment
   *[other] segments
} ({ $wrong }) on { $lines }
import-encoding-repaired-example = repaired { $count } mis-decoded { $count ->
    [one] segment
   *[other] segments
} ({ $wrong }) on { $lines }, e.g. `{ $from }` -> `{ $to }`
import-encoding-unrepaired = could not repair some characters (bytes were lost when the file was mis-decoded) on { $lines }
import-encoding-lost-emoji = headings with two spaces after `#` on { $lines }: a character there (likely an emoji) was lost before the file arrived
import-encoding-lines = { $count } { $count ->
    [one] line
   *[other] lines
} { $ranges }{ $more ->
    [0] {""}
   *[other] , and { $more } more
}
import-encoding-wrong-mac-roman = UTF-8 read as Mac Roman
import-encoding-wrong-windows-1252 = UTF-8 read as Windows-1252 / Latin-1
import-encoding-wrong-gbk = UTF-8 read as GBK

## The risk summary's items.

import-risk-gated = step { $step }: `{ $command }` ({ $pattern })
import-risk-alternatives = steps { $steps } are alternatives: step { $choice } asks which one runs
import-risk-condition = step { $step } runs only in some cases (`{ $title }`): a condition asks before it runs
import-risk-streaming = { $step }: `{ $command }`
import-risk-demoted = { $step }: `{ $command }` ({ $reason })
import-risk-index-command = { $step }: `{ $command }` (an index page: kept as text)
import-risk-unclosed-fence = lines { $first }-{ $last }: an unclosed code block swallowed them; read again as Markdown, check the steps there
import-risk-snippet = snippet { $snippet }: `{ $command }` ({ $count } { $count ->
    [one] command
   *[other] commands
})
import-risk-snippet-destructive = snippet { $snippet }: `{ $command }` ({ $count } { $count ->
    [one] command
   *[other] commands
}; destructive: { $pattern })

## Why text left the commands.

import-reason-elision = an elision (`...`), not a command
import-reason-output = sample output or a table, not a command
import-reason-slash-command = a chat-ops slash command: type it in the chat, not the shell
import-reason-crontab = a crontab line: it goes in `crontab -e`, not the shell
import-reason-sql = SQL for a database prompt, not a shell command
import-reason-prose = numbered prose inside a code block
import-reason-placeholder = a placeholder for a command the author did not write
import-reason-other-os = the Windows variant of a command (pasos runs a POSIX shell)
