#!/usr/bin/env bash
# Starts a Petrel server JVM with settings sized to this machine.
#
#   runserver.sh <module> <main-class> [args...]
#
# <module> names the logback file (conf/logback_<module>.xml) and, in a source checkout, the Maven module.
# Class path: <home>/lib/*.jar in a distribution; otherwise the module's build output in a checkout
# (build it first with: mvn -B -pl <module> -am package -DskipTests).
# Environment: JAVA_HOME, PETREL_HEAP_MB (override the heap size), PETREL_LOG_DIR (default ~/logs/petrel),
# JAVA_OPT_EXT (extra JVM options).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 <module> <main-class> [args...]" >&2
  exit 2
fi
MODULE=$1
MAIN_CLASS=$2
shift 2

# shellcheck source=petrel-env.sh
. "$(dirname "$0")/petrel-env.sh"
# shellcheck source=jvm-tuning.sh
. "$(dirname "$0")/jvm-tuning.sh"

# Heap: PETREL_HEAP_MB if set, else a quarter of the memory this process may use (cgroup limit or physical),
# at least 256 MiB, at most 4 GiB.
memory_mb() {
  local limit=""
  if [ -r /sys/fs/cgroup/memory.max ]; then
    limit=$(cat /sys/fs/cgroup/memory.max)
  elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
    limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
  fi
  local physical_kb
  physical_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 4194304)
  local physical_mb=$((physical_kb / 1024))
  if [[ "$limit" =~ ^[0-9]+$ ]] && [ $((limit / 1024 / 1024)) -lt "$physical_mb" ]; then
    echo $((limit / 1024 / 1024))
  else
    echo "$physical_mb"
  fi
}
if [ -n "${PETREL_HEAP_MB:-}" ]; then
  if ! [[ "$PETREL_HEAP_MB" =~ ^[0-9]+$ ]] || [ "$PETREL_HEAP_MB" -lt 64 ]; then
    echo "PETREL_HEAP_MB must be a whole number of MiB, at least 64: $PETREL_HEAP_MB" >&2
    exit 1
  fi
  HEAP_MB=$PETREL_HEAP_MB
else
  HEAP_MB=$(( $(memory_mb) / 4 ))
  if [ "$HEAP_MB" -gt 4096 ]; then HEAP_MB=4096; fi
  if [ "$HEAP_MB" -lt 256 ]; then HEAP_MB=256; fi
fi

petrel_classpath "$MODULE" "$MODULE" store remoting common

JAVA_OPT="-server -Xms${HEAP_MB}m -Xmx${HEAP_MB}m $(petrel_jvm_tuning "$HEAP_MB")"
JAVA_OPT="$JAVA_OPT -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$LOG_DIR"
JAVA_OPT="$JAVA_OPT -Xlog:gc*:file=$LOG_DIR/${MODULE}_gc.log:time,tags:filecount=5,filesize=30M"
JAVA_OPT="$JAVA_OPT -Dpetrel.home=$BASE_DIR -Drocketmq.home.dir=$BASE_DIR -Dpetrel.log.dir=$LOG_DIR"
if [ -f "$BASE_DIR/conf/logback_${MODULE}.xml" ]; then
  JAVA_OPT="$JAVA_OPT -Dlogback.configurationFile=$BASE_DIR/conf/logback_${MODULE}.xml"
fi

# Class data sharing: in a distribution, the first start of a server writes an archive of the classes it loaded when
# it exits (mqshutdown, Ctrl-C); later starts map it instead of loading and verifying those classes again, which
# takes about half of the start-up time. An archive is tied to this installation, this Java, these jars and the heap
# size (its name carries checksums of them), so an upgrade or a new heap size makes a new one. PETREL_CDS=off turns
# it off; archives live in PETREL_CDS_DIR (default ~/.petrel/cds), never in the installation directory.
cds_options() {
  [ "${PETREL_CDS:-on}" != "off" ] || return 0
  ls "$BASE_DIR"/lib/*.jar >/dev/null 2>&1 || return 0
  local arg
  for arg in "$@"; do
    case "$arg" in
      -h|--help|-p|--printConfigItem|-m|--printImportantConfig) return 0 ;;
    esac
  done
  local dir=${PETREL_CDS_DIR:-$HOME/.petrel/cds}
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
  local install sum
  install=$(echo "$BASE_DIR" | cksum | cut -d' ' -f1)
  sum=$({ readlink -f "$(command -v "$JAVA")"; cat "$JAVA_RELEASE_FILE" 2>/dev/null; echo "$HEAP_MB"; \
    ls -l --time-style=+%s "$BASE_DIR"/lib; } | cksum | cut -d' ' -f1)
  local archive="$dir/$MODULE-$install-$sum.jsa" f
  # adopt an archive that an exited server wrote under its process id
  for f in "$archive".*; do
    [ -f "$f" ] || continue
    if ! kill -0 "${f##*.}" 2>/dev/null; then
      mv -f "$f" "$archive" 2>/dev/null || true
    fi
  done
  # archives of this installation that no longer fit it
  for f in "$dir/$MODULE-$install"-*.jsa; do
    [ "$f" = "$archive" ] || rm -f "$f"
  done
  # an archive that does not fit after all is ignored by the JVM without a word
  JAVA_OPT="$JAVA_OPT -Xlog:cds=off -Xlog:cds+dynamic=off"
  if [ -f "$archive" ]; then
    JAVA_OPT="$JAVA_OPT -XX:SharedArchiveFile=$archive"
  else
    JAVA_OPT="$JAVA_OPT -XX:ArchiveClassesAtExit=$archive.$$"
  fi
}
cds_options "$@"

# shellcheck disable=SC2086 # JAVA_OPT and JAVA_OPT_EXT are option lists
exec "$JAVA" $JAVA_OPT ${JAVA_OPT_EXT:-} -cp "$CLASSPATH" "$MAIN_CLASS" "$@"
