#!/usr/bin/env bash
# Runs bin/mqbench producer in the foreground with RocketMQ 4.9.7's benchmark producer options (-w threads, -s size, -k keys, -l tags, -y async, -b batch, -q sends, ...).
# Ctrl-C stops it and prints the [Complete] line; `producer.sh -h` lists every option.
set -euo pipefail
exec "$(dirname "$0")/../bin/mqbench" producer "$@"
