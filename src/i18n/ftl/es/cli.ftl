# La línea de órdenes: los textos de ayuda de clap para cada orden y opción
# (`cli-<ruta de la orden>` y `cli-<ruta de la orden>--<argumento>`), con
# `.long` para el texto largo de `--help` y `.after` para lo que va detrás.

cli-usage = Uso
cli-heading-commands = Órdenes
cli-heading-options = Opciones
cli-heading-arguments = Argumentos
cli-exit-codes =
    Códigos de salida:
      0  éxito (se admiten avisos salvo con --strict)
      1  la ejecución o la verificación no pasó (p. ej. avisos con --strict)
      2  entrada errónea: un procedimiento inválido, un archivo ilegible, un uso incorrecto
      3  no se pudo escribir la bitácora (disco lleno, solo lectura, borrada); reanude desde lo que contiene
      4  la ejecución se interrumpió (salida, SIGHUP, SIGTERM, SIGINT, sin entrada utilizable); reanúdela con --resume

cli = Guía al operador por un runbook paso a paso, con seguridad y con registro de lo que pasó.
    .long = pasos carga un procedimiento (un runbook en TOML), lo verifica y guía al operador por él: el checklist, un temporizador por paso, el árbol de rollback y una shell real lado a lado, con cada paso escrito en una bitácora a prueba de manipulación.
cli--config_dir = Directorio de configuración (keymaps, ajustes) [variable: PASOS_CONFIG_DIR].
cli--data_dir = Directorio de datos (bitácoras, transcripciones); compártalo para reunir el historial de un equipo [variable: PASOS_DATA_DIR].
cli--lang = Idioma de la interfaz: es o en (por omisión: según LANG / LC_ALL).
cli--help = Muestra la ayuda (--help para más).
cli--version = Muestra la versión.
cli-help = Muestra esta ayuda, o la de la orden indicada.
cli-help--subcommand = La orden que explicar.

cli-check = Valida y revisa procedimientos; informa de cada problema con archivo:línea:columna.
cli-check--files = Archivos de procedimiento (TOML).
cli-check--strict = Trata los avisos como fallos (código 1).
cli-check--format = Formato de salida: human (para personas: fragmentos, marcas y pistas) o json (para máquinas: un documento JSON con cada diagnóstico). Por omisión: human.
cli-check--rules = Lista las reglas de revisión y termina.

cli-run = Ejecuta un procedimiento paso a paso.
cli-run--file = El procedimiento que ejecutar.
cli-run--dry_run = Ensayo: muestra los comandos sin ejecutarlos.
cli-run--plain = Modo por líneas para terminales simples, enlaces lentos y scripts (el modo por omisión cuando la entrada o la salida estándar no es una terminal).
cli-run--ascii = Dibuja sin caracteres de recuadro (terminales que no los tienen).
cli-run--keymap = Un archivo de keymap que cambia las teclas por omisión (vea keymaps/).
cli-run--vars = Da valor a una variable (se puede repetir). No para secretos: la línea de órdenes la ve cualquier usuario; use PASOS_VAR_<NOMBRE>, --var-file o la pregunta.
cli-run--var_files = Lee variables de un archivo de líneas NOMBRE=VALOR (se puede repetir); solo debe poder leerlo su dueño (chmod 600).
cli-run--env = Entorno al que apunta la ejecución (en lugar del del procedimiento).
cli-run--operator = Nombre del operador que queda en la bitácora.
cli-run--resume = Reanuda una ejecución interrumpida (su identificador, o un prefijo único).
cli-run--force = Empieza aunque otra ejecución en vivo de este procedimiento tenga el bloqueo, o reanuda con el archivo del procedimiento cambiado (queda en la bitácora).

cli-import = Convierte un runbook en Markdown en un procedimiento.
cli-import--file = El runbook en Markdown.
cli-import--output = Dónde escribir el procedimiento (por omisión: la salida estándar).
cli-import--report = Lista también adónde fue cada línea de origen y qué se supuso.
cli-import--no_repair = No reparar codificaciones rotas.
cli-import--strict = Termina con código 1 si algo queda para una persona (marcadores por rellenar, comandos destructivos retenidos, texto sacado de los comandos, un documento que no es un procedimiento).

cli-export = Imprime el checklist rápido de un procedimiento (o de una ejecución pasada).
cli-export--file = El procedimiento (TOML o Markdown).
cli-export--format = txt (cabe en 80 columnas), md, o html (una página autónoma con hoja de estilo de impresión para A4 y Carta). Por omisión: txt.
cli-export--run = El checklist rellenado de una ejecución pasada (su identificador o un prefijo único).
cli-export--output = Dónde escribirlo (por omisión: la salida estándar).

cli-log = Recorre, muestra y verifica las bitácoras de ejecuciones pasadas.
cli-log-browse = Recorre las ejecuciones pasadas a pantalla completa: filtre la lista, abra la cronología, los pasos, las desviaciones y las notas de una ejecución, y reproduzca su transcripción.
cli-log-browse--filter = Palabras con las que la lista empieza filtrada (procedimiento, operador, resultado, entorno, fecha AAAA-MM-DD); deben cumplirse todas.
cli-log-browse--ascii = Dibuja sin caracteres de recuadro.
cli-log-browse--keymap = Un archivo de keymap que cambia las teclas por omisión (sección [log]).
cli-log-list = Lista las ejecuciones pasadas, de la más antigua a la más reciente.
cli-log-list--procedure = Solo ejecuciones de este identificador de procedimiento.
cli-log-list--operator = Solo ejecuciones de este operador (parte del nombre o de usuario@host).
cli-log-list--outcome = Solo ejecuciones que terminaron así: success, failed, rolled-back, aborted, interrupted, open.
cli-log-list--since = Solo ejecuciones empezadas en esta fecha o después (AAAA-MM-DD).
cli-log-show = Muestra la cronología de una ejecución (su identificador o un prefijo único).
cli-log-show--run = La ejecución (su identificador o un prefijo único).
cli-log-verify = Verifica bitácoras (todas si no se nombra ninguna): código 0 si están intactas, 1 si alguna fue editada, acortada, reordenada o es ajena.
cli-log-verify--runs = Las ejecuciones que verificar (sus identificadores o prefijos únicos).

cli-kpi = Indicadores de las ejecuciones pasadas: ejecuciones, tasa de éxito, duraciones.
    .after =
        Qué cuenta: las ejecuciones son las ejecuciones en vivo; los ensayos (--dry-run) se cuentan aparte y quedan fuera de las demás cifras. Las duraciones son tiempo de trabajo: el tiempo de reloj menos las pausas entre una interrupción y su reanudación. Las ejecuciones interrumpidas o abiertas se listan pero no entran en la tasa de éxito ni en las duraciones. La duración de un paso en una ejecución es la suma de sus intentos que terminaron hechos o fallidos; los pasos saltados no son muestras. Las bitácoras que no se verifican se listan aparte y quedan fuera de todas las cifras.

        Códigos de salida: 0 cifras mostradas (también si no hay ejecuciones), 2 entrada errónea (una fecha que no se entiende, --suggest sin el archivo de su procedimiento).
cli-kpi--procedure = Solo este identificador de procedimiento.
cli-kpi--since = Solo ejecuciones empezadas en esta fecha local o después (AAAA-MM-DD).
cli-kpi--until = Solo ejecuciones empezadas en esta fecha local o antes (AAAA-MM-DD).
cli-kpi--operator = Solo ejecuciones de este operador (parte del nombre o de usuario@host).
cli-kpi--env = Solo ejecuciones contra este entorno.
cli-kpi--format = table (para personas, 80 columnas), md (para pegar en el runbook), json (nombres de campo estables) o csv. Sin ella: la pantalla de KPI en una terminal, la tabla si no.
cli-kpi--rows = Con --format csv: qué tabla, una fila por procedimiento (y versión), por paso o por ejecución: procedures, steps o runs. Por omisión: procedures.
cli-kpi--suggest = Sugiere nuevos estimados de los pasos a partir de las duraciones reales (de la mediana al p90, al menos 3 ejecuciones), como un diff unificado del archivo del procedimiento para aplicar con `patch -p0`.
cli-kpi--procedure_file = Con --suggest: el archivo del procedimiento, cuando la ruta con la que se empezaron sus ejecuciones no lleva a él desde aquí.
cli-kpi--no_index = Lee de nuevo todas las bitácoras en lugar de reutilizar el índice (<datos>/cache/kpi-index), y deja el índice como está.

cli-report = Escribe el informe de incidente / post-mortem de una ejecución.
cli-report--run = La ejecución (su identificador o un prefijo único).
cli-report--output = Dónde escribir el informe (por omisión: la salida estándar).
cli-report--severity = La severidad del incidente (p. ej. SEV-2), cuando el informe es de uno.
cli-report--force = Sobrescribe el archivo de salida si existe (puede tener una causa raíz y acciones rellenadas a mano).

cli-paths = Muestra dónde guarda pasos su configuración y sus datos.
cli-keymap = Verifica o muestra keymaps.
cli-keymap-check = Valida un archivo de keymap (errores con línea:columna).
cli-keymap-check--file = El archivo de keymap (TOML).
cli-keymap-show = Muestra el keymap efectivo (el de omisión más el archivo del usuario).
cli-keymap-show--keymap = Un archivo de keymap que aplicar en lugar del del directorio de configuración.
cli-completions = Imprime un script de autocompletado para la shell.
    .after = Ejemplo: pasos completions bash > ~/.local/share/bash-completion/completions/pasos
cli-completions--shell = La shell: bash, elvish, fish, powershell o zsh.

# pasos paths
cli-paths-config = configuración
cli-paths-data = datos

cli--remote = El historial del equipo en un bucket compatible con S3 (sustituye a [history] remote de config.toml) [variable: PASOS_REMOTE]. Sin valor, el configurado; `log verify --remote` verifica el bucket.
cli--local_only = Las órdenes de historial leen solo las ejecuciones de este bastión.
cli--remote_only = Las órdenes de historial leen solo las ejecuciones del bucket.
cli-sync = Envía al bucket del equipo las ejecuciones aún no subidas y trae las del bucket al historial local.
    .after = Códigos de salida: 0 todo está en el bucket, 1 quedan ejecuciones en cola (el bucket no respondió o las rechazó), 2 no hay remoto configurado o la configuración es errónea.
cli-sync--status = Muestra la cola de subidas, la copia local y lo que el bucket garantiza (comprobado ahora) en lugar de sincronizar.
cli-log-verify--allowed_signers = Quién puede firmar (allowed_signers de OpenSSH); también allowed_signers en [verify] de trust.toml [variable: PASOS_ALLOWED_SIGNERS].
cli-log-verify--require_signed = Falla con las ejecuciones que no llevan firma.
cli-run--signing_key = Firma la bitácora con este archivo de clave (sin frase de paso) en lugar de la clave que ofrece ssh-agent; también key en [signing] de trust.toml [variable: PASOS_SIGNING_KEY].
