## Orientarse en la pantalla de la ejecución: búsqueda, salto, ayuda,
## leyenda, copia, diálogos que se vuelven a abrir (issue 15). Los
## mensajes `key-*` son las palabras de las acciones que añade esta área.

key-prerequisites = volver a mostrar los prerequisitos sin confirmar
    .short = prereq.
key-search = buscar pasos (id, título, comandos)
    .short = buscar
key-next-match = siguiente coincidencia
    .short = sig.
key-previous-match = coincidencia anterior
    .short = ant.
key-jump-to-step = ir a un paso por su id
    .short = ir a
key-copy-command = copiar los comandos del paso al portapapeles (OSC 52)
    .short = copiar

nav-find-title = Buscar pasos
nav-find-body = Parte del id, del título o de los comandos de un paso; después { $next } y { $previous } para la coincidencia siguiente y la anterior.
nav-jump-title = Ir al paso
nav-jump-body = El id del paso, como lo muestra el checklist (P1, 3, R2; <3 para deshacer el 3).
nav-search-none = Todavía no hay búsqueda: pulse { $key } para buscar.
nav-search-hit = «{ $query }»: coincidencia { $n } de { $count }
nav-search-miss = Ningún paso coincide con «{ $query }».
nav-jump-miss = No hay ningún paso { $step }.

nav-prerequisites-settled = Los prerequisitos están resueltos.
nav-prerequisites-checking = Las comprobaciones de los prerequisitos siguen en marcha.
nav-prerequisite-reopen = Más tarde, { $key } vuelve a mostrar los prerequisitos sin confirmar.
nav-prerequisite-check-rehearsal = Comprobación (no se ejecuta en un ensayo): { $command }
nav-prerequisite-check-failed = Comprobación que no pasó: { $command }

nav-decision-outcome = Decisión: { $action }
nav-decision-none = Este procedimiento no tiene árbol de decisión.
nav-decision-answered = { $question } → { $answer }
nav-yes = sí
nav-no = no

nav-legend-title = estados
nav-legend-overridden = hecho por decisión del operador (con motivo registrado, no por el código de salida)
nav-legend-undo = deshacer el paso 3 (durante un rollback)
nav-legend-over = tiempo empleado / estimado; ! pasado del estimado
nav-legend-more = el panel del paso tiene más abajo (pagedown)
nav-more = ↓ más
nav-help-more = { $now }/{ $total } ↓ pagedown · esc cierra
nav-help-end = esc cierra

nav-copied = { $count ->
    [one] Paso { $step }: su comando se envió al portapapeles (OSC 52).
   *[other] Paso { $step }: sus { $count } comandos se enviaron al portapapeles (OSC 52).
}
nav-copy-nothing = El paso { $step } no tiene comandos que copiar.

nav-quit-finished =
    La ejecución ha terminado ({ $outcome }). ¿Salir?
    Su bitácora: pasos log show { $run }
nav-rehearsal-badge = ENSAYO
