# pasos shell integration for fish (--init-command sources it after the
# user's config). Same markers as the bash integration; see pasos.bash.
set -g __pasos_nonce $PASOS_SHELL_NONCE
set -g __pasos_dir $PASOS_SHELL_DIR
set -e PASOS_SHELL_NONCE PASOS_SHELL_DIR PASOS_SHELL_USER_RC
set -g __pasos_ran
# The run's history stays in memory: never the user's history file.
set -g fish_history ''

function __pasos_esc
    string replace -a '\\' '\\\\' -- $argv[1] | string replace -a ';' '\\x3b' | string replace -a \a '\\x07' | string replace -a \e '\\x1b' | string replace -a \r '\\x0d' | string join '\\x0a'
end
function __pasos_postexec --on-event fish_postexec
    set -l s $status
    set -g __pasos_ran
    printf '\e]133;D;%s;aid=%s\a' $s $__pasos_nonce
end
function __pasos_prompt --on-event fish_prompt
    printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' (__pasos_esc $PWD) $__pasos_nonce $__pasos_nonce
end
function __pasos_preexec --on-event fish_preexec
    set -g __pasos_ran 1
    printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' (__pasos_esc "$argv") $__pasos_nonce $__pasos_nonce
end
functions -c fish_prompt __pasos_user_prompt
function fish_prompt
    __pasos_user_prompt
    printf '\e]133;B;aid=%s\a' $__pasos_nonce
end
function __pasos_load_env
    if test -p $__pasos_dir/env
        # fish sources only regular files by name; a FIFO works as stdin.
        source < $__pasos_dir/env
        printf '\e]633;L;%s\a' $__pasos_nonce
    end
end
bind \e\[6973~ __pasos_load_env
bind -M insert \e\[6973~ __pasos_load_env 2>/dev/null
