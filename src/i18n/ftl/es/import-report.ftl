# pasos import --report: los textos de cada entrada, las frases sobre la
# codificación y los puntos del resumen de riesgos (el marco está en
# import.ftl). Las claves y rutas TOML (`[procedure] title`, `commands`,
# `on_failure`) son nombres del formato: iguales en todos los idiomas. El
# texto citado del documento llega como argumento.

## Adónde fue cada entrada.

import-target-step = paso { $step } { $field }
import-target-step-only = paso { $step }
import-target-step-fields = paso { $step }, campos
import-target-steps = pasos
import-target-phase = fase `{ $title }`
import-target-phase-budget = fase `{ $title }` budget
import-target-procedure = [procedure] { $key }
import-target-procedure-notes = notas del procedimiento
import-target-purpose = [purpose] { $key }
import-target-prerequisites = [[prerequisites]] `{ $group }`
import-target-severity = [[severity]] { $level }
import-target-trouble = [[troubleshooting]] `{ $problem }`
import-target-trouble-field = [[troubleshooting]] `{ $problem }` { $field }
import-target-variable = [[variables]] { $name }
import-target-toml = { $path }
import-target-sections = secciones
import-target-nothing = nada

## Qué era en el documento y cómo se leyó.

import-detail-heading = encabezado
import-detail-heading-quoted = encabezado `{ $title }`
import-detail-text = texto
import-detail-list = lista
import-detail-list-items = elementos de lista
import-detail-list-count = lista, { $count } { $count ->
    [one] elemento
   *[other] elementos
}
import-detail-code-block = bloque de código
import-detail-table = tabla
import-detail-table-rows = tabla, { $count } { $count ->
    [one] fila
   *[other] filas
}
import-detail-quote = cita
import-detail-quoted-block = bloque citado
import-detail-html = HTML
import-detail-separator = separador
import-detail-empty = vacío
import-detail-items = { $count } { $count ->
    [one] elemento
   *[other] elementos
}
import-detail-items-from-text = { $count } { $count ->
    [one] elemento
   *[other] elementos
} de un bloque de texto
import-detail-nodes = { $count } { $count ->
    [one] nodo
   *[other] nodos
}
import-detail-labels = etiquetas
import-detail-label = etiqueta `{ $label }`
import-detail-label-applies = `{ $label }:` se aplica a lo que sigue
import-detail-labelled-lines = líneas con etiqueta
import-detail-labelled-text = texto con etiqueta
import-detail-quoted = `{ $text }`
import-detail-value-to = `{ $value }` -> { $to }
import-detail-value-unused = valor de `{ $label }` sin usar (`{ $value }`)
import-detail-date = { $date }
import-detail-created-date = { $date } (fecha de creación; aún no hay fecha de actualización)
import-detail-introduction = introducción
import-detail-conditional = frase condicional
import-detail-section-notes = sección guardada como notas
import-detail-sub-heading = subencabezado
import-detail-sub-heading-label = subencabezado `{ $title }` leído como etiqueta
import-detail-id-from-title = del encabezado del título
import-detail-heading-numbered-code = encabezado de un bloque de código con pasos numerados
import-detail-heading-numbered-list = encabezado de una lista numerada de pasos
import-detail-heading-own-commands = encabezado de una sección con comandos propios
import-detail-text-before-steps = texto antes de los pasos
import-detail-text-after-steps = texto después de los pasos
import-detail-step-heading-id = encabezado de paso, id `{ $id }`
import-detail-step-from-item = paso `{ $title }` de un elemento de una lista numerada
import-detail-step-from-comment = paso `{ $title }` de un comentario numerado en un bloque de código
import-detail-alternative-step = una alternativa: un paso propio, una opción de una elección
import-detail-rollback-step-heading = encabezado de un paso de rollback
import-detail-rollback-prose = el rollback solo se describe en prosa: un paso manual
import-detail-budget-from-heading = { $budget } tomado del encabezado
import-detail-budget-from-heading-quoted = { $budget } del encabezado `{ $title }`
import-detail-estimate-from-heading = estimado { $estimate } tomado del encabezado `({ $text })`
import-detail-time-window = `{ $window }` en el encabezado es una ventana de tiempo (del minuto { $from } al { $to }): estimado { $estimate }
import-detail-not-a-duration = `{ $value }` no es una duración
import-detail-criticality-unknown = criticidad `{ $value }` no reconocida
import-detail-not-yes-no = `{ $value }` no es ni sí ni no
import-detail-rollback-yes = rollback disponible: sí
import-detail-rollback-no = rollback disponible: no -> rollback = "none"
import-detail-validation-words = validación descrita con palabras
import-detail-inline-command = comando tomado de código en línea
import-detail-inline-code-command = comando `{ $command }` tomado de código en línea
import-detail-bullet-command = viñeta `{ $command }` leída como comando
import-detail-step-rollback = `{ $command }` leído como el rollback de este paso
import-detail-step-rollback-from = `{ $command }` leído como el rollback de este paso (de { $source })
import-detail-from-warning = una advertencia
import-detail-from-failure-hint = una indicación para el caso de fallo
import-detail-warning-paragraph = párrafo de advertencia, se muestra antes de ejecutar el paso
import-detail-alternatives = `{ $text }` entre comandos leído como alternativas
import-detail-from-code = { $count } { $count ->
    [one] comando
   *[other] comandos
} de un bloque de código
import-detail-prompts-removed = prompts `$ ` quitados
import-detail-unprompted-output = líneas sin prompt `$ ` leídas como la salida esperada
import-detail-output-after-commands = bloque de código tras los comandos leído como su salida esperada
import-detail-address-block = un bloque de código con solo una dirección: se guarda como enlace para abrir, no como comando
import-detail-block-as-text = bloque { $lang } guardado como texto (pasos ejecuta comandos de shell)
import-detail-diagram = diagrama { $lang }
import-detail-ignored-attributes = atributos del bloque de código que pasos no usa: { $attributes }
import-detail-named = un comando llamado `{ $name }`
import-detail-named-interactive = un comando llamado `{ $name }`, interactivo
import-detail-interactive = un comando interactivo
import-detail-comment-expected = resultado esperado del comentario `{ $comment }`
import-detail-comment-estimate = estimado { $estimate } del comentario `{ $comment }`
import-detail-comment-failure = indicación para el caso de fallo del comentario `{ $comment }`
import-detail-rundown-description = descripción de Rundown
import-detail-rundown-hidden = marca de bloque oculto de Rundown
import-detail-rundown-label = etiqueta de Rundown
import-detail-rundown-option = opción de Rundown
import-detail-rundown-tag = marca de Rundown
import-detail-preflight-command = `{ $command }` de los prerequisitos, se ejecuta como paso de comprobación previa
import-detail-item-ticked = el elemento ya estaba marcado en el documento; se guarda sin marcar
import-detail-impact-free-text = impacto escrito como texto libre
import-detail-trigger-kind-guessed = tipo de disparador deducido de las columnas de la tabla
import-detail-severity-time = { $field } `{ $value }` -> { $to }
import-detail-answers-filled = { $count ->
    [one] { $count } respuesta que faltaba rellenada
   *[other] { $count } respuestas que faltaban rellenadas
} con "Not stated in the source"
import-detail-trouble-cause = texto bajo el problema leído como su causa
import-detail-trouble-groups = una entrada por cada grupo de comandos comentado
import-detail-trouble-text = texto de resolución de problemas
import-detail-trouble-code = bloque de código en la resolución de problemas
import-detail-shell-block-text = texto en un bloque de shell
import-detail-yaml-front-matter = front matter YAML
import-detail-toml-front-matter = front matter TOML (ajustes de Runme) guardado como texto
import-detail-front-matter-key = clave `{ $key }` del front matter
import-detail-front-matter-unused = valor de `{ $key }` del front matter sin usar (`{ $value }`)
import-detail-shebang = línea shebang
import-detail-unparsed = texto que el analizador de Markdown no conserva (p. ej., definiciones de enlaces)
import-detail-unclosed-fence = un bloque de código nunca se cierra (¿un bloque dentro de otro?): lo que le sigue se volvió a leer como Markdown
import-detail-no-title = el documento no tiene título: `{ $title }`
import-detail-no-id = el documento no tiene id: `{ $id }`, hecho a partir del título
import-detail-no-version = el documento no tiene versión: 1.0.0
import-detail-no-criticality = el documento no tiene criticidad: media
import-detail-category-from-title = { $category }, por el título
import-detail-production-from-title = production, por el título
import-detail-no-steps = no se encontraron pasos en el documento: se añadió un paso manual para que el procedimiento cargue
import-detail-manual-steps = { $count ->
    [one] { $count } paso no tiene comandos y queda marcado como manual
   *[other] { $count } pasos no tienen comandos y quedan marcados como manuales
}
import-detail-unassigned = lo usa un comando y nunca se asigna
import-detail-unassigned-secret = lo usa un comando y nunca se asigna; secreto (parece una credencial)
import-detail-placeholder = marcador `{ $written }` en un comando
import-detail-placeholder-secret = marcador `{ $written }` en un comando; secreto

## Lo que se hizo con la codificación.

import-encoding-bom = marca de orden de bytes (BOM) de UTF-8 quitada
import-encoding-utf16-bom = leído como UTF-16 { $endian ->
    [little] little-endian
   *[big] big-endian
} (marca de orden de bytes)
import-encoding-utf16-guessed = leído como UTF-16 { $endian ->
    [little] little-endian
   *[big] big-endian
} (sin marca de orden de bytes; deducido de los bytes a cero)
import-encoding-not-utf8 = no es UTF-8: leído como Windows-1252 en { $lines }
import-encoding-crlf = { $count ->
    [one] { $count } fin de línea CRLF convertido
   *[other] { $count } fines de línea CRLF convertidos
} a LF
import-encoding-cr = { $count ->
    [one] { $count } fin de línea CR suelto convertido
   *[other] { $count } fines de línea CR sueltos convertidos
} a LF
import-encoding-repaired = { $count ->
    [one] { $count } segmento mal decodificado reparado
   *[other] { $count } segmentos mal decodificados reparados
} ({ $wrong }) en { $lines }
import-encoding-repaired-example = { $count ->
    [one] { $count } segmento mal decodificado reparado
   *[other] { $count } segmentos mal decodificados reparados
} ({ $wrong }) en { $lines }, p. ej., `{ $from }` -> `{ $to }`
import-encoding-unrepaired = no se pudieron reparar algunos caracteres (se perdieron bytes cuando el archivo se decodificó mal) en { $lines }
import-encoding-lost-emoji = encabezados con dos espacios tras `#` en { $lines }: un carácter que había ahí (seguramente un emoji) se perdió antes de que llegara el archivo
import-encoding-lines = { $count } { $count ->
    [one] línea
   *[other] líneas
} { $ranges }{ $more ->
    [0] {""}
   *[other] {" "}y { $more } más
}
import-encoding-wrong-mac-roman = UTF-8 leído como Mac Roman
import-encoding-wrong-windows-1252 = UTF-8 leído como Windows-1252 / Latin-1
import-encoding-wrong-gbk = UTF-8 leído como GBK

## Los puntos del resumen de riesgos.

import-risk-gated = paso { $step }: `{ $command }` ({ $pattern })
import-risk-alternatives = los pasos { $steps } son alternativas: el paso { $choice } pregunta cuál se ejecuta
import-risk-condition = el paso { $step } solo se ejecuta en algunos casos (`{ $title }`): una condición pregunta antes de ejecutarlo
import-risk-streaming = { $step }: `{ $command }`
import-risk-demoted = { $step }: `{ $command }` ({ $reason })
import-risk-index-command = { $step }: `{ $command }` (una página índice: se guarda como texto)
import-risk-unclosed-fence = líneas { $first }-{ $last }: un bloque de código sin cerrar se las tragó; se leyeron de nuevo como Markdown, revisa los pasos de ahí
import-risk-snippet = referencia { $snippet }: `{ $command }` ({ $count } { $count ->
    [one] comando
   *[other] comandos
})
import-risk-snippet-destructive = referencia { $snippet }: `{ $command }` ({ $count } { $count ->
    [one] comando
   *[other] comandos
}; destructivo: { $pattern })

## Por qué un texto salió de los comandos.

import-reason-elision = una elisión (`...`), no un comando
import-reason-output = salida de ejemplo o una tabla, no un comando
import-reason-slash-command = un comando de barra de chat-ops: se escribe en el chat, no en la shell
import-reason-crontab = una línea de crontab: va en `crontab -e`, no en la shell
import-reason-sql = SQL para el prompt de una base de datos, no un comando de shell
import-reason-prose = prosa numerada dentro de un bloque de código
import-reason-placeholder = un marcador en lugar de un comando que el autor no escribió
import-reason-other-os = la variante para Windows de un comando (pasos ejecuta una shell POSIX)
