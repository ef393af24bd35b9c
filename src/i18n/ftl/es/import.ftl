# pasos import: la línea de riesgos tras cada importación, y --strict.
import-not-text = pasos import: { $file }:{ $line }:{ $col }: un byte NUL: es un archivo binario (una imagen, un archivo comprimido, datos aleatorios), no un runbook de texto; indique el archivo Markdown
import-risk-line = pasos import: documento leído como { $document ->
    [reference] referencia (cada paso pide confirmación antes de ejecutarse)
    [index] índice (no se ejecuta nada)
   *[procedure] procedimiento
}; { $gated } { $gated ->
    [one] comando destructivo protegido
   *[other] comandos destructivos protegidos
} con confirmación, { $placeholders } { $placeholders ->
    [one] marcador convertido
   *[other] marcadores convertidos
} en variables, { $demoted } { $demoted ->
    [one] texto retirado
   *[other] textos retirados
} de los comandos; { $count ->
    [0] nada queda pendiente de revisión
    [one] { $count } punto queda pendiente de revisión (ver el resumen de riesgos de --report)
   *[other] { $count } puntos quedan pendientes de revisión (ver el resumen de riesgos de --report)
}
import-strict-failed = pasos import: --strict: { $count ->
    [one] { $count } punto queda
   *[other] { $count } puntos quedan
} pendientes de revisión; revisa el resumen de riesgos de --report

# pasos import --report: el marco del informe (los textos de cada entrada,
# las frases sobre la codificación y los puntos de riesgo están en
# import-report.ftl).
import-report-title = informe de pasos import: { $source }
import-report-encoding-clean = codificación: UTF-8, nada que reparar
import-report-encoding = codificación: { $change }
import-report-line = línea { $line }
import-report-lines = líneas { $first }-{ $last }
import-report-tag-notes = [notas]
import-report-tag-guess = [supuesto]
import-report-tag-skip = [omitido]
import-report-summary = resumen: { $steps } { $steps ->
    [one] paso
   *[other] pasos
} en { $phases } { $phases ->
    [one] fase
   *[other] fases
} ({ $manual } { $manual ->
    [one] manual
   *[other] manuales
}), { $rollback } { $rollback ->
    [one] paso
   *[other] pasos
} de rollback, { $commands } { $commands ->
    [one] comando
   *[other] comandos
}, { $variables } { $variables ->
    [one] variable
   *[other] variables
}, { $notes } { $notes ->
    [one] línea enviada
   *[other] líneas enviadas
} a notas, { $repaired } { $repaired ->
    [one] segmento de codificación reparado
   *[other] segmentos de codificación reparados
}
import-report-risks = resumen de riesgos:
import-report-document = documento: { $document ->
    [reference] referencia (comandos independientes por área): cada paso pide confirmación antes de ejecutarse
    [index] índice (una página sobre procedimientos): sus comandos se guardan como texto, no se ejecuta nada
   *[procedure] procedimiento (pasos a seguir en orden)
}
import-report-gated = comandos destructivos protegidos con confirmación: { $count }
import-report-placeholders = marcadores convertidos en variables: { $count }
import-report-choices = elecciones y condiciones a revisar: { $count }
import-report-streaming = comandos interactivos (sesiones, seguimientos, vistas en vivo): { $count }
import-report-demoted = texto sacado de los comandos: { $count }
import-report-no-step = secciones que no dieron ningún paso: { $count }
import-report-snippets = fragmentos de referencia (se envían a mano a la shell, nunca se ejecutan como pasos): { $count }
import-report-left = pendiente de revisión humana: { $count }

# La línea tras cada importación.
import-check-passes = pasa `pasos check`{ $count ->
    [0] {""}
    [one] {" "}con { $count } aviso
   *[other] {" "}con { $count } avisos
}
import-check-fails = NO pasa `pasos check` ({ $count } { $count ->
    [one] error
   *[other] errores
})
import-summary-line = pasos import: { $file }: { $steps } { $steps ->
    [one] paso
   *[other] pasos
} en { $phases } { $phases ->
    [one] fase
   *[other] fases
}, { $commands } { $commands ->
    [one] comando
   *[other] comandos
}, { $rollback } { $rollback ->
    [one] paso
   *[other] pasos
} de rollback, { $notes } { $notes ->
    [one] línea
   *[other] líneas
} a notas{ $repaired ->
    [0] {""}
    [one] , { $repaired } segmento de codificación reparado
   *[other] , { $repaired } segmentos de codificación reparados
}; { $check }{ $details ->
    [yes] {" "}(detalles: --report)
   *[no] {""}
}
