# The full-screen run interface: panes, header, dialogs, status line.

tui-tab-checklist = Checklist
tui-tab-timers = Timers
tui-tab-rollback = Rollback
tui-tab-shell = Shell
tui-details = Step
tui-progress = { $total ->
    [one] progress { $done }/{ $total } step
   *[other] progress { $done }/{ $total } steps
}
tui-clocks = elapsed { $elapsed } / { $estimate } · ETA { $left }
tui-rto = RTO { $left }
tui-no-decision-tree = (no decision tree)
tui-shell-idle = idle: the step's commands run here
tui-shell-running = running: { $command }
tui-shell-focus = keys go to the shell; { $key } returns
tui-dialog-confirm-title = Confirm step { $step }
tui-dialog-confirm-body = Type { $accepted } to run it.
tui-dialog-note = Note on step { $step }
tui-dialog-note-run = Note on the run
tui-dialog-variable = Value of { $name }
tui-dialog-prerequisite = Prerequisite ({ $group })
tui-dialog-prerequisite-keys = [y] confirmed   [w] start without (reason)   [esc] later
tui-dialog-yes-no = [y] yes   [n] no   [esc] back
tui-dialog-quit-title = Quit
tui-dialog-quit =
    Quit? The run stays resumable with:
    pasos run --resume { $run } { $file }
tui-dialog-keys = { $accept } accept · { $cancel } cancel
tui-help-title = Keys
tui-status-edit-at-prompt = step { $step }: the command waits at the shell prompt; edit it and press Enter
tui-status-journal-failed = THE JOURNAL CANNOT BE WRITTEN: { $error } — the run is stopped
tui-too-small = Terminal too small: { $size } (at least 60x16)
tui-mode-checklist = checklist
tui-mode-shell = shell
tui-mode-dialog = dialog
tui-mode-log = history
