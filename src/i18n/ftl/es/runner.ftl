# A run as the operator sees it, in the full-screen interface and in line
# mode: headers, step cards, results, the rollback plan, refusals.

## How the run is going

run-mode-live = en vivo
run-mode-rehearsal = ENSAYO (los comandos se muestran, no se ejecutan)
run-mode-resumed = reanudada
run-production = PRODUCCIÓN
run-journal-at = bitácora: { $path }
run-id = ejecución { $run }
run-phase = Fase { $title }
run-phase-budget = presupuesto { $budget }
run-estimate = estimado { $estimate }
run-commands = Comandos
run-expected = Resultado esperado
run-validation = Validación
run-validation-exit = código { $code }
run-on-failure = Si falla
run-own-rollback = Su rollback
run-no-rollback = ninguno (nada que deshacer)
run-notes = Notas
run-would-run = ejecutaría
run-validating = validando
run-rolling-back = ROLLBACK EN CURSO
run-eta = transcurrido { $elapsed } · faltan ~{ $left }
run-rto-left = RTO: quedan { $left }
run-rto-passed = RTO SUPERADO por { $over }

## Prerequisites and variables

run-prerequisites = Prerequisitos
run-checking = verificando: { $command }
run-check-ok = ok
run-check-failed = falló (código { $code })
run-variables = Variables
run-prerequisites-pending = { $count ->
    [one] falta confirmar { $count } prerequisito
   *[other] faltan confirmar { $count } prerequisitos
}

## Questions

run-reason-prompt = Motivo (queda en la bitácora):
run-note-prompt = Nota:
run-reason-skip = ¿Por qué saltar el paso { $step }?
run-reason-override = ¿Por qué dar por hecho el paso { $step } pese al resultado?
run-reason-fail = ¿Por qué marcar como fallido el paso { $step }?
run-reason-rollback = ¿Por qué iniciar el rollback?
run-reason-abort = ¿Por qué terminar la ejecución ahora?
run-reason-waive = ¿Por qué empezar con prerequisitos sin confirmar?

## Results of a step

run-step-done = { $step } hecho en { $took } (estimado { $estimate })
run-step-failed = { $step } falló tras { $took }: { $cause }
run-over-estimate = pasado del estimado por { $over }
run-started = paso { $step } iniciado
run-refused = no es posible: { $why }


## The rollback plan and the decision tree

run-rollback-plan = Plan de rollback desde aquí
run-plan-undo = deshacer
run-plan-nothing = nada que deshacer
run-plan-undocumented = sin rollback documentado: revisar a mano
run-plan-covered = lo deshace { $steps }
run-rollback-when = Hacer rollback si
run-trigger-automatic = automático
run-trigger-manual = manual
run-decision-tree = Árbol de decisión
run-decision-action = → { $action }
run-answer-yes = SÍ
run-answer-no = NO

## The end of a run

run-finished = Ejecución terminada: { $outcome } · { $took }
run-finished-banner = TERMINADA: { $outcome }
run-summary-steps = { $done ->
        [one] { $done } hecho
       *[other] { $done } hechos
    }, { $failed ->
        [one] { $failed } fallido
       *[other] { $failed } fallidos
    }, { $skipped ->
        [one] { $skipped } saltado
       *[other] { $skipped } saltados
    }, { $rolledback ->
        [one] { $rolledback } deshecho
       *[other] { $rolledback } deshechos
    }; { $deviations ->
        [one] { $deviations } desviación
       *[other] { $deviations } desviaciones
    }
run-deviations = Desviaciones
run-verify-with = Verificar la bitácora: pasos log verify { $run }
run-interrupted-resume =
    Ejecución interrumpida; no se perdió nada. Para reanudar:
      pasos run --resume { $run } { $file }

## The shell

run-shell-died = La shell terminó (¿el comando ejecutó `exit`?); se abrió otra: se perdieron las variables y el directorio de pasos anteriores.
run-shell-cannot-start = no se puede iniciar una shell: { $error }
run-shell-foreign-wait = la shell está dentro de otro programa (ssh, sudo -i…): salga para ejecutar el paso, o márquelo a mano
run-shell-cannot-run = la shell no puede ejecutar el comando: { $error }
run-shell-foreign = la shell está ahora dentro de `{ $program }`: pasos no ve ahí los códigos de salida; marque los pasos a mano
run-shell-back = la shell volvió
run-shell-exited = la shell terminó ({ $how }); se abrió otra: se perdieron las variables y el directorio de pasos anteriores
run-shell-killed = señal

## The help text

run-help = Cada paso: léalo y pulse Enter para ejecutar sus comandos en la shell; los códigos de salida y la validación deciden el resultado. Forzar un resultado o saltar un paso exige un motivo y queda como desviación. Salir (q, Ctrl-C en una pregunta, una sesión SSH caída) deja la ejecución reanudable. Ctrl-C mientras corre un comando interrumpe solo ese comando.

## Line mode (pasos run --plain)

plain-variable-prompt = { $name } ({ $prompt }) [{ $default }]:
plain-secret-prompt = { $name } ({ $prompt }, secreto, no se muestra):
plain-prerequisite-keys = [y] confirmado  [w] empezar sin él (motivo)  [q] salir
plain-menu-step = [Enter] ejecutar  [s] saltar  [n] nota  [p] plan de rollback  [t] árbol de decisión  [b] iniciar rollback  [a] abortar  [q] salir  [?] ayuda
plain-menu-rollback = [Enter] ejecutar  [s] saltar  [n] nota  [p] plan de rollback  [a] abortar  [q] salir  [?] ayuda
plain-menu-failed = [r] reintentar  [o] dar por hecho  [s] saltar  [b] iniciar rollback  [t] árbol de decisión  [p] plan  [n] nota  [a] abortar  [q] salir
plain-menu-manual = [y] hecho  [f] falló  [n] nota  [q] salir
plain-menu-rehearsal = [y] revisado  [f] fallaría  [n] nota  [q] salir
plain-decision-keys = [y] sí  [n] no  (vacío: volver)
plain-type-to-confirm = El paso { $step } requiere confirmación. Escriba { $accepted } para ejecutarlo (vacío para volver):
plain-unknown-choice = Opción desconocida; ? muestra las teclas.


## Why the engine refused what was asked

refusal-no-such-step = no existe el paso `{ $step }`
refusal-no-such-prerequisite = no existe ese prerequisito
refusal-no-such-variable = el procedimiento no declara la variable `{ $name }`
refusal-no-such-decision = el árbol de decisión no tiene el nodo `{ $node }`
refusal-bad-value = el valor de { $name } debe cumplir `{ $pattern }`
refusal-reason-required = hace falta un motivo escrito
refusal-needs-confirmation = el paso { $step } requiere confirmación escrita: escriba { $accepted }
refusal-wrong-confirmation = eso no confirma el paso { $step }: escriba { $accepted }
refusal-prerequisites-pending = { $count ->
    [one] hay { $count } prerequisito sin confirmar; confírmelo o empiece igualmente con un motivo
   *[other] hay { $count } prerequisitos sin confirmar; confírmelos o empiece igualmente con un motivo
}
refusal-variables-missing = { $count ->
    [one] variable sin valor: { $names }
   *[other] variables sin valor: { $names }
}
refusal-not-next = el paso { $step } no es el siguiente: haga (o salte, con motivo) antes el paso { $next }
refusal-wrong-state = el paso { $step } está { $state }
refusal-not-left = el paso { $step } no está entre lo que queda por hacer
refusal-run-not-active = la ejecución no está activa
refusal-already-rolling-back = el rollback ya está en curso
refusal-command-running = hay un comando en curso
refusal-or = o

## Why a run could not start or go on

run-error-create-journal = no se puede crear la bitácora { $path }: { $error }
run-error-locked = la ejecución { $run } (pid { $pid } en { $host }) ya está ejecutando este procedimiento con este directorio de datos; espere a que termine o use --force (queda en la bitácora)
run-error-lock = no se puede tomar el bloqueo de la ejecución: { $error }
run-error-not-verified = la bitácora de { $run } no se verifica ({ $problem }); no se puede reanudar (vea `pasos log verify { $run }`)
run-error-journal-empty = la bitácora está vacía; no se puede reanudar
run-error-journal-not-started = la bitácora no empieza con run-started; no se puede reanudar
run-error-wrong-procedure = la bitácora es de una ejecución de { $journal }, pero el archivo es { $file }
run-error-procedure-changed = { $file } cambió desde que empezó la ejecución { $run }; reanude con --force para seguir con la nueva versión (queda registrado)
run-error-already-finished = la ejecución { $run } ya terminó; no hay nada que reanudar
run-error-cannot-resume = no se puede reanudar: { $why }
run-error-shell = no se puede iniciar la shell integrada: { $error }; pruebe `pasos run --plain`
run-error-event-loop = no se puede iniciar el bucle de eventos: { $error }
run-error-terminal = no se puede usar esta terminal: { $error }; pruebe `pasos run --plain`
run-error-journal-failed = no se pudo escribir la bitácora ({ $error }); la ejecución se detuvo en el último evento registrado
run-error-var-unknown = --var { $name }: el procedimiento no declara esa variable (declaradas: { $declared })
run-error-var-form = --var { $var }: escríbala como NOMBRE=VALOR

## A procedure's criticality, as the header shows it

criticality-critical = CRÍTICA
criticality-high = ALTA
criticality-medium = MEDIA
criticality-low = BAJA

## Finding a run by (the start of) its id

run-find-unreadable = no se puede leer { $dir }: { $error }
run-find-none = no hay ninguna ejecución `{ $run }` en { $dir }
run-find-ambiguous = `{ $run }` coincide con { $count } ejecuciones; dé más caracteres del identificador
run-item-undo = deshacer { $step }
