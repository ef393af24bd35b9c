# pasos shell integration for zsh (ZDOTDIR points here; the user's own
# startup files are loaded from their real ZDOTDIR first). Same markers as
# the bash integration; see pasos.bash.
__pasos_nonce=$PASOS_SHELL_NONCE
__pasos_dir=$PASOS_SHELL_DIR
__pasos_user_rc=$PASOS_SHELL_USER_RC
unset PASOS_SHELL_NONCE PASOS_SHELL_DIR PASOS_SHELL_USER_RC
ZDOTDIR=${PASOS_USER_ZDOTDIR:-$HOME}
unset PASOS_USER_ZDOTDIR
if [[ $__pasos_user_rc == 1 ]]; then
    [[ -r $ZDOTDIR/.zshenv ]] && . $ZDOTDIR/.zshenv
    [[ -r $ZDOTDIR/.zshrc ]] && . $ZDOTDIR/.zshrc
fi
# The run's history stays with the run: a 0600 file in the private
# directory, removed with it; never the user's history file.
(umask 077; : >>$__pasos_dir/history)
export HISTFILE=$__pasos_dir/history

__pasos_esc() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//;/\\x3b}
    s=${s//$'\a'/\\x07}
    s=${s//$'\e'/\\x1b}
    s=${s//$'\n'/\\x0a}
    s=${s//$'\r'/\\x0d}
    REPLY=$s
}
__pasos_ran=
__pasos_precmd() {
    local s=$?
    if [[ -n $__pasos_ran ]]; then
        builtin printf '\e]133;D;%s;aid=%s\a' $s $__pasos_nonce
        __pasos_ran=
    fi
    __pasos_esc $PWD
    builtin printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' $REPLY $__pasos_nonce $__pasos_nonce
    [[ $PS1 == *"133;B;aid=$__pasos_nonce"* ]] || PS1=$PS1$'%{\e]133;B;aid='$__pasos_nonce$'\a%}'
    return $s
}
__pasos_preexec() {
    __pasos_ran=1
    __pasos_esc $1
    builtin printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' $REPLY $__pasos_nonce $__pasos_nonce
}
__pasos_load_env() {
    setopt local_options no_xtrace
    if [[ -p $__pasos_dir/env ]]; then
        . $__pasos_dir/env
        builtin printf '\e]633;L;%s\a' $__pasos_nonce
    fi
}
precmd_functions=(__pasos_precmd $precmd_functions)
preexec_functions+=(__pasos_preexec)
zle -N __pasos_load_env
bindkey -M emacs '\e[6973~' __pasos_load_env
bindkey -M viins '\e[6973~' __pasos_load_env
bindkey -M vicmd '\e[6973~' __pasos_load_env
