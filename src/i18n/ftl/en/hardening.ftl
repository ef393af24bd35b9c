# Field hardening: dropped sessions, signals, pastes, locks, hostile files.

hardening-quit-waiting = Quitting when the running command ends (q again to choose otherwise).
hardening-quit-busy = A command is still running:
    { $command }

    w  wait for it to end, then quit (the run stays resumable)
    i  interrupt it (recorded in the journal), then quit
    c  cancel and stay ({ $cancel } too)
hardening-paste-refused = Paste ignored: the checklist takes keys, not text. Focus the shell (4) or open a text field to paste.
hardening-lock-held = run { $run } (pid { $pid } on { $host }) is already running this procedure with this data directory. Wait for it to end, or stop it cleanly with --force (it records its interruption and stays resumable).
hardening-lock-did-not-stop = run { $run } (pid { $pid } on { $host }) was asked to stop (--force) but still holds the run lock; nothing was started. Stop it by hand, then try again.
hardening-lock-remote = run { $run } (pid { $pid } on { $host }) is running this procedure from another host; --force cannot stop it from here. End it on { $host } first.
hardening-storage-full = cannot write { $path }: the disk is full ({ $detail }). Free some space, or point --data-dir at another disk.
hardening-storage-read-only = cannot write { $path }: the file system is read-only ({ $detail }). Use a writable --data-dir.
hardening-storage-permission = cannot write { $path }: permission denied ({ $detail }). Check the owner and mode of its directory, or use another --data-dir.
hardening-storage-other = cannot write { $path }: { $detail }
hardening-no-input = pasos: the input is not a terminal and gave nothing usable ({ $limit } answers in a row, or it ended); the run is interrupted.
hardening-file-not-regular = it is { $kind ->
    [directory] a directory
    [fifo] a FIFO (named pipe)
    [char-device] a character device
    [block-device] a block device
    [socket] a socket
   *[other] something else
}, not a regular file; give the path of a procedure file
hardening-file-too-large = it is { $size } MB, over the limit of { $cap } MB; a procedure is never that big (check the path), or raise the limit with { $variable }=<MB>
hardening-interrupted-no-input = no usable input (the input ended, or gave only unusable answers)
hardening-verify-missing = FAIL  { $run }  missing journal: { $path } is gone; only its head remains ({ $count ->
    [one] { $count } event
   *[other] { $count } events
} written)
