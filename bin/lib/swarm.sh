#!/usr/bin/env bash
# A Docker Swarm of several nodes on this machine, for the tests and the benchmark of the swarm
# placement. The host's own engine is left alone (others use it): every node, the manager too, is
# a dockerd of its own in a network namespace of its own (nsenter --net, so that it sees the host's
# cgroup mounts), on a bridge of its own with the host as default gateway, in a cgroup of its own
# (so that it can be killed whole, like a machine that dies). A registry of its own listens on the
# bridge, where the nodes reach it; they pull job images from it by digest. The nodes share the
# host's file system, hence the data root at the same path everywhere.
#
#   bin/lib/swarm.sh up       make the swarm (again, when it is not whole); prints its settings
#   bin/lib/swarm.sh env      the settings of the swarm that runs (ALLGO_SWARM_*=…, one a line);
#                             exit status 3 when there is none, 1 when it is not whole
#   bin/lib/swarm.sh kill N   kill node N (2..) at once: its engine, containerd, shims, containers
#   bin/lib/swarm.sh freeze N stop node N's processes (SIGSTOP): a node that no longer answers
#   bin/lib/swarm.sh revive N start a killed node again on its state: it rejoins the swarm
#   bin/lib/swarm.sh down     remove every process, mount, cgroup, namespace, link, rule and folder
#                             it made
#
# Settings: ALLGO_SWARM_NAME (default: the test environment's name), ALLGO_SWARM_NODES (3),
# ALLGO_SWARM_SUBNET (three octets, default 10.213.<derived from the name>). Needs root, iproute2,
# iptables, nsenter, dockerd and docker-registry.
set -euo pipefail

SWARM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SWARM_NAME=${ALLGO_SWARM_NAME:-${ALLGO_TEST_ENV:-test}}
SWARM_NODES=${ALLGO_SWARM_NODES:-3}
[[ $SWARM_NAME =~ ^[a-z0-9][a-z0-9_-]{0,31}$ ]] || { echo "bad ALLGO_SWARM_NAME $SWARM_NAME" >&2; exit 2; }
# Interface names are 15 characters at most: a short hash of the name stands for it.
SWARM_TAG=ags$(printf %s "$SWARM_NAME" | sha256sum | cut -c1-5)
SWARM_SUBNET=${ALLGO_SWARM_SUBNET:-10.213.$((16 + 0x$(printf %s "$SWARM_NAME" | sha256sum | cut -c1-4) % 224))}
SWARM_BRIDGE=${SWARM_TAG}b
SWARM_GATEWAY=$SWARM_SUBNET.1
SWARM_REGISTRY=$SWARM_GATEWAY:5000
# Folders: node data and the registry's under var/, sockets and execution state under /run (short
# paths: unix sockets have 108 bytes).
SWARM_STATE=$SWARM_ROOT/var/swarm/$SWARM_NAME
SWARM_RUN=/run/allgo-swarm/$SWARM_NAME
SWARM_NETWORK=allgo-jobs
# The network namespace this script runs in: the host's, where the shared engine's docker0 is.
HOST_NETNS=$(stat -L -c %i /proc/self/ns/net)
# The shared engine, only ever read here (the base image of sandboxes is copied from it).
HOST_ENGINE=${ALLGO_SWARM_HOST_ENGINE:-unix:///var/run/docker.sock}

swarm_log() { printf '[swarm %s] %s\n' "$SWARM_NAME" "$*" >&2; }

node_ns() { echo "allgo-swarm-$SWARM_NAME-n$1"; }
node_cgroup() { echo "allgo-swarm-$SWARM_NAME-n$1"; }
node_addr() { echo "$SWARM_SUBNET.$((10 + $1))"; }
node_sock() { echo "$SWARM_RUN/n$1/docker.sock"; }
node_docker() { local n=$1; shift; docker -H "unix://$(node_sock "$n")" "$@"; }

# The cgroup hierarchy that holds a node's processes: the pids controller (cgroup v1) or the
# unified one (v2); the node's containers are put below it by --cgroup-parent.
cgroup_base() {
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo /sys/fs/cgroup; else echo /sys/fs/cgroup/pids; fi
}

# A node that does not answer within 5 s is down (a frozen one would hold the client forever).
node_up() { timeout 5 docker -H "unix://$(node_sock "$1")" info >/dev/null 2>&1; }

swarm_whole() {
  local n state
  for n in $(seq 1 "$SWARM_NODES"); do node_up "$n" || return 1; done
  state=$(node_docker 1 info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}}' 2>/dev/null)
  [ "$state" = "active true $SWARM_NODES" ] || return 1
  [ "$(node_docker 1 node ls --format '{{.Status}}' | grep -c Ready)" = "$SWARM_NODES" ] || return 1
  curl -fsS -o /dev/null "http://$SWARM_REGISTRY/v2/"
}

swarm_env() {
  local n
  echo "ALLGO_SWARM_NAME=$SWARM_NAME"
  echo "ALLGO_SWARM_MANAGER=unix://$(node_sock 1)"
  echo "ALLGO_SWARM_REGISTRY=$SWARM_REGISTRY"
  echo "ALLGO_SWARM_NETWORK=$SWARM_NETWORK"
  for n in $(seq 1 "$SWARM_NODES"); do
    echo "ALLGO_SWARM_NODE_$n=unix://$(node_sock "$n") $(node_docker 1 node ls --filter "node.label=allgo.node=n$n" -q 2>/dev/null || true)"
  done
}

swarm_up() {
  if swarm_whole; then swarm_env; return 0; fi
  # Nodes killed (bin/lib/swarm.sh kill) come back on their own state, as a rebooted machine would.
  if ip link show "$SWARM_BRIDGE" >/dev/null 2>&1 && node_up 1; then
    local n
    for n in $(seq 2 "$SWARM_NODES"); do node_up "$n" || revive_node "$n"; done
    if wait_for_whole 60; then swarm_env; return 0; fi
    swarm_log "the swarm did not come back whole: making it again"
  fi
  swarm_down
  command -v docker-registry >/dev/null || { swarm_log "docker-registry is missing (Debian package docker-registry)"; exit 1; }
  if ip route show to match "$SWARM_GATEWAY" | grep -qv '^default'; then
    swarm_log "subnet $SWARM_SUBNET.0/24 is in use here: set ALLGO_SWARM_SUBNET"; exit 1
  fi
  swarm_log "making a swarm of $SWARM_NODES nodes on $SWARM_SUBNET.0/24"
  mkdir -p "$SWARM_STATE" "$SWARM_RUN"
  ip link add "$SWARM_BRIDGE" type bridge
  ip addr add "$SWARM_GATEWAY/24" dev "$SWARM_BRIDGE"
  ip link set "$SWARM_BRIDGE" up
  # The host's engine drops what it does not know in FORWARD: the nodes talk to each other here.
  iptables -I FORWARD 1 -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT -m comment --comment "allgo swarm $SWARM_NAME"
  start_registry
  local n
  for n in $(seq 1 "$SWARM_NODES"); do start_node "$n"; done
  for n in $(seq 1 "$SWARM_NODES"); do
    wait_until 60 "node $n's engine" node_up "$n"
  done
  # A node is down once it misses its heartbeats: every second here (5 s by default).
  node_docker 1 swarm init --advertise-addr "$(node_addr 1)" --listen-addr "$(node_addr 1):2377" \
    --dispatcher-heartbeat 1s >/dev/null
  local token; token=$(node_docker 1 swarm join-token -q worker)
  for n in $(seq 2 "$SWARM_NODES"); do
    node_docker "$n" swarm join --token "$token" --advertise-addr "$(node_addr "$n")" \
      --listen-addr "$(node_addr "$n"):2377" "$(node_addr 1):2377" >/dev/null
  done
  wait_until 30 "every node ready" all_ready
  # Which node is which (their host names are all this machine's), and that each may run jobs.
  local id
  for n in $(seq 1 "$SWARM_NODES"); do
    id=$(node_docker "$n" info --format '{{.Swarm.NodeID}}')
    node_docker 1 node update --label-add "allgo.node=n$n" --label-add allgo.jobs=true "$id" >/dev/null
  done
  # Jobs allowed the network join this swarm-wide bridge network (a bridge on each node).
  node_docker 1 network create --scope swarm --driver bridge "$SWARM_NETWORK" >/dev/null
  # Sandboxes stay on the manager, from the base image the platform makes on the host.
  if docker -H "$HOST_ENGINE" image inspect allgo/busybox:latest >/dev/null 2>&1; then
    docker -H "$HOST_ENGINE" save allgo/busybox:latest | node_docker 1 load -q >/dev/null
  fi
  swarm_whole || { swarm_log "the swarm did not come up whole"; exit 1; }
  swarm_env
}

wait_for_whole() {
  local tries=$(($1 * 4))
  until swarm_whole; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || return 1
    sleep 0.25
  done
}

# Starts a killed node's engine again on its data root, in its namespace: it rejoins the swarm.
revive_node() {
  local n=$1 mount
  swarm_log "reviving node $n"
  kill_node "$n"
  # Its processes are gone: a pid in their pid files may be another process's by now.
  rm -f "$SWARM_RUN/n$n/docker.pid" "$SWARM_RUN/n$n/x/containerd/containerd.pid"
  for mount in $( (grep -oE " ($SWARM_STATE/n$n|$SWARM_RUN/n$n)[^ ]*" /proc/mounts || true) | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  launch_dockerd "$n"
}

all_ready() { [ "$(node_docker 1 node ls --format '{{.Status}}' | grep -c Ready)" = "$SWARM_NODES" ]; }

start_registry() {
  mkdir -p "$SWARM_STATE/registry/data"
  cat > "$SWARM_STATE/registry/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $SWARM_STATE/registry/data
  delete:
    enabled: true
http:
  addr: $SWARM_REGISTRY
YAML
  setsid docker-registry serve "$SWARM_STATE/registry/config.yml" >"$SWARM_STATE/registry/log" 2>&1 </dev/null &
  echo $! > "$SWARM_STATE/registry/pid"
  wait_until 30 "the swarm's registry" curl -fsS -o /dev/null "http://$SWARM_REGISTRY/v2/"
}

start_node() {
  local n=$1 ns cg dir run
  ns=$(node_ns "$n"); cg=$(node_cgroup "$n"); dir=$SWARM_STATE/n$n; run=$SWARM_RUN/n$n
  mkdir -p "$dir/data" "$run"
  ip netns add "$ns"
  ip link add "${SWARM_TAG}${n}h" type veth peer name "${SWARM_TAG}${n}n"
  ip link set "${SWARM_TAG}${n}h" master "$SWARM_BRIDGE" up
  ip link set "${SWARM_TAG}${n}n" netns "$ns"
  ip -n "$ns" addr add "$(node_addr "$n")/24" dev "${SWARM_TAG}${n}n"
  ip -n "$ns" link set "${SWARM_TAG}${n}n" up
  ip -n "$ns" link set lo up
  ip -n "$ns" route add default via "$SWARM_GATEWAY"
  # What a job node must have (docker/README.md, Scale): no default bridge, so that a task without
  # a network has none; no new privileges for any process; the registry.
  cat > "$dir/daemon.json" <<JSON
{"bridge": "none", "no-new-privileges": true, "insecure-registries": ["$SWARM_REGISTRY"],
 "log-level": "warn", "cgroup-parent": "/$cg"}
JSON
  launch_dockerd "$n"
}

# A node's engine has no default bridge ("bridge": "none"), and dockerd started so deletes the
# docker0 link of the network namespace it runs in: in the host's, the shared engine's bridge. So a
# node's engine runs only in a namespace of its own, checked twice: the namespace file is one, and,
# from inside it just before dockerd is run, it is not the host's. Its containerd is its own too
# (dockerd would use a system containerd's socket if there were one: then no node starts).
launch_dockerd() {
  local n=$1 ns cg dir run nsfile
  ns=$(node_ns "$n"); cg=$(node_cgroup "$n"); dir=$SWARM_STATE/n$n; run=$SWARM_RUN/n$n
  nsfile=/var/run/netns/$ns
  [ "$(stat -f -c %T "$nsfile" 2>/dev/null)" = nsfs ] \
    || { swarm_log "node $n: $nsfile is not a network namespace: its engine is not started"; exit 1; }
  [ ! -S /run/containerd/containerd.sock ] \
    || { swarm_log "a system containerd runs (/run/containerd/containerd.sock): the nodes would share it"; exit 1; }
  mkdir -p "$(cgroup_base)/$cg/daemon"
  setsid bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' node "$(cgroup_base)/$cg/daemon" \
    nsenter --net="$nsfile" bash -c \
    '[ "$(stat -L -c %i /proc/self/ns/net)" != "$1" ] || { echo "refused: dockerd in the host network namespace" >&2; exit 1; }; shift; exec "$@"' \
    guard "$HOST_NETNS" \
    dockerd --config-file "$dir/daemon.json" --data-root "$dir/data" \
    --exec-root "$run/x" --pidfile "$run/docker.pid" -H "unix://$run/docker.sock" \
    >>"$dir/dockerd.log" 2>&1 </dev/null &
  echo $! > "$dir/pid"
}

node_pids() {
  find "$(cgroup_base)/$(node_cgroup "$1")" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u
}

# Stops every process of node N (SIGSTOP): a node that stops answering, as a hung machine.
freeze_node() {
  local pids; pids=$(node_pids "$1")
  [ -z "$pids" ] || kill -STOP $pids 2>/dev/null || true
}

# Kills every process of node N at once, as when its machine dies: nothing is stopped in order.
kill_node() {
  local n=$1 cg pids
  cg=$(cgroup_base)/$(node_cgroup "$n")
  [ -d "$cg" ] || return 0
  for _ in $(seq 1 50); do
    pids=$(node_pids "$n")
    [ -n "$pids" ] || break
    kill -9 $pids 2>/dev/null || true
    sleep 0.1
  done
}

stop_node() {
  local n=$1 dir=$SWARM_STATE/n$1 pid
  pid=$(cat "$dir/pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  kill_node "$n"
  # A killed engine leaves its mounts (container roots, network namespaces) behind.
  local mount
  for mount in $( (grep -oE " ($SWARM_STATE/n$n|$SWARM_RUN/n$n)[^ ]*" /proc/mounts || true) | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  local base c
  for base in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do
    c=$base$(node_cgroup "$n")
    [ -d "$c" ] && find "$c" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  ip netns del "$(node_ns "$n")" 2>/dev/null || true
  ip link del "${SWARM_TAG}${n}h" 2>/dev/null || true
}

swarm_down() {
  local n pid
  for n in $(seq 1 9); do
    [ -e "$SWARM_STATE/n$n" ] || [ -e "/var/run/netns/$(node_ns "$n")" ] || [ -d "$(cgroup_base)/$(node_cgroup "$n")" ] || continue
    stop_node "$n"
  done
  pid=$(cat "$SWARM_STATE/registry/pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  while iptables -D FORWARD -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT -m comment --comment "allgo swarm $SWARM_NAME" 2>/dev/null; do :; done
  ip link del "$SWARM_BRIDGE" 2>/dev/null || true
  rm -rf "$SWARM_STATE" "$SWARM_RUN"
  rmdir "$(dirname "$SWARM_RUN")" "$(dirname "$SWARM_STATE")" 2>/dev/null || true
}

wait_until() {
  local seconds=$1 what=$2; shift 2
  local tries=$((seconds * 4))
  until "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || { swarm_log "$what did not come within ${seconds}s"; exit 1; }
    sleep 0.25
  done
}

# The host's docker0 (the shared engine's), by its index: what this script did must leave it so.
host_bridge() { { ip -o link show docker0 2>/dev/null || true; } | cut -d: -f1; }
check_host_bridge() {
  [ "$(host_bridge)" = "$1" ] \
    || { swarm_log "the host's docker0 changed (index ${1:-none} before, ${2:-$(host_bridge)} now)"; exit 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  HOST_BRIDGE=$(host_bridge)
  trap 'check_host_bridge "$HOST_BRIDGE"' EXIT
  case "${1:-}" in
    up) swarm_up ;;
    env) [ -d "$SWARM_STATE" ] || { swarm_log "no swarm here"; exit 3; }
      swarm_whole >/dev/null 2>&1 || { swarm_log "the swarm is not whole"; exit 1; }; swarm_env ;;
    kill) [ -n "${2:-}" ] && [ "$2" -ge 2 ] || { swarm_log "kill N: a worker node, 2 or more"; exit 2; }; kill_node "$2" ;;
    freeze) [ -n "${2:-}" ] && [ "$2" -ge 2 ] || { swarm_log "freeze N: a worker node, 2 or more"; exit 2; }; freeze_node "$2" ;;
    revive) [ -n "${2:-}" ] && [ "$2" -ge 2 ] || { swarm_log "revive N: a worker node, 2 or more"; exit 2; }
      revive_node "$2"; wait_for_whole 60 || { swarm_log "node $2 did not come back"; exit 1; } ;;
    down) swarm_down ;;
    *) echo "usage: $0 up|env|kill N|freeze N|revive N|down" >&2; exit 2 ;;
  esac
fi
