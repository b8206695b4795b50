#!/usr/bin/env bash
# Run the project's own, unmodified `make test` against another Debian release's QGIS:
#
#   bash scripts/chroot_suite.sh trixie    # Debian 13: QGIS 3.40 LTR, Python 3.13, PostgreSQL 17
#   bash scripts/chroot_suite.sh sid       # Debian unstable: QGIS 3.44, Python 3.14, PostgreSQL 18
#
# (`make test-qgis SUITE=trixie`). Needs root: debootstrap, chroot and mount.
#
# The chroot — a minimal Debian plus every package scripts/bootstrap.sh installs — is built once
# with debootstrap from this machine's Debian mirror and cached as a tarball in $CACHE, keyed
# by the suite and by this script and bootstrap.sh (change either and it is built anew). Each
# run unpacks a fresh copy, puts the COMMITTED tree (a git clone: what is tested is what is
# committed) and ../shared in it, runs `make test` inside, then unmounts everything it mounted
# and deletes the copy, whatever happens. pip's download cache is kept between runs.
#
# Environment: PASER_CHROOT_CACHE (default /var/cache/paser-smartcity), PASER_CHROOT_WORK (where
# the copy is unpacked, default /var/tmp), PASER_DEBIAN_MIRROR (default: the mirror apt uses here).
set -euo pipefail

SUITE=${1:?usage: chroot_suite.sh trixie|sid}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PASER_CHROOT_CACHE:-/var/cache/paser-smartcity}
WORK=${PASER_CHROOT_WORK:-/var/tmp}
PATH_IN_CHROOT=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say() { echo "chroot_suite[$SUITE]: $*" >&2; }
die() {
  say "$*"
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount): run it as root or with sudo"
case "$SUITE" in
  *[!a-z0-9-]* | "") die "not a Debian suite name: $SUITE" ;;
esac

# --- host tools ---------------------------------------------------------------------------
need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v zstd >/dev/null || need+=(zstd)
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

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

# --- mounts: every one is recorded, and undone in reverse order on exit ---------------------
MOUNTS=()
mount_in() { # mount_in <target inside the rootfs> <mount arguments...>
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  MOUNTS+=("$target")
}

mount_system() { # proc, sys, dev, dev/pts and a private /dev/shm: what apt, QGIS and PostgreSQL need
  local rootfs=$1
  mount_in "$rootfs/proc" -t proc proc
  mount_in "$rootfs/sys" --bind /sys
  mount_in "$rootfs/dev" --bind /dev
  mount_in "$rootfs/dev/pts" --bind /dev/pts
  mount_in "$rootfs/dev/shm" -t tmpfs -o mode=1777 shm
}

# Processes still running inside the chroot (a server a killed test left behind) keep its
# mounts busy: they are ours, started in this copy; end them by pid.
kill_chroot_processes() {
  local rootfs=$1 link pid signal
  for signal in TERM KILL; do
    for link in /proc/[0-9]*/root; do
      pid=${link#/proc/}
      pid=${pid%/root}
      [ "$(readlink "$link" 2>/dev/null)" = "$rootfs" ] && kill -s "$signal" "$pid" 2>/dev/null
    done
    [ "$signal" = KILL ] || sleep 2
  done
  return 0
}

unmount_all() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" || say "could not unmount ${MOUNTS[i]}"
  done
  MOUNTS=()
}

ROOTFS=""
cleanup() {
  local status=$?
  if [ -n "$ROOTFS" ]; then
    kill_chroot_processes "$ROOTFS"
    unmount_all
    # Never delete while anything is still mounted inside: rm would go through a bind mount
    # into the host's /dev or /sys.
    if grep -q " $ROOTFS/" /proc/self/mounts; then
      say "mounts left under $ROOTFS; not deleting it"
    else
      rm -rf --one-file-system "$ROOTFS"
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

in_chroot() { # a clean environment inside: no variable of the host leaks in
  chroot "$ROOTFS" /usr/bin/env -i HOME=/root PATH="$PATH_IN_CHROOT" LANG=C.UTF-8 TERM=dumb \
    DEBIAN_FRONTEND=noninteractive CI="${CI:-}" \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt \
    "$@"
}

copy_network_config() {
  cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  cp /etc/hosts "$ROOTFS/etc/hosts"
}

# --- building the cached chroot -------------------------------------------------------------
build_rootfs() {
  local mirror
  mirror=$(debian_mirror)
  say "building the chroot with debootstrap from $mirror (once; cached afterwards)"
  debootstrap --variant=minbase --include=ca-certificates,make --components=main \
    "$SUITE" "$ROOTFS" "$mirror" >"$ROOTFS.debootstrap.log" 2>&1 ||
    die "debootstrap failed; see $ROOTFS.debootstrap.log"
  rm -f "$ROOTFS.debootstrap.log"
  copy_network_config

  # Package scripts must not start services: the tests start their own servers on free ports.
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
  chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"
  # ...nor may installing PostgreSQL create the default cluster on port 5432 (the host's).
  mkdir -p "$ROOTFS/etc/postgresql-common"
  echo "create_main_cluster = false" >"$ROOTFS/etc/postgresql-common/createcluster.conf"
  {
    echo 'APT::Install-Recommends "false";'
    # That file above was written before postgresql-common owns it: keep it, do not ask.
    echo 'Dpkg::Options { "--force-confdef"; "--force-confold"; };'
    # sid's Release file on a mirror can be out of date for days; accept that for sid only.
    if [ "$SUITE" = sid ]; then echo 'Acquire::Check-Valid-Until "false";'; fi
  } >"$ROOTFS/etc/apt/apt.conf.d/90paser-chroot"

  # pip inside must trust the same certificate authorities as the host (a proxy's CA, say).
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/"
    in_chroot update-ca-certificates >/dev/null
  fi

  mount_system "$ROOTFS"
  mkdir -p "$ROOTFS/root/bootstrap/scripts"
  git -C "$ROOT" show HEAD:scripts/bootstrap.sh >"$ROOTFS/root/bootstrap/scripts/bootstrap.sh"
  in_chroot bash -c "cd /root/bootstrap && bash scripts/bootstrap.sh --apt-only"
  rm -rf "$ROOTFS/root/bootstrap"
  in_chroot apt-get clean
  unmount_all
}

cache_key() {
  { git -C "$ROOT" show HEAD:scripts/bootstrap.sh; git -C "$ROOT" show HEAD:scripts/chroot_suite.sh; } |
    sha256sum | cut -c1-12
}

mkdir -p "$CACHE" "$WORK"
TARBALL="$CACHE/$SUITE-$(cache_key).tar.zst"
ROOTFS=$(mktemp -d "$WORK/paser-chroot-$SUITE.XXXXXX")
started=$SECONDS
exec 9>"$CACHE/$SUITE.lock"
flock 9 # one build per suite at a time; a second run waits for it and then unpacks
if [ -f "$TARBALL" ]; then
  flock -u 9
  say "unpacking $TARBALL"
  tar -C "$ROOTFS" --numeric-owner --xattrs --xattrs-include='*' -I zstd -xf "$TARBALL"
  copy_network_config
else
  build_rootfs
  say "caching it as $TARBALL"
  tar -C "$ROOTFS" --numeric-owner --xattrs --xattrs-include='*' -I 'zstd -T0 -3' -cf "$TARBALL.part" .
  mv "$TARBALL.part" "$TARBALL"
  find "$CACHE" -maxdepth 1 -name "$SUITE-*.tar.zst" ! -path "$TARBALL" -delete # older keys
  flock -u 9
fi
say "chroot ready in $((SECONDS - started)) s"

# --- the run ----------------------------------------------------------------------------------
git clone -q --no-hardlinks "$ROOT" "$ROOTFS/build/paser-smartcity"
git -C "$ROOTFS/build/paser-smartcity" checkout -q --detach "$(git -C "$ROOT" rev-parse HEAD)"
if [ -d "$ROOT/../shared" ]; then # the tests read ../shared/data/paser
  cp -a "$ROOT/../shared" "$ROOTFS/build/shared"
fi
mount_system "$ROOTFS"
mkdir -p "$CACHE/pip-$SUITE"
mount_in "$ROOTFS/root/.cache/pip" --bind "$CACHE/pip-$SUITE"

qgis=$(in_chroot dpkg-query -W -f='${Version}' qgis)
say "make test with QGIS $qgis on Debian $SUITE ($(git -C "$ROOT" rev-parse --short HEAD))"
in_chroot bash -c "cd /build/paser-smartcity && make test"
say "passed (QGIS $qgis) in $((SECONDS - started)) s"
