# pasos import: la línea de riesgos tras cada importación, y --strict.
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
