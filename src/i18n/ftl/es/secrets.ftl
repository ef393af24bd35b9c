# Secretos: cómo se pasan a una ejecución y por qué se rechaza uno.

secrets-too-short = { $name }: un secreto debe tener al menos { $min } caracteres; un valor más corto no se distingue de la salida normal y no se podría mantener fuera de la transcripción ni de la bitácora.
secrets-var-refused = --var { $name }: { $name } es un secreto, y un valor en la línea de órdenes lo ve cualquier usuario de esta máquina (ps, /proc) y queda en el historial de tu shell. Pásalo de una de estas formas:
    { "  " }no lo indiques: pasos lo pide sin mostrarlo;
    { "  " }PASOS_VAR_{ $name } en el entorno (p. ej. `read -rs PASOS_VAR_{ $name } && export PASOS_VAR_{ $name }`);
    { "  " }--var-file FICHERO, un fichero de líneas NOMBRE=VALOR que solo tú puedas leer (chmod 600 FICHERO).
secrets-var-file-unreadable = --var-file { $path }: no se puede leer ({ $error }).
secrets-var-file-open = --var-file { $path }: otros usuarios pueden leer este fichero (modo { $mode }); puede contener secretos. Hazlo privado con `chmod 600 { $path }` y vuelve a ejecutar.
secrets-var-file-syntax = { $path }:{ $line }:1: se esperaba NOMBRE=VALOR (los comentarios empiezan por #).
secrets-var-file-unknown = { $path }:{ $line }:1: el procedimiento no declara la variable { $name } (declaradas: { $declared }).
secrets-protect-failed = aviso: no se pudo impedir el volcado de memoria de este proceso; un volcado podría contener secretos.
