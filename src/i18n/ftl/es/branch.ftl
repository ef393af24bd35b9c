## Choices, conditions, warnings and reference snippets (engine16)

## Why the engine refused

branch-refusal-choice-needed = el paso { $step } es una elección: elija una opción
branch-refusal-condition-unanswered = el paso { $step } tiene una condición sin responder
branch-refusal-not-a-choice = el paso { $step } no es una elección
branch-refusal-no-such-option = la elección { $step } no tiene la opción `{ $option }`; opciones: { $options }
branch-refusal-no-condition = el paso { $step } no tiene condición
branch-refusal-already-answered = el paso { $step } ya tiene respuesta
branch-refusal-no-such-snippet = no existe la referencia `{ $snippet }`
branch-refusal-no-such-snippet-command = la referencia { $snippet } no tiene el comando { $command }

## Journal events in words (log, review)

branch-ev-choice = { $step }: elegida la opción { $option }
branch-ev-condition = { $step }: condición respondida { $answer ->
    [yes] SÍ
   *[no] NO (no se ejecuta)
}
branch-ev-snippet = Referencia { $snippet } enviada al shell: { $command }

## Report

branch-report-not-chosen = no elegido
branch-report-condition-no = no aplica (condición: no)

## Line mode and the step card

branch-option-runs = ejecuta { $steps }
branch-option-runs-nothing = no ejecuta ningún paso
branch-plain-choose = Elija una opción (1-{ $count } o su id; vacío: volver):
branch-chosen = { $step }: opción { $option } elegida
branch-condition-label = Condición: { $question }
branch-plain-condition-keys = [y] sí, ejecutarlo  [n] no, no aplica  (vacío: volver)
branch-condition-skipped = el paso { $step } no se ejecuta (condición: no)
branch-no-snippets = Este procedimiento no tiene referencias.
branch-snippets-title = Referencias (comandos para enviar al shell; no son pasos):
branch-plain-snippet-pick = Número del comando a ejecutar en el shell (1-{ $count }; vacío: volver):
branch-plain-menu-snippets = [c] referencias

## The TUI

branch-choice-title = Elección: paso { $step }
branch-choice-keys = ↑/↓ o 1-{ $count }: elegir · { $accept }: aceptar · { $cancel }: volver
branch-condition-title = Condición: paso { $step }
branch-condition-keys = s/y: sí, ejecutar el paso · n: no, no aplica · { $cancel }: volver
branch-warning-title = Antes de ejecutar el paso { $step }
branch-warning-keys = { $accept }/s: ejecutar · { $cancel }: volver
branch-snippets-dialog-title = Referencias
branch-snippets-keys = ↑/↓ o 1-{ $count }: elegir · { $accept }: escribirlo en el shell (Enter allí lo ejecuta) · { $cancel }: volver
branch-snippet-typed = Comando escrito en el shell: Enter lo ejecuta, { $leave } vuelve a la lista de pasos.
branch-answer = { $answer ->
    [yes] sí
   *[no] no
}
key-snippets = abrir las referencias y enviar un comando al shell
    .short = referencias
branch-plain-snippet-confirm = ¿Ejecutar «{ $command }» en el shell? [y] sí  [n] no:
branch-report-title = Elecciones y condiciones
branch-report-intro = Respuestas del operador antes de los pasos; no son desviaciones.
branch-report-columns = columns
    .time = Hora
    .step = Paso
    .kind = Pregunta
    .answer = Respuesta
branch-report-kind = { $kind ->
    [choice] elección
   *[condition] condición
}
branch-report-chose = opción { $option }
branch-report-chose-not-run = opción { $option } (no se ejecutaron: { $steps })
branch-report-condition-answer = { $answer ->
    [yes] sí: se ejecutó
   *[no] no: no aplica
}

## The printable checklist

branch-export-only-if = SOLO SI
branch-export-choose = ELEGIR UNA
branch-export-branch = Rama
branch-export-branch-of = solo si en { $step } se eligió «{ $option }»
branch-export-reference = Referencias
branch-export-reference-intro = Comandos de consulta; no son pasos: se ejecutan solo cuando hacen falta.
