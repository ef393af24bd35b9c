# El historial: finales de ejecución, estados de paso, desviaciones, causas
# (history::words), pasos log list / show / verify, la línea de tiempo común.

# Cómo terminó una ejecución (history::RunStatus), traducido una vez.
history-run-end = { $status ->
    [success] éxito
    [failed] fallida
    [rolled-back] revertida
    [aborted] abortada
    [interrupted] interrumpida
   *[open] abierta
}

history-step-state = { $state ->
    [pending] pendiente
    [running] en curso
    [awaiting-validation] esperando la validación
    [awaiting-operator] esperando al operador
    [done] hecho
    [failed] fallido
    [skipped] saltado
    [rolled-back] deshecho
    [not-chosen] no elegido
    [skipped-by-condition] no aplica (condición: no)
   *[interrupted] interrumpido
}

history-deviation-skipped = paso { $step } saltado
history-deviation-overridden = paso { $step }: { $from } → { $to } (forzado)
history-deviation-waived = iniciada con prerequisitos sin confirmar
history-with-reason = { $what }: { $reason }

history-validation-exit = la validación salió con { $got }, se esperaba { $expected }
history-validation-output = la salida de la validación no coincide con `{ $pattern }`
history-step-output = la salida no coincide con `{ $pattern }`
history-cause-command-failed = el comando { $command } de { $total } salió con { $code }
history-cause-rehearsal = ensayo: comandos mostrados, no ejecutados
history-cause-stopped-rollback = detenido: empezó el rollback
history-cause-stopped-abort = detenido: la ejecución se abortó
history-interrupted-quit = el operador salió
history-interrupted-signal = { $signal }: se cerró la terminal o la sesión SSH
history-interrupted-terminal = error de la terminal: { $error }
history-interrupted-crash = la sesión anterior terminó sin cerrar la ejecución (caída, kill o conexión perdida)

# La línea de tiempo (history::timeline), común a log show, el navegador y el informe.
history-ev-exit = código { $code }
history-ev-run-started = Inicio de la ejecución por { $operator } en { $environment } ({ $mode ->
    [rehearsal] ensayo
    [test] prueba desatendida
   *[live] en vivo
})
history-ev-forced = , forzada pese al bloqueo de otra ejecución
history-ev-prerequisite = Prerequisito confirmado ({ $group }): { $item }
history-ev-prerequisite-checked = Prerequisito confirmado ({ $group }): { $item }, comprobado con { $command } (código { $code })
history-ev-prerequisite-failed = Falló la comprobación de un prerequisito ({ $group }): { $item }, { $command } salió con { $code }
history-ev-variable = Variable { $name } = { $value }
history-ev-variable-secret = Variable { $name } fijada (secreta)
history-ev-step-started = { $attempt ->
    [1] Inicio de { $step }
   *[other] Reintento de { $step } (intento { $attempt })
}
history-ev-command = { $step }: { $command }
history-ev-command-typed = { $step }: (a mano) { $command }
history-ev-validation-passed = { $step }: validación correcta
history-ev-validation-failed = { $step }: validación FALLIDA
history-ev-step-finished = { $step } { $outcome ->
    [done] hecho
    [failed] FALLÓ
    [skipped] saltado
    [rolled-back] deshecho
   *[interrupted] interrumpido
} en { $duration }
history-ev-estimate = {" "}(estimado { $estimate })
history-ev-deviation = Desviación
history-ev-deviation-row = { $head }: { $what }. Motivo: { $reason }
history-ev-note = Nota: { $text }
history-ev-note-on = Nota en { $step }: { $text }
history-ev-confirmation = { $step } confirmado escribiendo { $typed }
history-ev-decision = Decisión { $node }: { $answer ->
    [yes] sí
   *[no] no
}
history-ev-rollback = Inicio del rollback
history-ev-rollback-from = Inicio del rollback desde { $step }
history-ev-rollback-row = { $head }: { $reason }. Plan: { $plan }
history-ev-interrupted = Ejecución interrumpida
history-ev-interrupted-during = Ejecución interrumpida durante { $step }
history-ev-stopped-at = {" "}(registrado al retomar; se detuvo a las { $time })
history-ev-resumed = Ejecución retomada por { $operator }
history-ev-after-stopped = {" "}tras { $duration } detenida
history-ev-torn = {" "}({ $count ->
    [one] { $count } byte
   *[other] { $count } bytes
} de una última línea cortada, dejados aparte)
history-ev-finished = Fin de la ejecución: { $status } en { $duration }

# pasos report
history-report-outcome = { $status ->
    [success] ÉXITO
    [failed] FALLÓ
    [rolled-back] REVERTIDA (rollback)
    [aborted] ABORTADA
    [interrupted] INTERRUMPIDA, sin terminar
   *[open] SIN TERMINAR (bitácora abierta)
}
history-report-wall-paused = {" "}(reloj { $wall }, en pausa { $paused })
history-yes-no = { $answer ->
    [yes] sí
   *[no] no
}

# pasos log list / show / verify
history-log-browse-needs-terminal = pasos log browse: necesita una terminal; use `pasos log list` o `pasos log show EJECUCIÓN`
history-log-bad-since = pasos: --since lleva una fecha como 2026-11-01
history-log-bad-outcome = pasos: --outcome lleva success, failed, rolled-back, aborted, interrupted u open, no `{ $outcome }`
history-log-cannot-read = pasos: no se puede leer { $path }: { $error }
history-log-unreadable = ilegible  { $run }  { $problem }
history-log-no-runs = no hay ejecuciones en { $dir }
history-log-columns = columnas
    .run = EJECUCIÓN
    .procedure = PROCEDIMIENTO
    .operator = OPERADOR
    .env = ENTORNO
    .duration = DURACIÓN
    .outcome = RESULTADO
    .started = INICIO
history-log-unverified-mark = (`!` = la bitácora no se verifica: vea `pasos log verify`)
history-log-show-run = ejecución { $run } · { $operator } · { $environment } · { $status } · trabajo { $duration }
history-log-show-unverified = ATENCIÓN: esta bitácora no se verifica; `pasos log verify { $run }` dice por qué
history-log-torn = (línea { $line }: una última línea cortada de { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}, una escritura interrumpida; al retomar se deja aparte)
history-log-no-journals = no hay bitácoras en { $dir }
history-verify-ok = ok    { $run }  { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}
history-verify-torn = ; la línea { $line } es una escritura cortada de { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
} (caída o kill), se puede retomar
history-verify-at-line = línea { $line }:{" "}
history-verify-more = {" "}(+{ $count } más)
history-verify-kind = { $kind ->
    [edited] editada
    [missing] faltan líneas
    [duplicated] duplicada
    [reordered] desordenada
    [truncated] truncada
    [foreign] ajena
    [head] cabecera
   *[unreadable] ilegible
}
history-verify-fail = FALLA  { $run }  { $at }{ $kind }: { $detail }{ $more }
history-verify-unreadable = FALLA  { $run }  no se puede leer: { $error }
history-verify-summary = { $bad ->
    [one] { $bad } de { $count } bitácoras no se verifica
   *[other] { $bad } de { $count } bitácoras no se verifican
}
history-undo-of = Deshacer el paso { $step }
history-note-ended-by-operator = ejecución terminada por el operador: { $reason }
history-note-check-failed = falló la comprobación del prerequisito (código { $code }): { $item }
# Next to a rehearsal's outcome in listings (`log list`, the browser).
history-mark-rehearsal = ensayo
