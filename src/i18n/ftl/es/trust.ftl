# Puntos de control firmados y lo que prueba `pasos log verify` (src/trust/).

trust-signing-required = esta ejecución debe firmarse ({ $why }). Proporcione una clave: arranque ssh-agent y añada su clave (`eval "$(ssh-agent)"; ssh-add ~/.ssh/id_ed25519`), reenvíe su agente (`ssh -A`) o indique un fichero de clave sin frase de paso con `--signing-key FICHERO` o `key = "FICHERO"` en [signing] de trust.toml
trust-run-unsigned = ejecución sin firmar: { $why } (arranque ssh-agent y añada su clave con `ssh-add` para firmar la bitácora)
trust-run-signed = bitácora firmada con { $key } ({ $via })
trust-run-sign-failed = { $count ->
    [one] no se pudo firmar un punto de control: { $why }
   *[other] no se pudieron firmar { $count } puntos de control: { $why }
}

## pasos log verify: cuatro respuestas

trust-integrity-ok = integridad:   correcta, { $count ->
    [one] un evento, la cadena de hashes se mantiene
   *[other] { $count } eventos, la cadena de hashes se mantiene
}
trust-integrity-failed = integridad:   FALLA: { $problem }
trust-authenticity-unsigned = autenticidad: sin firmar: no hay puntos de control, así que cualquiera que pudiera escribir la bitácora pudo escribirla
trust-authenticity-ok = autenticidad: correcta, cada línea hasta la seq { $seq } está firmada por un firmante autorizado ({ $count ->
    [one] un punto de control
   *[other] { $count } puntos de control
})
trust-authenticity-unchecked = autenticidad: firmas válidas, pero los firmantes NO se comprueban: indique --allowed-signers FICHERO o allowed_signers en [verify] de trust.toml
trust-authenticity-uncovered = autenticidad: FALLA: desde la seq { $seq } nada está cubierto por una firma válida
trust-authenticity-failed = autenticidad: FALLA: un punto de control no se verifica
trust-completeness-unknown = completitud:  desconocida: no hay nada firmado con qué comparar
trust-completeness-ok = completitud:  correcta, la cabeza firmada es la última línea (seq { $seq }){ $how ->
    [end] ; la ejecución terminó
    [interrupted] ; la ejecución se interrumpió y puede reanudarse
   *[open] ; sin punto de control de cierre (la ejecución sigue en curso, se cayó o le cortaron el final)
}
trust-completeness-tail = completitud:  INCOMPLETA: las seq { $from }..{ $to } tras el último punto de control firmado no están firmadas (escritas tras la última firma, o añadidas después)
trust-completeness-truncated = completitud:  FALLA: la seq { $signed } se firmó pero la bitácora termina en la seq { $last }: se quitaron líneas
trust-transcript-none = transcripción: no la cubre ningún punto de control
trust-transcript-ok = transcripción: correcta, { $bytes } bytes en { $count ->
    [one] un fragmento
   *[other] { $count } fragmentos
}{ $uncovered ->
    [0] {""}
   *[other] ; { $uncovered } bytes tras el último punto de control no están firmados
}
trust-transcript-missing = transcripción: FALLA: falta el .cast (se firmaron { $bytes } bytes)
trust-transcript-shorter = transcripción: FALLA: el .cast tiene { $len } bytes, se firmaron { $bytes }
trust-transcript-edited = transcripción: FALLA: el fragmento { $chunk } (bytes { $start }..{ $end }, líneas { $first }..{ $last } del .cast, firmado en la seq { $seq }) fue editado{ $count ->
    [0] {""}
   *[other] ; { $count } fragmentos posteriores también difieren
}
trust-signed-span = firmado por { $principal } ({ $key }): seq { $from }..{ $to }, { $count ->
    [one] un punto de control
   *[other] { $count } puntos de control
}
trust-signer-unchecked = una clave sin comprobar
trust-flaw-unreadable = punto de control { $seq }: ilegible: { $why }
trust-flaw-bad-signature = punto de control { $seq }: la firma no se verifica: { $why }
trust-flaw-unknown-signer = punto de control { $seq }: firmado por { $key }, una clave que no está en allowed_signers
trust-flaw-malformed = punto de control { $seq }: no es un punto de control válido: { $why }
trust-flaw-beyond-end = punto de control { $seq }: firma la seq { $seq }, pero la bitácora termina en la seq { $last }
trust-flaw-head = punto de control { $seq }: la línea { $seq } de la bitácora no es la que se firmó
trust-flaw-chain = punto de control { $seq }: la cadena de hashes está rota antes de la seq { $seq }
trust-status-signed = firmada
trust-status-unsigned = sin firmar
trust-status-failed = FALLA
trust-verify-ok = ok
trust-verify-fail = FALLA
trust-verify-unsigned-required = esta ejecución no está firmada y se indicó --require-signed
trust-verify-offline = compruébela sin pasos: docs/verify-without-pasos.md

## El recibo en informes y checklists rellenos

trust-receipt-title = Recibo
trust-receipt-status = Firma
trust-receipt-note = Para comprobarlo sin pasos hacen falta OpenSSH y el fichero allowed_signers del equipo (docs/verify-without-pasos.md explica cada paso):
trust-verify-headline = { $count ->
    [one] un evento
   *[other] { $count } eventos
} · { $status }
trust-receipt-note-unsigned = Nada firma esta ejecución: solo puede comprobarse su cadena de hashes (paso 2 de docs/verify-without-pasos.md, o bien):

trust-signer-no-agent = SSH_AUTH_SOCK no está definida
trust-signer-agent-unreachable = el ssh-agent de { $socket } no responde: { $why }
trust-signer-agent-empty = el ssh-agent no tiene ninguna clave
trust-signer-no-such-key = el ssh-agent no tiene la clave { $key }
trust-signer-encrypted = { $path } está protegida con frase de paso
trust-signer-sign-failed = la firma falló: { $why }
