# bin/allgo bench warm: trivial jobs by raw docker-java, through a server that starts them cold and
# through one with warm starts, in one run (two bench servers side by side: `bench`, port base
# 50000, and `benchwarm`, port base 50500), back to back then paced (BENCH_PACE_MS: each client
# waits its concurrency times that after each job); then the warm pool's memory and CPU at rest. Writes
# bench/results/<date>-warm.md and its chart. Sourced by bench.sh.

bench_warm() {
  local jobs=${BENCH_JOBS:-40} rounds=${BENCH_ROUNDS:-2} results=$ALLGO_ROOT/bench/results
  local file; file=$results/$(date +%F)-warm.md
  ensure_services
  mvn -B -q -f "$ALLGO_ROOT/pom.xml" package -DskipTests -pl allgo-bench -am || die "the build failed"
  local cold=(ALLGO_ENV=bench ALLGO_PORTBASE=50000 ALLGO_WARM_ENABLED=false)
  local warm=(ALLGO_ENV=benchwarm ALLGO_PORTBASE=50500 ALLGO_WARM_ENABLED=true ALLGO_WARM_PER_KIND=4)
  bench_warm_server up "${cold[@]}"
  bench_warm_server up "${warm[@]}"
  trap 'bench_warm_server down "${cold[@]}"; bench_warm_server down "${warm[@]}"' EXIT
  local cold_token warm_token cold_pid warm_pid
  BENCH_URL=http://localhost:50080 BENCH_TOKEN=$(bench_warm_token http://localhost:50080)
  cold_token=$BENCH_TOKEN; bench_prepare_webapp
  BENCH_URL=http://localhost:50580 BENCH_TOKEN=$(bench_warm_token http://localhost:50580)
  warm_token=$BENCH_TOKEN; bench_prepare_webapp
  cold_pid=$(cat "$ALLGO_ROOT/var/domains/allgo-bench/config/pid")
  warm_pid=$(cat "$ALLGO_ROOT/var/domains/allgo-benchwarm/config/pid")
  log "warm series: raw, cold and warm in turn, $rounds rounds of $jobs jobs at concurrency 1 and 4, then paced"
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    -Dbench.machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB" \
    -Dbench.warmup="${BENCH_WARMUP:-200}" -Dbench.pace="${BENCH_PACE_MS:-1000}" org.allgo.bench.WarmBench http://localhost:50080 "$cold_token" "$cold_pid" \
    http://localhost:50580 "$warm_token" "$warm_pid" "$BENCH_WEBAPP" "$jobs" "$rounds" "$results" 1 4 \
    || die "the warm benchmark failed"
  bench_warm_rest >> "$file"
  {
    echo "The waiter's own hand-over, on the host (argv renamed into place → /bin/true ended, 100 runs,"
    echo "\`bench/waiter_latency.py\`): p50 / p95 $(python3 "$ALLGO_ROOT/bench/waiter_latency.py" \
      "$ALLGO_ROOT/var/benchwarm/ro/toolbox/libexec/allgo-waiter" /bin/true 100 | sed 's# # / #') ms."
    echo
  } >> "$file"
  python3 "$ALLGO_ROOT/bench/chart.py" "$file" "${file%.md}.svg" \
    && printf '![Trivial jobs: jobs/s and submit→done p50, raw, cold and warm](%s)\n' "$(basename "${file%.md}.svg")" >> "$file" \
    || log "no chart drawn"
  trap - EXIT
  bench_warm_server down "${cold[@]}"
  bench_warm_server down "${warm[@]}"
  log "results in $file"
}

# A bench server from nothing (up), or stopped and its database dropped (down).
bench_warm_server() {
  local command=$1; shift
  local server=(ALLGO_DB=mysql ALLGO_DEV_DATA=true ALLGO_DEBIAN_IMAGE=false ALLGO_API_RATE_LIMIT=0
    ALLGO_JOB_MAX_PER_USER=8 "$@")
  local env; env=$(printf '%s\n' "$@" | sed -n 's/^ALLGO_ENV=//p')
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${server[@]}" "$ALLGO_ROOT/bin/allgo" down >/dev/null
  mariadb_ok || start_mariadb
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_$env"
  # Warm containers outlive their server (the next start removes them): not a bench server's.
  docker ps -aq --filter label=allgo.warm --filter "label=allgo.env=$env" | xargs -r docker rm -f >/dev/null
  [ "$command" = up ] || return 0
  rm -rf "$ALLGO_ROOT/var/$env" "$ALLGO_ROOT/var/domains/allgo-$env.deployed"
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${server[@]}" "$ALLGO_ROOT/bin/allgo" up >/dev/null \
    || die "the bench server $env did not start"
}

bench_warm_token() {
  curl -sS -X POST -H 'Content-Type: application/json' \
    --data '{"email":"admin@localhost","password":"allgo"}' "$1/api/v2/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}

# The warm containers left ready after the series, 30 s after the last job: memory each, and their
# CPU over 60 s from their cgroups.
bench_warm_rest() {
  sleep 30
  local ids; ids=$(docker ps -q --filter label=allgo.warm --filter name=^benchwarm-warm-)
  echo "## The warm pool at rest"
  echo
  if [ -z "$ids" ]; then echo "No warm container was ready."; echo; return; fi
  local before after n
  n=$(wc -w <<<"$ids")
  before=$(bench_warm_cpu_us $ids); sleep 60; after=$(bench_warm_cpu_us $ids)
  echo "$n warm containers ready (each waits in its waiter). Memory, as the engine counts it (\`docker stats\`):"
  echo
  echo '```'
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}} {{.PIDs}} pids' $ids
  echo '```'
  echo
  echo "CPU of all $n over 60 s at rest: $(( (after - before) / 1000 )) ms."
  echo
}

# CPU microseconds used so far by the containers (cgroup v2, or v1's cpuacct in ns).
bench_warm_cpu_us() {
  local total=0 id full us
  for id in "$@"; do
    full=$(docker inspect -f '{{.Id}}' "$id")
    us=$(awk '/^usage_usec/{print $2}' /sys/fs/cgroup/system.slice/docker-"$full".scope/cpu.stat 2>/dev/null \
      || true)
    [ -n "$us" ] || us=$(( $(cat /sys/fs/cgroup/cpuacct/docker/"$full"/cpuacct.usage 2>/dev/null || echo 0) / 1000 ))
    total=$((total + us))
  done
  echo "$total"
}
