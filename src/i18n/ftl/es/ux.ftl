# Plan de rollback, confirmación en producción, acciones esenciales del
# mapa de teclas, decisiones del informe, completado y marcas de ensayo
# (issue 15).

ux-plan-same-as = mismo deshacer que el paso { $step }: se ejecuta una vez
ux-plan-before-entry = no se ejecuta: el árbol de decisión empieza el rollback en { $entry }
ux-plan-kept = preparación: el rollback no lo deshace; deshazlo a mano si hace falta
ux-ev-step-undone = { $step } deshecho por { $by }
