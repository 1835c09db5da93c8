#!/usr/bin/env bash
# docker/prepare.sh [ENV...]: writes the settings of the compose environments and makes the data
# folders of the environments named (dev by default; prod and qualif for docker-compose.prod.yml).
#
# The settings go to docker/.env (or the file named by ALLGO_DOCKER_ENV), read by docker-compose and
# docker/bootstrap. A setting already in the file is kept (edit the file to change it); a missing one
# is written from the environment, else from its default below. Passwords are made at random, once.
#   DOCKERUSER       uid:gid the containers run as: the caller's, or 2000:2000 for root (ALLGO_UID)
#   DOCKER_GID       group of the Docker socket, given to the server and ssh containers
#   ALLGO_DATA_ROOT  the environment <env> keeps its data in $ALLGO_DATA_ROOT/<env>/ (default /data);
#                    the server's part is mounted at the same path in its container (docker/README.md)
#   ALLGO_SECRETS    folder of the production-like environments' password files (<env>/db-password,
#                    <env>/ssh-db-password), readable by DOCKERUSER only
# Sourced by docker/bootstrap; can be run alone.
set -euo pipefail

docker_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
env_file=${ALLGO_DOCKER_ENV:-$docker_dir/.env}
case "${1:-}" in -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;; esac
envs=("$@")
[ ${#envs[@]} -gt 0 ] || envs=(dev)

prepare_die() { printf '[allgo] error: %s\n' "$*" >&2; exit 1; }

random_password() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

if [ "$(id -u)" = 0 ]; then
  default_user=${ALLGO_UID:-2000}:${ALLGO_GID:-${ALLGO_UID:-2000}}
else
  default_user=$(id -u):$(id -g)
fi
socket=${ALLGO_DOCKER_SOCKET:-/var/run/docker.sock}
[ -S "$socket" ] || prepare_die "no Docker socket at $socket"

# setting NAME DEFAULT: appends NAME=value unless the file has it.
setting() {
  local name=$1 default=$2
  grep -q "^$name=" "$env_file" 2>/dev/null && return 0
  printf '%s=%s\n' "$name" "${!name:-$default}" >> "$env_file"
}

mkdir -p "$(dirname "$env_file")"
[ -f "$env_file" ] || { (umask 077 && printf '# allgo container settings, made by docker/prepare.sh: edit, then run docker/bootstrap\n' > "$env_file"); }
setting DOCKERUSER "$default_user"
setting DOCKER_GID "$(stat -c %g "$socket")"
setting ALLGO_DATA_ROOT /data
setting ALLGO_SECRETS /etc/allgo/secrets
# Compose project names: docker-compose.yml's (docker-compose reads it here, so that plain
# docker-compose commands in docker/ find the dev environment) and docker-compose.prod.yml's.
setting COMPOSE_PROJECT_NAME allgo-dev
setting PROD_PROJECT allgo
# The development environment (docker-compose.yml): everything on the host's loopback.
setting DEV_HOST localhost
setting DEV_HTTPS_PORT 443
setting DEV_REGISTRY_PORT 8002
setting DEV_SSH_PORT 2202
setting DEV_IMAP_PORT 1143
setting DEV_DB_PASSWORD "$(random_password)"
setting DEV_SSH_DB_PASSWORD "$(random_password)"
# The production-like file (docker-compose.prod.yml): one front and one registry for prod and qualif.
setting PROD_HOST allgo.example.org
setting QUALIF_HOST qualif.allgo.example.org
setting FRONT_BIND 0.0.0.0
setting HTTPS_PORT 443
setting HTTP_PORT 80
setting ALLGO_TLS provided
setting ALLGO_TLS_DIR /etc/allgo/tls
setting PROD_REGISTRY_PORT 8000
setting QUALIF_REGISTRY_PORT 8001
setting LEGACY_REGISTRY_PORT 5000
setting SSH_BIND 0.0.0.0
setting PROD_SSH_PORT 2200
setting QUALIF_SSH_PORT 2201
setting QUALIF_IMAP_PORT 1144
setting PROD_SMTP_HOST smtp.example.org
setting PROD_SMTP_PORT 25
setting PROD_MAIL_FROM allgo@example.org
setting QUALIF_DEV_DATA false

# The values, as docker-compose reads them.
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
[[ "$DOCKERUSER" =~ ^[0-9]+:[0-9]+$ ]] || prepare_die "DOCKERUSER must be uid:gid (numbers), not '$DOCKERUSER'"
[ "${DOCKERUSER%%:*}" != 0 ] || prepare_die "DOCKERUSER must not be root: the containers run as an ordinary user"
case "$ALLGO_DATA_ROOT" in /*) ;; *) prepare_die "ALLGO_DATA_ROOT must be an absolute path, not '$ALLGO_DATA_ROOT'" ;; esac

# owned DIR...: makes the folders, owned by DOCKERUSER.
owned() {
  local dir
  for dir in "$@"; do
    [ -d "$dir" ] || mkdir -p "$dir"
    if [ "$(stat -c %u:%g "$dir")" != "$DOCKERUSER" ]; then
      [ "$(id -u)" = 0 ] || prepare_die "$dir is not owned by $DOCKERUSER: chown $DOCKERUSER $dir (as root)"
      chown "$DOCKERUSER" "$dir"
    fi
  done
}

for env in "${envs[@]}"; do
  case "$env" in
    dev) owned "$ALLGO_DATA_ROOT/dev" "$ALLGO_DATA_ROOT"/dev/{server,mysql,ssh,registry,nginx} ;;
    prod | qualif)
      owned "$ALLGO_DATA_ROOT/$env" "$ALLGO_DATA_ROOT/$env"/{server,mysql,ssh} "$ALLGO_DATA_ROOT"/{registry,nginx}
      # Passwords in files readable by the containers' user only.
      mkdir -p "$ALLGO_SECRETS/$env"
      chmod 711 "$ALLGO_SECRETS" "$ALLGO_SECRETS/$env"
      for secret in db-password ssh-db-password; do
        if [ ! -s "$ALLGO_SECRETS/$env/$secret" ]; then
          (umask 077 && random_password > "$ALLGO_SECRETS/$env/$secret")
        fi
        [ "$(id -u)" != 0 ] || chown "$DOCKERUSER" "$ALLGO_SECRETS/$env/$secret"
        chmod 400 "$ALLGO_SECRETS/$env/$secret"
      done
      ;;
    *) prepare_die "unknown environment '$env' (dev, prod, qualif)" ;;
  esac
done
