# pasos kpi: the tables, Markdown and messages.

kpi-no-runs = No hay ejecuciones verificadas en { $dir }: nada que contar todavía (`pasos run` registra cada ejecución).
kpi-no-match = Ninguna ejecución cumple el filtro ({ $count ->
    [one] { $count } ejecución
   *[other] { $count } ejecuciones
} en { $dir }).
kpi-bad-date = pasos: --{ $option } espera una fecha AAAA-MM-DD como 2026-11-01, no `{ $value }`
kpi-bad-range = pasos: --since es posterior a --until: no queda ningún día
kpi-cannot-read = pasos: no se puede leer { $path }: { $error }
kpi-index-not-written = aviso: no se pudo actualizar el índice de KPIs ({ $error }); las cifras son correctas, la próxima vez se leerán todos los bitácoras otra vez
kpi-unverified = { $count ->
    [one] ! { $count } bitácora no se verifica y queda fuera de las cifras:
   *[other] ! { $count } bitácoras no se verifican y quedan fuera de las cifras:
}

kpi-unverified-hint = revísalo con `pasos log verify { $run }`
kpi-title = Indicadores
kpi-procedures = procedimientos
kpi-rehearsals-apart = ensayos (no cuentan)
kpi-success-rate = éxito
kpi-of-finished = { $count } de { $finished } terminadas
kpi-rollback-share = con rollback
kpi-mttr = MTTR
kpi-mttr-of = resueltos: { $count }
kpi-mttr-none = sin incidentes resueltos
kpi-executions = ejecuciones
kpi-finished = terminadas
kpi-interrupted = interrumpidas
kpi-open = abiertas
kpi-rehearsals = ensayos
kpi-rollbacks = rollbacks
kpi-rollback-avg = media
kpi-deviations = desviaciones
kpi-duration = duración
kpi-average = media
kpi-median = mediana
kpi-minimum = mín
kpi-maximum = máx
kpi-last-execution = última ejecución
kpi-none = —
kpi-col-version = VERSIÓN
kpi-col-executions = EJEC
kpi-col-success = ÉXITO
kpi-col-average = MEDIA
kpi-col-median = MEDIANA
kpi-col-min = MÍN
kpi-col-max = MÁX
kpi-col-rollbacks = ROLLB
kpi-col-deviations = DESV
kpi-col-step = PASO
kpi-col-estimate = ESTIMADO
kpi-col-p90 = P90
kpi-col-over = EXCEDE
kpi-col-suggested = SUGERIDO
kpi-col-title = TÍTULO
kpi-steps-title = Pasos: duración real frente a la estimada
kpi-steps-note = EXCEDE = ejecuciones por encima del estimado; SUGERIDO = de la mediana al p90 (con { $count } ejecuciones o más); * = `pasos kpi --suggest` lo propone.
kpi-over-runs = Los que más se exceden
kpi-history-title = Historial de Ejecuciones
kpi-col-date = Fecha
kpi-col-operator = Ejecutor
kpi-col-duration = Duración
kpi-col-ok = Éxito
kpi-col-result = RESULTADO
kpi-col-notes = Notas
kpi-figure = Indicador
kpi-value = Valor
kpi-yes = Sí
kpi-no = No
kpi-deviation-word = desviación
kpi-interrupted-times = interrumpida ×{ $count }
kpi-suggest-which = pasos: --suggest trabaja sobre un procedimiento; elige uno con --procedure ID ({ $procedures })
kpi-suggest-no-runs = pasos: no hay ejecuciones de { $procedure } que cumplan el filtro
kpi-suggest-no-file = pasos: no encuentro el fichero de { $procedure }: sus ejecuciones se lanzaron con { $source } (relativo al directorio desde el que se lanzaron). Ejecuta `pasos kpi --suggest` desde ese directorio, o indica el fichero con --procedure-file FICHERO.
kpi-suggest-unreadable = pasos: no se puede leer { $path }: { $error }
kpi-suggest-not-toml = pasos: { $path } no es un procedimiento TOML que se pueda editar (--suggest solo cambia ficheros .toml; convierte un runbook Markdown con `pasos import`).
kpi-suggest-other-id = pasos: { $path } es el procedimiento { $found }, no { $wanted }
kpi-suggest-nothing = No hay estimaciones que cambiar en { $path }: cada paso con { $count } ejecuciones o más ya tiene un estimado que cubre su p90 sin pasarse del doble.
kpi-suggest-no-line = aviso: el paso { $step } no tiene línea `estimate`; añade `estimate = "{ $estimate }"` a mano
kpi-suggest-apply = Revisa el diff y aplícalo con `patch -p0 < FICHERO.diff` (o `git apply -p0`) desde este directorio: { $path }
