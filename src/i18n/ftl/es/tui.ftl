# The full-screen run interface: panes, header, dialogs, status line.

tui-tab-checklist = Checklist
tui-tab-timers = Tiempos
tui-tab-rollback = Rollback
tui-tab-shell = Shell
tui-details = Paso
tui-progress = { $total ->
    [one] avance { $done }/{ $total } paso
   *[other] avance { $done }/{ $total } pasos
}
tui-clocks = transcurrido { $elapsed } / { $estimate } · ETA { $left }
tui-rto = RTO { $left }
tui-no-decision-tree = (sin árbol de decisión)
tui-shell-idle = en espera: aquí corren los comandos del paso
tui-shell-running = ejecutando: { $command }
tui-shell-focus = las teclas van a la shell; { $key } vuelve
tui-dialog-confirm-title = Confirmar paso { $step }
tui-dialog-confirm-body = Escriba { $accepted } para ejecutarlo.
tui-dialog-note = Nota sobre el paso { $step }
tui-dialog-note-run = Nota sobre la ejecución
tui-dialog-variable = Valor de { $name }
tui-dialog-prerequisite = Prerequisito ({ $group })
tui-dialog-prerequisite-keys = [y] confirmado   [w] empezar sin él (motivo)   [esc] luego
tui-dialog-yes-no = [y] sí   [n] no   [esc] volver
tui-dialog-quit-title = Salir
tui-dialog-quit =
    ¿Salir? La ejecución queda reanudable con:
    pasos run --resume { $run } { $file }
tui-dialog-keys = { $accept } aceptar · { $cancel } cancelar
tui-help-title = Teclas
tui-status-edit-at-prompt = paso { $step }: el comando espera en el prompt de la shell; edítelo y pulse Enter
tui-status-journal-failed = NO SE PUEDE ESCRIBIR LA BITÁCORA: { $error } — la ejecución se detuvo
tui-too-small = Terminal demasiado pequeña: { $size } (mínimo 60x16)
tui-mode-checklist = checklist
tui-mode-shell = shell
tui-mode-dialog = diálogo
tui-mode-log = historial
