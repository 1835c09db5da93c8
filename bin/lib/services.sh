# The real services allgo talks to: Docker engine, registry, MariaDB, mail sink.
# Each ensure_* is idempotent: it uses what already answers and starts only what is missing.
# Sourced after common.sh.

docker_ok() { docker info >/dev/null 2>&1; }

ensure_docker() {
  docker_ok && return 0
  command -v dockerd >/dev/null || apt_install docker.io
  docker_ok && return 0
  # One engine only: a second dockerd beside a running one would fight over docker0.
  pgrep -x dockerd >/dev/null && { wait_for 30 "the Docker engine" docker_ok; return 0; }
  log "starting dockerd"
  start_bg dockerd "$ALLGO_ROOT/var/log/dockerd.log" dockerd
  wait_for 60 "the Docker engine" docker_ok
}

registry_ok() { curl -fsS "http://$ALLGO_REGISTRY/v2/" >/dev/null 2>&1; }

ensure_registry() {
  registry_ok && return 0
  command -v docker-registry >/dev/null || apt_install docker-registry
  local dir=$ALLGO_ROOT/var/registry
  mkdir -p "$dir/data"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: $ALLGO_REGISTRY
YAML
  log "starting the registry on $ALLGO_REGISTRY"
  start_bg registry "$ALLGO_ROOT/var/log/registry.log" docker-registry serve "$dir/config.yml"
  wait_for 30 "the registry" registry_ok
}

mariadb_sock() { echo "$ALLGO_ROOT/var/mariadb/mysqld.sock"; }
mariadb_ok() { mariadb --socket="$(mariadb_sock)" -uroot -e 'select 1' >/dev/null 2>&1; }

ensure_mariadb() {
  mariadb_ok || start_mariadb
  # One database and one read/write account per environment, with the password of these settings.
  local db=allgo_$ALLGO_ENV
  mariadb --socket="$(mariadb_sock)" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$ALLGO_DB_USER'@'127.0.0.1' IDENTIFIED BY '$ALLGO_DB_PASSWORD';
CREATE USER IF NOT EXISTS '$ALLGO_DB_USER'@'localhost' IDENTIFIED BY '$ALLGO_DB_PASSWORD';
ALTER USER '$ALLGO_DB_USER'@'127.0.0.1' IDENTIFIED BY '$ALLGO_DB_PASSWORD';
ALTER USER '$ALLGO_DB_USER'@'localhost' IDENTIFIED BY '$ALLGO_DB_PASSWORD';
GRANT ALL ON \`${db}%\`.* TO '$ALLGO_DB_USER'@'127.0.0.1';
GRANT ALL ON \`${db}%\`.* TO '$ALLGO_DB_USER'@'localhost';
SQL
}

start_mariadb() {
  command -v mariadbd >/dev/null || apt_install mariadb-server
  local dir=$ALLGO_ROOT/var/mariadb
  if [ ! -d "$dir/data/mysql" ]; then
    log "initialising MariaDB in $dir"
    mkdir -p "$dir/data"
    mariadb-install-db --user=root --datadir="$dir/data" --auth-root-authentication-method=socket \
      >"$ALLGO_ROOT/var/log/mariadb-install.log" 2>&1 || die "mariadb-install-db failed, see var/log/mariadb-install.log"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$ALLGO_MARIADB_PORT") 2>/dev/null; then
    die "port $ALLGO_MARIADB_PORT is taken by another server (another checkout's MariaDB?): stop it or set ALLGO_MARIADB_PORT"
  fi
  log "starting MariaDB on 127.0.0.1:$ALLGO_MARIADB_PORT"
  mkdir -p "$ALLGO_ROOT/var/log"
  start_bg mariadb "$ALLGO_ROOT/var/log/mariadb.log" mariadbd --no-defaults --user=root \
    --datadir="$dir/data" --socket="$(mariadb_sock)" --pid-file="$dir/mariadbd.pid" \
    --bind-address=127.0.0.1 --port="$ALLGO_MARIADB_PORT" --skip-name-resolve \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2
  wait_for 60 "MariaDB" mariadb_ok
}

greenmail_ok() { (exec 3<>"/dev/tcp/$ALLGO_SMTP_HOST/$ALLGO_SMTP_PORT") 2>/dev/null; }

# GreenMail's standalone jar, of the version the build names (2.1.5's IMAP threads spin once a client
# has gone; 2.1.8 ends them), fetched once from Maven Central; prints its path.
greenmail_jar() {
  local version jar
  version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ALLGO_ROOT/pom.xml")
  jar=$ALLGO_CACHE/greenmail-standalone-$version.jar
  mkdir -p "$ALLGO_CACHE"
  if [ ! -f "$jar" ]; then
    (cd "$ALLGO_CACHE" && mvn -B -q dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$version" \
      -DoutputDirectory="$ALLGO_CACHE") >&2 || die "could not fetch GreenMail"
  fi
  echo "$jar"
}

ensure_greenmail() {
  greenmail_ok && return 0
  local jar
  jar=$(greenmail_jar)
  log "starting the mail sink (SMTP $ALLGO_SMTP_PORT, IMAP $ALLGO_IMAP_PORT, user sink/sink)"
  start_bg greenmail "$ALLGO_ROOT/var/log/greenmail.log" java -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$ALLGO_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$ALLGO_IMAP_PORT" \
    -Dgreenmail.users=sink:sink@localhost -Dgreenmail.sieve.ignore.detail=true \
    -Dgreenmail.verbose=false -jar "$jar"
  wait_for 30 "the mail sink" greenmail_ok
}

# Base images cannot be pulled here: they are made locally and cached by tag.
ensure_busybox_image() {
  docker image inspect allgo/busybox:latest >/dev/null 2>&1 && return 0
  dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
  local tmp; tmp=$(mktemp -d)
  mkdir -p "$tmp/bin" "$tmp/tmp" "$tmp/etc" "$tmp/work"
  cp /bin/busybox "$tmp/bin/busybox"
  for applet in $("$tmp/bin/busybox" --list); do
    [ -e "$tmp/bin/$applet" ] || ln -s busybox "$tmp/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$tmp/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$tmp/etc/group"
  chmod 1777 "$tmp/tmp"
  log "making the busybox base image"
  tar -C "$tmp" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - allgo/busybox:latest >/dev/null
  rm -rf "$tmp"
}

# The browser tests drive Debian's Chromium through its ChromeDriver.
ensure_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  apt_install chromium chromium-driver
}

# Python with requests, for the test that speaks the original Python client's protocol.
ensure_python_requests() {
  /usr/bin/python3 -c 'import requests' >/dev/null 2>&1 || apt_install python3-requests
}

# nginx, as the front of two app servers in the swarm tier (SeveralServersIT runs its own, on
# loopback, and stops it). The package's own service never starts: policy-rc.d refuses it while the
# package is installed, so that nothing listens on port 80.
ensure_nginx() {
  [ -x /usr/sbin/nginx ] && return 0
  local policy=/usr/sbin/policy-rc.d made=false
  if [ ! -e "$policy" ] && [ "$(id -u)" = 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made=true
  fi
  local status=0
  (apt_install nginx-light) || status=$?
  [ "$made" = true ] && rm -f "$policy"
  return $status
}

ensure_services() {
  mkdir -p "$ALLGO_ROOT/var/log" "$ALLGO_RUN" "$ALLGO_CACHE"
  ensure_docker
  ensure_registry
  ensure_greenmail
  [ "$ALLGO_DB" = mysql ] && ensure_mariadb
  ensure_busybox_image
}

stop_services() {
  for name in greenmail registry mariadb dockerd; do stop_pid "$name"; done
}
