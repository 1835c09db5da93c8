# The container deployment (docker/): the images, built here from a Debian root made with debootstrap
# (nothing is pulled from a public registry), and the compose environments (docker/bootstrap).
# Sourced after common.sh, services.sh, images.sh, payara.sh and ssh.sh.

DOCKER_DIR=$ALLGO_ROOT/docker
# Build contexts are staged here: the image's folder in docker/images/ plus the artefacts it holds.
DOCKER_STAGE=${DOCKER_STAGE:-$ALLGO_ROOT/var/docker/build}
DOCKER_CACHE=${DOCKER_CACHE:-$ALLGO_CACHE/docker}
# The debootstrap root is kept this many days; the base image upgrades it from Debian's archives
# anyway, so an older root only means more to download.
DOCKER_ROOT_MAX_AGE_DAYS=${DOCKER_ROOT_MAX_AGE_DAYS:-30}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# The label that records what an image was built from: an image whose inputs changed is built again.
DOCKER_INPUTS_LABEL=org.allgo.inputs

# Every image, each after the one it is built FROM.
DOCKER_IMAGES=(base jre server ssh smtpsink mysql registry nginx toolbox)

docker_image_tag() {
  case "$1" in
    base) echo allgo/debian:12-slim ;;
    jre) echo allgo/jre:17 ;;
    *) echo "allgo/$1:latest" ;;
  esac
}

docker_image_parent() {
  case "$1" in
    base) echo "" ;;
    server | ssh | smtpsink) docker_image_tag jre ;;
    *) docker_image_tag base ;;
  esac
}

# The legacy builder: the Debian engine has no BuildKit client plugin, and the images need none.
docker_build_cmd() { DOCKER_BUILDKIT=0 docker build "$@"; }

docker_image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null; }

docker_image_inputs() {
  docker image inspect -f "{{index .Config.Labels \"$DOCKER_INPUTS_LABEL\"}}" "$1" 2>/dev/null
}

# The digest of a staged context and of the image it is built from.
docker_context_hash() {
  local dir=$1 parent=$2
  {
    (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
    (cd "$dir" && find . -printf '%P %m %l\n' | sort)
    [ -z "$parent" ] || docker_image_id "$parent"
  } | sha256sum | cut -d' ' -f1
}

# docker_images [--force] [NAME...]: builds the images that are missing or whose inputs changed
# (all of them by default), and what they are built from.
docker_images() {
  local force=false names=() name wanted=()
  [ "${1:-}" = --force ] && { force=true; shift; }
  wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=("${DOCKER_IMAGES[@]}")
  # Build the parents of what is wanted, in the order of DOCKER_IMAGES.
  for name in "${DOCKER_IMAGES[@]}"; do
    if docker_image_needed "$name" "${wanted[@]}"; then names+=("$name"); fi
  done
  mkdir -p "$ALLGO_ROOT/var/log"
  for name in "${names[@]}"; do docker_image "$name" "$force"; done
}

docker_image_needed() {
  local name=$1 want; shift
  for want in "$@"; do
    [ "$want" = "$name" ] && return 0
    case "$name:$want" in
      base:*) return 0 ;;
      jre:server | jre:ssh | jre:smtpsink) return 0 ;;
    esac
  done
  return 1
}

docker_image() {
  local name=$1 force=${2:-false} tag parent ctx hash
  tag=$(docker_image_tag "$name")
  parent=$(docker_image_parent "$name")
  if [ "$name" = base ]; then
    docker_base_image "$force"
    return
  fi
  # A context of its own: two bootstraps may stage the same image at once.
  mkdir -p "$DOCKER_STAGE"
  ctx=$(mktemp -d "$DOCKER_STAGE/$name.XXXXXX")
  docker_stage "$name" "$ctx"
  hash=$(docker_context_hash "$ctx" "$parent")
  if [ "$force" = false ] && [ "$(docker_image_inputs "$tag")" = "$hash" ]; then
    rm -rf "$ctx"
    return 0
  fi
  log "building image $tag (log var/log/docker-build-$name.log)"
  if ! docker_build_cmd --force-rm --label "$DOCKER_INPUTS_LABEL=$hash" -t "$tag" "$ctx" \
      > "$ALLGO_ROOT/var/log/docker-build-$name.log" 2>&1; then
    rm -rf "$ctx"
    tail -n 30 "$ALLGO_ROOT/var/log/docker-build-$name.log" >&2
    die "building $tag failed, see var/log/docker-build-$name.log"
  fi
  rm -rf "$ctx"
}

# Stages an image's build context: its folder, then the artefacts it holds.
docker_stage() {
  local name=$1 ctx=$2
  cp -a "$DOCKER_DIR/images/$name/." "$ctx/"
  case "$name" in
    server)
      ensure_built
      ensure_payara
      mkdir -p "$ctx/allgo/bin/lib" "$ctx/allgo/payara-config" "$ctx/allgo/lib"
      cp "$ALLGO_EAR" "$ctx/allgo/allgo.ear"
      cp "$(mariadb_driver)" "$ctx/allgo/lib/mariadb-java-client.jar"
      cp "$ALLGO_ROOT/bin/lib/common.sh" "$ALLGO_ROOT/bin/lib/payara.sh" "$ctx/allgo/bin/lib/"
      cp "$ALLGO_ROOT/payara-config/allgo.asadmin" "$ctx/allgo/payara-config/"
      # Payara Server without its sample domain (nor administration console, see ensure_payara; the
      # admin port answers inside the container only).
      cp -al "$PAYARA_HOME" "$ctx/payara6"
      rm -rf "$ctx/payara6/glassfish/domains/domain1"
      ;;
    ssh)
      ensure_built
      ensure_payara_micro
      mkdir -p "$ctx/allgo/bin/lib" "$ctx/allgo/sidecar"
      cp "$ALLGO_SSH_DIST"/{allgo-ssh.war,allgo-connector-rar.rar,allgo-connector-api.jar,mariadb-java-client.jar} "$ctx/allgo/sidecar/"
      cp "$PAYARA_MICRO_JAR" "$ctx/payara-micro.jar"
      cp "$ALLGO_ROOT/bin/lib/common.sh" "$ALLGO_ROOT/bin/lib/ssh.sh" "$ctx/allgo/bin/lib/"
      ;;
    smtpsink)
      local jar; jar=$(greenmail_jar)
      cp "$jar" "$ctx/greenmail-standalone.jar"
      # The sink's main class, compiled here: the image holds a runtime, not a compiler.
      mkdir -p "$ctx/classes"
      javac -nowarn --release 17 -cp "$jar" -d "$ctx/classes" "$ctx/Sink.java" \
        || die "could not compile the mail sink"
      rm "$ctx/Sink.java"
      # Class files carry no time stamp that changes between compilations of the same source.
      ;;
    toolbox)
      mkdir -p "$ctx/allgo/bin/lib"
      cp "$ALLGO_ROOT/bin/lib/common.sh" "$ALLGO_ROOT/bin/lib/images.sh" \
        "$ALLGO_ROOT/bin/lib/allgo-waiter.c" "$ctx/allgo/bin/lib/"
      ;;
  esac
}

# The base of every image: Debian 12 (minbase) made with debootstrap, upgraded from Debian's
# security archive, without documentation, imported as one layer. The debootstrap root is cached.
docker_base_image() {
  local force=${1:-false} tag root hash tarball=$DOCKER_CACHE/debian-12-root.tar
  tag=$(docker_image_tag base)
  hash=$( { cat "$DOCKER_DIR/images/base/"*; echo "$DEBIAN_MIRROR $DEBIAN_SECURITY_MIRROR"; } | sha256sum | cut -d' ' -f1)
  if [ "$force" = false ] && [ "$(docker_image_inputs "$tag")" = "$hash" ]; then
    return 0
  fi
  command -v debootstrap >/dev/null || apt_install debootstrap
  mkdir -p "$DOCKER_CACHE" "$ALLGO_ROOT/var/log"
  if [ ! -f "$tarball" ] || [ -n "$(find "$tarball" -mtime +"$DOCKER_ROOT_MAX_AGE_DAYS" -print)" ]; then
    log "making a Debian 12 root with debootstrap (about a minute)"
    root=$(mktemp -d "$DOCKER_CACHE/root.XXXXXX") && chmod 755 "$root"
    debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" > "$ALLGO_ROOT/var/log/debootstrap-docker.log" 2>&1 \
      || { rm -rf "$root"; die "debootstrap failed, see var/log/debootstrap-docker.log"; }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$root"
  fi
  log "making the base image $tag (Debian 12, upgraded)"
  root=$(mktemp -d "$DOCKER_CACHE/root.XXXXXX") && chmod 755 "$root"
  tar -C "$root" -xf "$tarball"
  if "$DOCKER_DIR/images/base/configure-root" "$root" "$DEBIAN_MIRROR" "$DEBIAN_SECURITY_MIRROR" \
      > "$ALLGO_ROOT/var/log/docker-build-base.log" 2>&1 \
    && tar -C "$root" -c . | docker import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
      -c 'CMD ["/bin/bash"]' -c "LABEL $DOCKER_INPUTS_LABEL=$hash" - "$tag" >/dev/null; then
    rm -rf "$root"
  else
    rm -rf "$root"
    die "making the base image failed, see var/log/docker-build-base.log"
  fi
}

# The settings of the compose environments (docker/prepare.sh writes them).
DOCKER_ENV_FILE=${ALLGO_DOCKER_ENV:-$DOCKER_DIR/.env}
export ALLGO_DOCKER_ENV=$DOCKER_ENV_FILE
# Services in the order their /dk/container_init runs: a database before its server.
DOCKER_INIT_ORDER=(mysql registry smtpsink toolbox server ssh nginx)

docker_env_value() { sed -n "s/^$1=//p" "$DOCKER_ENV_FILE" | tail -n 1; }

docker_is_prod_file() { case "$(basename "$1")" in *prod*) return 0 ;; *) return 1 ;; esac; }

# docker_compose FILE ARGS...: docker-compose on FILE with the settings and the file's project name.
docker_compose() {
  local file=$1 project; shift
  if docker_is_prod_file "$file"; then project=$(docker_env_value PROD_PROJECT); else project=$(docker_env_value COMPOSE_PROJECT_NAME); fi
  docker-compose --env-file "$DOCKER_ENV_FILE" -p "${project:-allgo}" -f "$file" "$@"
}

# dev-server -> server, registry -> registry.
docker_service_image() { echo "${1#*-}"; }
# dev-server -> dev; the shared services (registry, nginx) have none.
docker_service_env() { case "$1" in *-*) echo "${1%%-*}" ;; esac; }
docker_service_has_init() { case "$(docker_service_image "$1")" in mysql | server | registry | nginx | toolbox) return 0 ;; *) return 1 ;; esac; }

# Runs /dk/container_init for a service: inside its container when that runs the current image, else
# in a one-off container of the service (the container, stopped first, is made again by up).
docker_init_service() {
  local file=$1 service=$2 container image
  image=$(docker_image_tag "$(docker_service_image "$service")")
  container=$(docker_compose "$file" ps -q "$service" 2>/dev/null || true)
  if [ -n "$container" ] && [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" = true ] \
      && [ "$(docker inspect -f '{{.Image}}' "$container")" = "$(docker_image_id "$image")" ]; then
    docker_compose "$file" exec -T "$service" /dk/container_init || die "/dk/container_init failed in $service"
    return
  fi
  if [ -n "$container" ]; then docker_compose "$file" stop "$service" >/dev/null 2>&1 || true; fi
  docker_compose "$file" run --rm --no-deps -T "$service" /dk/container_init || die "/dk/container_init failed in $service"
}

# Waits until a server container answers /health/ready (ten minutes at most: a first start deploys).
docker_wait_server() {
  local container=$1 tries=1200
  log "waiting for $container to be ready (/health/ready)"
  until docker exec "$container" curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready 2>/dev/null; do
    if [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" != true ]; then
      docker logs --tail 40 "$container" >&2 || true
      die "$container stopped, see docker logs $container"
    fi
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
      docker exec "$container" curl -sS http://127.0.0.1:8080/health >&2 || true
      die "$container is not ready after ten minutes, see docker logs $container"
    fi
    sleep 0.5
  done
}

docker_bootstrap() {
  local file=$1 service envs=() services=() images=() ordered=() kind; shift
  local started=$SECONDS
  ensure_docker
  command -v docker-compose >/dev/null || apt_install docker-compose
  services=("$@")
  if [ ${#services[@]} -gt 0 ]; then
    for service in "${services[@]}"; do
      [ -z "$(docker_service_env "$service")" ] || envs+=("$(docker_service_env "$service")")
    done
  elif docker_is_prod_file "$file"; then
    envs=(prod qualif)
  else
    envs=(dev)
  fi
  [ ${#envs[@]} -gt 0 ] || envs=(dev)
  "$DOCKER_DIR/prepare.sh" $(printf '%s\n' "${envs[@]}" | sort -u) || die "docker/prepare.sh failed"
  if [ ${#services[@]} -eq 0 ]; then
    mapfile -t services < <(docker_compose "$file" config --services)
  fi
  local known; known=$(docker_compose "$file" config --services)
  for service in "${services[@]}"; do
    grep -qx "$service" <<<"$known" || die "no service $service in $(basename "$file") (services: $(echo $known))"
    images+=("$(docker_service_image "$service")")
  done
  log "[$((SECONDS - started)) s] images: $(printf '%s\n' "${images[@]}" | sort -u | tr '\n' ' ')"
  docker_images $(printf '%s\n' "${images[@]}" | sort -u)
  # Sandboxes start from these images, on the host's engine.
  ensure_busybox_image
  [ "$ALLGO_DEBIAN_IMAGE" != true ] || ensure_debian_image
  for kind in "${DOCKER_INIT_ORDER[@]}"; do
    for service in "${services[@]}"; do
      [ "$(docker_service_image "$service")" = "$kind" ] && ordered+=("$service")
    done
  done
  for service in "${ordered[@]}"; do
    if docker_service_has_init "$service"; then
      log "[$((SECONDS - started)) s] container_init: $service"
      docker_init_service "$file" "$service"
    fi
  done
  log "[$((SECONDS - started)) s] starting ${ordered[*]}"
  docker_compose "$file" up -d --no-deps "${ordered[@]}" || die "docker-compose up failed"
  for service in "${ordered[@]}"; do
    if [ "$(docker_service_image "$service")" = server ]; then
      docker_wait_server "$service"
    fi
  done
  log "bootstrap done in $((SECONDS - started)) s: ${ordered[*]}"
}

# docker_upgrade_image TAG: the original's procedure. Runs /dk/image_upgrade in a container of the
# image (on the network DOCKER_UPGRADE_NETWORK, default bridge); when it printed something, that
# container becomes the image (its command and user kept). Prints what image_upgrade printed; fails
# when it failed.
docker_upgrade_image() {
  local tag=$1 name=allgo-upgrade-$$-$RANDOM out status=0 cmd user
  out=$(docker run --name "$name" -u 0 --network "${DOCKER_UPGRADE_NETWORK:-bridge}" "$tag" /dk/image_upgrade 2>&1) || status=$?
  if [ "$status" = 0 ] && [ -n "$out" ]; then
    cmd=$(docker image inspect -f '{{json .Config.Cmd}}' "$tag")
    user=$(docker image inspect -f '{{.Config.User}}' "$tag")
    docker commit --change "CMD $cmd" --change "USER ${user:-root}" "$name" "$tag" >/dev/null || status=1
  fi
  docker rm -f "$name" >/dev/null 2>&1 || true
  printf '%s' "$out"
  return "$status"
}

# Upgrades every image. An image whose parent was upgraded is built again on it instead (its
# inputs include its parent), which brings its own packages up to date too.
docker_upgrade_all() {
  local name tag parent out changed=" "
  for name in "${DOCKER_IMAGES[@]}"; do
    tag=$(docker_image_tag "$name")
    parent=$(docker_image_parent "$name")
    docker image inspect "$tag" >/dev/null 2>&1 || continue
    if [ -n "$parent" ] && [[ "$changed" == *" $parent "* ]]; then
      changed+="$tag "
      continue
    fi
    out=$(docker_upgrade_image "$tag") || die "image_upgrade failed in $tag: $out"
    if [ -n "$out" ]; then
      log "$tag upgraded and committed"
      changed+="$tag "
    else
      log "$tag: nothing to upgrade"
    fi
  done
  docker_images
  log "containers run the upgraded images once made again: docker/bootstrap"
}

docker_command() {
  local sub=${1:-}
  shift || true
  case "$sub" in
    build) ensure_docker; docker_images "$@" ;;
    up) docker_bootstrap "$DOCKER_DIR/docker-compose.yml" "$@" ;;
    down) docker_compose "$DOCKER_DIR/docker-compose.yml" down "$@" ;;
    status) docker_compose "$DOCKER_DIR/docker-compose.yml" ps ;;
    upgrade) ensure_docker; docker_upgrade_all ;;
    test) exec "$DOCKER_DIR/tests/deployment.sh" "$@" ;;
    clean)
      [ "${1:-}" = --images ] || die "usage: bin/allgo docker clean --images (removes the allgo images built here)"
      local name
      for name in $(printf '%s\n' "${DOCKER_IMAGES[@]}" | tac); do
        docker rmi "$(docker_image_tag "$name")" >/dev/null 2>&1 && log "removed $(docker_image_tag "$name")" || true
      done
      ;;
    *) die "unknown command 'docker $sub' (up, down, test, build, upgrade, status)" ;;
  esac
}
