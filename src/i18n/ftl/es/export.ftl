# pasos export: the printable checklist of a procedure, and of a past run (--run).

export-quick-checklist = Checklist rápido
export-run-checklist = Checklist de la ejecución
export-id = ID
export-version = Versión
export-criticality = Criticidad
export-category = Categoría
export-environment = Entorno
export-estimate = Duración estimada
export-rto = RTO
export-rpo = RPO
export-author = Autor
export-updated = Actualizado
export-reviewers = Revisores
export-execution = Ejecución
export-operator = Operador
export-date = Fecha
export-start-time = Hora de inicio
export-end-time = Hora de fin
export-signature = Firma
export-reviewed-by = Revisado por
export-approved-by = Aprobado por
export-prerequisites = Prerrequisitos
export-variables = Variables
export-rollback-plan = Plan de rollback
export-when-to-roll-back = Cuándo hacer rollback
export-triggers = Triggers
export-rollback-steps = Pasos del rollback
export-decision-tree = Árbol de decisión
export-contacts = Contactos y escalamiento
export-authors-checklist = Checklist del autor (Anexo B)
export-check = comprobar
export-budget = presupuesto { $budget }
export-expected = esperado
export-confirm-flag = CONFIRMAR
export-manual-flag = MANUAL
export-critical-flag = CRÍTICO
export-rollback = rollback
export-own-undo = deshacer propio ({ $step })
export-own-undo-no-estimate = deshacer propio
export-then-steps = luego { $steps }
export-no-rollback = no hace falta rollback
export-rollback-undocumented = rollback no documentado
export-more-lines = … (+{ $count ->
    [one] { $count } línea
   *[other] { $count } líneas
})
export-more-commands = … (+{ $count ->
    [one] { $count } comando
   *[other] { $count } comandos
})
export-secret-variable = secreta: no la escribas
export-default-value = por defecto: { $value }
export-value-blank = valor
export-automatic = automático
export-manual = manual
export-decides = decide: { $who }
export-yes = sí
export-no = no
export-see-above = ver [{ $label }] más arriba
export-starts-rollback = ROLLBACK
export-go-to-step = ir al paso { $step }
export-when = cuándo
export-run = Ejecución
export-mode = Modo
export-live = en vivo
export-rehearsal = ensayo (dry run)
export-started = Inicio
export-ended = Fin
export-not-ended = sin terminar
export-duration = Duración
export-duration-paused = { $active } activos, { $paused } en pausa
export-outcome = Resultado
export-journal = Journal
export-verified = verificada: { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}, cadena de hashes intacta
export-not-verified = NO VERIFICADO: { $problem }
export-torn-tail = y una última línea cortada de { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
} (escritura interrumpida)
export-resumed-by = reanudada por { $operator } a las { $time }
export-legend = [x] hecho  [!] falló  [-] saltado  [~] deshecho  [?] interrumpido  [>] en curso  [ ] no alcanzado
export-by-at = { $operator } · { $time }
export-over-by = { $duration } por encima de lo estimado
export-time-word = tiempo
export-attempts = { $count ->
    [one] { $count } intento
   *[other] { $count } intentos
}
export-reason = motivo
export-deviation = DESVIACIÓN
export-note = nota
export-confirmed = confirmado escribiendo «{ $typed }»
export-validation-failed = la validación falló
export-exit = salida { $code }
export-typed-by-hand = escrito a mano
export-commands-ok = { $count ->
    [one] { $count } comando, salida 0
   *[other] { $count } comandos, todos con salida 0
}
export-undone-by = deshecho por { $step }
export-checked-by-hand = confirmado a mano
export-secret-set = secreta (no se guarda)
export-rollback-ran = Se ejecutó el rollback
export-rollback-not-run = No se ejecutó rollback.
export-from-step = desde el paso { $step }
export-plan-label = Plan
export-reason-label = Motivo
export-undo-of = deshacer { $step }
export-decisions = Decisiones
export-interruptions = Interrupciones
export-stopped-at = parada a las { $time }
export-not-resumed = no se reanudó
export-after-gap = tras { $duration }
export-run-notes = Notas y desviaciones de la ejecución
export-no-profile = Este journal no guarda el perfil del procedimiento: pasos en el orden en que se vieron, sin títulos ni estimaciones.
export-nothing-recorded = nada registrado
export-step-word = paso
export-crit-low = BAJA
export-crit-medium = MEDIA
export-crit-high = ALTA
export-crit-critical = CRÍTICA
export-cat-deployment = despliegue
export-cat-rollback = rollback
export-cat-maintenance = mantenimiento
export-cat-troubleshooting = diagnóstico
export-cat-scaling = escalado
export-cat-disaster-recovery = recuperación de desastres
export-st-done = hecho
export-st-failed = falló
export-st-skipped = saltado
export-st-rolled-back = deshecho
export-st-interrupted = interrumpido
export-st-in-progress = en curso
export-st-not-reached = no alcanzado
