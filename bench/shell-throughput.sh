#!/usr/bin/env bash
# Throughput of the embedded shell pane: `seq 1 3000000` (23 MB, 26 MB on
# the PTY with CRLF) through pasos's PTY + terminal emulator until the D
# marker, against tmux (an interactive shell in a detached session, same
# command, `tmux wait-for`) and plain `script -qfc` (a PTY, no emulator),
# in the same run. Reports the median of RUNS runs, the ratio to tmux
# (target <= 1.1x) and pasos's peak RSS after the stream (target < 40 MB
# with the default 10,000 lines of scrollback).
#
#   bash bench/shell-throughput.sh            # RUNS=5 LINES=3000000
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
LINES=${LINES:-3000000}

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need tmux || missing+=(tmux)
need script || missing+=(bsdutils)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >/dev/null
fi

echo "== building the driver (cargo bench --no-run)"
cargo bench --bench shell_throughput --no-run --quiet 2>/dev/null || cargo bench --bench shell_throughput --no-run
driver=$(cargo bench --bench shell_throughput --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "shell_throughput" and m.get("executable"):
        print(m["executable"])' | tail -1)
[ -x "$driver" ] || { echo "driver not found" >&2; exit 1; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }

tmp=$(mktemp -d)
trap 'tmux -L pasos-bench kill-server >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
printf 'set -g history-limit 10000\nset -g status off\n' >"$tmp/tmux.conf"

run_tmux() {
    tmux -L pasos-bench -f "$tmp/tmux.conf" new-session -d -x 80 -y 24 "env HISTFILE=/dev/null bash --norc --noprofile -i"
    sleep 0.3
    local t0 t1
    t0=$(now)
    tmux -L pasos-bench send-keys "seq 1 $LINES; tmux -L pasos-bench wait-for -S done" Enter
    tmux -L pasos-bench wait-for done
    t1=$(now)
    local pid
    pid=$(tmux -L pasos-bench display-message -p '#{pid}')
    awk '/VmHWM/ {print $2}' "/proc/$pid/status" >"$tmp/tmux_hwm"
    tmux -L pasos-bench kill-server
    echo "$t0 $t1" | awk '{printf "%.3f\n", $2 - $1}'
}

run_script() {
    local t0 t1
    t0=$(now)
    script -qfc "seq 1 $LINES" /dev/null >/dev/null
    t1=$(now)
    echo "$t0 $t1" | awk '{printf "%.3f\n", $2 - $1}'
}

declare -a P PT T S
pasos_line=""
for i in $(seq 1 "$RUNS"); do
    line=$(PASOS_BENCH_LINES=$LINES "$driver" --bench)
    P+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")")
    pasos_line=$line
    line_nt=$(PASOS_BENCH_TRANSCRIPT=0 PASOS_BENCH_LINES=$LINES "$driver" --bench)
    PT+=("$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line_nt")")
    T+=("$(run_tmux)")
    S+=("$(run_script)")
    echo "run $i: pasos ${P[-1]} s (no transcript ${PT[-1]} s), tmux ${T[-1]} s, script ${S[-1]} s"
done
p=$(printf '%s\n' "${P[@]}" | median)
pt=$(printf '%s\n' "${PT[@]}" | median)
t=$(printf '%s\n' "${T[@]}" | median)
s=$(printf '%s\n' "${S[@]}" | median)
peak=$(sed -E 's/.*peak_rss_kb=([0-9]+).*/\1/' <<<"$pasos_line")
after=$(sed -E 's/.*rss_after_kb=([0-9]+).*/\1/' <<<"$pasos_line")
peak_nt=$(sed -E 's/.*peak_rss_kb=([0-9]+).*/\1/' <<<"$line_nt")
echo
echo "seq 1 $LINES, median of $RUNS runs (80x24, 10,000 lines of scrollback):"
printf '  pasos (PTY + emulator + transcript)   %6.3f s   %.2fx tmux\n' "$p" "$(echo "$p $t" | awk '{print $1/$2}')"
printf '  pasos (PTY + emulator, no transcript) %6.3f s   %.2fx tmux\n' "$pt" "$(echo "$pt $t" | awk '{print $1/$2}')"
printf '  tmux                                  %6.3f s\n' "$t"
printf '  script -qfc (PTY only)                %6.3f s\n' "$s"
echo "  pasos RSS after the stream: ${after} kB; peak ${peak} kB (no transcript: peak ${peak_nt} kB); tmux server peak $(cat "$tmp/tmux_hwm" 2>/dev/null || echo ?) kB"
echo "  last pasos line: $pasos_line"
