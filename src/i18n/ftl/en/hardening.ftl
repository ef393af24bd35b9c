# Field hardening: dropped sessions, signals, pastes, locks, hostile files.

hardening-quit-waiting = Quitting when the running command ends (q again to choose otherwise).
hardening-quit-busy = A command is still running:
    { $command }

    w  wait for it to end, then quit (the run stays resumable)
    i  interrupt it (recorded in the journal), then quit
    c  cancel and stay ({ $cancel } too)
hardening-paste-refused = Paste ignored: the checklist takes keys, not text. Focus the shell (4) or open a text field to paste.
