#!/usr/bin/env bash
# The test server of a test tier run on its own by Maven (allgo-it, allgo-itc; see their poms):
#   bin/lib/test-server.sh up|down|undeploy BASE_URL ENV DB ['SETTING=VALUE ...']
#   up        bin/allgo up: start the server (and its services), deploy the EAR when it is not
#   down      bin/allgo down: stop the server
#   undeploy  remove the allgo application from the running server, for the in-container tests
#             to deploy theirs under its name; the next up deploys it again
# The server is the one bin/allgo test deploys on MariaDB, at the port base BASE_URL implies
# (its port less 80), for environment ENV; SETTINGS (-Dallgo.test.server.settings, as bin/allgo
# test passes them) override those. Services' ports (ALLGO_MARIADB_PORT, ...) come from the caller.
set -euo pipefail

[ $# -ge 4 ] || { echo "usage: $0 up|down|undeploy BASE_URL ENV DB [SETTINGS]" >&2; exit 2; }
command=$1 url=$2 env=$3 db=$4 extra=${5:-}
port=${url##*:}
port=${port%%/*}
settings=(ALLGO_ENV="$env" ALLGO_DB="$db" ALLGO_PORTBASE=$((port - 80)) ALLGO_DEV_DATA=true
  ALLGO_DEBIAN_IMAGE=false ALLGO_API_RATE_LIMIT=1200)
read -ra overrides <<<"$extra"
settings+=("${overrides[@]}")

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# What common.sh derived from the caller's environment belongs to another server: forget it.
unset "${ALLGO_DERIVED[@]}"
export "${settings[@]}"

case "$command" in
  up | down) exec "$ALLGO_ROOT/bin/allgo" "$command" ;;
  undeploy)
    . "$ALLGO_ROOT/bin/lib/common.sh"
    . "$ALLGO_ROOT/bin/lib/payara.sh"
    domain_running || die "no test server answers on admin port $ALLGO_ADMIN_PORT: start it (bin/allgo up, or -Dallgo.start=true)"
    if asadmin list-applications 2>/dev/null | grep -q '^allgo '; then
      log "undeploying allgo from $ALLGO_DOMAIN for the in-container tests"
      asadmin undeploy allgo >/dev/null
    fi
    rm -f "$ALLGO_DOMAINS/$ALLGO_DOMAIN.deployed"
    ;;
  *) die "unknown command '$command' (up, down, undeploy)" ;;
esac
