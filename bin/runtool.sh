#!/usr/bin/env bash
# Starts a Petrel command-line tool (mqadmin, mqbench) on Petrel's client.
#
#   runtool.sh <main-class> [args...]
#
# Class path: <home>/lib/*.jar in a distribution; otherwise the build output of a checkout
# (build it first with: mvn -B -pl tools -am package -DskipTests).
# Environment: JAVA_HOME, PETREL_TOOL_HEAP_MB (heap, default 256), PETREL_LOG_DIR (client log, default
# ~/logs/petrel), JAVA_OPT_EXT (extra JVM options).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <main-class> [args...]" >&2
  exit 2
fi
MAIN_CLASS=$1
shift

# shellcheck source=petrel-env.sh
. "$(dirname "$0")/petrel-env.sh"
petrel_classpath tools tools client remoting common

HEAP_MB=${PETREL_TOOL_HEAP_MB:-256}
JAVA_OPT="-Xms64m -Xmx${HEAP_MB}m -XX:+UseSerialGC -Dpetrel.home=$BASE_DIR -Dpetrel.log.dir=$LOG_DIR"
if [ -f "$BASE_DIR/conf/logback_tools.xml" ]; then
  JAVA_OPT="$JAVA_OPT -Dlogback.configurationFile=$BASE_DIR/conf/logback_tools.xml"
fi

# shellcheck disable=SC2086 # JAVA_OPT and JAVA_OPT_EXT are option lists
exec "$JAVA" $JAVA_OPT ${JAVA_OPT_EXT:-} -cp "$CLASSPATH" "$MAIN_CLASS" "$@"
