# pasos shell integration for bash (sourced as --rcfile; the user's own rc
# is loaded first). Emits OSC 133 semantic-prompt markers tagged with this
# session's secret tag (aid=...), each exit code with a MAC (mac=...), the
# command line of every command (OSC 633;E), the working directory
# (OSC 633;P;Cwd=...), and loads secrets from a FIFO when pasos sends the
# private key sequence ESC [ 6973 ~ (nothing is typed, echoed or kept in
# history). pasos writes __pasos_keyfile, __pasos_dir and __pasos_user_rc
# above this line.

# The session's tag and MAC key: read into non-exported variables, and the
# file deleted, before anything else (the user's rc included) runs.
{ read -r __pasos_tag __pasos_k0 __pasos_k1 <"$__pasos_keyfile"; } 2>/dev/null
command rm -f -- "$__pasos_keyfile"
unset __pasos_keyfile
__pasos_seq=0

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

# HalfSipHash-2-4 (32-bit tag) of the words $1 $2 under the session key,
# in 32-bit shell arithmetic (no value ever reaches 2^63), into __pasos_out.
__pasos_mac() {
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
    builtin printf -v __pasos_out '%08x' $((v1 ^ v3))
}

# D for exit status $1: the next sequence number, and its MAC.
__pasos_finished() {
    ((__pasos_seq += 1))
    __pasos_mac "$__pasos_seq" "$1"
    builtin printf '\e]133;D;%s;aid=%s;mac=%s\a' "$1" "$__pasos_tag" "$__pasos_out"
}

# The exported variables that changed since the last prompt, one OSC
# 633;V (NAME=VALUE) or 633;U (NAME) each, so that a resumed run can give
# them back. The first call (end of this file) only takes the snapshot.
__pasos_env_ready=
if [ "${BASH_VERSINFO[0]}" -ge 4 ]; then
    declare -A __pasos_env_snap=()
    __pasos_env_changes() {
        local n v
        local -A now=()
        for n in $(compgen -e); do
            # The shell's own bookkeeping, not the operator's context.
            # (and what pasos exports with every command).
            case $n in _ | PWD | OLDPWD | SHLVL | PASOS_*) continue ;; esac
            now[$n]=1
            v=${!n-}
            [[ ${__pasos_env_snap[$n]+set} && ${__pasos_env_snap[$n]} == "$v" ]] && continue
            __pasos_env_snap[$n]=$v
            [ -n "$__pasos_env_ready" ] || continue
            __pasos_esc "$n=$v"
            builtin printf '\e]633;V;%s;%s\a' "$__pasos_out" "$__pasos_tag"
        done
        for n in "${!__pasos_env_snap[@]}"; do
            [[ ${now[$n]+set} ]] && continue
            unset "__pasos_env_snap[$n]"
            builtin printf '\e]633;U;%s;%s\a' "$n" "$__pasos_tag"
        done
        __pasos_env_ready=1
    }
else
    __pasos_env_changes() { :; }
fi

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
    # Never traced: the trace would show the tag.
    { local -; set +x; } 2>/dev/null
    if [ -n "$__pasos_ran" ]; then
        __pasos_finished "$s"
        __pasos_ran=
    elif [ -n "$__pasos_prompt_only" ]; then
        builtin printf '\e]633;P;Mode=prompt-only;%s\a' "$__pasos_tag"
        __pasos_finished "$s"
    fi
    __pasos_env_changes
    __pasos_esc "$PWD"
    builtin printf '\e]633;P;Cwd=%s;%s\a\e]133;A;aid=%s\a' "$__pasos_out" "$__pasos_tag" "$__pasos_tag"
    __pasos_hist=${HISTCMD-}
    return $s
}

# Last in PROMPT_COMMAND: the prompt ends with B, even when the user's
# prompt hooks rewrite PS1.
__pasos_prompt_end() {
    local s=$?
    { local -; set +x; } 2>/dev/null
    case $PS1 in
    *"133;B;aid=$__pasos_tag"*) ;;
    *) PS1=$PS1'\[\e]133;B;aid='$__pasos_tag'\a\]' ;;
    esac
    return $s
}

# Expanded from PS0 (a subshell) once a command line has been read: E with
# the command text when history has it, then C.
__pasos_preexec() {
    local h n t
    { local -; set +x; } 2>/dev/null
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
    builtin printf '\e]633;E;%s;%s\a\e]133;C;aid=%s\a' "$__pasos_out" "$__pasos_tag" "$__pasos_tag"
}

__pasos_load_env() {
    local x=
    case $- in *x*) x=1 ;; esac
    set +x
    if [ -p "$__pasos_dir/env" ]; then
        . "$__pasos_dir/env"
        builtin printf '\e]633;L;%s\a' "$__pasos_tag"
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

# The environment as it is now is the baseline for __pasos_env_changes.
__pasos_env_changes
