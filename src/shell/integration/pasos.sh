# pasos integration for a POSIX sh (read through $ENV): the prompt reports
# the last exit status (D) and marks its start (A) and end (B). There is no
# hook before a command runs, so hand-typed commands are not seen and no
# secrets can be loaded. A static prompt cannot compute a MAC: D carries
# the session's secret tag only (see docs/shell-markers.md). pasos writes
# __pasos_keyfile, __pasos_dir and __pasos_user_rc above this line.
read -r __pasos_tag __pasos_k0 __pasos_k1 <"$__pasos_keyfile" 2>/dev/null
command rm -f -- "$__pasos_keyfile"
# The run's history (shells that keep one) stays with the run, in the
# private directory removed with it; never the user's history file.
HISTFILE="$__pasos_dir/history"
export HISTFILE
__pasos_e=$(printf '\033')
__pasos_b=$(printf '\007')
# Unset first: a PS1 inherited from the environment would stay exported.
unset PS1
PS1="${__pasos_e}]133;D;\$?;aid=${__pasos_tag}${__pasos_b}${__pasos_e}]133;A;aid=${__pasos_tag}${__pasos_b}\$ ${__pasos_e}]133;B;aid=${__pasos_tag}${__pasos_b}"
unset __pasos_keyfile __pasos_dir __pasos_user_rc __pasos_e __pasos_b __pasos_tag __pasos_k0 __pasos_k1
