# Robustez en el campo: sesiones caídas, señales, pegado, bloqueos, ficheros hostiles.

hardening-quit-waiting = Se saldrá cuando termine el comando en curso (pulsa q de nuevo para elegir otra cosa).
hardening-quit-busy = Todavía hay un comando en ejecución:
    { $command }

    e  esperar a que termine y salir (la ejecución queda reanudable)
    i  interrumpirlo (queda en la bitácora) y salir
    c  cancelar y seguir (también { $cancel })
hardening-paste-refused = Pegado ignorado: el checklist recibe teclas, no texto. Pasa al shell (4) o abre un campo de texto para pegar.
