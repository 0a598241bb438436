#!/usr/bin/env bash
# Sourced by runserver.sh; the benchmark suite reads it too, so that the brokers it measures run as shipped.
#
#   petrel_jvm_tuning HEAP_MB     prints the garbage collector and JVM options of a server with a HEAP_MB MiB heap

petrel_jvm_tuning() {
  local heap_mb=$1
  # Young generation: at most an eighth of the heap (at least 16 MiB). What a server keeps live is small (a broker's
  # heap holds tens of MiB after a young collection, its messages live in mapped files), so each young collection
  # takes a few milliseconds whatever the young generation's size; left to itself G1 grows it to 60 % of the heap
  # and writes all of it between collections, which keeps that much memory resident for nothing.
  local young_mb=$((heap_mb / 8))
  if [ "$young_mb" -lt 16 ]; then young_mb=16; fi
  local opts="-XX:+UseG1GC -XX:MaxNewSize=${young_mb}m -XX:MaxGCPauseMillis=50 -XX:+ParallelRefProcEnabled"
  # The JVM samples its performance counters (what jstat shows) every 50 ms by default: 20 wake-ups a second of an
  # otherwise idle server. Once a second is enough for jstat; jps, jstat and jcmd keep working.
  opts="$opts -XX:PerfDataSamplingInterval=1000"
  echo "$opts"
}
