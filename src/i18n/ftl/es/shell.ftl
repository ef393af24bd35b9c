# La shell integrada: de dónde sale cada código de salida, reinicios,
# límites de tiempo, el contexto de trabajo restaurado al reanudar.

shell-exit-source = { $source ->
    [marker] marcador autenticado
    [sentinel] centinela
    [operator] palabra del operador
    [shell-exited] la shell terminó
    [timed-out] tiempo agotado
   *[other] { $source }
}

shell-marker-rejected = Se ignoró un marcador de código de salida que no se pudo autenticar: algo intentó falsificar el resultado de un comando.
shell-timed-out = Tiempo agotado: deteniendo `{ $command }` (Ctrl-C, luego TERM, luego KILL).

# $cause: exited, killed u operator; $code puede estar vacío.
shell-restarted = Shell nueva: la anterior { $cause ->
    [exited] terminó con { $code }
    [killed] fue terminada por una señal
   *[operator] se reemplazó a petición del operador
}; sus variables y su directorio de trabajo se perdieron.
shell-during-step = durante { $step }

shell-step-time-note = Los tiempos de paso son los del operador: desde el primer inicio del paso hasta su resultado, con todos sus intentos (decidir y reintentar incluidos, interrupciones de la ejecución excluidas); el tiempo de los comandos se guarda aparte.

# Reanudar: lo que recuperó la shell nueva. $cwd puede ser "-".
shell-restored = Reanudada en una shell nueva: directorio de trabajo { $cwd }; { $count ->
    [0] ninguna variable exportada restaurada
    [one] { $count } variable exportada restaurada ({ $names })
   *[other] { $count } variables exportadas restauradas ({ $names })
}.
shell-restore-no-dir = No restaurado: el directorio de trabajo { $dir } ya no existe.
shell-restore-withheld = No restaurado (los secretos nunca se registran; se vuelven a pedir): { $names }.
shell-restore-in-flight = El paso { $step } estaba ejecutando `{ $command }` cuando se detuvo la ejecución; puede haber terminado o no. Enter vuelve a ejecutar el paso desde su primer comando; o lo marca como hecho o fallido con un motivo; s lo omite.
shell-restore-lost = Nunca se restauran: funciones de la shell, variables no exportadas, alias ni trabajos en segundo plano.

# Tras el tiempo de un paso en una fila de la cronología: es el del operador.
shell-step-time-detail = {" "}(tiempo del paso; este intento { $attempt }, comandos { $commands })
shell-context = Contexto de la shell: { $what }
shell-context-cwd = directorio { $dir }
shell-context-set = exportadas { $names }
shell-context-unset = eliminadas { $names }
shell-context-withheld = secretas, no registradas: { $names }
shell-cause-shell-exited = la shell terminó mientras se ejecutaba el comando { $command } de { $total }
shell-cause-timed-out = el comando { $command } de { $total } agotó su tiempo tras { $after }
