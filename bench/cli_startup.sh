#!/usr/bin/env bash
# One iotjobs invocation against one AWS CLI v2 invocation: the same describe-thing request
# to the same iotjobsd, median of many runs (hyperfine). Prints both medians and the ratio.
# Usage: bench/cli_startup.sh [BUILD_DIR]   (default build-release, made by bench/run)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
runs=${CLI_RUNS:-40}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export IOTJOBS_ROOT_ACCESS_KEY_ID=AKIABENCHROOT0000001 IOTJOBS_ROOT_SECRET_ACCESS_KEY=bench-secret
"$build/src/server/iotjobsd" --listen 127.0.0.1:$port --data-dir "$work/data" --log-level warn &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.05; done
export AWS_ACCESS_KEY_ID=$IOTJOBS_ROOT_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$IOTJOBS_ROOT_SECRET_ACCESS_KEY
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
"$build/src/cli/iotjobs" --endpoint-url "http://127.0.0.1:$port" iot create-thing --thing-name bench >/dev/null
cmd="iot describe-thing --thing-name bench --endpoint-url http://127.0.0.1:$port"
hyperfine --runs "$runs" --warmup 3 --export-json "$work/cli.json" --style none \
  "$build/src/cli/iotjobs $cmd" "/usr/bin/aws $cmd" >/dev/null
python3 - "$work/cli.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours, theirs = r[0]["median"], r[1]["median"]
print(f"cli_startup: iotjobs median {ours*1000:.1f} ms, aws (CLI v2) median {theirs*1000:.1f} ms, "
      f"ratio {theirs/ours:.0f}x")
PY
