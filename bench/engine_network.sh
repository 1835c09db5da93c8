#!/usr/bin/env bash
# What the engine's network stack costs a container without network: the same container ("true",
# network none, init, no capability) made, started, waited for and removed through the engine's
# API, with NetworkDisabled false (what `docker run --network none` does) and true (what allgo asks
# for). Rounds alternate. Prints, for each, the wall time and the machine's busy CPU per container.
# Usage: bench/engine_network.sh IMAGE [CONTAINERS_PER_ROUND] [ROUNDS]
set -euo pipefail
image=$1 n=${2:-20} rounds=${3:-2}
api() { curl -sf --unix-socket /var/run/docker.sock "$@"; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }  # user nice system irq softirq steal
one() {
  local id
  id=$(api -H 'Content-Type: application/json' -X POST http://engine/containers/create -d \
    "{\"Image\":\"$image\",\"Cmd\":[\"true\"],\"NetworkDisabled\":$1,\"Labels\":{\"allgo.bench\":\"true\"},
      \"HostConfig\":{\"NetworkMode\":\"none\",\"Init\":true,\"CapDrop\":[\"ALL\"]}}" \
    | sed 's/.*"Id":"\([^"]*\)".*/\1/')
  api -X POST "http://engine/containers/$id/start" >/dev/null
  api -X POST "http://engine/containers/$id/wait" >/dev/null
  api -X DELETE "http://engine/containers/$id" >/dev/null
}
declare -A wall cpu
hz=$(getconf CLK_TCK)
one false
for ((r = 0; r < rounds; r++)); do
  for disabled in false true; do
    b0=$(busy) t0=$(date +%s%N)
    for ((i = 0; i < n; i++)); do one "$disabled"; done
    t1=$(date +%s%N) b1=$(busy)
    wall[$disabled]=$(( ${wall[$disabled]:-0} + (t1 - t0) / 1000000 ))
    cpu[$disabled]=$(( ${cpu[$disabled]:-0} + (b1 - b0) * 1000 / hz ))
  done
done
for disabled in false true; do
  echo "NetworkDisabled=$disabled: $(( wall[$disabled] / (n * rounds) )) ms wall, $(( cpu[$disabled] / (n * rounds) )) ms CPU a container ($((n * rounds)) containers)"
done
