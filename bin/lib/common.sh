# Shared settings and helpers of the allgo scripts. Sourced, never run.
# Every setting can be overridden from the environment; README lists them.

# The servers name job files as their users gave them (UTF-8): their JVMs must run in a UTF-8
# locale, whatever the caller's (a bare environment, cron, a service manager: POSIX), or a file
# named "données.json" cannot be written.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  *UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

ALLGO_ROOT=${ALLGO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export ALLGO_ENV=${ALLGO_ENV:-dev}
export ALLGO_DATA=${ALLGO_DATA:-$ALLGO_ROOT/var/$ALLGO_ENV}
export ALLGO_RUN=${ALLGO_RUN:-$ALLGO_ROOT/var/run}
export ALLGO_CACHE=${ALLGO_CACHE:-$ALLGO_ROOT/var/cache}
export PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
export PAYARA_HOME=${PAYARA_HOME:-$ALLGO_CACHE/payara-$PAYARA_VERSION/payara6}
# Several application servers may share one environment (its database, data root and engine):
# the first has no ALLGO_SERVER; each further one is named by it (letters and digits) and has a
# port base of its own. A further server has its own domain and logs, and no SSH front end (the
# first's serves the environment). docker/README.md, Several app servers.
export ALLGO_SERVER=${ALLGO_SERVER:-}
[[ "$ALLGO_SERVER" =~ ^[a-z0-9]{0,20}$ ]] || { echo "[allgo] error: ALLGO_SERVER is letters and digits" >&2; exit 1; }
export ALLGO_DOMAIN=${ALLGO_DOMAIN:-allgo-$ALLGO_ENV${ALLGO_SERVER:+-$ALLGO_SERVER}}
# The server's name among those of the environment, in the jobs it claims and in its lease.
export ALLGO_NODE=${ALLGO_NODE:-$(hostname)${ALLGO_SERVER:+-$ALLGO_SERVER}}
export ALLGO_LOG=${ALLGO_LOG:-$ALLGO_DATA/log${ALLGO_SERVER:+/$ALLGO_SERVER}}
export ALLGO_PORTBASE=${ALLGO_PORTBASE:-8000}
export ALLGO_HTTP_PORT=$((ALLGO_PORTBASE + 80))
export ALLGO_ADMIN_PORT=$((ALLGO_PORTBASE + 48))
# The server's own metrics and health, on loopback.
export ALLGO_MONITOR_PORT=$((ALLGO_PORTBASE + 87))
export ALLGO_BASE_URL=${ALLGO_BASE_URL:-http://localhost:$ALLGO_HTTP_PORT}

export ALLGO_DOCKER_HOST=${ALLGO_DOCKER_HOST:-unix:///var/run/docker.sock}
# Where jobs run: docker (on that engine) or swarm (that engine is a Docker Swarm manager: jobs run
# as swarm services on its nodes, sandboxes stay on it; docker/README.md, Scale). On a swarm, jobs
# allowed the network join the swarm network ALLGO_SWARM_NETWORK.
export ALLGO_ENGINE=${ALLGO_ENGINE:-docker}
export ALLGO_SWARM_NETWORK=${ALLGO_SWARM_NETWORK:-allgo-jobs}
export ALLGO_REGISTRY=${ALLGO_REGISTRY:-127.0.0.1:5000}
export ALLGO_SMTP_HOST=${ALLGO_SMTP_HOST:-127.0.0.1}
export ALLGO_SMTP_PORT=${ALLGO_SMTP_PORT:-3025}
export ALLGO_IMAP_PORT=${ALLGO_IMAP_PORT:-3143}
export ALLGO_MAIL_FROM=${ALLGO_MAIL_FROM:-allgo@localhost}
# Development data (the original's three users and the `sleep` webapp): on in dev, never in prod.
case "$ALLGO_ENV" in
  dev) export ALLGO_DEV_DATA=${ALLGO_DEV_DATA:-true} ;;
  prod) export ALLGO_DEV_DATA=false ;;
  *) export ALLGO_DEV_DATA=${ALLGO_DEV_DATA:-false} ;;
esac

# Sandboxes: Docker network mode (none: authors upload with scp) and how long one may run after its
# last start or commit (ISO-8601; the earlier ALLGO_SANDBOX_IDLE_HOURS=N still means PTNH).
export ALLGO_SANDBOX_NETWORK=${ALLGO_SANDBOX_NETWORK:-none}
export ALLGO_SANDBOX_IDLE=${ALLGO_SANDBOX_IDLE:-PT${ALLGO_SANDBOX_IDLE_HOURS:-24}H}

# API requests a minute per caller (token owner, or address when anonymous); 0: no limit.
export ALLGO_API_RATE_LIMIT=${ALLGO_API_RATE_LIMIT:-6000}

# Limits of jobs: upload sizes in MiB, running jobs of one user in one queue.
export ALLGO_JOB_MAX_FILE_MB=${ALLGO_JOB_MAX_FILE_MB:-100}
export ALLGO_JOB_MAX_INPUT_MB=${ALLGO_JOB_MAX_INPUT_MB:-500}
export ALLGO_JOB_MAX_OUTPUT_MB=${ALLGO_JOB_MAX_OUTPUT_MB:-2048}
# What a running job may print (stdout and stderr together), and its /tmp (a tmpfs, in its memory).
export ALLGO_JOB_MAX_LOG_MB=${ALLGO_JOB_MAX_LOG_MB:-64}
export ALLGO_JOB_TMP_MB=${ALLGO_JOB_TMP_MB:-256}
export ALLGO_JOB_MAX_PER_USER=${ALLGO_JOB_MAX_PER_USER:-2}

# Warm starts (single engine only): jobs start in pre-started containers, one job each; the pool's
# cap (containers, memory), the containers kept per kind, how long an unused kind keeps them.
export ALLGO_WARM_ENABLED=${ALLGO_WARM_ENABLED:-false}
export ALLGO_WARM_MAX_CONTAINERS=${ALLGO_WARM_MAX_CONTAINERS:-8}
export ALLGO_WARM_MAX_MEMORY_MB=${ALLGO_WARM_MAX_MEMORY_MB:-4096}
export ALLGO_WARM_PER_KIND=${ALLGO_WARM_PER_KIND:-4}
export ALLGO_WARM_IDLE=${ALLGO_WARM_IDLE:-PT10M}

# How long (seconds) bin/allgo up waits for the application to answer once its domain runs.
export ALLGO_START_TIMEOUT=${ALLGO_START_TIMEOUT:-300}

# The application server's Java heap (the server's default, 512 MiB, keeps its collector busy under load).
export ALLGO_HEAP=${ALLGO_HEAP:-1g}

# The application server's highest JIT tier (-XX:TieredStopAtLevel): 4 compiles hot code fully, as
# a server that runs for days wants; 1 (C1 only) spends far less CPU in its first minutes, for the
# test run's short-lived servers.
export ALLGO_JIT_LEVEL=${ALLGO_JIT_LEVEL:-4}

# Debian 12 base image for sandboxes (made with debootstrap, about two minutes the first time).
export ALLGO_DEBIAN_IMAGE=${ALLGO_DEBIAN_IMAGE:-true}

# allgo_secret NAME: a password made at first use and kept in <data>/rw/secrets/NAME, readable by
# this user only (the folder 0700, the file 0600); the same one every later time.
allgo_secret() {
  local dir=$ALLGO_DATA/rw/secrets
  if [ ! -s "$dir/$1" ]; then
    mkdir -p "$ALLGO_DATA/rw"
    (umask 077 && mkdir -p "$dir" && chmod 700 "$dir" \
      && head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=' > "$dir/$1.new" && mv "$dir/$1.new" "$dir/$1")
  fi
  cat "$dir/$1"
}

# Database: h2 (embedded file database, shared through H2's auto-server mode) or mysql. The
# database accounts' passwords are made at first start (allgo_secret) unless given.
export ALLGO_DB=${ALLGO_DB:-h2}
export ALLGO_MARIADB_PORT=${ALLGO_MARIADB_PORT:-3306}
if [ "$ALLGO_DB" = mysql ]; then
  # MariaDB's driver, answering metadata as MySQL: the app server's Jakarta Batch store and
  # EclipseLink choose their MySQL dialects by that name.
  export ALLGO_DB_URL=${ALLGO_DB_URL:-jdbc:mariadb://127.0.0.1:$ALLGO_MARIADB_PORT/allgo_$ALLGO_ENV?useMysqlMetadata=true}
  # One account per environment, so that environments sharing a server keep to their database.
  export ALLGO_DB_USER=${ALLGO_DB_USER:-allgo_$ALLGO_ENV}
  export ALLGO_DB_PASSWORD=${ALLGO_DB_PASSWORD:-$(allgo_secret db-password)}
  # Jakarta Batch switches its connections to this schema: it must be the application's database.
  db_name=${ALLGO_DB_URL##*/}
  export ALLGO_DB_SCHEMA=${db_name%%\?*}
else
  # WRITE_DELAY=0: each commit is written at once; H2's default (500 ms) loses what was committed
  # in the last half second when the server is killed, jobs whose submission was answered included.
  export ALLGO_DB_URL=${ALLGO_DB_URL:-jdbc:h2:$ALLGO_DATA/rw/h2/allgo;AUTO_SERVER=TRUE;MODE=LEGACY;WRITE_DELAY=0}
  export ALLGO_DB_SCHEMA=PUBLIC
  export ALLGO_DB_USER=${ALLGO_DB_USER:-allgo}
  export ALLGO_DB_PASSWORD=${ALLGO_DB_PASSWORD:-$(allgo_secret db-password)}
fi

# Settings derived from ALLGO_ENV and ALLGO_DB: a run for another environment must forget them.
ALLGO_DERIVED=(ALLGO_DATA ALLGO_DOMAIN ALLGO_NODE ALLGO_LOG ALLGO_DEV_DATA ALLGO_HTTP_PORT ALLGO_ADMIN_PORT ALLGO_MONITOR_PORT ALLGO_BASE_URL
  ALLGO_DB_URL ALLGO_DB_USER ALLGO_DB_PASSWORD ALLGO_DB_SCHEMA
  ALLGO_SSH_PORT ALLGO_SSH_HTTP_PORT ALLGO_SSH_DB_USER ALLGO_SSH_DB_PASSWORD)

log() { printf '[allgo] %s\n' "$*" >&2; }
die() { printf '[allgo] error: %s\n' "$*" >&2; exit 1; }

# wait_for SECONDS DESCRIPTION COMMAND...: retries COMMAND every half second.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local tries=$((seconds * 2))
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || die "$what did not come up within ${seconds}s"
    sleep 0.5
  done
}

# A process we started is recorded in $ALLGO_RUN/NAME.pid; only those are ever stopped.
pid_alive() { [ -f "$ALLGO_RUN/$1.pid" ] && kill -0 "$(cat "$ALLGO_RUN/$1.pid")" 2>/dev/null; }

stop_pid() {
  local name=$1 pid
  pid_alive "$name" || { rm -f "$ALLGO_RUN/$name.pid"; return 0; }
  pid=$(cat "$ALLGO_RUN/$name.pid")
  log "stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  # Already gone after the TERM: fine (under set -e a failed kill would end the caller).
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$ALLGO_RUN/$name.pid"
}

# start_bg NAME LOGFILE COMMAND...: runs COMMAND detached, records its pid.
start_bg() {
  local name=$1 logfile=$2; shift 2
  mkdir -p "$ALLGO_RUN" "$(dirname "$logfile")"
  setsid "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$ALLGO_RUN/$name.pid"
}

apt_install() {
  command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
    || die "missing $*: install it (Debian packages: $*)"
  log "installing $* from Debian's packages"
  if [ ! -f "$ALLGO_RUN/.apt-updated" ]; then
    apt-get update -q >/dev/null && mkdir -p "$ALLGO_RUN" && touch "$ALLGO_RUN/.apt-updated"
  fi
  mkdir -p "$ALLGO_ROOT/var/log"
  DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -q "$@" >>"$ALLGO_ROOT/var/log/apt.log" 2>&1 \
    || die "apt-get install $* failed, see var/log/apt.log"
}

mvn_cmd() { mvn -B -q -f "$ALLGO_ROOT/pom.xml" "$@"; }
