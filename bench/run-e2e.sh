#!/usr/bin/env bash
# End-to-end overhead of `machinist run`: a child writing ~200 MB of build log, run directly and under
# `./machinist run --env-file F -- child` (100 secrets, all forms masked), both with stdout to /dev/null.
# Prints the best of N runs of each and the overhead ratio. Needs the ./machinist launcher (repo root).
#
# Usage: bench/run-e2e.sh [BYTES=200000000] [RUNS=3] [SECRETS=100]
# CHILD can be overridden, e.g. CHILD='sh -c "yes | head -c 200000000"' bench/run-e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${1:-200000000}
runs=${2:-3}
secrets=${3:-100}
if [ ! -x ./machinist ]; then
    echo "run-e2e.sh: ./machinist not found; build the CLI first (it provides the launcher and 'run')." >&2
    exit 2
fi
./mvnw -q -P bench -pl bench -am package -DskipTests -Dspotless.check.skip=true
work=bench/target/e2e
mkdir -p "$work"
corpus=$work/build-log-$bytes.txt
envfile=$work/secrets-$secrets.env
if [ ! -s "$corpus" ] || [ ! -s "$envfile" ]; then
    java -cp bench/target/benchmarks.jar dev.machinist.core.mask.BuildLogCorpus "$bytes" "$secrets" >"$corpus" 2>"$envfile"
    chmod 600 "$envfile"
fi
child=${CHILD:-cat "$corpus"}

now() { date +%s%N; }
best() { sort -n | head -1; }
time_runs() {
    for _ in $(seq "$runs"); do
        start=$(now)
        eval "$@" >/dev/null
        echo $(( $(now) - start ))
    done | best
}

# Warm the page cache so both sides read the corpus from memory.
cat "$corpus" >/dev/null
direct=$(time_runs "$child")
masked=$(time_runs ./machinist run --env-file "$envfile" -- "$child")
awk -v d="$direct" -v m="$masked" -v b="$bytes" 'BEGIN {
    printf "child alone:           %8.3f s  (%7.1f MB/s)\n", d / 1e9, b / (d / 1e9) / 1e6
    printf "under machinist run:   %8.3f s  (%7.1f MB/s)\n", m / 1e9, b / (m / 1e9) / 1e6
    printf "overhead:              %8.1f %%\n", (m - d) * 100 / d
}'
