#!/usr/bin/env python3
"""A realistic child for bench/run-e2e.sh: prints about BYTES of Maven/npm/Gradle-like build log.

Usage: gen-build-log.py [BYTES=200000000] [ENV_FILE] [MB_PER_SECOND]

Lines go one write at a time through a buffered stdout (8 KB blocks into a pipe, whatever
PYTHONUNBUFFERED says), as a build tool's logger writes them: downloads, compiler and test lines, stack traces, npm warnings and
carriage-return progress lines. With ENV_FILE (dotenv, NAME='value' lines), about one line in a thousand
echoes one of its values, so the masker has real work. Deterministic: same arguments, same bytes.
Standard library only.

With MB_PER_SECOND, the output is paced to that rate (checked every megabyte), as a build that works
between the lines it prints: a verbose Maven build logs well under 10 MB/s. Without it, as fast as it can.

Formatting a fresh line per write would make Python, not the pipe, the bottleneck (~40 MB/s), so a pool
of distinct timestamped lines is made once and then walked in a scrambled order.
"""
import random
import sys
import time

GROUPS = ["org/apache/maven", "com/fasterxml/jackson/core", "org/junit/jupiter", "io/netty",
          "org/springframework/boot", "com/google/guava", "org/slf4j"]


def word(r, n):
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


def line(r, secrets):
    group = r.choice(GROUPS)
    artifact = group.rsplit("/", 1)[1] + "-" + word(r, r.randint(4, 9))
    version = "%d.%d.%d" % (r.randrange(5), r.randrange(20), r.randrange(10))
    kind = r.randrange(12)
    if kind <= 2:
        return ("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/%s/%s/%s/%s-%s.jar\n"
                % (group, artifact, version, artifact, version))
    if kind == 3:
        return ("[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/%s/%s/%s/%s-%s.pom"
                " (%d kB at %d kB/s)\n" % (group, artifact, version, artifact, version, r.randrange(40),
                                           r.randrange(900)))
    if kind == 4:
        return "[INFO] Compiling %d source files with javac [debug release 17] to target/classes\n" % r.randrange(400)
    if kind == 5:
        return "npm WARN deprecated %s@%s: This module is not supported, and leaks memory.\n" % (artifact, version)
    if kind == 6:
        return "> Task :%s:compileJava %s\n" % (artifact, r.choice(["UP-TO-DATE", "", "FROM-CACHE"]))
    if kind == 7:
        return "\tat %s.%s%s.%s(%s.java:%d)\n" % (group.replace("/", "."), artifact[0].upper(), word(r, 6),
                                                  word(r, 5), word(r, 7), r.randrange(900))
    if kind == 8:
        return ("[INFO] Tests run: %d, Failures: 0, Errors: 0, Skipped: %d, Time elapsed: %d.%03d s -- in %s.%sTest\n"
                % (r.randrange(200), r.randrange(3), r.randrange(30), r.randrange(1000), group.replace("/", "."),
                   word(r, 8)))
    if kind == 9:
        return "Progress (%d): %d/%d kB\r" % (r.randrange(8), r.randrange(100), 100 + r.randrange(900))
    if kind == 10 and secrets and r.randrange(100) == 0:
        return "curl -H 'Authorization: Bearer %s' https://api.example.com\n" % r.choice(secrets)
    return "added %d packages, and audited %d packages in %ds\n" % (r.randrange(900), r.randrange(2000),
                                                                      r.randrange(60))


def read_secrets(path):
    values = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            name, sep, value = raw.strip().partition("=")
            if sep and value:
                values.append(value.strip("'\""))
    return values


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000_000
    secrets = read_secrets(sys.argv[2]) if len(sys.argv) > 2 else []
    r = random.Random(42)
    size = 16381  # a prime, so the stride below visits every line
    pool = ["2026-11-23T06:%02d:%02d.%03dZ %s" % ((n // 3600) % 60, (n // 60) % 60, n % 1000, line(r, secrets))
            for n in range(size)]
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=8192, closefd=False)
    write = out.write
    written = 0
    i = 0
    rate = float(sys.argv[3]) * 1e6 if len(sys.argv) > 3 else 0.0
    start = time.monotonic()
    next_check = 1 << 20
    while written < total:
        text = pool[i]
        write(text)
        written += len(text)
        i = (i + 6133) % size
        if rate and written >= next_check:
            next_check += 1 << 20
            ahead = written / rate - (time.monotonic() - start)
            if ahead > 0:
                out.flush()
                time.sleep(ahead)
    out.flush()


if __name__ == "__main__":
    main()
