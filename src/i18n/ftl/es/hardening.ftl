# Robustez en el campo: sesiones caídas, señales, pegado, bloqueos, ficheros hostiles.

hardening-quit-waiting = Se saldrá cuando termine el comando en curso (pulsa q de nuevo para elegir otra cosa).
hardening-quit-busy = Todavía hay un comando en ejecución:
    { $command }

    e  esperar a que termine y salir (la ejecución queda reanudable)
    i  interrumpirlo (queda en la bitácora) y salir
    c  cancelar y seguir (también { $cancel })
hardening-paste-refused = Pegado ignorado: el checklist recibe teclas, no texto. Pasa al shell (4) o abre un campo de texto para pegar.
hardening-lock-held = la ejecución { $run } (pid { $pid } en { $host }) ya está ejecutando este procedimiento con este directorio de datos. Espera a que termine, o detenla limpiamente con --force (registra su interrupción y queda reanudable).
hardening-lock-did-not-stop = se pidió a la ejecución { $run } (pid { $pid } en { $host }) que se detuviera (--force), pero sigue teniendo el bloqueo; no se ha iniciado nada. Detenla a mano y vuelve a intentarlo.
hardening-lock-remote = la ejecución { $run } (pid { $pid } en { $host }) está ejecutando este procedimiento desde otra máquina; --force no puede detenerla desde aquí. Termínala primero en { $host }.
hardening-storage-full = no se puede escribir { $path }: el disco está lleno ({ $detail }). Libera espacio o usa --data-dir en otro disco.
hardening-storage-read-only = no se puede escribir { $path }: el sistema de ficheros es de solo lectura ({ $detail }). Usa un --data-dir con permiso de escritura.
hardening-storage-permission = no se puede escribir { $path }: permiso denegado ({ $detail }). Revisa el propietario y los permisos de su directorio, o usa otro --data-dir.
hardening-storage-other = no se puede escribir { $path }: { $detail }
hardening-no-input = pasos: la entrada no es un terminal y no dio nada utilizable ({ $limit } respuestas seguidas, o se terminó); la ejecución queda interrumpida.
hardening-file-not-regular = es { $kind ->
    [directory] un directorio
    [fifo] una FIFO (tubería con nombre)
    [char-device] un dispositivo de caracteres
    [block-device] un dispositivo de bloques
    [socket] un socket
   *[other] otra cosa
}, no un fichero normal; indica la ruta de un fichero de procedimiento
hardening-file-too-large = ocupa { $size } MB, más que el límite de { $cap } MB; un procedimiento nunca es tan grande (revisa la ruta), o sube el límite con { $variable }=<MB>
hardening-interrupted-no-input = sin entrada utilizable (la entrada terminó o solo dio respuestas inutilizables)
hardening-verify-missing = FALLO  { $run }  falta la bitácora: { $path } ha desaparecido; solo queda su cabecera ({ $count ->
    [one] { $count } evento escrito
   *[other] { $count } eventos escritos
})
