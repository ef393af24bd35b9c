# pasos shell integration for bash (sourced as --rcfile; the user's own rc
# is loaded first). Emits OSC 133 semantic-prompt markers tagged with this
# session's nonce (aid=...), the command line of every command (OSC 633;E),
# the working directory (OSC 633;P;Cwd=...), and loads secrets from a FIFO
# when pasos sends the private key sequence ESC [ 6973 ~ (nothing is typed,
# echoed or kept in history).
__pasos_nonce=$PASOS_SHELL_NONCE
__pasos_dir=$PASOS_SHELL_DIR
__pasos_user_rc=$PASOS_SHELL_USER_RC
unset PASOS_SHELL_NONCE PASOS_SHELL_DIR PASOS_SHELL_USER_RC

if [ "$__pasos_user_rc" = 1 ]; then
    [ -r /etc/bash.bashrc ] && . /etc/bash.bashrc
    [ -r "$HOME/.bashrc" ] && . "$HOME/.bashrc"
fi
# The run's history stays with the run: a 0600 file in the private
# directory, removed with it; never the user's history file.
HISTFILE=$__pasos_dir/history
export HISTFILE
[ -n "${PS1-}" ] || PS1='\s-\v\$ '

# Escapes a value for an OSC parameter into __pasos_out.
__pasos_esc() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//;/\\x3b}
    s=${s//$'\a'/\\x07}
    s=${s//$'\e'/\\x1b}
    s=${s//$'\n'/\\x0a}
    s=${s//$'\r'/\\x0d}
    __pasos_out=$s
}

__pasos_ran=
__pasos_hist=
__pasos_d=()
# Without PS0 (bash < 4.4) nothing runs between reading a command and
# running it: every prompt reports the last status, and pasos starts its
# own commands itself (as with sh). Hand-typed commands are not seen.
__pasos_prompt_only=
if [ -n "${PASOS_SHELL_PROMPT_ONLY-}" ] || [ "${BASH_VERSINFO[0]}" -lt 4 ] ||
    { [ "${BASH_VERSINFO[0]}" -eq 4 ] && [ "${BASH_VERSINFO[1]}" -lt 4 ]; }; then
    __pasos_prompt_only=1
fi
unset PASOS_SHELL_PROMPT_ONLY

# First in PROMPT_COMMAND: D (with the exit status) when a command ran,
# then the working directory and A.
__pasos_precmd() {
    local s=$?
    if [ -n "$__pasos_ran" ]; then
        builtin printf '\e]133;D;%s;aid=%s\a' "$s" "$__pasos_nonce"
        __pasos_ran=
    elif [ -n "$__pasos_prompt_only" ]; then
        builtin printf '\e]633;P;Mode=prompt-only;%s\a\e]133;D;%s;aid=%s\a' "$__pasos_nonce" "$s" "$__pasos_nonce"
    fi
    __pasos_esc "$PWD"
    builtin printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' "$__pasos_out" "$__pasos_nonce" "$__pasos_nonce"
    __pasos_hist=${HISTCMD-}
    return $s
}

# Last in PROMPT_COMMAND: the prompt ends with B, even when the user's
# prompt hooks rewrite PS1.
__pasos_prompt_end() {
    local s=$?
    case $PS1 in
    *"133;B;aid=$__pasos_nonce"*) ;;
    *) PS1=$PS1'\[\e]133;B;aid='$__pasos_nonce'\a\]' ;;
    esac
    return $s
}

# Expanded from PS0 (a subshell) once a command line has been read: E with
# the command text when history has it, then C.
__pasos_preexec() {
    local h n t
    h=$(HISTTIMEFORMAT= builtin history 1 2>/dev/null)
    h=${h#"${h%%[![:space:]]*}"}
    n=${h%%[!0-9]*}
    __pasos_out=
    if [ -n "$n" ] && [ -n "$__pasos_hist" ] && [ "$n" -ge "$__pasos_hist" ] 2>/dev/null; then
        t=${h#"$n"}
        t=${t#\*}
        t=${t#  }
        __pasos_esc "$t"
    fi
    builtin printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' "$__pasos_out" "$__pasos_nonce" "$__pasos_nonce"
}

__pasos_load_env() {
    local x=
    case $- in *x*) x=1 ;; esac
    set +x
    if [ -p "$__pasos_dir/env" ]; then
        . "$__pasos_dir/env"
        builtin printf '\e]633;L;%s\a' "$__pasos_nonce"
    fi
    [ -z "$x" ] || set -x
}

if [[ "$(declare -p PROMPT_COMMAND 2>/dev/null)" == "declare -a"* ]]; then
    PROMPT_COMMAND=(__pasos_precmd "${PROMPT_COMMAND[@]}" __pasos_prompt_end)
else
    PROMPT_COMMAND="__pasos_precmd${PROMPT_COMMAND:+
$PROMPT_COMMAND}
__pasos_prompt_end"
fi
[ -n "$__pasos_prompt_only" ] || PS0='${__pasos_d[__pasos_ran=1]-}$(__pasos_preexec)'"${PS0-}"
bind -m emacs -x '"\e[6973~":__pasos_load_env' 2>/dev/null
bind -m vi-insert -x '"\e[6973~":__pasos_load_env' 2>/dev/null
bind -m vi-command -x '"\e[6973~":__pasos_load_env' 2>/dev/null
