#!/usr/bin/env bash
# Cold start of the GitHub Action image vs the CLI jar on the host, both doing the same job: log in to the
# Bitwarden simulator, fetch 100 secrets, write GITHUB_ENV/GITHUB_OUTPUT. Each container run is a fresh
# `podman run` (new container, new JVM); each host run a fresh JVM. Usage: bench/action-cold-start.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
tar=github-action/target/jib-image.tar
image="ghcr.io/machinist-dev/machinist:0.1.0-SNAPSHOT"
if [ ! -f "$tar" ] || [ ! -f cli/target/machinist.jar ]; then
  ./mvnw -q -B package -pl github-action -am -DskipTests -Dspotless.check.skip=true
fi
podman load -q -i "$tar" >/dev/null
echo "image: $image ($(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%.1f MB", $1/1e6}'))"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp cli/target/machinist.jar bench/ActionColdStart.java "$image" cli/target/machinist.jar "$rounds"
