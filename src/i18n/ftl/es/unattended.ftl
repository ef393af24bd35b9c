## Ejecuciones desatendidas (pasos run --unattended): simulacros en staging y CI.

unattended-mode-test = PRUEBA (desatendida: las respuestas vienen de las opciones)
unattended-kpi-tests-apart = { $count ->
    [one] prueba desatendida (no cuenta)
   *[other] pruebas desatendidas (no cuentan)
}
unattended-kpi-tests = { $count ->
    [one] { $count } prueba desatendida
   *[other] { $count } pruebas desatendidas
}
unattended-report-warn = **Prueba desatendida:** todas las respuestas vinieron de opciones; cuenta como prueba del procedimiento, no como ejecución.
unattended-list-mark = prueba

unattended-answer-form = --answer { $answer }: escríbalo como ID=VALOR (el id del paso y luego el id de la opción, o sí/no para una condición).
unattended-answer-twice = --answer da dos respuestas al paso { $id } ({ $first } y { $second }): deje una.

unattended-refused = { $count ->
    [one] Una ejecución desatendida no pregunta nada, así que todo debe estar respondido antes de empezar; falta una cosa:
   *[other] Una ejecución desatendida no pregunta nada, así que todo debe estar respondido antes de empezar; faltan { $count } cosas:
}
unattended-need-confirm = el paso { $step } ({ $title }) necesita una confirmación escrita: añada --yes-to { $step }
unattended-need-manual = el paso { $step } ({ $title }) no tiene comandos y se marca a mano: añada --yes-to { $step } cuando esté hecho
unattended-need-interactive = el paso { $step } ({ $title }) tiene un comando que espera a alguien al teclado: ejecútelo de forma atendida o haga que el comando no sea interactivo
unattended-need-prerequisites = { $count ->
    [one] un prerequisito no tiene comando de comprobación: añada --yes-to prerequisitos para confirmarlo
   *[other] { $count } prerequisitos no tienen comando de comprobación: añada --yes-to prerequisitos para confirmarlos
}
unattended-need-variable = la variable { $name } no tiene valor: defina PASOS_VAR_{ $name } (o --var, --var-file)
unattended-need-bad-value = la variable { $name } no cumple su patrón { $pattern }: dé un valor que lo cumpla
unattended-need-unknown-id = { $flag } { $id }: el procedimiento no tiene ningún paso { $id } que responder
unattended-need-choice = el paso { $step } pregunta «{ $question }» ({ $options }): añada --answer { $step }=OPCIÓN, p. ej. --answer { $step }={ $example }
unattended-need-condition = el paso { $step } pregunta «{ $question }» antes de ejecutarse: añada --answer { $step }=sí o --answer { $step }=no
unattended-need-bad-option = --answer { $step }={ $given }: la elección del paso { $step } no tiene la opción { $given }; sus opciones: { $options }
unattended-need-bad-condition = --answer { $step }={ $given }: el paso { $step } tiene una condición, respóndala con sí o no
unattended-need-not-a-question = --answer { $step }: el paso { $step } no hace ninguna pregunta (ni elección ni condición); para una confirmación use --yes-to { $step }
unattended-need-run-approval = el procedimiento necesita la aprobación de { $roles } antes del primer paso, y no se puede esperar a nadie: pida que se apruebe de antemano para una ventana (pasos approve --procedure { $procedure } --from … --until …)
unattended-need-step-approval = el paso { $step } necesita la aprobación de { $roles }, y no se puede esperar a nadie: pida que se apruebe de antemano para una ventana (pasos approve --procedure { $procedure } { $step } --from … --until …)
unattended-approval-missing = { $step } sigue esperando la aprobación de { $roles } (ninguna aprobación de ventana válida): la ejecución se detiene aquí.
unattended-refused-nothing-run = No se ha ejecutado nada ni se ha escrito ninguna bitácora.

unattended-header = Ejecución de prueba desatendida: todas las respuestas vienen de las opciones; no se preguntará nada.
unattended-step-start = ▶ { $step } — { $title }
unattended-step-passed = ✓ { $step } superado ({ $took })
unattended-step-failed = ✗ { $step } falló ({ $took }): { $cause }
unattended-rolling-back = El paso { $step } falló: se ejecuta el rollback (--rollback-on-failure).
unattended-stopping = El paso { $step } falló: la ejecución se detiene aquí (añada --rollback-on-failure para ejecutar el rollback).
unattended-rollback-step-failed = El paso de rollback { $step } falló: la ejecución se detiene aquí.
unattended-prerequisite-failed = Prerequisito no cumplido: { $item }. La ejecución se detiene antes del primer paso.
unattended-prerequisite-confirmed = confirmado por --yes-to prerequisitos
unattended-not-answered = { $step } necesita una respuesta que ninguna opción dio: la ejecución se detiene aquí.

unattended-summary-title = == Prueba desatendida de { $procedure } (ejecución { $run })
unattended-summary-undone = deshecho por el rollback
unattended-summary-exit = código { $code }
unattended-summary-not-run = no ejecutado
unattended-summary-skipped = omitido
unattended-left-out-condition = condición respondida que no
unattended-left-out-not-chosen = opción no elegida
unattended-summary-counts = Pasos: { $passed ->
    [one] { $passed } superado
   *[other] { $passed } superados
}, { $failed ->
    [one] { $failed } fallido
   *[other] { $failed } fallidos
}, { $skipped } sin ejecutar · { $took }
unattended-summary-outcome = Resultado: { $outcome ->
    [success] ÉXITO
    [failed] FALLIDA
    [rolled-back] FALLIDA, con rollback
    [aborted] ABORTADA
   *[interrupted] INTERRUMPIDA
} · bitácora { $journal }

unattended-junit-failed-exit = código de salida { $code }: { $cause }
unattended-junit-failed = { $cause }
unattended-junit-not-run = no ejecutado: la ejecución se detuvo antes de este paso
unattended-junit-written = Informe JUnit escrito en { $path }
unattended-junit-cannot-write = No se puede escribir el informe JUnit { $path }: { $error }

cli-run--unattended = Ejecuta todos los pasos sin preguntar (simulacros en staging y CI): se detiene en el primer fallo, registra la ejecución como prueba e imprime un resumen; sale con 0 si tiene éxito y con 1 si falla. Las preguntas se responden con --answer y --yes-to, las variables con PASOS_VAR_<NOMBRE> o --var-file; si falta algo, no empieza (código 2).
cli-run--rollback_on_failure = Con --unattended: si un paso falla, ejecuta el plan de rollback.
cli-run--answers = Con --unattended: responde a la pregunta de un paso (repetible): ID=OPCIÓN para una elección, ID=sí o ID=no para una condición.
cli-run--yes_to = Con --unattended: dice que sí a un paso que necesita confirmación escrita o que se marca a mano (repetible); `prerequisitos` confirma los prerequisitos sin comprobación.
cli-run--junit = Con --unattended: escribe un informe JUnit XML (un caso de prueba por paso) en FILE.
