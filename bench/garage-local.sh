#!/usr/bin/env bash
# A one-node Garage on 127.0.0.1 for trying the team history by hand:
#
#   eval "$(bash bench/garage-local.sh)"      # starts it, prints the exports and evals them
#   pasos run procedures/demo.toml && pasos sync --status && pasos kpi
#
# It writes its config, data and a pasos config.toml under
# ${PASOS_GARAGE_DIR:-/tmp/pasos-garage}, lays out the node, creates the
# bucket `pasos-history` and a key allowed on it, and prints the
# environment for pasos (credentials, PASOS_CONFIG_DIR) on stdout. Stop it
# with `kill $PASOS_GARAGE_PID`.
set -euo pipefail
command -v garage >/dev/null || { echo "echo 'garage is not installed: cargo install garage --locked' >&2"; exit 1; }
root=${PASOS_GARAGE_DIR:-/tmp/pasos-garage}
mkdir -p "$root/pasos-config"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rpc=$(free_port); s3=$(free_port); admin=$(free_port)
cat > "$root/garage.toml" <<TOML
metadata_dir = "$root/meta"
data_dir = "$root/data"
db_engine = "sqlite"
replication_factor = 1
rpc_bind_addr = "127.0.0.1:$rpc"
rpc_public_addr = "127.0.0.1:$rpc"
rpc_secret = "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

[s3_api]
s3_region = "garage"
api_bind_addr = "127.0.0.1:$s3"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:$admin"
TOML
g() { RUST_LOG=warn garage -c "$root/garage.toml" "$@"; }
RUST_LOG=warn nohup garage -c "$root/garage.toml" server >"$root/server.log" 2>&1 &
pid=$!
for _ in $(seq 150); do g status >/dev/null 2>&1 && break; sleep 0.2; done
id=$(g node id -q 2>/dev/null)
g layout assign -z dc1 -c 1G "${id%@*}" >/dev/null
g layout apply --version 1 >/dev/null
g bucket create pasos-history >/dev/null 2>&1 || true
keyinfo=$(g key create "pasos-$$")
key=$(sed -n 's/^Key ID:[[:space:]]*//p' <<<"$keyinfo")
secret=$(sed -n 's/^Secret key:[[:space:]]*//p' <<<"$keyinfo")
g bucket allow --read --write --owner pasos-history --key "pasos-$$" >/dev/null
printf '[history]\nremote = "s3://pasos-history/try"\nendpoint = "http://127.0.0.1:%s"\nregion = "garage"\n' "$s3" > "$root/pasos-config/config.toml"
cat <<ENV
export AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_REGION=garage
export PASOS_CONFIG_DIR=$root/pasos-config PASOS_GARAGE_PID=$pid
echo "Garage on http://127.0.0.1:$s3 (pid $pid), bucket pasos-history; pasos config in $root/pasos-config" >&2
ENV
