# pasos shell integration for zsh (ZDOTDIR points here; the user's own
# startup files are loaded from their real ZDOTDIR first). Same markers as
# the bash integration; see pasos.bash. pasos writes __pasos_keyfile,
# __pasos_dir and __pasos_user_rc above this line.
{ read -r __pasos_tag __pasos_k0 __pasos_k1 <"$__pasos_keyfile"; } 2>/dev/null
command rm -f -- "$__pasos_keyfile"
unset __pasos_keyfile
typeset -g __pasos_seq=0
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
# HalfSipHash-2-4 of the words $1 $2 under the session key (see pasos.bash).
__pasos_mac() {
    setopt local_options no_xtrace
    local -i M=0xFFFFFFFF v0=__pasos_k0 v1=__pasos_k1 v2 v3 m
    local r='v0=(v0+v1)&M, v1=((v1<<5)&M)|(v1>>27), v1^=v0, v0=((v0<<16)&M)|(v0>>16),
        v2=(v2+v3)&M, v3=((v3<<8)&M)|(v3>>24), v3^=v2,
        v0=(v0+v3)&M, v3=((v3<<7)&M)|(v3>>25), v3^=v0,
        v2=(v2+v1)&M, v1=((v1<<13)&M)|(v1>>19), v1^=v2, v2=((v2<<16)&M)|(v2>>16)'
    ((v2 = 0x6c796765 ^ v0, v3 = 0x74656462 ^ v1))
    for m in $(($1 & M)) $(($2 & M)) $((8 << 24)); do
        ((v3 ^= m, $r, $r, v0 ^= m))
    done
    ((v2 ^= 0xff, $r, $r, $r, $r))
    REPLY=$(builtin printf '%08x' $((v1 ^ v3)))
}
__pasos_ran=
__pasos_precmd() {
    local s=$?
    setopt local_options no_xtrace
    if [[ -n $__pasos_ran ]]; then
        ((__pasos_seq += 1))
        __pasos_mac $__pasos_seq $s
        builtin printf '\e]133;D;%s;aid=%s;mac=%s\a' $s $__pasos_tag $REPLY
        __pasos_ran=
    fi
    __pasos_esc $PWD
    builtin printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' $REPLY $__pasos_tag $__pasos_tag
    [[ $PS1 == *"133;B;aid=$__pasos_tag"* ]] || PS1=$PS1$'%{\e]133;B;aid='$__pasos_tag$'\a%}'
    return $s
}
__pasos_preexec() {
    setopt local_options no_xtrace
    __pasos_ran=1
    __pasos_esc $1
    builtin printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' $REPLY $__pasos_tag $__pasos_tag
}
__pasos_load_env() {
    setopt local_options no_xtrace
    if [[ -p $__pasos_dir/env ]]; then
        . $__pasos_dir/env
        builtin printf '\e]633;L;%s\a' $__pasos_tag
    fi
}
precmd_functions=(__pasos_precmd $precmd_functions)
preexec_functions+=(__pasos_preexec)
zle -N __pasos_load_env
bindkey -M emacs '\e[6973~' __pasos_load_env
bindkey -M viins '\e[6973~' __pasos_load_env
bindkey -M vicmd '\e[6973~' __pasos_load_env
