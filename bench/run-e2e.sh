#!/usr/bin/env bash
# End-to-end overhead of `machinist run`: each child is run directly and under
# `./machinist run --env-file F -- child` (100 secrets, all forms masked), both with stdout to /dev/null,
# alternately (direct, masked, direct, masked, ...) so that load from elsewhere hits both sides alike.
# Prints best and median wall time and median CPU time of N runs of each, and the overheads. Children:
#   start-up   `true`: what `run` costs before and after any output (JVM, options, masker, child start)
#   generator  bench/gen-build-log.py: a build tool printing BYTES of log lines through buffered stdout
#              (~140 MB/s on its own, far more than a real build prints) — the realistic case
#   gen-pipe   the generator with stdout piped to a reader on both sides, as a CI runner reads a step
#   gen-50MB/s the generator paced to 50 MB/s, a build that works between the lines it prints
#   cat        `cat LOG` of a cached BYTES file: a child that does no work (splice to /dev/null), the worst case
# Needs the ./machinist launcher (repo root) and python3.
#
# Usage: bench/run-e2e.sh [BYTES=200000000] [RUNS=5] [SECRETS=100]
# CHILD overrides the children with one command, e.g. CHILD='sh -c "yes | head -c 200000000"' bench/run-e2e.sh
# MACHINIST_JAVA_OPTS is passed on to the launcher (e.g. to compare JVM flags).
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${1:-200000000}
runs=${2:-5}
secrets=${3:-100}
if [ ! -x ./machinist ]; then
    echo "run-e2e.sh: ./machinist not found; build the CLI first (it provides the launcher and 'run')." >&2
    exit 2
fi
work=bench/target/e2e
mkdir -p "$work"
corpus=$work/build-log-$bytes.txt
envfile=$work/secrets-$secrets.env
if [ ! -s "$corpus" ] || [ ! -s "$envfile" ]; then
    ./mvnw -q -P bench -pl bench -am package -DskipTests -Dspotless.check.skip=true
    (umask 077 && java -cp bench/target/benchmarks.jar dev.machinist.core.mask.BuildLogCorpus "$bytes" "$secrets" \
        >"$corpus" 2>"$envfile")
fi
# The interpreter itself, not a version manager's shim (pyenv's costs ~30 ms a start on both sides).
python=$(python3 -c 'import sys; print(sys.executable)')

./machinist --version >/dev/null # builds the CLI if needed, outside the timings
cat "$corpus" >/dev/null         # page cache: both sides read the corpus from memory

cpu=$work/cpu.txt
# Wall seconds and CPU seconds (user + sys, children included) of one run, stdout to /dev/null. CPU time is
# the steadier figure on a shared machine: it is the work `run` adds, which costs wall time as soon as the
# child and the masker do not each have a core to themselves.
timed() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$cpu" bash -c "$1" >/dev/null
    end=$(date +%s%N)
    awk -v w=$((end - start)) '{ printf "%.4f %.3f\n", w / 1e9, $1 + $2 }' "$cpu"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
best() { sort -n | head -1; }

measure() {
    local name=$1 child=$2 sink=${3:-} direct=() masked=()
    for _ in $(seq "$runs"); do
        direct+=("$(timed "$child$sink")")
        masked+=("$(timed "./machinist run --env-file '$envfile' -- $child$sink")")
    done
    local dw mw dc mc db mb
    db=$(printf '%s\n' "${direct[@]}" | cut -d' ' -f1 | best)
    mb=$(printf '%s\n' "${masked[@]}" | cut -d' ' -f1 | best)
    dw=$(printf '%s\n' "${direct[@]}" | cut -d' ' -f1 | median)
    mw=$(printf '%s\n' "${masked[@]}" | cut -d' ' -f1 | median)
    dc=$(printf '%s\n' "${direct[@]}" | cut -d' ' -f2 | median)
    mc=$(printf '%s\n' "${masked[@]}" | cut -d' ' -f2 | median)
    awk -v name="$name" -v db="$db" -v mb="$mb" -v dw="$dw" -v mw="$mw" -v dc="$dc" -v mc="$mc" 'BEGIN {
        printf "%-10s alone: best %6.3f s, median %6.3f s, cpu %6.2f s | under run: best %6.3f s, median %6.3f s, cpu %6.2f s | overhead: best %+7.1f %%, median %+7.1f %%, cpu %+6.2f s\n",
            name, db, dw, dc, mb, mw, mc, (mb - db) * 100 / db, (mw - dw) * 100 / dw, mc - dc
    }'
}

echo "bytes=$bytes runs=$runs secrets=$secrets load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${CHILD:-}" ]; then
    measure child "$CHILD"
else
    measure start-up /bin/true
    measure generator "$python bench/gen-build-log.py $bytes '$envfile'"
    # As a CI runner sees a step: its stdout is a pipe that the runner reads, on both sides.
    measure gen-pipe "$python bench/gen-build-log.py $bytes '$envfile'" " | cat >/dev/null"
    # A build that works between its lines, at 50 MB/s (five times a verbose Maven build).
    measure gen-50MB/s "$python bench/gen-build-log.py $bytes '$envfile' 50"
    measure cat "cat '$corpus'"
fi
