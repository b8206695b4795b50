#!/usr/bin/env bash
# Run the project's own, unmodified `make test` against another Debian release's QGIS:
#
#   bash scripts/chroot_suite.sh trixie    # Debian 13: QGIS 3.40 LTR, Python 3.13, PostgreSQL 17
#   bash scripts/chroot_suite.sh sid       # Debian unstable: QGIS 3.44, Python 3.14, PostgreSQL 18
#
# (`make test-qgis SUITE=trixie`). Needs root: debootstrap, chroot and mount.
#
# The chroot image — a minimal Debian plus every package scripts/bootstrap.sh installs — is
# built once with debootstrap from this machine's Debian mirror and kept in $CACHE, keyed by the
# suite, bootstrap.sh as committed and build_image() (change either and it is built anew).
# Each run mounts a throw-away overlay on the image (so it starts in a second and the image
# stays as built), puts the COMMITTED tree (a git clone: what is tested is what is committed)
# and ../shared in it, runs `make test` inside, then ends what it left running, unmounts
# everything it mounted and deletes the overlay, whatever happens.
#
# Environment: PASER_CHROOT_CACHE (default /var/cache/paser-smartcity), PASER_CHROOT_WORK (where
# a run's overlay lives, default /var/tmp), PASER_DEBIAN_MIRROR (default: the mirror apt uses).
set -euo pipefail

SUITE=${1:?usage: chroot_suite.sh trixie|sid}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PASER_CHROOT_CACHE:-/var/cache/paser-smartcity}
WORK=${PASER_CHROOT_WORK:-/var/tmp}
PATH_IN_CHROOT=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CHROOT="" # the directory that is / for the commands run by in_chroot
RUN=""    # this run's overlay: upper/, work/ and the merged root/
MOUNTS=() # every mount made, undone in reverse order on exit
IMAGE_PART="" # an image being built (deleted if the build does not finish)

say() { echo "chroot_suite[$SUITE]: $*" >&2; }
die() {
  say "$*"
  exit 1
}

install_host_tools() {
  local need=()
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v git >/dev/null || need+=(git)
  command -v flock >/dev/null || need+=(util-linux)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# The Debian mirror apt uses on this machine: the URI of the entry for the host's own release
# (deb822 .sources stanzas or one-line `deb` entries), so the chroot comes from the same place.
debian_mirror() {
  if [ -n "${PASER_DEBIAN_MIRROR:-}" ]; then
    echo "$PASER_DEBIAN_MIRROR"
    return
  fi
  local codename mirror
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  mirror=$(
    {
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v want="$codename" '
        BEGIN { RS = ""; FS = "\n" }
        {
          uri = ""; found = 0
          for (i = 1; i <= NF; i++) {
            n = split($i, f, /[ \t]+/)
            if (f[1] == "URIs:") uri = f[2]
            if (f[1] == "Suites:") for (j = 2; j <= n; j++) if (f[j] == want) found = 1
          }
          if (found && uri != "") print uri
        }'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -e 's/\[[^]]*\]//' | awk -v want="$codename" '$1 == "deb" && $3 == want { print $2 }'
    } | head -n 1
  )
  echo "${mirror:-http://deb.debian.org/debian}"
}

mount_in() { # mount_in <target> <mount arguments...>
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  MOUNTS+=("$target")
}

mount_system() { # proc, sys, dev, dev/pts and a private /dev/shm: what apt, QGIS and PostgreSQL need
  mount_in "$CHROOT/proc" -t proc proc
  mount_in "$CHROOT/sys" --bind /sys
  mount_in "$CHROOT/dev" --bind /dev
  mount_in "$CHROOT/dev/pts" --bind /dev/pts
  mount_in "$CHROOT/dev/shm" -t tmpfs -o mode=1777 shm
}

# Processes still running inside the chroot (a server a killed test left behind) keep its
# mounts busy. They were started in this chroot, so they are ours: end them by pid.
end_chroot_processes() {
  local signal link pid
  for signal in TERM KILL; do
    for link in /proc/[0-9]*/root; do
      pid=${link#/proc/}
      pid=${pid%/root}
      if [ "$(readlink "$link" 2>/dev/null)" = "$CHROOT" ]; then kill -s "$signal" "$pid" 2>/dev/null || true; fi
    done
    if [ "$signal" = TERM ]; then sleep 1; fi
  done
}

unmount_all() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" || say "could not unmount ${MOUNTS[i]}"
  done
  MOUNTS=()
}

# Never delete while anything is still mounted inside: rm would go through a bind mount into
# the host's /dev or /sys.
remove_tree() {
  if grep -q " $1/" /proc/self/mounts; then
    say "mounts left under $1; not deleting it"
  else
    rm -rf --one-file-system "$1"
  fi
}

cleanup() {
  local status=$?
  [ -z "$CHROOT" ] || end_chroot_processes
  unmount_all
  [ -z "$RUN" ] || remove_tree "$RUN"
  [ -z "$IMAGE_PART" ] || remove_tree "$IMAGE_PART"
  exit "$status"
}

in_chroot() { # a clean environment inside: no variable of the host leaks in
  chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH="$PATH_IN_CHROOT" LANG=C.UTF-8 TERM=dumb \
    DEBIAN_FRONTEND=noninteractive CI="${CI:-}" \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt \
    "$@"
}

copy_network_config() {
  cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf"
  cp /etc/hosts "$CHROOT/etc/hosts"
}

# The image: debootstrap, then the project's bootstrap.sh --apt-only as committed.
build_image() {
  local image=$1 mirror
  mirror=$(debian_mirror)
  IMAGE_PART="$image.part"
  rm -rf --one-file-system "$IMAGE_PART"
  mkdir -m 755 "$IMAGE_PART" # it becomes /: _apt and postgres must get through it
  CHROOT=$IMAGE_PART
  say "building the image with debootstrap from $mirror (once; cached in $CACHE)"
  debootstrap --variant=minbase --include=ca-certificates,make --components=main \
    "$SUITE" "$CHROOT" "$mirror" >"$CACHE/$SUITE.debootstrap.log" 2>&1 ||
    die "debootstrap failed; see $CACHE/$SUITE.debootstrap.log"
  rm -f "$CACHE/$SUITE.debootstrap.log"
  copy_network_config

  # Package scripts must not start services: the tests start their own servers on free ports.
  printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
  chmod 755 "$CHROOT/usr/sbin/policy-rc.d"
  # ...nor may installing PostgreSQL create the default cluster on port 5432 (the host's port).
  mkdir -p "$CHROOT/etc/postgresql-common"
  echo "create_main_cluster = false" >"$CHROOT/etc/postgresql-common/createcluster.conf"
  # The image is thrown away if its build fails: dpkg need not fsync every file (minutes saved).
  echo force-unsafe-io >"$CHROOT/etc/dpkg/dpkg.cfg.d/90paser-unsafe-io"
  {
    # That file was written before postgresql-common owns it: dpkg keeps it without asking.
    echo 'Dpkg::Options { "--force-confdef"; "--force-confold"; };'
    # sid's Release file on a mirror can be out of date for days: accept that for sid only.
    if [ "$SUITE" = sid ]; then echo 'Acquire::Check-Valid-Until "false";'; fi
  } >"$CHROOT/etc/apt/apt.conf.d/90paser-chroot"

  # pip inside must trust the same certificate authorities as the host (a proxy's, say).
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$CHROOT/usr/local/share/ca-certificates/"
    in_chroot update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates failed in the chroot"
  fi

  mount_system
  mkdir -p "$CHROOT/root/bootstrap/scripts"
  git -C "$ROOT" show HEAD:scripts/bootstrap.sh >"$CHROOT/root/bootstrap/scripts/bootstrap.sh"
  in_chroot bash -c "cd /root/bootstrap && bash scripts/bootstrap.sh --apt-only"
  rm -rf "$CHROOT/root/bootstrap"
  in_chroot apt-get clean
  end_chroot_processes
  unmount_all
  CHROOT=""
  mv "$IMAGE_PART" "$image"
  IMAGE_PART=""
}

# What the image is made from: bootstrap.sh as committed and the build steps above.
cache_key() {
  { git -C "$ROOT" show HEAD:scripts/bootstrap.sh && declare -f build_image; } | sha256sum | cut -c1-12
}

main() {
  [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount): run it as root or with sudo"
  case "$SUITE" in
    *[!a-z0-9-]*) die "not a Debian suite name: $SUITE" ;;
  esac
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  install_host_tools
  mkdir -p "$CACHE" "$WORK"
  local started=$SECONDS image old commit
  image="$CACHE/$SUITE-$(cache_key)"
  commit=$(git -C "$ROOT" rev-parse HEAD)

  # One build per suite at a time; runs hold the lock shared, so an image in use is never deleted.
  exec 9>"$CACHE/$SUITE.lock"
  flock -x 9
  if [ ! -d "$image" ]; then
    build_image "$image"
    for old in "$CACHE/$SUITE"-*; do # images of older keys
      if [ "$old" != "$image" ]; then remove_tree "$old"; fi
    done
  fi
  flock -s 9

  RUN=$(mktemp -d "$WORK/paser-chroot-$SUITE.XXXXXX")
  mkdir -p "$RUN/upper" "$RUN/work"
  CHROOT="$RUN/root"
  mount_in "$CHROOT" -t overlay overlay -o "lowerdir=$image,upperdir=$RUN/upper,workdir=$RUN/work"
  copy_network_config
  say "chroot ready in $((SECONDS - started)) s"

  git clone -q --no-hardlinks "$ROOT" "$CHROOT/build/paser-smartcity"
  git -C "$CHROOT/build/paser-smartcity" checkout -q --detach "$commit"
  if [ -d "$ROOT/../shared" ]; then # the tests read ../shared/data/paser
    cp -a "$ROOT/../shared" "$CHROOT/build/shared"
  fi
  mount_system

  local qgis
  qgis=$(in_chroot dpkg-query -W -f='${Version}' qgis)
  say "make test on QGIS $qgis, Debian $SUITE, commit ${commit:0:10}"
  in_chroot bash -c "cd /build/paser-smartcity && make test"
  say "make test passed on QGIS $qgis (Debian $SUITE) in $((SECONDS - started)) s"
}

# bash reads a script as it runs it: with the body in main() and the exit on the same line,
# nothing is read after main starts, so editing this file during a run is safe.
main "$@"; exit
