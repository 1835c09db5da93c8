# bin/allgo test: starts the real services the tests need, runs the unit and module integration
# tests, then two lanes side by side. In one, a server on MariaDB: the in-container tests, the
# black-box tests that stop MariaDB (alone: every server of the run uses it), the other black-box
# tests, the job tests again with warm starts, a job through the client generated from the OpenAPI
# document; then the health test against a server on the H2 default. In the other: the container
# deployment's tests (ALLGO_TEST_DOCKER=false skips them), the tests against the fault server, the
# jobs on the test swarm. It stops everything it started. Sourced by bin/allgo.

# Servers the black-box tests deploy: one on MariaDB (the production dialect), one on the H2 default.
# They live minutes, not days: their JIT stops at C1 (ALLGO_JIT_LEVEL=1), which spends a fraction of
# the CPU a full compilation spends in a server's first minutes, on a machine the tests keep busy.
# ALLGO_TEST_ENV and ALLGO_TEST_PORTBASE let a second test run share the machine with a first (with
# ALLGO_MARIADB_PORT, ALLGO_SMTP_PORT and ALLGO_IMAP_PORT for services of its own).
TEST_ENV=${ALLGO_TEST_ENV:-test}
TEST_PORTBASE=${ALLGO_TEST_PORTBASE:-28000}
TEST_RATE_LIMIT=1200
# The services' ports are part of a server's settings: tests that restart it pass them on. Small job
# limits, so that the tests of jobs going past them are quick.
TEST_MARIADB_ENV=(ALLGO_ENV=$TEST_ENV ALLGO_DB=mysql ALLGO_PORTBASE=$TEST_PORTBASE ALLGO_DEV_DATA=true
  ALLGO_DEBIAN_IMAGE=false ALLGO_API_RATE_LIMIT=$TEST_RATE_LIMIT ALLGO_MARIADB_PORT=$ALLGO_MARIADB_PORT
  ALLGO_SMTP_PORT=$ALLGO_SMTP_PORT ALLGO_IMAP_PORT=$ALLGO_IMAP_PORT ALLGO_REGISTRY=$ALLGO_REGISTRY
  ALLGO_JOB_MAX_OUTPUT_MB=16 ALLGO_JOB_MAX_LOG_MB=4 ALLGO_JIT_LEVEL=1)
TEST_H2_ENV=(ALLGO_ENV=${TEST_ENV}h2 ALLGO_DB=h2 ALLGO_PORTBASE=$((TEST_PORTBASE + 1000)) ALLGO_DEBIAN_IMAGE=false
  ALLGO_API_RATE_LIMIT=$TEST_RATE_LIMIT ALLGO_JIT_LEVEL=1)
# The swarm tier: a test swarm of three namespaced engines (bin/lib/swarm.sh, named after the test
# environment; the connector's integration tests use it too), and a server whose jobs run on it.
export ALLGO_SWARM_NAME=$TEST_ENV
TEST_SWARM_ENV=(ALLGO_ENV=${TEST_ENV}sw ALLGO_DB=mysql ALLGO_PORTBASE=$((TEST_PORTBASE + 1500)) ALLGO_DEV_DATA=true
  ALLGO_DEBIAN_IMAGE=false ALLGO_API_RATE_LIMIT=$TEST_RATE_LIMIT ALLGO_ENGINE=swarm ALLGO_JOB_MAX_PER_USER=6
  ALLGO_MARIADB_PORT=$ALLGO_MARIADB_PORT ALLGO_SMTP_PORT=$ALLGO_SMTP_PORT ALLGO_IMAP_PORT=$ALLGO_IMAP_PORT
  ALLGO_JOB_MAX_OUTPUT_MB=16 ALLGO_JOB_MAX_LOG_MB=4 ALLGO_JIT_LEVEL=1)
# The further server of the swarm tier's environment (SeveralServersIT starts and stops it): the same
# database, data root and swarm, port base 100 above.
TEST_PEER_ENV=(ALLGO_SERVER=b ALLGO_PORTBASE=$((TEST_PORTBASE + 1600)))
# What the swarm tier runs: the swarm's own tests, and the job tests that hold on any engine.
TEST_SWARM_ITS='org.allgo.it.swarm.*IT,WarmPoolSwitchIT,JobRunIT,JobAbortIT,JobLogIT,JobEventsIT,JobLimitsIT#aJob*'

# The job tests that hold in both modes, run again on the same server with warm starts switched on
# (the admin API, until the server stops): every other tier starts its jobs cold.
TEST_WARM_ITS='JobRunIT,JobAbortIT,JobLogIT,JobLimitsIT,JobEventsIT,JobBoundsIT,JobIsolationIT,WarmEndIT'

# The services of this run, which a test that runs bin/allgo itself must name too (it sees no other
# ALLGO_* setting than those it is given).
test_services() {
  echo "ALLGO_MARIADB_PORT=$ALLGO_MARIADB_PORT ALLGO_SMTP_PORT=$ALLGO_SMTP_PORT" \
    "ALLGO_IMAP_PORT=$ALLGO_IMAP_PORT ALLGO_REGISTRY=$ALLGO_REGISTRY"
}

# test_allgo COMMAND SETTINGS...: bin/allgo COMMAND for the test server those settings describe.
test_allgo() {
  local command=$1; shift
  env $(printf -- '-u %s ' "${ALLGO_DERIVED[@]}") "$@" "$ALLGO_ROOT/bin/allgo" "$command"
}

run_tests() {
  local status=0
  # Services already running before the tests are left running after them.
  TEST_RUNNING_BEFORE=$(ls "$ALLGO_RUN" 2>/dev/null | grep '\.pid$' || true)
  trap finish_tests EXIT

  unset "${ALLGO_DERIVED[@]}"
  export ALLGO_DB=mysql ALLGO_ENV=$TEST_ENV
  . "$ALLGO_ROOT/bin/lib/common.sh"
  ensure_services
  ensure_payara
  reset_test_state
  ensure_toolbox
  ensure_browser
  ensure_python_requests
  ensure_nginx

  log "the test swarm"
  TEST_SWARM_MADE=false
  "$ALLGO_ROOT/bin/lib/swarm.sh" env >/dev/null 2>&1 || { [ $? = 3 ] && TEST_SWARM_MADE=true; }
  swarm_settings=$("$ALLGO_ROOT/bin/lib/swarm.sh" up) || { log "the test swarm did not come up"; return 1; }
  TEST_SWARM_ENV+=("ALLGO_DOCKER_HOST=$(sed -n 's/^ALLGO_SWARM_MANAGER=//p' <<<"$swarm_settings")"
    "ALLGO_REGISTRY=$(sed -n 's/^ALLGO_SWARM_REGISTRY=//p' <<<"$swarm_settings")")

  log "unit and module integration tests"
  mvn -B -ntp -f "$ALLGO_ROOT/pom.xml" install -pl '!allgo-it,!allgo-itc,!allgo-client-it' \
    -Dallgo.test.mariadb.url="jdbc:mariadb://127.0.0.1:$ALLGO_MARIADB_PORT/" \
    -Dallgo.test.mariadb.user="$ALLGO_DB_USER" -Dallgo.test.mariadb.password="$ALLGO_DB_PASSWORD" \
    -Dallgo.test.mariadb.database="allgo_${TEST_ENV}_migrations" \
    -Dallgo.test.mariadb.socket="$(mariadb_sock)" -Dallgo.test.toolbox="$(toolbox_dir)" \
    -Dallgo.test.connector.env="${TEST_ENV}ci" -Dallgo.test.ssh.env="${TEST_ENV}ssh" \
    || status=1

  # Two lanes from here, side by side: the tiers of the server on MariaDB, then the H2 server's, in
  # this shell, and beside them (side_lane, its output shown when it ends) the container
  # deployment's, the fault server's and the swarm's, each with servers, ports and environments of
  # its own. Alone, the black-box tier leaves a third of the two cores idle while its tests wait on
  # jobs and restarts; the side lane takes it (README, Testing).
  TEST_SIDE_PID=
  TEST_SIDE_GO=$ALLGO_ROOT/var/log/side-lane.go
  local side_log=$ALLGO_ROOT/var/log/side-lane.log
  rm -f "$TEST_SIDE_GO"
  if [ "$status" = 0 ]; then
    ensure_built
    mkdir -p "$(dirname "$side_log")"
    log "beside the next tiers: the container deployment, the fault server, the swarm (output: $side_log)"
    side_lane > "$side_log" 2>&1 < /dev/null &
    TEST_SIDE_PID=$!
  fi
  if [ "$status" = 0 ]; then
    log "in-container tests on a server on MariaDB"
    test_allgo up "${TEST_MARIADB_ENV[@]}" && in_container "$TEST_PORTBASE" "$TEST_ENV" || status=1
  fi
  # The tests that stop a service every tier shares (MariaDB) run first, while the side lane is in
  # the container deployment's tier (its own database); then the side lane may go on.
  if [ "$status" = 0 ]; then
    log "black-box tests that stop a shared service, against the server on MariaDB"
    test_allgo up "${TEST_MARIADB_ENV[@]}" && black_box "$TEST_PORTBASE" "$TEST_ENV" -Dgroups=shared-services \
      -Dallgo.test.server.settings="${TEST_MARIADB_ENV[*]} $(test_services)" || status=1
  fi
  touch "$TEST_SIDE_GO"
  if [ "$status" = 0 ]; then
    log "black-box tests against a server on MariaDB"
    test_allgo up "${TEST_MARIADB_ENV[@]}" \
      && black_box "$TEST_PORTBASE" "$TEST_ENV" -DexcludedGroups=shared-services,fault-server \
        -Dallgo.test.server.settings="${TEST_MARIADB_ENV[*]} $(test_services)" || status=1
  fi
  if [ "$status" = 0 ]; then
    log "the job tests again, warm starts switched on, on the same server"
    test_allgo up "${TEST_MARIADB_ENV[@]}" && warm_switch "$TEST_PORTBASE" true \
      && black_box "$TEST_PORTBASE" "$TEST_ENV" -Dit.test="$TEST_WARM_ITS" \
        -Dallgo.test.server.settings="${TEST_MARIADB_ENV[*]} ALLGO_WARM_ENABLED=true $(test_services)" || status=1
    warm_switch "$TEST_PORTBASE" false || status=1
  fi
  if [ "$status" = 0 ]; then
    log "a job through the client generated from the OpenAPI document, on the same server"
    test_allgo up "${TEST_MARIADB_ENV[@]}" && generated_client "$TEST_PORTBASE" || status=1
  fi
  test_allgo down "${TEST_MARIADB_ENV[@]}" || true
  if [ "$status" = 0 ]; then
    log "health and surface of a server on the H2 default"
    test_allgo up "${TEST_H2_ENV[@]}" \
      && black_box $((TEST_PORTBASE + 1000)) "${TEST_ENV}h2" -Dit.test='HealthIT,ServerSurfaceIT' \
        -Dallgo.db=h2 -Dallgo.test.server.settings="${TEST_H2_ENV[*]} $(test_services)" || status=1
    test_allgo down "${TEST_H2_ENV[@]}" || true
  fi
  if [ -n "$TEST_SIDE_PID" ]; then
    local started=$SECONDS
    wait "$TEST_SIDE_PID" || status=1
    TEST_SIDE_PID=
    log "the side lane, waited for $((SECONDS - started)) s after the server on MariaDB's tiers:"
    cat "$side_log"
  fi
  return $status
}

# The lane beside the tiers of the server on MariaDB: the container deployment
# (docker/tests/deployment.sh: environments dev and qualif, their own database, ports and names;
# ALLGO_TEST_DOCKER=false skips it), then, once the tests that stop MariaDB are done
# ($TEST_SIDE_GO), the tests against the fault server and the jobs on the test swarm. Its black-box
# tiers build in a directory of their own. Exits non-zero when a tier failed; the next tiers run
# all the same.
side_lane() {
  local status=0 started
  if [ "${ALLGO_TEST_DOCKER:-true}" = true ]; then
    log "the container deployment (docker tier)"
    started=$SECONDS
    "$ALLGO_ROOT/bin/allgo" docker test || status=1
    log "docker tier: $((SECONDS - started)) s"
  fi
  until [ -e "$TEST_SIDE_GO" ]; do sleep 1; done
  local build=-Dallgo.it.build=$ALLGO_ROOT/allgo-it/target-side
  # The fault server (org.allgo.it.faults.FaultServer: its own H2 database, engine, data disk and
  # ports) is made from the settings of the server on MariaDB, which it does not otherwise use.
  log "black-box tests against the fault server (tag fault-server)"
  started=$SECONDS
  black_box "$TEST_PORTBASE" "$TEST_ENV" "$build" -Dgroups=fault-server \
    -Dallgo.test.server.settings="${TEST_MARIADB_ENV[*]} $(test_services)" || status=1
  log "fault server tier: $((SECONDS - started)) s"
  log "jobs on the test swarm, through a server placing them there"
  started=$SECONDS
  test_allgo up "${TEST_SWARM_ENV[@]}" \
    && DOCKER_HOST=$(tr ' ' '\n' <<<"${TEST_SWARM_ENV[*]}" | sed -n 's/^ALLGO_DOCKER_HOST=//p') \
      black_box $((TEST_PORTBASE + 1500)) "${TEST_ENV}sw" "$build" -Dit.test="$TEST_SWARM_ITS" -Dallgo.engine=swarm \
      -Dallgo.swarm.name="$TEST_ENV" -Dallgo.test.server.settings="${TEST_SWARM_ENV[*]}" \
      -Dallgo.registry="$(tr ' ' '\n' <<<"${TEST_SWARM_ENV[*]}" | sed -n 's/^ALLGO_REGISTRY=//p')" || status=1
  test_allgo down "${TEST_SWARM_ENV[@]}" "${TEST_PEER_ENV[@]}" || true
  test_allgo down "${TEST_SWARM_ENV[@]}" || true
  log "swarm tier: $((SECONDS - started)) s"
  return $status
}

# The in-container tests (allgo-itc) deploy their own archive to the server's domain in place of
# its application, which they deploy again when they end.
in_container() {
  local portbase=$1 env=$2; shift 2
  mvn -B -ntp -f "$ALLGO_ROOT/pom.xml" verify -pl allgo-itc \
    -Dallgo.base.url="http://localhost:$((portbase + 80))" -Dallgo.env="$env" \
    -Dallgo.imap.port="$ALLGO_IMAP_PORT" -Dallgo.test.server.settings="${TEST_MARIADB_ENV[*]}" "$@"
}

black_box() {
  local portbase=$1 env=$2; shift 2
  mvn -B -ntp -f "$ALLGO_ROOT/pom.xml" verify -pl allgo-it \
    -Dallgo.base.url="http://localhost:$((portbase + 80))" -Dallgo.env="$env" \
    -Dallgo.api.rate-limit="$TEST_RATE_LIMIT" -Dallgo.test.python=/usr/bin/python3 \
    -Dallgo.imap.port="$ALLGO_IMAP_PORT" -Dallgo.registry="$ALLGO_REGISTRY" \
    -Dallgo.test.chromedriver="$(command -v chromedriver)" -Dallgo.test.chromium="$(command -v chromium)" "$@"
}

# warm_switch PORTBASE true|false: warm starts on or off on the test server at that port base, until
# it stops, as the development superuser.
warm_switch() {
  local base="http://localhost:$(($1 + 80))" token
  token=$(curl -fsS -H 'Content-Type: application/json' -d '{"email":"admin@localhost","password":"allgo"}' \
    "$base/api/v2/tokens" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])') || return 1
  curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"enabled\": $2}" "$base/api/v2/admin/warm-pool"
}

# The client generated from the OpenAPI document (allgo-client-it), against a running server.
generated_client() {
  local portbase=$1; shift
  mvn -B -ntp -f "$ALLGO_ROOT/pom.xml" verify -pl allgo-client-it \
    -Dallgo.base.url="http://localhost:$((portbase + 80))" "$@"
}

# Every test run starts from an empty database and data directory.
reset_test_state() {
  test_allgo down "${TEST_MARIADB_ENV[@]}"
  test_allgo down "${TEST_H2_ENV[@]}"
  test_allgo down "${TEST_SWARM_ENV[@]}"
  test_allgo down "${TEST_SWARM_ENV[@]}" "${TEST_PEER_ENV[@]}"
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_$TEST_ENV"
  mariadb --socket="$(mariadb_sock)" -uroot -e "DROP DATABASE IF EXISTS allgo_${TEST_ENV}sw"
  rm -rf "$ALLGO_ROOT/var/$TEST_ENV" "$ALLGO_ROOT/var/${TEST_ENV}h2" "$ALLGO_ROOT/var/${TEST_ENV}sw"
  # The data root held the database password: a new one is made, as on a fresh machine.
  unset ALLGO_DB_PASSWORD
  . "$ALLGO_ROOT/bin/lib/common.sh"
  ensure_mariadb
  rm -f "$ALLGO_ROOT/var/domains/allgo-$TEST_ENV.deployed" "$ALLGO_ROOT/var/domains/allgo-${TEST_ENV}h2.deployed" \
    "$ALLGO_ROOT/var/domains/allgo-${TEST_ENV}sw.deployed" "$ALLGO_ROOT/var/domains/allgo-${TEST_ENV}sw-b.deployed"
}

# Stops the test servers, and the services that were not running before the tests.
finish_tests() {
  local name
  # The side lane ends its tiers (the docker tier with its own teardown, on the engine stopped
  # below): it is told to go on if it waits.
  if [ -n "${TEST_SIDE_PID:-}" ]; then
    touch "$TEST_SIDE_GO"
    wait "$TEST_SIDE_PID" || true
  fi
  test_allgo down "${TEST_MARIADB_ENV[@]}" || true
  test_allgo down "${TEST_H2_ENV[@]}" || true
  test_allgo down "${TEST_SWARM_ENV[@]}" || true
  test_allgo down "${TEST_SWARM_ENV[@]}" "${TEST_PEER_ENV[@]}" || true
  [ "${TEST_SWARM_MADE:-false}" = true ] && { "$ALLGO_ROOT/bin/lib/swarm.sh" down || true; }
  for pidfile in "$ALLGO_RUN"/*.pid; do
    [ -e "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    grep -qx "$name.pid" <<<"$TEST_RUNNING_BEFORE" || stop_pid "$name"
  done
}
