# Historial del equipo en almacenamiento de objetos compatible con S3 (src/remote/, pasos sync).

remote-location-not-s3 = `{ $text }` no es una ubicación S3; escríbala como s3://BUCKET/PREFIJO
remote-location-bucket = `{ $bucket }` no es un nombre de bucket: de 3 a 63 minúsculas, dígitos, `-` o `.`
remote-location-prefix = `{ $prefix }` no es un prefijo válido: sin partes vacías, `.` ni `..`
remote-config-endpoint = el endpoint `{ $endpoint }` debe empezar por http:// o https://
remote-config-hint = ayuda: [history] admite remote = "s3://bucket/prefijo", endpoint, region, retention_days, refresh_seconds; las credenciales vienen del entorno de AWS o de ~/.aws/credentials

remote-probe-put-enforced = escrituras condicionales: se cumplen (una segunda escritura en una clave se rechaza)
remote-probe-put-ignored = escrituras condicionales: IGNORADAS (el servidor sobrescribió una clave escrita con If-None-Match: *); pasos mira antes de cada escritura y nombra cada objeto por el hash de su contenido
remote-probe-put-unknown = escrituras condicionales: no se pudo saber ({ $detail })
remote-probe-retention-enforced = retención: se cumple, { $mode }, { $count ->
    [one] { $count } día
   *[other] { $count } días
} por objeto (un objeto de prueba queda retenido hasta { $until })
remote-probe-retention-not-configured = retención: NO se cumple: el bucket { $bucket } no tiene configuración de Object Lock, así que { $count ->
    [one] su { $count } día es
   *[other] sus { $count } días son
} una esperanza, no una promesa
remote-probe-retention-unsupported = retención: NO se cumple: el servidor del bucket { $bucket } no implementa Object Lock ({ $detail }), así que { $count ->
    [one] su { $count } día es
   *[other] sus { $count } días son
} una esperanza, no una promesa
remote-probe-retention-not-applied = retención: NO se cumple: el bucket { $bucket } tiene Object Lock, pero un objeto de prueba volvió sin retención ({ $detail }), así que { $count ->
    [one] su { $count } día es
   *[other] sus { $count } días son
} una esperanza, no una promesa
remote-probe-retention-unknown = retención: NO se sabe para el bucket { $bucket } ({ $detail }); cuente { $count ->
    [one] su { $count } día
   *[other] sus { $count } días
} como una esperanza, no una promesa

remote-none-configured = no hay historial remoto configurado: añada [history] remote = "s3://bucket/prefijo" a config.toml (vea `pasos paths`) o use --remote
remote-client-failed = no se puede preparar el cliente S3: { $detail }
remote-unreachable = no se puede llegar al bucket { $location }: { $detail }
remote-refresh-failed = no se puede leer el bucket { $location } ({ $detail }); se muestran las ejecuciones remotas tal como estaban el { $at }

remote-sync-pushed = { $count ->
    [one] { $count } ejecución enviada
   *[other] { $count } ejecuciones enviadas
} a { $location } ({ $objects ->
    [one] { $objects } objeto nuevo
   *[other] { $objects } objetos nuevos
})
remote-sync-pulled = { $count ->
    [one] { $count } ejecución
   *[other] { $count } ejecuciones
} en el bucket, { $fetched } leídas al historial local
remote-queued-run = { $run }  sin subir: { $detail }
remote-queue-empty = cola de subida: vacía, todas las ejecuciones están en el bucket
remote-queue-head = cola de subida: { $count ->
    [one] { $count } ejecución aún no está (entera) en el bucket
   *[other] { $count } ejecuciones aún no están (enteras) en el bucket
}; `pasos sync` las envía
remote-queue-not-tried = aún no se intentó
remote-status-location = historial remoto: { $location } en { $endpoint }
remote-status-cache = copia local de las ejecuciones del bucket: { $count ->
    [one] { $count } ejecución
   *[other] { $count } ejecuciones
}, leída el { $at }
remote-list-not-uploaded = { $count ->
    [one] { $count } ejecución aún no se ha subido
   *[other] { $count } ejecuciones aún no se han subido
} a { $location } (`pasos sync` las envía):

remote-verify-ok = ok    { $run }  { $count ->
    [one] { $count } línea
   *[other] { $count } líneas
} en { $objects ->
    [one] { $objects } objeto
   *[other] { $objects } objetos
}
remote-verify-fail = FALLO  { $run }  { $detail }
remote-verify-never-uploaded = NUNCA SUBIDA  { $run }  (este bastión la tiene; el bucket no tiene nada de ella)
remote-verify-summary = { $count ->
    [one] { $count } ejecución
   *[other] { $count } ejecuciones
} en { $location }: { $failed } no se verifican; { $never } ejecuciones locales nunca subidas
remote-finding-gap = faltan en el bucket las líneas { $from } a { $to } (objetos borrados)
remote-finding-changed = el objeto { $key } se modificó en el bucket: sus bytes no son los que registra su nombre
remote-finding-overlap = el objeto { $key } repite líneas que tiene otro objeto, con otros bytes
remote-finding-chain = la cadena no se sostiene ({ $kind }, línea { $line }): { $detail }
remote-finding-lines-gone = este bastión subió las líneas hasta la { $uploaded }; el bucket las tiene hasta la { $remote } (objetos borrados)
remote-finding-file-gone = este bastión subió { $uploaded } bytes de { $name }; el bucket tiene { $remote } (objetos borrados)
remote-finding-run-gone = la ejecución entera ya no está en el bucket (antes estaba)
remote-finding-behind = aún sin subir: este bastión tiene líneas hasta la { $local }, el bucket hasta la { $remote }

remote-run-uploaded = la ejecución está en el bucket del equipo ({ $objects ->
    [one] { $objects } objeto nuevo
   *[other] { $objects } objetos nuevos
})
remote-run-queued = la ejecución está a salvo aquí; { $count ->
    [one] { $count } ejecución espera
   *[other] { $count } ejecuciones esperan
} para subirse ({ $detail }); `pasos sync` las envía
remote-run-still-sending = la ejecución está a salvo aquí; su subida no terminó a tiempo y espera a `pasos sync`
remote-refresh-failed-no-copy = no se puede leer el bucket { $location } ({ $detail }); no se muestran ejecuciones remotas hasta que se pueda
remote-no-credentials = no hay credenciales: defina AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o un perfil en ~/.aws/credentials (AWS_PROFILE)
remote-verify-no-runs = log verify --remote verifica todas las ejecuciones del bucket; no nombre ejecuciones con él
remote-status-cache-none = copia local de las ejecuciones del bucket: aún ninguna (los comandos del historial y `pasos sync` leen el bucket)
