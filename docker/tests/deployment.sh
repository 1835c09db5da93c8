#!/usr/bin/env bash
# The docker tier of bin/allgo test: the container deployment end to end, from nothing to nothing,
# as an operator and its users meet it. A bash script, because what it tests is a deployment: the
# images, docker/bootstrap, the compose files, docker-compose 1.29, nginx and the registry, driven
# with the clients people use (curl with the environment's CA, ssh, docker push/pull, IMAP).
#
#   1. removes what an earlier run left; checks the production file's defaults; builds the missing
#      images; bootstraps dev-mysql alone, then dev;
#   2. through https://localhost (curl trusts the CA container_init made; never -k): /health,
#      security headers, sign-in, a v1 job on sleep and its files, a v2 job's events arriving while
#      it runs, the upload limits, SSH into the sandbox through dev-ssh, a sign-up mail over IMAP;
#   3. bootstraps dev again: nothing is made again, no container restarts, the databases' accounts
#      and the volumes' files are unchanged (container_init is idempotent);
#   4. image_upgrade on every image prints nothing once the image is up to date, and says what it
#      upgraded in an image behind Debian's archives;
#   5. brings qualif up beside dev (while dev is tested) from docker-compose.prod.yml, with the
#      shared registry and front: its own jobs, containers, mail and registry namespace; its
#      registry port refuses allgo/prod/ and allgo/dev/ for push and pull;
#   6. stops and removes everything it made (containers, networks, data, pushed images) and checks.
# Output is TAP; the exit status is 1 when a test failed. Timings and sizes are reported, never
# asserted. Its ports (24xxx, 25xxx) clash with nothing of bin/allgo test.
set -uo pipefail
ALLGO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export ALLGO_ROOT
. "$ALLGO_ROOT/bin/lib/common.sh"
. "$ALLGO_ROOT/bin/lib/services.sh"
. "$ALLGO_ROOT/bin/lib/images.sh"
. "$ALLGO_ROOT/bin/lib/payara.sh"
. "$ALLGO_ROOT/bin/lib/ssh.sh"
. "$ALLGO_ROOT/bin/lib/docker.sh"
. "$ALLGO_ROOT/docker/tests/assert.sh"

# ---- the test environments' settings: everything under var/docker-test, on ports of their own ----
WORK=$ALLGO_ROOT/var/docker-test
export ALLGO_DOCKER_ENV=$WORK/env ALLGO_DATA_ROOT=$WORK/data ALLGO_SECRETS=$WORK/secrets
DOCKER_ENV_FILE=$ALLGO_DOCKER_ENV
export COMPOSE_PROJECT_NAME=allgo-test-dev PROD_PROJECT=allgo-test-prod
export DEV_HOST=localhost DEV_HTTPS_PORT=24443 DEV_REGISTRY_PORT=24802 DEV_SSH_PORT=24022 DEV_IMAP_PORT=24143
# Small job limits, so that the front's limit can be tested with small requests.
# The sandboxes' Debian image is not needed: sleep is made on busybox.
export ALLGO_DEBIAN_IMAGE=false
export DEV_JOB_MAX_FILE_MB=1 DEV_JOB_MAX_INPUT_MB=2 DEV_API_RATE_LIMIT=0 DEV_HEAP=768m
export FRONT_BIND=127.0.0.1 SSH_BIND=127.0.0.1 HTTPS_PORT=25443 HTTP_PORT=25080 ALLGO_TLS=dev HSTS_MAX_AGE=0
export PROD_HOST=prod.localhost QUALIF_HOST=qualif.localhost QUALIF_DEV_DATA=true SERVER_HEAP=768m
export PROD_REGISTRY_PORT=25800 QUALIF_REGISTRY_PORT=25801 LEGACY_REGISTRY_PORT=25500
export PROD_SSH_PORT=25122 QUALIF_SSH_PORT=25022 QUALIF_IMAP_PORT=25143
# image_upgrade reaches Debian's archives from dev's network (the tests make no other).
export DOCKER_UPGRADE_NETWORK=allgo-dev
DEV_FILE=$ALLGO_ROOT/docker/docker-compose.yml
PROD_FILE=$ALLGO_ROOT/docker/docker-compose.prod.yml
QUALIF_SERVICES=(qualif-mysql qualif-toolbox qualif-smtpsink qualif-server qualif-ssh registry nginx)
DEV_URL=https://localhost:$DEV_HTTPS_PORT
QUALIF_URL=https://qualif.localhost:$HTTPS_PORT
DEV_CA=$ALLGO_DATA_ROOT/dev/nginx/rw/tls/ca.crt
FRONT_CA=$ALLGO_DATA_ROOT/nginx/rw/tls/ca.crt
TMP=$WORK/tmp
REPORT=$ALLGO_ROOT/var/log/docker-test-report.txt
TEST_PASSWORD=Correct-horse-7

devcurl() { curl -sS --max-time 30 --cacert "$DEV_CA" "$@"; }
# *.localhost is the loopback (RFC 6761): said explicitly, whatever the resolver.
qcurl() { curl -sS --max-time 30 --cacert "$FRONT_CA" --resolve "qualif.localhost:$HTTPS_PORT:127.0.0.1" \
  --resolve "prod.localhost:$HTTPS_PORT:127.0.0.1" "$@"; }

report() { printf '%s\n' "$*" | tee -a "$REPORT" | sed 's/^/# /'; }

# ---- from nothing, to nothing ----

# Everything the tests' environments make: their containers (the compose services, and the jobs
# and sandboxes the servers start on the host's engine, named <env>-...), networks, images pushed
# to their registries, data.
teardown() {
  if [ -n "${QUALIF_BOOTSTRAP_PID:-}" ]; then wait "$QUALIF_BOOTSTRAP_PID" 2>/dev/null; fi
  if [ -f "$ALLGO_DOCKER_ENV" ]; then
    docker_compose "$DEV_FILE" down --remove-orphans -t 30 >/dev/null 2>&1
    docker_compose "$PROD_FILE" down --remove-orphans -t 30 >/dev/null 2>&1
  fi
  local ids
  ids=$(leftover_containers)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1
  local network
  for network in allgo-dev allgo-prod allgo-qualif allgo-prod-registry allgo-qualif-registry; do
    docker network rm "$network" >/dev/null 2>&1
  done
  ids=$(leftover_images)
  [ -z "$ids" ] || docker rmi -f $ids >/dev/null 2>&1
  docker rm -f allgo-test-stale >/dev/null 2>&1
  docker rmi -f "$STALE_IMAGE" >/dev/null 2>&1
  rm -rf "$WORK"
}

leftover_containers() {
  {
    docker ps -aq --filter label=allgo.env=dev
    docker ps -aq --filter label=allgo.env=qualif
    docker ps -aq --filter label=allgo.env=prod
    docker ps -aq --filter name='^/(dev|qualif|prod)-'
    docker ps -aq --filter name='^/allgo-(registry|nginx)$'
    docker ps -aq --filter name='^/allgo-test-'
  } | sort -u
}

leftover_images() {
  docker images --format '{{.Repository}}:{{.Tag}}' \
    | grep -E "^(127\.0\.0\.1:($DEV_REGISTRY_PORT|$PROD_REGISTRY_PORT|$QUALIF_REGISTRY_PORT|$LEGACY_REGISTRY_PORT)/|allgo-test/)"
}

test_everything_removed() {
  assert_empty "no container of the test environments is left" "$(leftover_containers)"
  assert_empty "no network of the test environments is left" \
    "$(docker network ls --format '{{.Name}}' | grep -E '^allgo-(dev|prod|qualif)(-registry)?$')"
  assert_empty "no image pushed to the test registries is left" "$(leftover_images)"
  check "the data root is removed" test ! -e "$WORK"
}

# ---- the production file's defaults ----

# docker-compose.prod.yml as prepare.sh sets it up by default: no development data, passwords from
# files only, a provided certificate, HSTS.
test_prod_file_defaults() {
  local dir=$TMP/defaults config
  mkdir -p "$dir"
  # Nothing of the tests' own settings: only what prepare.sh writes.
  config=$(env -i PATH="$PATH" HOME="$HOME" ALLGO_DOCKER_ENV="$dir/env" ALLGO_DATA_ROOT="$dir/data" \
    ALLGO_SECRETS="$dir/secrets" "$ALLGO_ROOT/docker/prepare.sh" prod qualif 2>&1 \
    && env -i PATH="$PATH" HOME="$HOME" docker-compose --env-file "$dir/env" -f "$PROD_FILE" config 2>&1)
  check "docker-compose 1.29 reads docker-compose.prod.yml with prepare.sh's defaults" test -n "$config"
  local service
  for service in prod-server qualif-server; do
    assert_eq "$service has no development data by default" "false" \
      "$(python3 -c 'import sys, yaml; print(yaml.safe_load(sys.stdin)["services"][sys.argv[1]]["environment"]["ALLGO_DEV_DATA"])' "$service" <<<"$config" 2>&1)"
  done
  assert_not_contains "no password is written in the production file's configuration" "$config" "ALLGO_DB_PASSWORD:"
  assert_contains "the production front uses a provided certificate by default" "$config" "ALLGO_TLS: provided"
  assert_contains "the production front sends HSTS for a year by default" "$config" "ALLGO_HSTS_MAX_AGE: '31536000'"
  local user=$(id -u):$(id -g)
  [ "$(id -u)" != 0 ] || user=2000:2000
  assert_eq "prepare.sh makes the password files readable by DOCKERUSER only" "400 $user" \
    "$(stat -c '%a %u:%g' "$dir/secrets/prod/db-password" 2>&1)"
  rm -rf "$dir"
}

# ---- dev ----

bootstrap_dev() {
  local start=$SECONDS
  # A subset first: only what is named is initialised and started.
  if "$ALLGO_ROOT/docker/bootstrap" dev-mysql > "$ALLGO_ROOT/var/log/docker-test-bootstrap-subset.log" 2>&1; then
    assert_eq "docker/bootstrap dev-mysql starts dev-mysql only" "dev-mysql" \
      "$(docker_compose "$DEV_FILE" ps --services --filter status=running | tr '\n' ' ' | sed 's/ $//')"
  else
    fail "docker/bootstrap dev-mysql starts dev-mysql only" "$(tail -n 30 "$ALLGO_ROOT/var/log/docker-test-bootstrap-subset.log")"
  fi
  if "$ALLGO_ROOT/docker/bootstrap" > "$ALLGO_ROOT/var/log/docker-test-bootstrap-dev.log" 2>&1; then
    pass "docker/bootstrap brings dev up"
  else
    fail "docker/bootstrap brings dev up" "$(tail -n 30 "$ALLGO_ROOT/var/log/docker-test-bootstrap-dev.log")"
    return 1
  fi
  BOOTSTRAP_DEV_SECONDS=$((SECONDS - start))
}

test_dev_is_up() {
  local running user container
  running=$(docker_compose "$DEV_FILE" ps --services --filter status=running | sort | tr '\n' ' ')
  assert_eq "dev's containers run" "dev-mysql dev-nginx dev-registry dev-server dev-smtpsink dev-ssh " "$running"
  user=$(docker_env_value DOCKERUSER)
  for container in dev-mysql dev-nginx dev-registry dev-server dev-smtpsink dev-ssh; do
    assert_eq "$container runs as the prepared ordinary user $user, never root" "$user" \
      "$(docker exec "$container" sh -c 'echo $(id -u):$(id -g)')"
  done
  assert_empty "dev-server publishes no port (the front reaches it on dev's network)" "$(docker port dev-server)"
}

# The engine mounts job folders from the host: a server whose data root is mounted elsewhere than
# at its own path stops at once, and says why.
test_data_root_checked_at_start() {
  local out status=0
  out=$(docker run --rm --name allgo-test-dataroot -u "$(docker_env_value DOCKERUSER)" \
    --group-add "$(docker_env_value DOCKER_GID)" -v /var/run/docker.sock:/var/run/docker.sock \
    -v "$ALLGO_DATA_ROOT/dev/server:/vol" -v "$ALLGO_DATA_ROOT/dev/server:/srv/elsewhere" \
    -e ALLGO_ENV=dev -e ALLGO_DATA=/srv/elsewhere -e ALLGO_DB_URL=jdbc:mariadb://dev-mysql:3306/allgo \
    -e ALLGO_DB_PASSWORD=x "$(docker_image_tag server)" 2>&1) || status=$?
  assert_eq "a server whose data root is not at the same path on the host does not start" 1 "$status"
  assert_contains "...and says so" "$out" "is mounted from $ALLGO_DATA_ROOT/dev/server on the host"
}

test_health_through_the_front() {
  local body
  body=$(devcurl "$DEV_URL/health")
  check "https://localhost answers with a certificate of the CA container_init made" test -n "$body"
  assert_eq "/health is UP through nginx" "UP" "$(json status <<<"$body" 2>/dev/null)"
  # A stranger (through the front) learns the status only, whatever address it claims; the checks
  # are told on the server's loopback.
  assert_not_contains "/health through the front tells no check" "$body" '"checks"'
  assert_not_contains "...nor to a request claiming to come from loopback" \
    "$(devcurl -H 'Proxy-ip: 127.0.0.1' -H 'X-Forwarded-For: 127.0.0.1' "$DEV_URL/health")" '"checks"'
  local name details
  details=$(docker exec dev-server curl -fsS http://127.0.0.1:8080/health)
  for name in database docker registry mail; do
    assert_eq "/health: $name is UP" "UP" \
      "$(python3 -c 'import json,sys; print([c["status"] for c in json.load(sys.stdin)["checks"] if c["name"]==sys.argv[1]][0])' "$name" <<<"$details" 2>&1)"
  done
  local headers
  headers=$(devcurl -o /dev/null -D - "$DEV_URL/")
  assert_matches "the front sets nosniff" "$headers" $'[Xx]-[Cc]ontent-[Tt]ype-[Oo]ptions: nosniff'
  assert_matches "the front sets a Content-Security-Policy" "$headers" "[Cc]ontent-[Ss]ecurity-[Pp]olicy: frame-ancestors 'self'"
  assert_matches "the session cookie is Secure behind TLS" "$headers" "[Ss]et-[Cc]ookie: JSESSIONID=[^;]*;.*Secure"
  assert_not_contains "the front does not name its version" "$headers" "nginx/"
  check "plain HTTP on the TLS port is refused" bash -c "! curl -sS --max-time 5 -o /dev/null http://localhost:$DEV_HTTPS_PORT/health 2>/dev/null | grep -q UP"
}

test_sign_in() {
  local jar=$TMP/cookies page state final
  page=$(devcurl -c "$jar" -b "$jar" "$DEV_URL/users/sign_in?next=/account")
  state=$(sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
  final=$(devcurl -c "$jar" -b "$jar" -L -o "$TMP/account.html" -w '%{url_effective}' \
    --data-urlencode signin=signin --data-urlencode 'signin:next=/account' \
    --data-urlencode 'signin:email=devel@localhost' --data-urlencode 'signin:password=allgo' \
    --data-urlencode 'signin:submit=Sign in' --data-urlencode "jakarta.faces.ViewState=$state" \
    "$DEV_URL/users/sign_in")
  assert_eq "signing in as devel@localhost from /account goes back to it, over https" "$DEV_URL/account" "$final"
  assert_contains "the account page shows devel@localhost" "$(cat "$TMP/account.html")" "devel@localhost"
  TOKEN=$(devcurl -H 'Content-Type: application/json' -d '{"email":"devel@localhost","password":"allgo"}' \
    "$DEV_URL/api/v2/tokens" | json token 2>/dev/null)
  assert_matches "devel gets an API token" "${TOKEN:-}" '^[A-Za-z0-9_-]{20,}$'
  assert_eq "the seeded webapp sleep has its version 1.0, in dev's namespace of dev's registry" \
    "READY 127.0.0.1:$DEV_REGISTRY_PORT/allgo/dev/sleep:1.0" "$(await_sleep_ready "$DEV_URL" "$DEV_CA" "$TOKEN")"
}

# await_sleep_ready URL CA TOKEN: waits (two minutes at most) until the seeded webapp sleep has a
# READY version (the server commits it after its start); prints the version's state and image.
await_sleep_ready() {
  local tries=240 versions
  while [ "$tries" -gt 0 ]; do
    versions=$(curl -sS --max-time 10 --cacert "$2" --resolve "qualif.localhost:$HTTPS_PORT:127.0.0.1" \
      -H "Authorization: Bearer $3" "$1/api/v2/webapps/sleep/versions")
    if grep -q '"state":"READY"' <<<"$versions"; then
      python3 -c 'import json,sys; v=[v for v in json.load(sys.stdin) if v["state"]=="READY"][0]; print(v["state"], v["image"])' <<<"$versions"
      return
    fi
    tries=$((tries - 1))
    sleep 0.5
  done
  echo "not ready: $versions"
}

# wait_job URL ID: polls a v2 job until it has ended; prints its state.
wait_job() {
  local url=$1 id=$2 cafile=$3 state tries=120
  while [ "$tries" -gt 0 ]; do
    state=$(curl -sS --max-time 10 --cacert "$cafile" --resolve "qualif.localhost:$HTTPS_PORT:127.0.0.1" \
      -H "Authorization: Bearer $4" "$url/api/v2/jobs/$id" | json state 2>/dev/null)
    case "$state" in DONE | ERROR | ABORTED | TIMEOUT | ARCHIVED) echo "$state"; return ;; esac
    tries=$((tries - 1))
    sleep 1
  done
  echo "${state:-unknown}"
}

test_v1_job() {
  local answer id status tries=60 files
  answer=$(devcurl -H "Authorization: Token token=$TOKEN" -F 'job[webapp_id]=sleep' -F 'job[param]=1' "$DEV_URL/api/v1/jobs")
  id=$(json id <<<"$answer" 2>/dev/null)
  assert_matches "a v1 job is created on sleep" "${id:-}" '^[0-9]+$'
  assert_eq "its url is the front's" "$DEV_URL/api/v1/jobs/$id" "$(json url <<<"$answer" 2>/dev/null)"
  while [ "$tries" -gt 0 ]; do
    answer=$(devcurl -H "Authorization: Token token=$TOKEN" "$DEV_URL/api/v1/jobs/$id")
    status=$(json status <<<"$answer" 2>/dev/null)
    [ "$status" = done ] && break
    tries=$((tries - 1))
    sleep 1
  done
  assert_eq "the v1 job is done" done "$status"
  files=$(json "$id" <<<"$answer" 2>/dev/null)
  local url
  url=$(json sleep-output.txt <<<"$files")
  assert_eq "its output file is listed at the front's address" "$DEV_URL/datastore/$id/sleep-output.txt" "$url"
  assert_eq "the output file downloads through the front" "slept 1 seconds" \
    "$(devcurl -H "Authorization: Token token=$TOKEN" "$url")"
  assert_contains "allgo.log downloads through the front" \
    "$(devcurl -H "Authorization: Token token=$TOKEN" "$(json allgo.log <<<"$files")")" "sleeping 1 seconds"
}

# The events of a v2 job through nginx: the program's first line arrives while the job still runs
# (a buffering proxy would hand everything over at the end), the ended state last.
test_v2_events_live() {
  local id line state_then="" events=$TMP/events fd
  id=$(devcurl -H "Authorization: Bearer $TOKEN" -F webapp=sleep -F param=8 -F notify=false "$DEV_URL/api/v2/jobs" | json id 2>/dev/null)
  assert_matches "a v2 job is submitted" "${id:-}" '^[0-9]+$'
  # As a browser's EventSource asks: compressed answers accepted.
  exec {fd}< <(curl -sS -N --compressed --max-time 90 --cacert "$DEV_CA" -H 'Accept: text/event-stream' \
    -H "Authorization: Bearer $TOKEN" "$DEV_URL/api/v2/jobs/$id/events")
  : > "$events"
  while IFS= read -r -t 60 line <&"$fd"; do
    printf '%s\n' "$line" >> "$events"
    if [[ "$line" == data:*'sleeping 8 seconds'* ]]; then
      state_then=$(devcurl -H "Authorization: Bearer $TOKEN" "$DEV_URL/api/v2/jobs/$id" | json state 2>/dev/null)
      break
    fi
  done
  assert_eq "the job's first log line comes through nginx while it runs" RUNNING "$state_then"
  while IFS= read -r -t 60 line <&"$fd"; do printf '%s\n' "$line" >> "$events"; done
  exec {fd}<&-
  local last_state
  last_state=$(grep '^data: {.*"state"' "$events" | tail -n 1 | sed 's/^data: //' | json state 2>/dev/null)
  assert_eq "the stream ends with the job's ended state" DONE "$last_state"
}

# The front's request limit is the job limits (here 1 MiB a file, 2 MiB a job).
test_upload_limits() {
  head -c $((1536 * 1024)) /dev/zero > "$TMP/big-file"
  head -c $((4 * 1024 * 1024)) /dev/zero > "$TMP/too-big"
  local status body
  body=$(devcurl -o - -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -F webapp=sleep -F param=1 \
    -F "files=@$TMP/big-file" "$DEV_URL/api/v2/jobs")
  assert_eq "a file over the server's limit is refused by the server (413)" 413 "$(tail -n 1 <<<"$body")"
  assert_contains "...with the server's problem, which names the limit" "$body" "MiB"
  status=$(devcurl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -F webapp=sleep -F param=1 \
    -F "files=@$TMP/too-big" "$DEV_URL/api/v2/jobs")
  assert_eq "a request over the job limits is refused by the front (413)" 413 "$status"
}

test_ssh_into_the_sandbox() {
  ssh-keygen -q -t ed25519 -N '' -C docker-test -f "$TMP/id_ed25519" >/dev/null
  local status
  status=$(devcurl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"key\":\"$(cat "$TMP/id_ed25519.pub")\"}" "$DEV_URL/api/v2/account/ssh-keys")
  assert_eq "devel adds an SSH key" 201 "$status"
  # The sandbox seeded with sleep may have been stopped by its commit: start it (409 if it runs).
  status=$(devcurl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"version":"1.0"}' "$DEV_URL/api/v2/webapps/sleep/sandbox/start")
  assert_matches "sleep's sandbox runs" "$status" '^(200|201|204|409)$'
  local out
  out=$(ssh -p "$DEV_SSH_PORT" -i "$TMP/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR sleep@localhost 'head -n 2 /usr/local/bin/allgo-sleep; hostname' 2>&1)
  assert_contains "ssh sleep@localhost through dev-ssh lands in the sandbox" "$out" "allgo's demonstration program"
  out=$(ssh -p "$DEV_SSH_PORT" -i "$TMP/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no -o PasswordAuthentication=yes \
    sleep@localhost true 2>&1)
  assert_contains "dev-ssh takes keys only" "$out" "Permission denied"
  echo "sent by scp" > "$TMP/scp-probe"
  out=$(scp -P "$DEV_SSH_PORT" -i "$TMP/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "$TMP/scp-probe" sleep@localhost:/tmp/scp-probe 2>&1 \
    && ssh -p "$DEV_SSH_PORT" -i "$TMP/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR sleep@localhost cat /tmp/scp-probe 2>&1)
  assert_eq "scp into the sandbox works with the toolbox of allgo/toolbox" "sent by scp" "$out"
}

# imap_mail PORT RECIPIENT: the newest mail to RECIPIENT in the sink's mailbox, decoded (empty if none).
imap_mail() {
  local port=$1 to=$2 numbers number
  numbers=$(curl -sS --max-time 10 "imap://127.0.0.1:$port/INBOX" -u sink:sink -X "SEARCH TO \"$to\"" 2>/dev/null \
    | sed -n 's/^\* SEARCH//p' | tr -d '\r')
  number=$(echo $numbers | awk '{print $NF}')
  [ -n "$number" ] || return 0
  curl -sS --max-time 10 "imap://127.0.0.1:$port/INBOX;MAILINDEX=$number" -u sink:sink | python3 -c '
import email, email.policy, sys
message = email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default)
print("Subject:", message["subject"])
print("To:", message["to"])
part = message.get_body(preferencelist=("plain",))
print(part.get_content() if part else "")'
}

# await_mail PORT RECIPIENT: waits (30 s at most) for a mail to RECIPIENT.
await_mail() {
  local tries=60 mail
  while [ "$tries" -gt 0 ]; do
    mail=$(imap_mail "$1" "$2")
    [ -n "$mail" ] && { printf '%s\n' "$mail"; return; }
    tries=$((tries - 1))
    sleep 0.5
  done
}

test_sign_up_mail() {
  local email="ada-$RANDOM$RANDOM@example.org" status mail link
  status=$(devcurl -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"name\":\"Ada Lovelace\",\"email\":\"$email\",\"password\":\"$TEST_PASSWORD\"}" "$DEV_URL/api/v2/users")
  assert_eq "a visitor signs up through the front (202: the same answer whether the address is free or taken)" 202 "$status"
  mail=$(await_mail "$DEV_IMAP_PORT" "$email")
  assert_contains "the confirmation mail to $email is in the sink (IMAP, user sink)" "$mail" "Confirm your e-mail address"
  link=$(grep -o "https://[^ ]*confirmation_token=[A-Za-z0-9_-]*" <<<"$mail" | head -n 1)
  assert_matches "its link points at the front" "$link" "^$DEV_URL/users/confirmation\?"
  assert_contains "the link confirms the account" "$(devcurl "$link")" "is confirmed"
}

test_dev_registry_port() {
  assert_contains "dev's registry port holds the committed sleep:1.0" \
    "$(curl -sS "http://127.0.0.1:$DEV_REGISTRY_PORT/v2/allgo/dev/sleep/tags/list")" '"1.0"'
  assert_eq "dev's registry port refuses the catalog of every namespace" 403 \
    "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$DEV_REGISTRY_PORT/v2/_catalog")"
}

# ---- bootstrapping again changes nothing ----

# What container_init makes and keeps: the files of the data root (path, size, mode, owner, time),
# except what the running services write (database files, logs, job data, caches, the registry's
# blobs, the server's runtime folders), and the databases' accounts.
snapshot() {
  (cd "$ALLGO_DATA_ROOT" && find ./dev \
      \( -path ./dev/mysql/rw/mysql -o -path './*/log' -o -path './*/cache' -o -path ./dev/server/rw/datastore \
         -o -path ./dev/server/rw/live-logs -o -path ./dev/server/rw/uploads -o -path ./dev/registry/rw/registry \
         -o -path './dev/server/rw/domains/*/logs' -o -path './dev/server/rw/domains/*/osgi-cache' \
         -o -path './dev/server/rw/domains/*/generated' -o -path './dev/server/rw/domains/*/applications' \
         -o -path './dev/server/rw/domains/*/session-store' -o -path './dev/server/rw/domains/*/lib/databases' \) -prune \
      -o -printf '%p %s %m %u %T@\n' | sort)
  getfacl -pn "$ALLGO_DATA_ROOT/dev/server/rw/datastore" 2>&1
  docker exec dev-mysql sh -c 'mariadb -uroot --password="$(cat /vol/rw/root-password)" -N -e "
    SELECT user, host, authentication_string FROM mysql.user ORDER BY user, host;
    SHOW DATABASES; SHOW GRANTS FOR allgo; SHOW GRANTS FOR ssh;"' 2>&1
}

containers_started() {
  docker ps --filter label=com.docker.compose.project="$COMPOSE_PROJECT_NAME" --format '{{.Names}}' | sort \
    | grep -v toolbox | xargs -r docker inspect -f '{{.Name}} {{.Id}} {{.State.StartedAt}}'
}

test_bootstrap_again_changes_nothing() {
  local before after started_before started_after start=$SECONDS
  before=$(snapshot)
  started_before=$(containers_started)
  if "$ALLGO_ROOT/docker/bootstrap" > "$ALLGO_ROOT/var/log/docker-test-bootstrap-again.log" 2>&1; then
    pass "docker/bootstrap runs again on the running dev"
  else
    fail "docker/bootstrap runs again on the running dev" "$(tail -n 30 "$ALLGO_ROOT/var/log/docker-test-bootstrap-again.log")"
  fi
  BOOTSTRAP_AGAIN_SECONDS=$((SECONDS - start))
  after=$(snapshot)
  started_after=$(containers_started)
  assert_eq "container_init ran again in the five containers that have one" 5 \
    "$(grep -c 'container_init: dev-' "$ALLGO_ROOT/var/log/docker-test-bootstrap-again.log")"
  assert_eq "container_init a second time changes nothing in the volumes nor the databases' accounts" \
    "$before" "$after"
  if [ "$before" != "$after" ]; then diff <(echo "$before") <(echo "$after") | sed 's/^/#   /' | head -n 20; fi
  assert_eq "bootstrapping again restarts no container" "$started_before" "$started_after"
}

# ---- image_upgrade ----

test_image_upgrade() {
  local name tag out
  for name in "${DOCKER_IMAGES[@]}"; do
    tag=$(docker_image_tag "$name")
    # An image older than Debian's last update is brought up to date first (the operator's
    # procedure, docker/README.md); then, fresh, it has nothing to upgrade.
    if ! out=$(docker_upgrade_image "$tag"); then
      fail "/dk/image_upgrade succeeds in $tag" "$out"
      continue
    fi
    [ -z "$out" ] || report "$tag was not up to date: upgraded and committed"
    if out=$(docker run --rm -u 0 --network "$DOCKER_UPGRADE_NETWORK" "$tag" /dk/image_upgrade 2>&1); then
      assert_empty "/dk/image_upgrade on the fresh $tag prints nothing and exits 0" "$out"
    else
      fail "/dk/image_upgrade on the fresh $tag prints nothing and exits 0" "$out"
    fi
  done
  out=$(docker run --rm --network none "$(docker_image_tag mysql)" /dk/image_upgrade 2>&1)
  assert_contains "/dk/image_upgrade as the image's ordinary user refuses and says why" "$out" "must run as root"
}

# The other half of the contract: an image behind Debian's archives (one of its packages taken back
# to an older version of the archives) is upgraded, image_upgrade says what it did, and the image
# committed by the procedure has nothing left to upgrade.
STALE_IMAGE=allgo-test/stale:latest

test_image_upgrade_reports_upgrades() {
  local out package
  out=$(docker run --name allgo-test-stale -u 0 --network "$DOCKER_UPGRADE_NETWORK" "$(docker_image_tag base)" sh -c '
    apt-get update -qq >/dev/null 2>&1 || exit 1
    for p in $(dpkg-query -W -f "\${Package}\n" | grep -Ev "^(libc6|libc-bin|dpkg|apt|bash|base-files|base-passwd)$"); do
      installed=$(dpkg-query -W -f "\${Version}" "$p")
      for v in $(apt-cache madison "$p" | awk "{print \$3}"); do
        if dpkg --compare-versions "$v" lt "$installed"; then
          apt-get install -y -qq --allow-downgrades "$p=$v" >/dev/null 2>&1 && { rm -rf /var/lib/apt/lists/*; echo "$p"; exit 0; }
        fi
      done
    done' 2>&1)
  package=$(tail -n 1 <<<"$out")
  if [ -z "$package" ]; then
    docker rm -f allgo-test-stale >/dev/null 2>&1
    skip "/dk/image_upgrade prints what it upgrades" "no package of the base has an older version in Debian's archives today"
    return
  fi
  docker commit --change 'CMD ["/bin/bash"]' allgo-test-stale "$STALE_IMAGE" >/dev/null
  docker rm -f allgo-test-stale >/dev/null 2>&1
  local status=0
  out=$(docker_upgrade_image "$STALE_IMAGE") || status=$?
  assert_eq "/dk/image_upgrade on an image behind Debian's archives succeeds" 0 "$status"
  assert_contains "...and prints what it upgraded ($package)" "$out" "$package"
  assert_empty "the image committed by the procedure has nothing left to upgrade" \
    "$(docker run --rm -u 0 --network "$DOCKER_UPGRADE_NETWORK" "$STALE_IMAGE" /dk/image_upgrade 2>&1)"
  assert_eq "...and keeps its command" '["/bin/bash"]' "$(docker image inspect -f '{{json .Config.Cmd}}' "$STALE_IMAGE")"
  docker rmi -f "$STALE_IMAGE" >/dev/null 2>&1
}

# ---- qualif beside dev ----

# qualif is bootstrapped while dev is tested (its server takes minutes to start, dev's tests
# mostly wait for jobs).
bootstrap_qualif_start() {
  (
    start=$SECONDS
    "$ALLGO_ROOT/docker/bootstrap" -f docker-compose.prod.yml "${QUALIF_SERVICES[@]}" \
      > "$ALLGO_ROOT/var/log/docker-test-bootstrap-qualif.log" 2>&1
    echo "$? $((SECONDS - start))" > "$WORK/qualif-bootstrap"
  ) &
  QUALIF_BOOTSTRAP_PID=$!
}

bootstrap_qualif_wait() {
  wait "$QUALIF_BOOTSTRAP_PID"
  local status seconds
  read -r status seconds < "$WORK/qualif-bootstrap"
  if [ "$status" = 0 ]; then
    pass "docker/bootstrap brings qualif up beside dev (docker-compose.prod.yml)"
  else
    fail "docker/bootstrap brings qualif up beside dev (docker-compose.prod.yml)" \
      "$(tail -n 30 "$ALLGO_ROOT/var/log/docker-test-bootstrap-qualif.log")"
    return 1
  fi
  BOOTSTRAP_QUALIF_SECONDS=$seconds
}

test_qualif_is_its_own() {
  local body qtoken id state dev_jobs
  body=$(qcurl "$QUALIF_URL/health")
  assert_eq "qualif's /health is UP through the shared front" UP "$(json status <<<"$body" 2>/dev/null)"
  assert_eq "prod, not started, is not served by the front (502)" 502 \
    "$(qcurl -o /dev/null -w '%{http_code}' "https://prod.localhost:$HTTPS_PORT/health")"
  assert_eq "qualif reads its passwords from files" "/run/secrets/db-password" \
    "$(docker exec qualif-server printenv ALLGO_DB_PASSWORD_FILE)"
  check "no password is in qualif-server's environment" bash -c "! docker exec qualif-server printenv ALLGO_DB_PASSWORD"
  qtoken=$(qcurl -H 'Content-Type: application/json' -d '{"email":"devel@localhost","password":"allgo"}' \
    "$QUALIF_URL/api/v2/tokens" | json token 2>/dev/null)
  assert_matches "devel signs in on qualif (its own database, QUALIF_DEV_DATA)" "${qtoken:-}" '^[A-Za-z0-9_-]{20,}$'
  assert_eq "dev's token means nothing on qualif (401)" 401 \
    "$(qcurl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$QUALIF_URL/api/v2/jobs")"
  assert_eq "qualif's sleep has its own version 1.0, in qualif's namespace of the shared registry" \
    "READY 127.0.0.1:$QUALIF_REGISTRY_PORT/allgo/qualif/sleep:1.0" "$(await_sleep_ready "$QUALIF_URL" "$FRONT_CA" "$qtoken")"
  dev_jobs=$(devcurl -H "Authorization: Bearer $TOKEN" "$DEV_URL/api/v2/jobs" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  id=$(qcurl -H "Authorization: Bearer $qtoken" -F webapp=sleep -F param=5 -F notify=false "$QUALIF_URL/api/v2/jobs" | json id 2>/dev/null)
  assert_matches "a job is submitted on qualif" "${id:-}" '^[0-9]+$'
  local tries=60 container=""
  while [ "$tries" -gt 0 ] && [ -z "$container" ]; do
    container=$(docker ps --filter "name=^/qualif-job-$id\$" --filter label=allgo.env=qualif --format '{{.Names}}')
    tries=$((tries - 1))
    sleep 0.5
  done
  assert_eq "qualif's job runs in its own container, labelled qualif" "qualif-job-$id" "$container"
  state=$(wait_job "$QUALIF_URL" "$id" "$FRONT_CA" "$qtoken")
  assert_eq "qualif's job is done" DONE "$state"
  assert_eq "qualif lists its one job only" 1 \
    "$(qcurl -H "Authorization: Bearer $qtoken" "$QUALIF_URL/api/v2/jobs" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
  assert_eq "dev's jobs are unchanged by qualif's" "$dev_jobs" \
    "$(devcurl -H "Authorization: Bearer $TOKEN" "$DEV_URL/api/v2/jobs" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
  assert_eq "qualif's sandbox is its own container" "qualif-user-sleep qualif" \
    "$(docker inspect -f '{{.Name}} {{index .Config.Labels "allgo.env"}}' qualif-user-sleep 2>&1 | sed 's|^/||')"
  check "qualif's version is in qualif's namespace of the shared registry" \
    bash -c "curl -fsS http://127.0.0.1:$QUALIF_REGISTRY_PORT/v2/allgo/qualif/sleep/tags/list | grep -q '\"1.0\"'"
  local email="grace-$RANDOM$RANDOM@example.org"
  qcurl -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\":\"Grace Hopper\",\"email\":\"$email\",\"password\":\"$TEST_PASSWORD\"}" "$QUALIF_URL/api/v2/users"
  assert_contains "qualif's mail goes to qualif's sink" "$(await_mail "$QUALIF_IMAP_PORT" "$email")" "$QUALIF_URL/users/confirmation"
  assert_empty "...not to dev's" "$(imap_mail "$DEV_IMAP_PORT" "$email")"
}

# push_refused REF: docker push of a tiny image to REF is refused by the registry.
push_outcome() {
  docker tag allgo/busybox:latest "$1" && docker push "$1" 2>&1 | tail -n 1
  docker rmi "$1" >/dev/null 2>&1
}

test_qualif_registry_port() {
  local port=$QUALIF_REGISTRY_PORT out
  out=$(push_outcome "127.0.0.1:$port/allgo/qualif/probe:1")
  assert_contains "qualif's registry port takes a push to allgo/qualif/" "$out" "digest: sha256:"
  out=$(push_outcome "127.0.0.1:$PROD_REGISTRY_PORT/allgo/prod/probe:1")
  assert_contains "prod's registry port takes a push to allgo/prod/" "$out" "digest: sha256:"
  for namespace in prod dev; do
    out=$(push_outcome "127.0.0.1:$port/allgo/$namespace/probe:1")
    assert_contains "qualif's registry port refuses a push to allgo/$namespace/" "$out" "denied"
  done
  out=$(docker pull "127.0.0.1:$port/allgo/prod/probe:1" 2>&1)
  assert_contains "qualif's registry port refuses to pull allgo/prod/probe, which prod's port serves" "$out" "denied"
  out=$(docker pull "127.0.0.1:$port/allgo/dev/sleep:1.0" 2>&1)
  assert_contains "qualif's registry port refuses to pull from allgo/dev/" "$out" "denied"
  check "prod's registry port serves allgo/prod/probe" docker pull -q "127.0.0.1:$PROD_REGISTRY_PORT/allgo/prod/probe:1"
  assert_eq "no encoded dot segment leaves qualif's namespace" 403 \
    "$(curl -sS -o /dev/null -w '%{http_code}' --path-as-is "http://127.0.0.1:$port/v2/allgo/qualif/..%2Fprod/probe/tags/list")"
  assert_contains "the legacy port serves allgo/<name> from allgo/prod/" \
    "$(curl -sS "http://127.0.0.1:$LEGACY_REGISTRY_PORT/v2/allgo/probe/tags/list")" '"name":"allgo/prod/probe"'
}

# ---- measurements (reported, never asserted) ----

measure() {
  report "docker tier $(date -u +%FT%TZ) on $(nproc) cores"
  report "images built (or found up to date) in ${IMAGES_SECONDS:-?} s"
  report "bootstrap of dev (images ready): ${BOOTSTRAP_DEV_SECONDS:-?} s"
  report "bootstrap of dev again: ${BOOTSTRAP_AGAIN_SECONDS:-?} s"
  report "bootstrap of qualif beside dev, while dev is tested: ${BOOTSTRAP_QUALIF_SECONDS:-?} s"
  local name
  for name in "${DOCKER_IMAGES[@]}"; do
    report "image $(docker image inspect -f '{{index .RepoTags 0}} {{.Size}}' "$(docker_image_tag "$name")" \
      | awk '{printf "%s %.0f MB", $1, $2 / 1000000}')"
  done
}

measure_memory() {
  sleep 10
  report "memory of dev at rest (docker stats):"
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps --filter label=com.docker.compose.project="$COMPOSE_PROJECT_NAME" --format '{{.Names}}') \
    | sort | while read -r line; do report "  $line"; done
}

# ---- the run ----

main() {
  local start=$SECONDS
  mkdir -p "$ALLGO_ROOT/var/log"
  : > "$REPORT"
  ensure_docker
  command -v docker-compose >/dev/null || apt_install docker-compose
  command -v ssh >/dev/null || apt_install openssh-client
  teardown
  trap 'teardown; test_everything_removed; summary; exit $?' EXIT
  mkdir -p "$TMP"
  test_prod_file_defaults
  local built=$SECONDS
  docker_images > "$ALLGO_ROOT/var/log/docker-test-images.log" 2>&1 \
    || { fail "the images build" "$(tail -n 20 "$ALLGO_ROOT/var/log/docker-test-images.log")"; return 1; }
  IMAGES_SECONDS=$((SECONDS - built))
  bootstrap_dev || return 1
  bootstrap_qualif_start
  test_dev_is_up
  test_data_root_checked_at_start
  test_health_through_the_front
  test_sign_in
  test_v1_job
  test_v2_events_live
  test_upload_limits
  test_ssh_into_the_sandbox
  test_sign_up_mail
  test_dev_registry_port
  measure_memory
  bootstrap_qualif_wait
  local qualif=$?
  test_bootstrap_again_changes_nothing
  test_image_upgrade
  test_image_upgrade_reports_upgrades
  if [ "$qualif" = 0 ]; then
    test_qualif_is_its_own
    test_qualif_registry_port
  fi
  measure
  report "docker tier before the teardown: $((SECONDS - start)) s"
}

main
