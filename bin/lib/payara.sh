# Payara Server: fetch it, make the allgo domain from payara-config/, start it, deploy the EAR.
# Sourced after common.sh and services.sh.

ALLGO_DOMAINS=${ALLGO_DOMAINS:-$ALLGO_ROOT/var/domains}
ALLGO_EAR=${ALLGO_EAR:-$ALLGO_ROOT/allgo-ear/target/allgo.ear}

asadmin() { "$PAYARA_HOME/bin/asadmin" --interactive=false --port "$ALLGO_ADMIN_PORT" "$@"; }

ensure_payara() {
  if [ ! -x "$PAYARA_HOME/bin/asadmin" ]; then
    log "fetching Payara Server $PAYARA_VERSION"
    local dir; dir=$(dirname "$PAYARA_HOME")
    mkdir -p "$dir"
    (cd "$dir" && mvn -B -q dependency:copy -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" \
      -DoutputDirectory="$dir" -Dmdep.stripVersion=true) || die "could not fetch Payara from Maven Central"
    unzip -q -o "$dir/payara.zip" -d "$dir" && rm -f "$dir/payara.zip"
  fi
  # No administration console: the admin port serves asadmin alone. The console loads on the first
  # request to the admin port's root, and a stop-domain during that load deadlocked the server's
  # web container (the stop timed out, the process stayed).
  rm -rf "$PAYARA_HOME/glassfish/lib/install/applications/__admingui"
}

# Builds the EAR when it is missing or older than any source (the test tiers' are not in it, nor
# what a build generates under target/, such as the OpenAPI client's sources).
ensure_built() {
  if [ -f "$ALLGO_EAR" ] && [ -z "$(find "$ALLGO_ROOT" \( -path "$ALLGO_ROOT/var" -o -path "$ALLGO_ROOT/allgo-it" \
      -o -path "$ALLGO_ROOT/allgo-itc" -o -path "$ALLGO_ROOT/allgo-client-it" -o -name target \) -prune \
      -o \( -path '*/src/*' -o -name pom.xml \) -newer "$ALLGO_EAR" -print -quit)" ]; then
    return 0
  fi
  log "building allgo"
  mvn -B -q -f "$ALLGO_ROOT/pom.xml" package -DskipTests -pl '!allgo-it,!allgo-client-it' || die "the build failed"
}

domain_running() { curl -fsS -o /dev/null "http://127.0.0.1:$ALLGO_ADMIN_PORT/" 2>/dev/null; }

render_config() {
  case $ALLGO_JIT_LEVEL in
    [0-4]) ;;
    *) die "ALLGO_JIT_LEVEL is a JIT tier from 0 to 4, not '$ALLGO_JIT_LEVEL'" ;;
  esac
  if [ "$ALLGO_DB" = mysql ]; then
    export ALLGO_DB_DATASOURCE=org.mariadb.jdbc.MariaDbDataSource
  else
    export ALLGO_DB_DATASOURCE=org.h2.jdbcx.JdbcDataSource
  fi
  envsubst '$ALLGO_DB_DATASOURCE $ALLGO_DB_URL $ALLGO_DB_USER $ALLGO_ENV $ALLGO_DATA $ALLGO_DOCKER_HOST $ALLGO_ENGINE $ALLGO_SWARM_NETWORK
    $ALLGO_REGISTRY $ALLGO_NODE $ALLGO_LOG $ALLGO_SMTP_HOST $ALLGO_SMTP_PORT $ALLGO_MAIL_FROM $ALLGO_BASE_URL $ALLGO_DEV_DATA
    $ALLGO_DB_SCHEMA $ALLGO_SSH_PORT $ALLGO_SANDBOX_NETWORK $ALLGO_SANDBOX_IDLE
    $ALLGO_API_RATE_LIMIT $ALLGO_JOB_MAX_FILE_MB $ALLGO_JOB_MAX_INPUT_MB $ALLGO_JOB_MAX_OUTPUT_MB
    $ALLGO_JOB_MAX_PER_USER $ALLGO_JOB_MAX_LOG_MB $ALLGO_JOB_TMP_MB $ALLGO_HEAP $ALLGO_JIT_LEVEL $ALLGO_MONITOR_PORT
    $ALLGO_WARM_ENABLED $ALLGO_WARM_MAX_CONTAINERS $ALLGO_WARM_MAX_MEMORY_MB $ALLGO_WARM_PER_KIND $ALLGO_WARM_IDLE' \
    < "$ALLGO_ROOT/payara-config/allgo.asadmin"
  # The password is part of what the domain was made from, but never written out in clear.
  printf '# db password sha256 %s\n' "$(printf %s "$ALLGO_DB_PASSWORD" | sha256sum | cut -c1-16)"
}

# Makes the domain when it is missing or was made from other settings.
ensure_domain() {
  local applied=$ALLGO_DOMAINS/$ALLGO_DOMAIN.asadmin rendered
  mkdir -p "$ALLGO_DOMAINS" "$ALLGO_DATA"/{rw,ro,cache,log} "$ALLGO_DATA/rw/datastore" "$ALLGO_LOG"
  [ "$ALLGO_DB" = mysql ] || { mkdir -p "$ALLGO_DATA/rw/h2" && chmod 700 "$ALLGO_DATA/rw/h2"; }
  rendered=$(render_config)
  if [ -d "$ALLGO_DOMAINS/$ALLGO_DOMAIN" ] && [ "$rendered" = "$(cat "$applied" 2>/dev/null)" ]; then
    return 0
  fi
  if [ -d "$ALLGO_DOMAINS/$ALLGO_DOMAIN" ]; then
    log "settings changed: making domain $ALLGO_DOMAIN again (its state lives in the database and $ALLGO_DATA)"
    stop_domain
    "$PAYARA_HOME/bin/asadmin" delete-domain --domaindir "$ALLGO_DOMAINS" "$ALLGO_DOMAIN" >/dev/null
  fi
  log "making Payara domain $ALLGO_DOMAIN (http $ALLGO_HTTP_PORT, admin $ALLGO_ADMIN_PORT)"
  "$PAYARA_HOME/bin/asadmin" create-domain --nopassword --portbase "$ALLGO_PORTBASE" \
    --domaindir "$ALLGO_DOMAINS" "$ALLGO_DOMAIN" >/dev/null || die "create-domain failed"
  start_domain
  local secret; secret=$(mktemp)
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$ALLGO_DB_PASSWORD" > "$secret"
  asadmin --passwordfile "$secret" create-password-alias allgo-db-password >/dev/null
  rm -f "$secret"
  if [ "$ALLGO_DB" = mysql ]; then
    asadmin add-library --type common "$(mariadb_driver)" >/dev/null || die "could not add the MariaDB driver"
  fi
  printf '%s\n' "$rendered" > "$ALLGO_DOMAINS/$ALLGO_DOMAIN.rendered"
  asadmin multimode --file "$ALLGO_DOMAINS/$ALLGO_DOMAIN.rendered" > "$ALLGO_LOG/configure.log" 2>&1 \
    || die "configuring the domain failed, see $ALLGO_LOG/configure.log"
  # multimode goes on past a command that failed, and may still exit 0: its log says so.
  if grep -qE '^(Command [a-z-]+ failed|remote failure:)' "$ALLGO_LOG/configure.log"; then
    die "a command configuring the domain failed, see $ALLGO_LOG/configure.log"
  fi
  rm -f "$ALLGO_DOMAINS/$ALLGO_DOMAIN.rendered" "$ALLGO_DOMAINS/$ALLGO_DOMAIN.deployed"
  stop_domain
  printf '%s\n' "$rendered" > "$applied"
}

# MariaDB's own driver: MySQL's Connector/J takes MariaDB 10.x (which announces itself as
# "5.5.5-10.x") for a server older than 5.6.4 and drops the milliseconds of every timestamp it sends.
mariadb_driver() {
  local jar=$ALLGO_CACHE/mariadb-java-client.jar version
  version=$(sed -n 's:.*<mariadb-client.version>\(.*\)</mariadb-client.version>.*:\1:p' "$ALLGO_ROOT/pom.xml")
  if [ ! -f "$jar" ] || ! unzip -p "$jar" META-INF/MANIFEST.MF | grep -q "Version: $version"; then
    (cd "$ALLGO_CACHE" && mvn -B -q dependency:copy -Dartifact="org.mariadb.jdbc:mariadb-java-client:$version" \
      -DoutputDirectory="$ALLGO_CACHE" -Dmdep.stripVersion=true -Dmdep.overWriteReleases=true) >&2 \
      || die "could not fetch the MariaDB driver"
  fi
  echo "$jar"
}

start_domain() {
  domain_running && return 0
  log "starting Payara domain $ALLGO_DOMAIN"
  "$PAYARA_HOME/bin/asadmin" start-domain --domaindir "$ALLGO_DOMAINS" "$ALLGO_DOMAIN" >/dev/null \
    || die "start-domain failed, see $ALLGO_DOMAINS/$ALLGO_DOMAIN/logs/server.log and $ALLGO_LOG/server.log"
}

stop_domain() {
  [ -d "$ALLGO_DOMAINS/$ALLGO_DOMAIN" ] || return 0
  domain_running || return 0
  log "stopping Payara domain $ALLGO_DOMAIN"
  "$PAYARA_HOME/bin/asadmin" stop-domain --domaindir "$ALLGO_DOMAINS" "$ALLGO_DOMAIN" >/dev/null
}

# Whether the allgo application answers (its liveness check: up or down, but its own).
application_answers() {
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' "$ALLGO_BASE_URL/health/live" 2>/dev/null || true)
  [ -n "$status" ] && [ "$status" != 000 ] && [ "$status" != 404 ]
}

# Deploys the EAR when it differs from the one deployed.
deploy() {
  local sum marker=$ALLGO_DOMAINS/$ALLGO_DOMAIN.deployed
  sum=$(sha256sum "$ALLGO_EAR" | cut -d' ' -f1)
  [ "$sum" = "$(cat "$marker" 2>/dev/null)" ] && return 0
  # A domain that starts loads the application it had, and a deployment during that load fails:
  # wait (five minutes at most: a loaded machine takes more than one) until the previous one
  # answers. The domain's own applications directory says whether it has one: the marker may be
  # gone (the benchmark removes it to redeploy). The application's own endpoint says it is loaded:
  # the domain's document root answers "/" from the start.
  if [ -d "$ALLGO_DOMAINS/$ALLGO_DOMAIN/applications/allgo" ]; then
    local tries=$((ALLGO_START_TIMEOUT * 2))
    until application_answers || [ "$((tries -= 1))" -le 0 ]; do sleep 0.5; done
  fi
  log "deploying $(basename "$ALLGO_EAR")"
  # On the public virtual server only: the monitoring listener's has the server's endpoints alone.
  asadmin deploy --force=true --virtualservers server --name allgo "$ALLGO_EAR" > "$ALLGO_LOG/deploy.log" 2>&1 \
    || { tail -n 40 "$ALLGO_LOG/server.log" >&2; die "deployment failed, see $ALLGO_LOG/deploy.log and server.log"; }
  echo "$sum" > "$marker"
}

health_ok() { curl -fsS -o /dev/null "$ALLGO_BASE_URL/health/ready"; }

# A loaded machine may take minutes to load the application: wait as long as the domain runs.
wait_healthy() {
  local tries=$((ALLGO_START_TIMEOUT * 2))
  while ! health_ok; do
    tries=$((tries - 1))
    domain_running || die "the Payara domain $ALLGO_DOMAIN stopped, see $ALLGO_LOG/server.log"
    if [ "$tries" -le 0 ]; then
      curl -sS "$ALLGO_BASE_URL/health" >&2 || true
      die "allgo is not healthy at $ALLGO_BASE_URL/health"
    fi
    sleep 0.5
  done
}

# The H2 database's files (its lock file holds the auto-server's key) are the server user's alone:
# 0600 in a 0700 folder. The server makes them with the default mode; set once they exist.
secure_h2_files() {
  [ "$ALLGO_DB" = mysql ] && return 0
  chmod 700 "$ALLGO_DATA/rw/h2"
  find "$ALLGO_DATA/rw/h2" -type f -exec chmod 600 {} +
}

up() {
  if [ -n "$ALLGO_SERVER" ] && [ "$ALLGO_DB" != mysql ]; then
    die "a further server (ALLGO_SERVER=$ALLGO_SERVER) shares a MariaDB/MySQL database: ALLGO_DB=mysql"
  fi
  if [ -n "$ALLGO_SERVER" ] && [ "$ALLGO_WARM_ENABLED" = true ]; then
    die "warm starts stay with a single server per engine: ALLGO_WARM_ENABLED=false for ALLGO_SERVER=$ALLGO_SERVER"
  fi
  ensure_services
  ensure_toolbox
  [ "$ALLGO_DEBIAN_IMAGE" = true ] && ensure_debian_image
  ensure_built
  ensure_payara
  ensure_domain
  start_domain
  deploy
  wait_healthy
  if [ -z "$ALLGO_SERVER" ]; then
    ensure_ssh_db_account
    ensure_ssh_sidecar
  fi
  secure_h2_files
  cat <<TEXT

allgo ($ALLGO_ENV${ALLGO_SERVER:+, server $ALLGO_SERVER}) is up:
  web        $ALLGO_BASE_URL/
  health     $ALLGO_BASE_URL/health
  ssh        ssh -p $ALLGO_SSH_PORT <webapp>@localhost  (keys from your account page)
  mail sink  IMAP 127.0.0.1:$ALLGO_IMAP_PORT, user sink / password sink
  registry   http://$ALLGO_REGISTRY/v2/_catalog
  logs       $ALLGO_LOG/server.log  (bin/allgo logs)
  stop       bin/allgo down
TEXT
  if [ "$ALLGO_DEV_DATA" = true ]; then
    cat <<TEXT
  logins     admin@localhost (superuser), devel@localhost (owner of the webapp sleep),
             guest@localhost — password: allgo
TEXT
  fi
}

down() {
  [ -n "$ALLGO_SERVER" ] || stop_ssh_sidecar
  stop_domain
  if [ "${1:-}" = --all ]; then stop_services; fi
}

status() {
  local state=stopped
  domain_running && state=running
  echo "domain $ALLGO_DOMAIN: $state (http $ALLGO_HTTP_PORT, admin $ALLGO_ADMIN_PORT)"
  for name in dockerd registry mariadb greenmail "ssh-$ALLGO_ENV"; do
    if pid_alive "$name"; then echo "$name: running (pid $(cat "$ALLGO_RUN/$name.pid"), started by allgo)"; fi
  done
  docker_ok && echo "docker: answering" || echo "docker: not answering"
  if [ "$state" = running ]; then curl -sS "$ALLGO_BASE_URL/health"; echo; fi
}
