#!/usr/bin/env bash
# Fault test for the team history (outside CI: it takes a minute): a
# 3-node Garage cluster on loopback with replication factor 3; one node is
# killed during a run; the run's uploads must still succeed, and later runs
# too, with two nodes of three (Garage writes and reads with quorum 2).
#
#   bash bench/remote-fault.sh            # needs `garage` on PATH and a built pasos
#   PASOS=target/release/pasos bash bench/remote-fault.sh
#
# Prints the wall time of the runs and what `log verify --remote` says.
set -euo pipefail
cd "$(dirname "$0")/.."
PASOS=${PASOS:-${CARGO_TARGET_DIR:-target}/debug/pasos}
command -v garage >/dev/null || { echo "SKIP: garage is not installed (cargo install garage --locked)"; exit 0; }
[ -x "$PASOS" ] || { echo "build pasos first (cargo build), or set PASOS"; exit 2; }

root=$(mktemp -d /tmp/pasos-fault-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
declare -a s3 rpc
for n in 1 2 3; do
  rpc[$n]=$(free_port); s3[$n]=$(free_port); admin=$(free_port)
  mkdir -p "$root/n$n"
  cat > "$root/n$n/garage.toml" <<TOML
metadata_dir = "$root/n$n/meta"
data_dir = "$root/n$n/data"
db_engine = "sqlite"
replication_factor = 3
rpc_bind_addr = "127.0.0.1:${rpc[$n]}"
rpc_public_addr = "127.0.0.1:${rpc[$n]}"
rpc_secret = "$secret"

[s3_api]
s3_region = "garage"
api_bind_addr = "127.0.0.1:${s3[$n]}"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:$admin"
TOML
  RUST_LOG=warn garage -c "$root/n$n/garage.toml" server >"$root/n$n/server.log" 2>&1 &
  pids[$n]=$!
done
g() { local n=$1; shift; RUST_LOG=warn garage -c "$root/n$n/garage.toml" "$@"; }
for n in 1 2 3; do
  for _ in $(seq 100); do g "$n" status >/dev/null 2>&1 && break; sleep 0.2; done
done
ids=()
for n in 1 2 3; do ids[$n]=$(g "$n" node id -q 2>/dev/null); done
g 1 node connect "${ids[2]}" >/dev/null
g 1 node connect "${ids[3]}" >/dev/null
for n in 1 2 3; do g 1 layout assign -z "dc$n" -c 1G "${ids[$n]%@*}" >/dev/null; done
g 1 layout apply --version 1 >/dev/null
sleep 2
g 1 bucket create pasos-history >/dev/null
keyinfo=$(g 1 key create pasos-fault)
export AWS_ACCESS_KEY_ID=$(sed -n 's/^Key ID:[[:space:]]*//p' <<<"$keyinfo")
export AWS_SECRET_ACCESS_KEY=$(sed -n 's/^Secret key:[[:space:]]*//p' <<<"$keyinfo")
export AWS_REGION=garage
g 1 bucket allow --read --write --owner pasos-history --key pasos-fault >/dev/null

export PASOS_CONFIG_DIR=$root/config PASOS_DATA_DIR=$root/data LANG=en_US.UTF-8
mkdir -p "$PASOS_CONFIG_DIR"
printf '[history]\nremote = "s3://pasos-history/fault"\nendpoint = "http://127.0.0.1:%s"\nregion = "garage"\nrefresh_seconds = 0\n' "${s3[1]}" > "$PASOS_CONFIG_DIR/config.toml"

first=$'y\n\n\n\n\n\n3\n\n'
second=$'o\nby hand\n\n\n\n'
run_demo() { # $1: work dir; $2: kill node 3 midway (yes/no)
  local start end
  start=$(date +%s%N)
  {
    printf '%s' "$first"
    sleep 4
    if [ "$2" = yes ]; then kill "${pids[3]}"; echo "   (node 3 killed during the run)" >&2; fi
    printf '%s' "$second"
  } | "$PASOS" run --plain --var "WORKDIR=$1" --var NOTIFY_TOKEN=tok-fault procedures/demo.toml >/dev/null 2>"$root/run.err"
  end=$(date +%s%N)
  echo "   run wall time: $(( (end - start) / 1000000 )) ms (4 s of it waiting for input); $(tail -1 "$root/run.err")"
}
echo "3-node Garage cluster, replication factor 3, pasos against node 1"
echo "run 1: all nodes up"
run_demo "$root/w1" no
echo "run 2: node 3 killed during the run"
run_demo "$root/w2" yes
echo "run 3: node 3 still down"
run_demo "$root/w3" no
echo "pasos log verify --remote:"
"$PASOS" log verify --remote | sed 's/^/   /'
echo "pasos sync --status:"
"$PASOS" sync --status | sed 's/^/   /'
