# pasos integration for a POSIX sh (read through $ENV): the prompt reports
# the last exit status (D) and marks its start (A) and end (B). There is no
# hook before a command runs, so hand-typed commands are not seen and no
# secrets can be loaded.
# The run's history (shells that keep one) stays with the run, in the
# private directory removed with it; never the user's history file.
HISTFILE="$PASOS_SHELL_DIR/history"
export HISTFILE
__pasos_e=$(printf '\033')
__pasos_b=$(printf '\007')
PS1="${__pasos_e}]133;D;\$?;aid=${PASOS_SHELL_NONCE}${__pasos_b}${__pasos_e}]133;A;aid=${PASOS_SHELL_NONCE}${__pasos_b}\$ ${__pasos_e}]133;B;aid=${PASOS_SHELL_NONCE}${__pasos_b}"
unset PASOS_SHELL_NONCE PASOS_SHELL_DIR PASOS_SHELL_USER_RC __pasos_e __pasos_b
