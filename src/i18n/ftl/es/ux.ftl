# Plan de rollback, confirmación en producción, acciones esenciales del
# mapa de teclas, decisiones del informe, completado y marcas de ensayo
# (issue 15).

ux-plan-same-as = mismo deshacer que el paso { $step }: se ejecuta una vez
ux-plan-before-entry = no se ejecuta: el árbol de decisión empieza el rollback en { $entry }
ux-plan-kept = preparación: el rollback no lo deshace; deshazlo a mano si hace falta
ux-ev-step-undone = { $step } deshecho por { $by }
ux-keymap-essential-unbound = error: { $file }: `{ $action }` no tiene tecla en [{ $mode }] — { $what }
    {"  "}ayuda: asigna una, p. ej. en [{ $mode }]: "{ $key }" = "{ $action }"
ux-keymap-essential-count = { $count ->
        [one] 1 acción esencial se queda sin tecla: con este mapa pasos no se puede usar.
       *[other] { $count } acciones esenciales se quedan sin tecla: con este mapa pasos no se puede usar.
    }
ux-quoted = «{ $text }»
