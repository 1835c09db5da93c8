# The SSH sidecar (allgo-ssh): Payara Micro running the connector's RAR and the allgo-ssh WAR, beside
# the app server; `ssh <docker_name>@host -p $ALLGO_SSH_PORT` lands in the webapp's sandbox.
# Sourced after common.sh. It reads the database with a read-only account (ensure_ssh_db_account).

# Port 2222 for the default port base, else beside the server's ports (28022 for port base 28000).
export ALLGO_SSH_PORT=${ALLGO_SSH_PORT:-$([ "$ALLGO_PORTBASE" = 8000 ] && echo 2222 || echo $((ALLGO_PORTBASE + 22)))}
# Payara Micro always listens for HTTP too: a port of the server's base that Payara Server leaves free.
export ALLGO_SSH_HTTP_PORT=${ALLGO_SSH_HTTP_PORT:-$((ALLGO_PORTBASE + 90))}
# The read-only account (SELECT only), as the original's MySQL user `ssh`.
if [ "$ALLGO_DB" = mysql ]; then
  export ALLGO_SSH_DB_USER=${ALLGO_SSH_DB_USER:-ssh_$ALLGO_ENV}
else
  export ALLGO_SSH_DB_USER=${ALLGO_SSH_DB_USER:-ssh}
fi
export ALLGO_SSH_DB_PASSWORD=${ALLGO_SSH_DB_PASSWORD:-$(allgo_secret ssh-db-password)}
# The built sidecar: allgo-ssh.war, allgo-connector-rar.rar, allgo-connector-api.jar, mariadb-java-client.jar.
ALLGO_SSH_DIST=${ALLGO_SSH_DIST:-$ALLGO_ROOT/allgo-ssh/target/sidecar}
PAYARA_MICRO_JAR=${PAYARA_MICRO_JAR:-$ALLGO_CACHE/payara-micro-$PAYARA_VERSION.jar}

ssh_sidecar_name() { echo "ssh-$ALLGO_ENV"; }

# Shows a host key on the port (a full key exchange: a bare connection would be logged as an error).
ssh_sidecar_ok() {
  ssh-keyscan -t ecdsa -T 3 -p "$ALLGO_SSH_PORT" 127.0.0.1 2>/dev/null | grep -q .
}

ensure_payara_micro() {
  [ -f "$PAYARA_MICRO_JAR" ] && return 0
  log "fetching Payara Micro $PAYARA_VERSION"
  mkdir -p "$ALLGO_CACHE"
  (cd "$ALLGO_CACHE" && mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$ALLGO_CACHE") || die "could not fetch Payara Micro from Maven Central"
}

# A value inside asadmin's --property a=b:c=d list.
asadmin_escape() { sed 's/[\\:=]/\\&/g' <<<"$1"; }

# The asadmin commands Payara Micro runs after booting, before deploying the RAR and the WAR. They
# hold the read-only password: the file is readable by its owner only.
ssh_sidecar_commands() {
  local rar=allgo-connector-rar datasource
  if [ "$ALLGO_DB" = mysql ]; then datasource=org.mariadb.jdbc.MariaDbDataSource; else datasource=org.h2.jdbcx.JdbcDataSource; fi
  cat <<ASADMIN
create-resource-adapter-config --property environment=$ALLGO_ENV $rar
set resources.resource-adapter-config.$rar.property.dockerHost=$ALLGO_DOCKER_HOST
set resources.resource-adapter-config.$rar.property.registry=$ALLGO_REGISTRY
create-jdbc-connection-pool --datasourceclassname $datasource --restype javax.sql.DataSource --steadypoolsize 1 --maxpoolsize 8 --isolationlevel read-committed --isconnectvalidatereq true --validationmethod meta-data --property user=$ALLGO_SSH_DB_USER:password=$(asadmin_escape "$ALLGO_SSH_DB_PASSWORD") allgo-ssh-pool
set resources.jdbc-connection-pool.allgo-ssh-pool.property.url=${ALLGO_DB_URL//;WRITE_DELAY=0/}
create-jdbc-resource --connectionpoolid allgo-ssh-pool jdbc/allgo-ssh
ASADMIN
}

# The commands Payara Micro runs before booting: its HTTP listener (which it cannot do without) on
# loopback, and no data grid (Hazelcast would listen on every interface; the sidecar shares nothing).
ssh_sidecar_preboot() {
  cat <<ASADMIN
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false
ASADMIN
}

# Starts the sidecar unless it already answers; waits until it does.
ensure_ssh_sidecar() {
  local name; name=$(ssh_sidecar_name)
  if ssh_sidecar_ok; then
    pid_alive "$name" || die "port $ALLGO_SSH_PORT answers SSH but not for $name: set ALLGO_SSH_PORT"
    return 0
  fi
  ensure_payara_micro
  if [ ! -f "$ALLGO_SSH_DIST/allgo-ssh.war" ]; then
    log "building allgo-ssh"
    mvn_cmd package -DskipTests -pl allgo-ssh -am || die "the build of allgo-ssh failed"
  fi
  mkdir -p "$ALLGO_DATA"/{rw/ssh,log} "$ALLGO_RUN"
  local commands=$ALLGO_RUN/$name.asadmin preboot=$ALLGO_RUN/$name.preboot.asadmin
  local libs=$ALLGO_SSH_DIST/allgo-connector-api.jar
  (umask 077 && ssh_sidecar_commands > "$commands" && ssh_sidecar_preboot > "$preboot")
  [ "$ALLGO_DB" = mysql ] && libs=$libs:$ALLGO_SSH_DIST/mariadb-java-client.jar
  log "starting the SSH sidecar on port $ALLGO_SSH_PORT (log $ALLGO_DATA/log/ssh.log)"
  # The RAR is deployed before the WAR, whose connection factory names it.
  start_bg "$name" "$ALLGO_DATA/log/ssh.log" java -Xmx192m -XX:+UseSerialGC \
    -Dallgo.env="$ALLGO_ENV" -Dallgo.data="$ALLGO_DATA" -Dallgo.base-url="$ALLGO_BASE_URL" \
    -Dallgo.ssh.port="$ALLGO_SSH_PORT" -Dh2.bindAddress=127.0.0.1 \
    -jar "$PAYARA_MICRO_JAR" --nocluster --disablephonehome --port "$ALLGO_SSH_HTTP_PORT" \
    --addlibs "$libs" --prebootcommandfile "$preboot" --postbootcommandfile "$commands" \
    --deploy "$ALLGO_SSH_DIST/allgo-connector-rar.rar" --deploy "$ALLGO_SSH_DIST/allgo-ssh.war"
  local tries=$((ALLGO_START_TIMEOUT * 2))
  until ssh_sidecar_ok; do
    pid_alive "$name" || { tail -n 40 "$ALLGO_DATA/log/ssh.log" >&2; die "the SSH sidecar stopped, see $ALLGO_DATA/log/ssh.log"; }
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || die "the SSH sidecar did not come up within ${ALLGO_START_TIMEOUT}s, see $ALLGO_DATA/log/ssh.log"
    sleep 0.5
  done
}

stop_ssh_sidecar() {
  stop_pid "$(ssh_sidecar_name)"
  rm -f "$ALLGO_RUN/$(ssh_sidecar_name).asadmin" "$ALLGO_RUN/$(ssh_sidecar_name).preboot.asadmin"
}

# The read-only account the sidecar reads with: SELECT on the environment's database, nothing else.
# MariaDB: made as root through the socket. H2: made by the read/write account (the database's
# administrator), once the app server has created the database.
ensure_ssh_db_account() {
  if [ "$ALLGO_DB" = mysql ]; then
    local db=allgo_$ALLGO_ENV host
    for host in 127.0.0.1 localhost; do
      mariadb --socket="$(mariadb_sock)" -uroot <<SQL || die "could not create the database account $ALLGO_SSH_DB_USER"
CREATE USER IF NOT EXISTS '$ALLGO_SSH_DB_USER'@'$host' IDENTIFIED BY '$ALLGO_SSH_DB_PASSWORD';
ALTER USER '$ALLGO_SSH_DB_USER'@'$host' IDENTIFIED BY '$ALLGO_SSH_DB_PASSWORD';
GRANT SELECT ON \`$db\`.* TO '$ALLGO_SSH_DB_USER'@'$host';
SQL
    done
  else
    java -Dh2.bindAddress=127.0.0.1 -cp "$PAYARA_HOME/h2db/bin/h2.jar" org.h2.tools.Shell -url "$ALLGO_DB_URL" \
      -user "$ALLGO_DB_USER" -password "$ALLGO_DB_PASSWORD" \
      -sql "CREATE USER IF NOT EXISTS $ALLGO_SSH_DB_USER PASSWORD '$ALLGO_SSH_DB_PASSWORD'; ALTER USER $ALLGO_SSH_DB_USER SET PASSWORD '$ALLGO_SSH_DB_PASSWORD'; GRANT SELECT ON SCHEMA PUBLIC TO $ALLGO_SSH_DB_USER" \
      >/dev/null || die "could not create the H2 account $ALLGO_SSH_DB_USER"
  fi
}
