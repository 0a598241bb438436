#!/usr/bin/env bash
# Runs bin/mqbench consumer in the foreground with RocketMQ 4.9.7's benchmark consumer options (-w threads, -g group, -f TAG|SQL92 -e file, -r fail rate, ...).
# Ctrl-C stops it and prints the [Complete] line; `consumer.sh -h` lists every option.
set -euo pipefail
exec "$(dirname "$0")/../bin/mqbench" consumer "$@"
