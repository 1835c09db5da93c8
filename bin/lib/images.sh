# Images and the toolbox for sandboxes, made locally: nothing can be pulled from a public registry.
# Sourced after common.sh and services.sh.

# The toolbox (the original's allgo/toolbox): editors and file-transfer programs for authors, mounted
# read-only at /.toolbox in every sandbox, usable whatever the sandbox's image (even without a libc):
# busybox-static applets, and Debian's scp, sftp-server and nano run through their own loader.
# It also holds libexec/allgo-waiter, the waiting process of warm job containers (bin/lib/allgo-waiter.c, static).
TOOLBOX_PROGRAMS=(/usr/bin/scp /usr/lib/openssh/sftp-server /bin/nano)
TOOLBOX_VERSION=3

toolbox_dir() { echo "$ALLGO_DATA/ro/toolbox"; }

ensure_toolbox() {
  local dir; dir=$(toolbox_dir)
  [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$TOOLBOX_VERSION" ] && return 0
  # The waiter comes compiled in the toolbox image; on a host, gcc makes it.
  local waiter=$ALLGO_ROOT/libexec/allgo-waiter compiler=(gcc libc6-dev)
  [ -x "$waiter" ] && compiler=()
  dpkg -s busybox-static openssh-client openssh-sftp-server nano ncurses-base "${compiler[@]}" >/dev/null 2>&1 \
    || apt_install busybox-static openssh-client openssh-sftp-server nano ncurses-base "${compiler[@]}"
  log "making the sandbox toolbox in $dir"
  rm -rf "$dir" && mkdir -p "$dir"/{bin,lib,libexec,share}
  cp /bin/busybox "$dir/bin/busybox"
  if [ -x "$waiter" ]; then
    cp "$waiter" "$dir/libexec/allgo-waiter"
  else
    gcc -static -Os -s -o "$dir/libexec/allgo-waiter" "$ALLGO_ROOT/bin/lib/allgo-waiter.c" \
      || die "could not compile the warm containers' waiter"
  fi
  chmod 755 "$dir/libexec/allgo-waiter"
  for applet in $("$dir/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$dir/bin/$applet"
  done
  local program lib name
  for program in "${TOOLBOX_PROGRAMS[@]}"; do
    name=$(basename "$program")
    cp "$program" "$dir/libexec/$name"
    for lib in $(ldd "$program" | grep -o '/[^ ]*'); do cp -L "$lib" "$dir/lib/"; done
    rm -f "$dir/bin/$name"
    printf '#!/.toolbox/bin/sh\nTERMINFO_DIRS=/.toolbox/share/terminfo exec /.toolbox/lib/%s --library-path /.toolbox/lib /.toolbox/libexec/%s "$@"\n' \
      "$(basename "$(ldd "$program" | grep -o '/[^ ]*ld-linux[^ ]*')")" "$name" > "$dir/bin/$name"
    chmod 755 "$dir/bin/$name"
  done
  cp -a /usr/share/terminfo "$dir/share/terminfo" 2>/dev/null || mkdir -p "$dir/share/terminfo"
  cp -an /lib/terminfo/. "$dir/share/terminfo/"
  echo "$TOOLBOX_VERSION" > "$dir/VERSION"
}

# Debian 12 with python3, for authors who need a full distribution. About two minutes the first time.
ensure_debian_image() {
  docker image inspect allgo/debian:12 >/dev/null 2>&1 && return 0
  command -v debootstrap >/dev/null || apt_install debootstrap
  local root=$ALLGO_CACHE/debian-12-rootfs
  log "making the Debian 12 base image (debootstrap, about two minutes)"
  rm -rf "$root"
  debootstrap --variant=minbase --include=python3,ca-certificates bookworm "$root" \
    "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$ALLGO_ROOT/var/log/debootstrap.log" 2>&1 \
    || die "debootstrap failed, see var/log/debootstrap.log"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin' \
    -c 'CMD ["/bin/bash"]' - allgo/debian:12 >/dev/null
  rm -rf "$root"
}
