# bin/allgo bench: the platform's cost per job against raw Docker, and the API's throughput, measured
# side by side in one run on this machine. Writes bench/results/<date>.md. Sourced by bin/allgo.

BENCH_ENV=(ALLGO_ENV=bench ALLGO_DB=mysql ALLGO_PORTBASE=50000 ALLGO_DEV_DATA=true ALLGO_DEBIAN_IMAGE=false
  ALLGO_API_RATE_LIMIT=0 ALLGO_JOB_MAX_PER_USER=8)
BENCH_URL=http://localhost:50080
BENCH_JOBS=${BENCH_JOBS:-50}
BENCH_WEBAPP=bench-true

bench_api() {
  local method=$1 path=$2 body=${3:-}
  curl -sS -X "$method" -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
    ${body:+--data "$body"} "$BENCH_URL$path"
}

run_bench() {
  ensure_services
  command -v wrk >/dev/null || apt_install wrk
  mvn -B -q -f "$ALLGO_ROOT/pom.xml" package -DskipTests -pl allgo-bench -am || die "the build failed"
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${BENCH_ENV[@]}" "$ALLGO_ROOT/bin/allgo" up >/dev/null \
    || die "the bench server did not start"
  trap 'env $(printf -- "-u %s " "${ALLGO_DERIVED[@]}") "${BENCH_ENV[@]}" "$ALLGO_ROOT/bin/allgo" down' EXIT
  BENCH_TOKEN=$(curl -sS -X POST -H 'Content-Type: application/json' \
    --data '{"email":"admin@localhost","password":"allgo"}' "$BENCH_URL/api/v2/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  bench_prepare_webapp

  local results=$ALLGO_ROOT/bench/results
  log "jobs: raw docker-java, then allgo, $BENCH_JOBS jobs at concurrency 1, 2 and 4"
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    -Dbench.machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB" \
    org.allgo.bench.Bench "$BENCH_URL" "$BENCH_TOKEN" "$BENCH_WEBAPP" "$BENCH_JOBS" "$results" 1 2 4 \
    || die "the job benchmark failed"
  bench_http >> "$results/$(date +%F).md"
  log "results in $results/$(date +%F).md"
}

# A webapp whose program is busybox's true, committed like any other, on a queue of 4 slots.
bench_prepare_webapp() {
  bench_api POST /api/v2/queues '{"name":"bench","description":"benchmarks","timeoutSeconds":60,"cpuMillis":1000,"maxJobs":4,"retentionDays":1}' >/dev/null
  bench_api POST /api/v2/webapps "{\"name\":\"true\",\"dockerName\":\"$BENCH_WEBAPP\",\"entrypoint\":\"/bin/true\",\"memoryMb\":64,\"defaultQueue\":\"bench\"}" >/dev/null
  if ! bench_api GET "/api/v2/webapps/$BENCH_WEBAPP" | grep -q '"defaultVersion"'; then
    bench_api POST "/api/v2/webapps/$BENCH_WEBAPP/sandbox/start" '{"baseImage":"busybox"}' >/dev/null
    bench_api POST "/api/v2/webapps/$BENCH_WEBAPP/versions" '{"number":"1"}' >/dev/null
    local tries=120
    until bench_api GET "/api/v2/webapps/$BENCH_WEBAPP" | grep -q '"defaultVersion"'; do
      tries=$((tries - 1)); [ "$tries" -gt 0 ] || die "the bench webapp's version did not become ready"
      sleep 0.5
    done
    bench_api POST "/api/v2/webapps/$BENCH_WEBAPP/sandbox/stop" >/dev/null
  fi
}

# GET of one job and of the job list with wrk, 16 connections; the server's memory at rest and after.
bench_http() {
  local job pid rss_rest rss_load
  job=$(bench_api GET "/api/v2/jobs?webapp=$BENCH_WEBAPP" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  pid=$(cat "$ALLGO_ROOT/var/domains/allgo-bench/config/pid")
  rss_rest=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  echo "## API under load (wrk, 16 connections, 2 threads, 20 s)"
  echo
  echo "| request | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  bench_wrk "GET /api/v2/jobs/$job" "$BENCH_URL/api/v2/jobs/$job"
  [ -n "$(bench_api GET /api/v1/jobs/$job | grep -o '"status"')" ] && bench_wrk "GET /api/v1/jobs/$job" "$BENCH_URL/api/v1/jobs/$job"
  bench_wrk "GET /api/v2/jobs?webapp=…" "$BENCH_URL/api/v2/jobs?webapp=$BENCH_WEBAPP"
  rss_load=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  echo
  echo "Payara Server resident memory: ${rss_rest} MiB before the HTTP load, ${rss_load} MiB after."
  echo
}

bench_wrk() {
  local name=$1 url=$2 out
  out=$(wrk -t2 -c16 -d20s --latency -H "Authorization: Bearer $BENCH_TOKEN" "$url")
  printf '| %s | %s | %s | %s |\n' "$name" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$out")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")"
}
