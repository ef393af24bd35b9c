# The history browser (pasos log): list, run tabs, KPI screen.

review-title = pasos — historial de ejecuciones
review-count = { $shown } de { $total } ejecuciones
review-filter = filtro
review-filter-prompt = Filtrar (procedimiento, operador, resultado, entorno, fecha AAAA-MM-DD; varias palabras = todas):{" "}
review-no-runs = Todavía no hay ejecuciones en { $dir }. Empiece una con `pasos run PROCEDIMIENTO`.
review-no-match = Ninguna ejecución coincide con el filtro. Esc lo borra.
review-col-date = FECHA
review-col-procedure = PROCEDIMIENTO
review-col-operator = OPERADOR
review-col-env = ENTORNO
review-col-duration = DURACIÓN
review-col-outcome = RESULTADO
review-col-deviations = DESV.
review-verified = verificada
review-verify-hint = La bitácora no se verifica: `pasos log verify { $run }` dice por qué. No confíe en lo que muestra.
review-tab-timeline = Cronología
review-tab-steps = Pasos
review-tab-notes = Desviaciones y notas
review-tab-transcript = Transcripción
review-no-transcript = Esta ejecución no tiene transcripción (modo línea, ensayo, o el archivo .cast no está).
review-transcript-at = comando { $command } de { $total } (paso { $step })
review-transcript-end = fin de la transcripción
review-no-commands = Ningún comando de esta ejecución apunta a la transcripción.
review-deviations = Desviaciones
review-notes = Notas
review-rollback = Rollback
review-no-deviations = Sin desviaciones.
review-no-notes = Sin notas.
review-no-rollback = No se hizo rollback.
review-interruptions = Interrupciones
review-step = PASO
review-actual = REAL
review-estimate = ESTIMADO
review-outcome = RESULTADO
review-attempts = INTENTOS
review-journal = bitácora
review-events = eventos
review-started = inicio
review-help-title = Ayuda — historial
review-help-footer = Enter en una línea de la cronología o en un paso muestra su salida en la transcripción.
review-too-small = Terminal demasiado pequeña ({ $size }); se necesitan al menos 60x16.
review-decisions = Decisiones y confirmaciones
review-kpi-title = Indicadores
review-kpi-of = { $shown } de { $total } procedimientos
review-no-kpis = Todavía no hay ejecuciones de las que sacar indicadores.
review-executions-line = Ejecuciones { $executions } · terminadas { $finished } · ensayos { $rehearsals } · última { $last }
review-success-line = Éxito { $rate } ({ $successes } de { $finished }) · con rollback { $rolled_back } (prom. { $rollback_avg }) · desviaciones { $deviations }
review-duration-line = Duración: media { $mean } · mediana { $median } · mín. { $min } · máx. { $max }
review-global-line = Global: { $procedures } procedimientos · { $executions } ejecuciones · éxito { $rate } · con rollback { $rolled_back } · MTTR { $mttr } ({ $incidents } incidentes)
review-unverified-line = { $count ->
    [one] { $count } bitácora no se verifica y queda fuera de las cifras: { $runs }
   *[other] { $count } bitácoras no se verifican y quedan fuera de las cifras: { $runs }
}
review-chart-durations = Duración por ejecución (antigua → reciente; la más larga { $longest })
review-chart-outcomes = Resultados
review-steps-title = Pasos: mediana real contra el estimado (| = fin del estimado)
review-col-median = MEDIANA
review-col-suggested = SUGERIDO
review-over-runs = Se pasan más: { $steps }
review-version-item = v{ $version } { $count ->
    [one] { $count } ejecución
   *[other] { $count } ejecuciones
} éxito { $rate }
review-versions = Versiones
review-unreadable = { $count ->
    [one] { $count } bitácora ilegible (`pasos log verify`): { $runs }
   *[other] { $count } bitácoras ilegibles (`pasos log verify`): { $runs }
}
review-col-p90 = P90
