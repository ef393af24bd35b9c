#!/usr/bin/env bash
# What the bash integration costs at every prompt: the exit-code MAC
# (HalfSipHash-2-4 in shell arithmetic) and the exported-variable diff that
# a resume restores. Runs the functions straight from the rc file, 100
# times each, with the environment this shell has.
#
#   bash bench/shell-hooks.sh
set -eu
rc="$(dirname "$0")/../src/shell/integration/pasos.bash"
__pasos_tag=t
__pasos_k0=0x03020100
__pasos_k1=0x07060504
__pasos_esc() { __pasos_out=$1; }
eval "$(sed -n '/^__pasos_mac() {/,/^}/p' "$rc")"
eval "$(sed -n '/^__pasos_env_ready=/,/^fi$/p' "$rc")"
__pasos_env_changes
echo "exported variables: $(compgen -e | wc -l)"
TIMEFORMAT='%3R s'
echo "100 MACs:"
time (for i in $(seq 100); do __pasos_mac "$i" 0; done)
echo "100 environment diffs:"
time (for _ in $(seq 100); do __pasos_env_changes; done >/dev/null)
