# Una segunda persona: aprobaciones, traspaso, observadores, supervisión (issue 19).

team-awaiting-approval = { $step } espera a { $roles }: pasos approve { $run } { $step }
team-awaiting-run-approval = la ejecución espera la aprobación de { $roles }: `pasos approve { $run }` desde otra sesión
team-header-awaiting = { $step } espera a { $roles }
team-approval-granted = { $step } aprobado por { $approver } ({ $role })
team-run-approval-granted = ejecución aprobada por { $approver } ({ $role })
team-approval-refused = aprobación rechazada ({ $approver }): { $problem }
team-problem = { $problem ->
    [own-key] firmada con la clave del propio operador
    [lacks-role] el fichero del equipo no da ese rol a esta clave
    [unknown-key] la clave no está en el fichero del equipo
    [bad-signature] la firma no se verifica
    [other-run] es para otra ejecución u otro procedimiento
    [outside-window] su ventana no está abierta ahora
    [not-asked] el paso no pide ese rol
   *[malformed] no es un fichero de aprobación
}
team-unknown-person = desconocido
team-no-team-file = no hay fichero del equipo ({ $path }): no se pueden comprobar aprobaciones. Escríbalo (`ROLES NOMBRE ssh-ed25519 AAAA…` por línea) o indique --team FICHERO
team-handoff-received = se pidió el traspaso a { $to }: esta sesión termina
team-handed-off-banner = Ejecución traspasada a { $to }. Continúa con: pasos run { $file } --resume { $run }
team-watchers = { $count ->
    [one] observa: { $names }
   *[other] observan ({ $count }): { $names }
}
team-supervised-by = supervisa { $name }

## Bitácora e historial

team-ev-approval-granted = { $step } aprobado por { $approver } como { $role }
team-ev-run-approval-granted = Ejecución aprobada por { $approver } como { $role }
team-ev-approval-window = (dada por adelantado para una ventana)
team-ev-approval-refused = Aprobación rechazada ({ $who }, { $role }): { $problem }
team-ev-handoff = Traspasada a { $to }: { $note }
team-ev-handoff-open = pendiente: { $open }
team-interrupted-handoff = se traspasó al siguiente operador
team-report-approvals = Aprobaciones
team-report-approval-line = { $what }: { $approver } ({ $role }), { $time }{ $note }
team-report-whole-run = la ejecución
team-report-operators = Operadores
team-report-by = por { $operator }

## pasos approve

team-approve-done = Aprobación de { $what } como { $role } por { $approver } escrita en { $path }
team-approve-no-role = su clave ({ $key }) no tiene ningún rol en { $team }; pida a quien mantiene el fichero del equipo que la añada
team-approve-which-role = su clave tiene varios roles ({ $roles }): elija uno con --role
team-approve-no-such-role = su clave no tiene el rol { $role } en { $team } (tiene: { $roles })
team-approve-window-needs-procedure = una aprobación para una ventana necesita --procedure ID, --from y --until
team-approve-bad-time = { $value } no es una hora: escriba 2026-12-06T22:00:00Z o 2026-12-06 22:00
team-approve-window-order = la ventana termina antes de empezar
team-approve-run-finished = la ejecución { $run } ya terminó: no hay nada que aprobar

## pasos handoff

team-handoff-sent = Traspaso de { $run } a { $to } pedido; el pasos en marcha termina su sesión en menos de un segundo
team-handoff-not-running = la ejecución { $run } no está en marcha aquí; retómela con `pasos run FICHERO --resume { $run }` para traspasarla desde dentro
team-handoff-done = Ejecución { $run } traspasada a { $to }

## pasos watch

team-watch-title = OBSERVANDO { $run } (solo lectura) — q sale
team-watch-no-run = no hay ninguna ejecución en curso; indique una: pasos watch EJECUCIÓN
team-watch-ended = la ejecución terminó: { $status }
team-watch-read-only = solo lectura: esta vista no envía nada a la ejecución

## Ayuda de la línea de órdenes

cli-approve = Aprueba un paso de una ejecución en marcha (o una ejecución entera, o una ventana de cambio) con su clave SSH.
cli-approve--run = La ejecución (su id o un prefijo único); omítala con --procedure para una ventana.
cli-approve--step = El paso que aprueba; omítalo para dar la aprobación propia del procedimiento.
cli-approve--note = Una nota para el operador y la bitácora.
cli-approve--role = El rol con el que aprueba (necesario si su clave tiene varios).
cli-approve--team = El fichero del equipo (roles y claves) [env: PASOS_TEAM; por defecto <config>/team].
cli-approve--signing_key = Firma con este fichero de clave privada en vez de la clave del agente.
cli-approve--procedure = Con --from y --until: aprueba por adelantado para una ventana, cualquier ejecución de este id de procedimiento.
cli-approve--from = Comienzo de la ventana (2026-12-06T22:00:00Z).
cli-approve--until = Fin de la ventana.
cli-handoff = Traspasa una ejecución en marcha al siguiente operador: la sesión actual termina limpiamente y la ejecución espera a `pasos run --resume`.
cli-handoff--run = La ejecución (su id o un prefijo único).
cli-handoff--to = Quién la continúa.
cli-handoff--note = El estado en sus palabras: qué está hecho, qué falta, qué vigilar.
cli-watch = Sigue una ejecución en directo, solo lectura, desde otro terminal.
cli-watch--run = La ejecución (su id o un prefijo único); por defecto, la más reciente en curso.
cli-watch--name = Su nombre, tal como lo muestra la cabecera del operador (por defecto: usuario@máquina).
cli-watch--ascii = Dibuja sin caracteres de recuadro.
cli-run--team = El fichero del equipo con roles y claves, para las aprobaciones [env: PASOS_TEAM; por defecto <config>/team].

team-report-columns = Aprobaciones
    .time = Hora
    .what = Qué
    .key = Clave
team-report-by-column = Por

## Ejecuciones supervisadas (--supervised-by)

cli-run--supervised_by = Ejecutar bajo supervisión: cada paso crítico (criticidad critica o alta) espera a que NOMBRE observe (`pasos watch --name NOMBRE`) o apruebe el paso (`pasos approve EJECUCIÓN PASO`); queda en el diario y cuenta en `pasos kpi`.
team-awaiting-supervisor = { $step } espera a su supervisor { $supervisor }: `pasos watch { $run } --name { $supervisor }` o `pasos approve { $run } { $step }` desde su sesión
team-header-awaiting-supervisor = { $step } espera a { $supervisor }
team-ev-supervised-run = Ejecución supervisada por { $supervisor }
team-ev-supervised-step = { $step } supervisado por { $supervisor } { $by ->
    [watcher] observando en directo
   *[approval] con aprobación firmada
}
team-kpi-supervised = { $count ->
    [one] { $count } supervisada
   *[other] { $count } supervisadas
}
team-report-supervisor = Supervisor
