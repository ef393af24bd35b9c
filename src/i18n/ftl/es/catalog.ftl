# El catálogo de procedimientos (`pasos`, `pasos open`), el índice
# (`pasos index`), las cifras globales de la norma del equipo y sus
# opciones de línea de órdenes.

catalog-index-title = Índice de Procedimientos
catalog-index-by-criticality = Por Criticidad
catalog-index-by-type = Por Tipo
catalog-index-none-yet = Ninguno aún

catalog-criticality = { $level ->
    [critica] CRITICA
    [alta] ALTA
    [media] MEDIA
    [baja] BAJA
   *[none] SIN CRITICIDAD
}
catalog-category = { $category ->
    [deployment] Deployment
    [rollback] Rollback
    [maintenance] Maintenance
    [troubleshooting] Troubleshooting
    [scaling] Scaling
    [disaster-recovery] Disaster Recovery
   *[none] Sin tipo
}
catalog-frequency = { $frequency ->
    [diaria] Diaria
    [semanal] Semanal
    [mensual] Mensual
    [trimestral] Trimestral
    [on-demand] On-demand
    [emergencia] Emergencia
   *[none] -
}

catalog-col-id = ID
catalog-col-title = Título
catalog-col-type = Tipo
catalog-col-frequency = Frecuencia
catalog-col-duration = Duración
catalog-col-executions = Ejecuciones
catalog-col-success = Tasa de Éxito
catalog-col-last-execution = Última Ejecución
catalog-col-last-test = Último Test
catalog-col-review = Próxima Revisión

catalog-review-never = sin fecha de revisión
catalog-review-overdue-on = { $date } (vencida)

catalog-kpi-title = Métricas Globales
catalog-kpi-documented = { $count ->
    [one] { $count } procedimiento documentado
   *[other] { $count } procedimientos documentados
}
catalog-kpi-tested = { $share } testeados en el último trimestre ({ $count } de { $total }, desde el { $since })
catalog-kpi-reviewed = { $share } revisados dentro de su plazo ({ $count } de { $total })
catalog-kpi-none = Sin procedimientos en { $dirs }: las cifras del catálogo quedan fuera.

catalog-broken = { $count ->
    [one] { $count } archivo no es un procedimiento que pasos pueda ejecutar (revísalo con `pasos check`):
   *[other] { $count } archivos no son procedimientos que pasos pueda ejecutar (revísalos con `pasos check`):
}
catalog-missing-dir = no existe el directorio de procedimientos { $dir } (procedures_dir en { $config }, o `pasos open DIR`)
catalog-cannot-read = pasos: no se puede leer el historial en { $path }: { $error }

# La pantalla del catálogo.
catalog-title = Catálogo de procedimientos
catalog-count = { $shown } de { $total }
catalog-filter = filtro
catalog-filter-prompt = Filtrar:{" "}
catalog-head-id = ID
catalog-head-title = Título
catalog-head-frequency = Frecuencia
catalog-head-estimate = Estim.
catalog-head-last = Última
catalog-head-success = Éxito
catalog-head-test = Test
catalog-head-review = Revisión
catalog-age = { $days ->
    [0] hoy
   *[other] hace { $days } d
}
catalog-due-in = { $days ->
    [0] hoy
   *[other] en { $days } d
}
catalog-due-overdue = vencida
catalog-due-never = sin fecha
catalog-empty = No hay procedimientos en { $dirs }.
catalog-empty-hint = Crea uno (`pasos import runbook.md -o procedures/PROC-BACKEND-001.toml`) o indica otro directorio: `pasos open DIR`, o procedures_dir en { $config }.
catalog-no-match = Ningún procedimiento coincide con el filtro (Esc lo borra).
catalog-broken-short = { $count ->
    [one] { $count } archivo no carga: { $files }
   *[other] { $count } archivos no cargan: { $files }
}
catalog-detail-file = { $path } · versión { $version } · { $steps ->
    [one] { $steps } paso
   *[other] { $steps } pasos
} · actualizado { $updated }
catalog-detail-history = Ejecuciones: { $count } · éxito { $rate } · última { $last } · tests: { $tests } (último { $test }) · ensayos: { $rehearsals }
catalog-detail-review = Revisión cada { $months } meses: { $due }
catalog-no-runs = { $id } no tiene ejecuciones todavía.
catalog-checking-history = Comprobando el historial: las cifras son las de la última comprobación…
catalog-history-failed = No se puede leer el historial en { $path }: { $error }. Las cifras son las de la última comprobación.
catalog-no-kpis = { $id } no tiene ejecuciones en vivo ni ensayos: no hay indicadores todavía.
catalog-choose-title = ¿Qué hacer con { $id }?
catalog-choose-rehearse = Ensayar (dry run): muestra los comandos sin ejecutarlos
catalog-choose-live = Ejecutar en vivo
catalog-choose-hint = Enter elige · Esc vuelve
catalog-help-title = Teclas del catálogo
catalog-help-footer = cualquier tecla cierra esta ayuda
catalog-mode = catálogo
catalog-too-small = Terminal demasiado pequeña ({ $size }); el catálogo necesita al menos 60x16.

key-open-procedure = abrir el procedimiento: ejecutarlo o ensayarlo
    .short = abrir
key-show-runs = ejecuciones del procedimiento
    .short = ejecuciones

# Línea de órdenes.
cli-open = Abre el catálogo de procedimientos a pantalla completa (lo mismo que `pasos` sin argumentos en una terminal).
cli-open--dir = El directorio de procedimientos (por omisión: procedures_dir de config.toml, o ./procedures/).
cli-open--ascii = Dibuja sin caracteres de recuadro.
cli-open--keymap = Un archivo de keymap que cambia las teclas por omisión (sección [catalog]).
cli-index = Imprime el índice de procedimientos como lo presenta la norma del equipo (por criticidad, por tipo), con las cifras del historial.
cli-index--dir = El directorio de procedimientos (por omisión: procedures_dir de config.toml, o ./procedures/).
cli-index--format = md (Markdown, para el README de los procedimientos) o json (nombres de campo estables). Por omisión: md.
key-filter-procedures = filtrar los procedimientos (identificador, título, criticidad, tipo, frecuencia, etiquetas)
    .short = filtrar
catalog-test-result = { $passed ->
    [yes] superado
   *[no] fallido
}
