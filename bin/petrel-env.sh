#!/usr/bin/env bash
# Sourced by runserver.sh and runtool.sh: finds Java 17 or later (JAVA_HOME first, then java on the PATH), the
# installation directory and the log directory, and builds the class path.
# Sets: BASE_DIR, JAVA, LOG_DIR (PETREL_LOG_DIR, default ~/logs/petrel; created).

BASE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

JAVA="java"
if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "Petrel needs Java 17 or later: no Java found (looked for ${JAVA}); install a JDK or set JAVA_HOME" >&2
  exit 1
fi
# The JDK's release file names its version without starting a JVM; ask the JVM only when there is none.
JAVA_RELEASE_FILE="$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")/release"
JAVA_SPEC=""
if [ -r "$JAVA_RELEASE_FILE" ]; then
  JAVA_SPEC=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$JAVA_RELEASE_FILE")
fi
if [ -z "$JAVA_SPEC" ]; then
  JAVA_SPEC=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
fi
JAVA_MAJOR=${JAVA_SPEC#1.}
JAVA_MAJOR=${JAVA_MAJOR%%.*}
if ! [[ "$JAVA_MAJOR" =~ ^[0-9]+$ ]] || [ "$JAVA_MAJOR" -lt 17 ]; then
  echo "Petrel needs Java 17 or later: $JAVA is Java ${JAVA_SPEC:-of unknown version}; install a newer JDK or" \
    "point JAVA_HOME at one" >&2
  exit 1
fi

LOG_DIR=${PETREL_LOG_DIR:-$HOME/logs/petrel}
mkdir -p "$LOG_DIR"

# petrel_classpath MODULE [OWN_MODULE...]: <home>/lib/* in a distribution; in a built checkout the build output of
# MODULE and the other Petrel modules it needs, plus the third-party jars Maven listed in
# MODULE/target/runtime-classpath.txt. Sets CLASSPATH, or exits with a build hint.
petrel_classpath() {
  local module=$1 own
  if ls "$BASE_DIR"/lib/*.jar >/dev/null 2>&1; then
    CLASSPATH="$BASE_DIR/lib/*"
    return 0
  fi
  if [ ! -f "$BASE_DIR/$module/target/runtime-classpath.txt" ] || [ ! -d "$BASE_DIR/$module/target/classes" ]; then
    echo "No lib/ directory and no build output of module '$module' under $BASE_DIR." >&2
    echo "Build it first: mvn -B -pl $module -am package -DskipTests" >&2
    exit 1
  fi
  CLASSPATH=""
  for own in "$@"; do
    CLASSPATH="$CLASSPATH${CLASSPATH:+:}$BASE_DIR/$own/target/classes"
  done
  local third_party
  third_party=$(tr ':' '\n' < "$BASE_DIR/$module/target/runtime-classpath.txt" \
    | grep -v -e '/io/petrel/' -e "^$BASE_DIR/" | paste -sd ':' -)
  CLASSPATH="$CLASSPATH:$third_party"
}
