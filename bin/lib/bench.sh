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
  if [ "${1:-}" = swarm ]; then bench_swarm; return; fi
  if [ "${1:-}" = warm ]; then . "$ALLGO_ROOT/bin/lib/bench-warm.sh"; bench_warm; return; fi
  if [ "${1:-}" = form ]; then . "$ALLGO_ROOT/bin/lib/bench-form.sh"; bench_form; return; fi
  command -v wrk >/dev/null || apt_install wrk
  bench_server_fresh

  local results=$ALLGO_ROOT/bench/results
  # A fresh server compiles its hot paths in the first minutes: 20 s of API requests and 500 jobs
  # (in the job benchmark) first, not measured, as a server that has run for a while.
  wrk -t2 -c8 -d20s -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL/api/v2/jobs?limit=20" >/dev/null
  log "jobs: raw docker-java and allgo in turn, 3 rounds of $BENCH_JOBS jobs at concurrency 1, 2 and 4"
  local pid recording=$ALLGO_ROOT/var/bench/log/jobs.jfr
  pid=$(cat "$ALLGO_ROOT/var/domains/allgo-bench/config/pid")
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    -Dbench.machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB" -Dbench.server.pid="$pid" \
    -Dbench.recording.start="jcmd $pid JFR.start name=allgo-jobs settings=$(bench_jfc) filename=$recording" \
    -Dbench.recording.stop="jcmd $pid JFR.stop name=allgo-jobs" \
    org.allgo.bench.Bench "$BENCH_URL" "$BENCH_TOKEN" "$BENCH_WEBAPP" "$BENCH_JOBS" "$results" 1 2 4 \
    || die "the job benchmark failed"
  {
    echo "Where the app server's CPU goes: one more round of $BENCH_JOBS jobs at concurrency 4, not measured above,"
    echo "under Java Flight Recorder (the thread, and the outermost allgo method on its stack):"
    echo
    python3 "$ALLGO_ROOT/bench/jfr_top.py" "$recording" 15 --by-entry || echo "(no recording)"
    echo
  } >> "$results/$(date +%F).md"
  bench_http >> "$results/$(date +%F).md"
  log "scale: 2,000 waiting jobs through the claim, job lists with 10,000 jobs"
  bench_scale >> "$results/$(date +%F).md"
  python3 "$ALLGO_ROOT/bench/chart.py" "$results/$(date +%F).md" "$results/$(date +%F).svg" \
    && printf '![Trivial jobs per second, raw and through allgo](%s.svg)\n' "$(date +%F)" >> "$results/$(date +%F).md" \
    || log "no chart drawn"
  log "results in $results/$(date +%F).md"
}

# The bench server from nothing (an empty database and data directory, as the tests have), stopped
# when the script ends; BENCH_TOKEN for admin@localhost and the bench webapp ready.
bench_server_fresh() {
  ensure_services
  mvn -B -q -f "$ALLGO_ROOT/pom.xml" package -DskipTests -pl allgo-bench -am || die "the build failed"
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${BENCH_ENV[@]}" "$ALLGO_ROOT/bin/allgo" down >/dev/null
  mariadb_ok || start_mariadb
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_bench"
  rm -rf "$ALLGO_ROOT/var/bench" "$ALLGO_ROOT/var/domains/allgo-bench.deployed"
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${BENCH_ENV[@]}" "$ALLGO_ROOT/bin/allgo" up >/dev/null \
    || die "the bench server did not start"
  trap 'env $(printf -- "-u %s " "${ALLGO_DERIVED[@]}") "${BENCH_ENV[@]}" "$ALLGO_ROOT/bin/allgo" down' EXIT
  BENCH_TOKEN=$(curl -sS -X POST -H 'Content-Type: application/json' \
    --data '{"email":"admin@localhost","password":"allgo"}' "$BENCH_URL/api/v2/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  bench_prepare_webapp
}

# Java Flight Recorder's "profile" settings with a CPU sample of each running thread every
# millisecond instead of 10 or 20: enough samples in a round of 50 jobs.
bench_jfc() {
  local jfc=$ALLGO_ROOT/var/bench/profile-1ms.jfc
  sed 's#\(<setting name="period" control="method-sampling-\(java\|native\)-interval">\)[^<]*<#\11 ms<#' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$jfc"
  echo "$jfc"
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
  # The server's CPU profile (Java Flight Recorder) while it answers the original API's job requests.
  local recording=$ALLGO_ROOT/var/bench/log/api.jfr
  rm -f "$recording"
  jcmd "$pid" JFR.start name=allgo-bench settings="$(bench_jfc)" duration=20s filename="$recording" >/dev/null
  bench_wrk "GET /api/v1/jobs/$job" "$BENCH_URL/api/v1/jobs/$job"
  local tries=20
  until [ -s "$recording" ] || [ "$((tries -= 1))" -le 0 ]; do sleep 1; done
  bench_wrk "GET /api/v2/jobs?webapp=…" "$BENCH_URL/api/v2/jobs?webapp=$BENCH_WEBAPP"
  rss_load=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  echo
  echo "Payara Server resident memory: ${rss_rest} MiB before the HTTP load, ${rss_load} MiB after."
  echo
  echo "Where the server's CPU went while it answered \`GET /api/v1/jobs/{id}\` (Java Flight Recorder, inclusive):"
  echo
  python3 "$ALLGO_ROOT/bench/jfr_top.py" "$recording" 20 || echo "(no recording)"
  echo
}

bench_wrk() {
  local name=$1 url=$2 out
  out=$(wrk -t"$(( ${BENCH_CONNECTIONS:-16} < 2 ? 1 : 2 ))" -c"${BENCH_CONNECTIONS:-16}" -d20s --latency \
    -H "${BENCH_AUTH:-Authorization: Bearer $BENCH_TOKEN}" "$url")
  printf '| %s | %s | %s | %s |\n' "$name" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$out")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")"
}

# The dispatcher's own work over a deep queue (its claims on the real MariaDB, the engine left out),
# then the job list of one user with 10,000 jobs in the database.
bench_scale() {
  local jobs=10000 have
  echo "## Scale"
  echo
  echo "Claims of 2,000 waiting jobs (50 users, one queue of 4 slots) by the dispatcher's own SQL in a"
  echo "scratch database on the same MariaDB; each claimed job ends at once, so the engine's part (about"
  echo "0.1–0.2 s a container, above) is left out: this is what the dispatcher adds per job at depth."
  echo
  echo "| queue | time | claims/s | claim p50 / p95 / p99 (ms) |"
  echo "|---|---|---|---|"
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    -Djava.util.logging.config.file=/dev/null org.allgo.bench.ClaimBench \
    "jdbc:mariadb://127.0.0.1:$ALLGO_MARIADB_PORT/" allgo_bench allgo-bench allgo_bench_claims 2000 2>/dev/null \
    || die "the claim benchmark failed"
  echo
  have=$(bench_sql "SELECT COUNT(*) FROM job j JOIN users u ON u.id = j.user_id WHERE u.email = 'admin@localhost'")
  if [ "$have" -lt "$jobs" ]; then
    # Copies of a finished bench job, one a minute back in time: rows only, no files.
    bench_sql "INSERT INTO job (user_id, webapp_id, webapp_name, version_id, version_number, image, queue_id, param,
        state, result, exit_code, input_bytes, output_bytes, created_at, queued_at, started_at, finished_at)
      SELECT j.user_id, j.webapp_id, j.webapp_name, j.version_id, j.version_number, j.image, j.queue_id, j.param,
        'DONE', 'SUCCESS', 0, 0, 0, j.created_at - INTERVAL s.seq MINUTE, j.created_at - INTERVAL s.seq MINUTE,
        j.created_at - INTERVAL s.seq MINUTE, j.created_at - INTERVAL s.seq MINUTE + INTERVAL 1 SECOND
      FROM seq_1_to_$((jobs - have)) s
      JOIN (SELECT * FROM job WHERE webapp_name = '$BENCH_WEBAPP' AND state = 'DONE' ORDER BY id LIMIT 1) j"
  fi
  local middle
  middle=$(bench_sql "SELECT j.id FROM job j JOIN users u ON u.id = j.user_id WHERE u.email = 'admin@localhost'
    ORDER BY j.id DESC LIMIT 1 OFFSET $((jobs / 2))")
  echo "Job lists of a user with $jobs jobs (wrk, 16 connections, 2 threads, 20 s):"
  echo
  echo "| request | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  bench_wrk "GET /api/v2/jobs?limit=50 (newest)" "$BENCH_URL/api/v2/jobs?limit=50"
  bench_wrk "GET /api/v2/jobs?limit=50&before=… (page in the middle)" "$BENCH_URL/api/v2/jobs?limit=50&before=$middle"
  bench_wrk "GET /api/v2/jobs?state=done&webapp=…&limit=50" "$BENCH_URL/api/v2/jobs?state=done&webapp=$BENCH_WEBAPP&limit=50"
  echo
  bench_page
}

# The "My jobs" page of the same user (signed in through the sign-in form, the session cookie
# then sent by wrk): its first page of 20 rendered by the server, with the total count.
bench_page() {
  local jar html state cookie
  jar=$(mktemp)
  html=$(curl -sS -c "$jar" -b "$jar" "$BENCH_URL/users/sign_in")
  state=$(sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' <<<"$html" | head -1)
  curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "signin=signin" \
    --data-urlencode "signin:email=admin@localhost" --data-urlencode "signin:password=allgo" \
    --data-urlencode "signin:submit=Sign in" --data-urlencode "jakarta.faces.ViewState=$state" \
    "$BENCH_URL/users/sign_in"
  cookie=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
  rm -f "$jar"
  if ! curl -sS -H "Cookie: JSESSIONID=$cookie" "$BENCH_URL/jobs" | grep -q "1–20 of [0-9]"; then
    echo "(the \"My jobs\" page could not be measured: signing in through the form failed)"
    return 0
  fi
  echo "The \"My jobs\" page of the same user, its first 20 rows and their count rendered by the server (wrk, 20 s):"
  echo
  echo "| request | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  BENCH_CONNECTIONS=1 BENCH_AUTH="Cookie: JSESSIONID=$cookie" bench_wrk "GET /jobs, 1 connection" "$BENCH_URL/jobs"
  BENCH_AUTH="Cookie: JSESSIONID=$cookie" bench_wrk "GET /jobs, 16 connections" "$BENCH_URL/jobs"
  echo
}

bench_sql() {
  mariadb --socket="$(mariadb_sock)" -uroot -N -B allgo_bench -e "$1"
}

# bin/allgo bench swarm: the swarm placement's overhead. The same trivial jobs through a server whose
# jobs run on the host's engine, then through one whose jobs run on the test swarm's three nodes (all
# on this machine: the point is the cost of placement, not a speed-up). Servers of their own
# (BENCH_SWARM_ENV, BENCH_SWARM_PORTBASE), one at a time; the swarm is made and removed unless one
# runs. Writes bench/results/<date>-swarm.md (the table; the reading is written by hand).
bench_swarm() {
  local env=${BENCH_SWARM_ENV:-benchsw} portbase=${BENCH_SWARM_PORTBASE:-50500} jobs=${BENCH_JOBS:-40}
  local results=$ALLGO_ROOT/bench/results file made=false settings
  file=$results/$(date +%F)-swarm.md
  ensure_services
  mvn -B -q -f "$ALLGO_ROOT/pom.xml" package -DskipTests -pl allgo-bench -am || die "the build failed"
  export ALLGO_SWARM_NAME=${ALLGO_SWARM_NAME:-$env}
  "$ALLGO_ROOT/bin/lib/swarm.sh" env >/dev/null 2>&1 || { [ $? = 3 ] && made=true; }
  settings=$("$ALLGO_ROOT/bin/lib/swarm.sh" up) || die "the test swarm did not come up"
  {
    echo "# Swarm placement: $(date +%F), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
    echo
    echo "Trivial jobs (busybox true) through the REST API, each followed to its end by its event"
    echo "stream; $jobs jobs a round, 2 rounds per concurrency after a warm-up round. Latency: submit"
    echo "to the ended event; to start: the server's record, created to started."
    echo
    echo "| placement | concurrency | jobs | jobs/s | latency p50 ms | p95 ms | to start p50 ms | p95 ms |"
    echo "|---|---|---|---|---|---|---|---|"
  } > "$file"
  local side engine host registry
  for side in docker swarm; do
    engine=$side host=unix:///var/run/docker.sock registry=$ALLGO_REGISTRY
    if [ "$side" = swarm ]; then
      host=$(sed -n 's/^ALLGO_SWARM_MANAGER=//p' <<<"$settings")
      registry=$(sed -n 's/^ALLGO_SWARM_REGISTRY=//p' <<<"$settings")
    fi
    bench_swarm_side "$side" "$env$side" "$portbase" "$jobs" "$file" \
      ALLGO_ENGINE="$engine" ALLGO_DOCKER_HOST="$host" ALLGO_REGISTRY="$registry" || { $made && "$ALLGO_ROOT/bin/lib/swarm.sh" down; die "the $side series failed"; }
    portbase=$((portbase + 200))
  done
  $made && "$ALLGO_ROOT/bin/lib/swarm.sh" down
  log "results in $file"
}

# One side: a server from nothing, the bench webapp, the jobs, the server down.
bench_swarm_side() {
  local side=$1 env=$2 portbase=$3 jobs=$4 file=$5; shift 5
  local server=(ALLGO_ENV="$env" ALLGO_DB=mysql ALLGO_PORTBASE="$portbase" ALLGO_DEV_DATA=true
    ALLGO_DEBIAN_IMAGE=false ALLGO_API_RATE_LIMIT=0 ALLGO_JOB_MAX_PER_USER=8 "$@")
  local status=0
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${server[@]}" "$ALLGO_ROOT/bin/allgo" down >/dev/null
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_$env"
  rm -rf "$ALLGO_ROOT/var/$env" "$ALLGO_ROOT/var/domains/allgo-$env.deployed"
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${server[@]}" "$ALLGO_ROOT/bin/allgo" up >/dev/null \
    || die "the $side bench server did not start"
  BENCH_URL=http://localhost:$((portbase + 80))
  BENCH_TOKEN=$(curl -sS -X POST -H 'Content-Type: application/json' \
    --data '{"email":"admin@localhost","password":"allgo"}' "$BENCH_URL/api/v2/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  bench_prepare_webapp
  log "swarm series, $side: $jobs jobs a round at concurrency 1 and 4"
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    org.allgo.bench.SwarmBench "$side" "$BENCH_URL" "$BENCH_TOKEN" "$BENCH_WEBAPP" "$jobs" 2 "$file" 1 4 \
    || status=1
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "${server[@]}" "$ALLGO_ROOT/bin/allgo" down >/dev/null
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_$env"
  return $status
}
