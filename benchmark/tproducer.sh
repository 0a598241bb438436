#!/usr/bin/env bash
# Runs bin/mqbench tproducer in the foreground with RocketMQ 4.9.7's transactional benchmark producer options (-w threads, -s size, -sr/-su/-cr/-cu rates, -i interval, ...).
# Ctrl-C stops it and prints the [Complete] line; `tproducer.sh -h` lists every option.
set -euo pipefail
exec "$(dirname "$0")/../bin/mqbench" tproducer "$@"
