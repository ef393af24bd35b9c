# `pasos check` y los diagnósticos de un archivo de procedimiento o de
# keymap: las palabras alrededor de cada mensaje.

check-severity-error = error
check-severity-warning = aviso
check-hint = pista
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errores
}
check-warnings = { $count ->
    [one] { $count } aviso
   *[other] { $count } avisos
}
check-steps = { $count ->
    [one] { $count } paso
   *[other] { $count } pasos
}
check-phases = { $count ->
    [one] { $count } fase
   *[other] { $count } fases
}
check-rollback-steps = { $count ->
    [one] { $count } paso de rollback
   *[other] { $count } pasos de rollback
}
check-estimate = , estimado { $estimate }
check-ok = { $path }: ok — { $id } `{ $title }`: { $steps } en { $phases }, { $rollback }{ $estimate }
check-ok-warnings = { $path }: ok con { $warnings } — { $id } `{ $title }`: { $steps } en { $phases }, { $rollback }{ $estimate }
check-failed-strict = { $path }: falló (--strict): { $warnings }
check-not-ok = { $path }: { $errors }, { $warnings }
check-files = { $count } archivos verificados: { $passed ->
        [one] { $passed } pasó
       *[other] { $passed } pasaron
    }, { $failed ->
        [one] { $failed } no
       *[other] { $failed } no
    }
check-unreadable = no se puede leer { $path }: { $error }
check-fix-and-retry = { $count ->
    [one] { $path } tiene { $count } error; corríjalo y vuelva a intentar `pasos { $verb }` (`pasos check { $path }` lista también los avisos)
   *[other] { $path } tiene { $count } errores; corríjalos y vuelva a intentar `pasos { $verb }` (`pasos check { $path }` lista también los avisos)
}
io-not-found = no existe
io-permission-denied = permiso denegado
io-is-a-directory = es un directorio
