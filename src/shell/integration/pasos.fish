# pasos shell integration for fish (--init-command sources it after the
# user's config). Same markers as the bash integration; see pasos.bash.
# fish has no 32-bit integer arithmetic for the MAC: D carries the
# session's secret tag only (see docs/shell-markers.md). pasos writes
# __pasos_keyfile, __pasos_dir and __pasos_user_rc above this line.
read -g __pasos_tag __pasos_k0 __pasos_k1 <$__pasos_keyfile 2>/dev/null
command rm -f -- $__pasos_keyfile
set -e __pasos_keyfile
set -g __pasos_ran
# The run's history stays in memory: never the user's history file.
set -g fish_history ''

function __pasos_esc
    string replace -a '\\' '\\\\' -- $argv[1] | string replace -a ';' '\\x3b' | string replace -a \a '\\x07' | string replace -a \e '\\x1b' | string replace -a \r '\\x0d' | string join '\\x0a'
end
function __pasos_postexec --on-event fish_postexec
    set -l s $status
    set -g __pasos_ran
    printf '\e]133;D;%s;aid=%s\a' $s $__pasos_tag
end
function __pasos_prompt --on-event fish_prompt
    printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' (__pasos_esc $PWD) $__pasos_tag $__pasos_tag
end
function __pasos_preexec --on-event fish_preexec
    set -g __pasos_ran 1
    printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' (__pasos_esc "$argv") $__pasos_tag $__pasos_tag
end
functions -c fish_prompt __pasos_user_prompt
function fish_prompt
    __pasos_user_prompt
    printf '\e]133;B;aid=%s\a' $__pasos_tag
end
function __pasos_load_env
    if test -p $__pasos_dir/env
        # fish sources only regular files by name; a FIFO works as stdin.
        source < $__pasos_dir/env
        printf '\e]633;L;%s\a' $__pasos_tag
    end
end
bind \e\[6973~ __pasos_load_env
bind -M insert \e\[6973~ __pasos_load_env 2>/dev/null
