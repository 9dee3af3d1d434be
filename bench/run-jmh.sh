#!/usr/bin/env bash
# Builds the JMH benchmarks and runs masking throughput (10, 100, 1,000 secrets) against a plain copy,
# Jenkins' alternation regex and GitHub's indexOf loop, in one run; prints MB/s and the ratios.
# Usage: bench/run-jmh.sh [extra JMH options, e.g. -wi 5 -i 10 -r 5s]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -P bench -pl bench -am package -DskipTests -Dspotless.check.skip=true
out=bench/target/jmh-result.json
java -jar bench/target/benchmarks.jar MaskingBenchmark -rf json -rff "$out" "$@"
python3 - "$out" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    n = int(r["params"]["secrets"])
    m = r["secondaryMetrics"]["bytes"]
    rows[(name, n)] = (m["score"] / 1e6, m["scoreError"] / 1e6)
print()
print("secrets  method                  MB/s (± 99.9% error)")
for n in sorted({k[1] for k in rows}):
    for name in ("plainCopy", "machinistMasker", "jenkinsRegexPerLine", "githubIndexOfPerLine"):
        if (name, n) in rows:
            s, e = rows[(name, n)]
            print(f"{n:>7}  {name:<22} {s:>10.2f} ± {e:.2f}")
print()
print("secrets  masker/plain  masker/regex  masker/indexOf")
for n in sorted({k[1] for k in rows}):
    m = rows[("machinistMasker", n)][0]
    print(f"{n:>7}  {m / rows[('plainCopy', n)][0]:>12.2f}  {m / rows[('jenkinsRegexPerLine', n)][0]:>12.1f}"
          f"  {m / rows[('githubIndexOfPerLine', n)][0]:>14.1f}")
PY
