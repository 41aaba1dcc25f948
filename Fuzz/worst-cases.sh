#!/usr/bin/env bash
# Runs every hostile program (Fuzz/worst/*.av and the fuzz corpus's
# hostile-*.av) with the DEFAULT limits, through the release binary, under a
# hard 10 s CPU and 1 GiB address-space limit per run (prlimit), and prints
# the CPU time and peak memory of each: `run --plain` (the transcript, the
# heaviest path) and `export` to /dev/null. A run killed by a limit shows as
# "KILLED". Usage: Fuzz/worst-cases.sh  (builds the release binary first).
set -uo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product asyncviz >/dev/null || exit 1
exe=.build/release/asyncviz
printf '%-40s %-7s %8s %9s %s\n' program command cpu_s max_mib exit
for f in Fuzz/worst/*.av Tests/AsyncVizLangTests/FuzzCorpus/hostile-*.av; do
  for cmd in run export; do
    if [ $cmd = run ]; then args=(run "$f" --plain); else args=(export "$f" -o /dev/null); fi
    # time exits with the command's status, or 128 + the signal that killed it.
    /usr/bin/time -o /tmp/worst-one.txt -f "%U %S %M" prlimit --cpu=10 --as=$((1 << 30)) "$exe" "${args[@]}" >/dev/null 2>&1
    rc=$?
    read -r user sys rss < <(grep -E "^[0-9.]+ [0-9.]+ [0-9]+$" /tmp/worst-one.txt | tail -1)
    cpu=$(echo "${user:-0} + ${sys:-0}" | bc)
    status=$rc
    if [ "${rc:-0}" -ge 128 ]; then status="KILLED($rc)"; fi
    printf '%-40s %-7s %8s %9s %s\n' "$(basename "$f")" $cmd "$cpu" "$(( ${rss:-0} / 1024 ))" "$status"
  done
done
