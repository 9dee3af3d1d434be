# Machinist setup for GitLab CI jobs and any shell runner: puts "machinist" and "machinist-run" on PATH.
# The GitLab templates inline this file as their ".machinist-setup" snippet (a test keeps them identical),
# so a job never downloads a script. Outside GitLab: ". ./install.sh" (or "sh install.sh" and add
# "$MACHINIST_HOME/bin" to PATH yourself). POSIX sh; needs curl or wget, and Java 17+ for the jar.
#   MACHINIST_INSTALL     auto (default: a machinist already on PATH, e.g. in Machinist's image, else the
#                         jar), jar (always the jar), none (machinist must already be on PATH)
#   MACHINIST_VERSION     release whose jar is downloaded (default 0.1.0)
#   MACHINIST_JAR_URL     where to download the jar from (default: that release's machinist.jar)
#   MACHINIST_JAR_SHA256  the jar's expected SHA-256; the job fails on a mismatch
#   MACHINIST_HOME        where the jar and bin/ go (default $CI_PROJECT_DIR/.machinist, else ~/.machinist)
#   MACHINIST_JAVA_OPTS   JVM options for the jar (default: serial GC); class data is archived on first use
MACHINIST_HOME="${MACHINIST_HOME:-${CI_PROJECT_DIR:-$HOME}/.machinist}"
export MACHINIST_HOME
(
  set -eu
  fail() { echo "machinist setup: $*" >&2; exit 1; }
  mode="${MACHINIST_INSTALL:-auto}"
  version="${MACHINIST_VERSION:-0.1.0}"
  bin="$MACHINIST_HOME/bin"
  mkdir -p "$bin"
  found="$(PATH="$(printf '%s' "$PATH" | sed "s#$bin:##g")" command -v machinist || true)"
  case "$mode" in
    auto|jar|none) ;;
    *) fail "MACHINIST_INSTALL is '$mode'; use auto, jar or none." ;;
  esac
  if [ "$mode" = none ] || { [ "$mode" = auto ] && [ -n "$found" ]; }; then
    [ -n "$found" ] || fail "MACHINIST_INSTALL=none but no machinist is on PATH; use the Machinist image or MACHINIST_INSTALL=auto."
    rm -f "$bin/machinist"
  else
    java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    command -v "$java" >/dev/null 2>&1 \
      || fail "no Java on this runner. Machinist's jar needs Java 17+: install it, or run the job in Machinist's image (the component's .machinist-image job)."
    major="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -n 1)"
    set -- $major
    [ "${1:-0}" = 1 ] && shift
    [ "${1:-0}" -ge 17 ] 2>/dev/null \
      || fail "$java is Java ${1:-of an unknown version}; Machinist needs Java 17 or newer (set JAVA_HOME)."
    url="${MACHINIST_JAR_URL:-https://github.com/machinist-dev/machinist/releases/download/v$version/machinist-$version.jar}"
    jar="$MACHINIST_HOME/machinist-$(printf '%s' "$url" | cksum | cut -d ' ' -f 1).jar"
    if [ ! -s "$jar" ]; then
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 --connect-timeout 10 -o "$jar.part" "$url" || fail "could not download $url (curl exit $?)."
      elif command -v wget >/dev/null 2>&1; then
        wget -q -T 10 -O "$jar.part" "$url" || fail "could not download $url (wget exit $?)."
      else
        fail "neither curl nor wget is installed; install one, or set MACHINIST_INSTALL=none with machinist on PATH."
      fi
      mv "$jar.part" "$jar"
    fi
    if [ -n "${MACHINIST_JAR_SHA256:-}" ]; then
      actual="$( (sha256sum "$jar" 2>/dev/null || shasum -a 256 "$jar") | cut -d ' ' -f 1)"
      if [ "$actual" != "$MACHINIST_JAR_SHA256" ]; then
        rm -f "$jar"
        fail "$url has SHA-256 $actual, not the expected MACHINIST_JAR_SHA256 $MACHINIST_JAR_SHA256."
      fi
    fi
    # The first run archives the classes it loaded (dynamic CDS, Java 13+) beside the jar; later runs map
    # that archive and start faster. A stale or foreign archive is ignored silently (-Xshare:auto).
    # user.home follows $HOME, as for the vendors' own CLIs (Java would take it from /etc/passwd, which
    # differs from $HOME in many CI images and is "?" for a uid that has no entry there).
    cat > "$bin/machinist" <<EOF
#!/bin/sh
if [ -f "$jar.jsa" ]; then cds="-XX:SharedArchiveFile=$jar.jsa"; else cds="-XX:ArchiveClassesAtExit=$jar.jsa"; fi
exec "$(command -v "$java")" \${HOME:+"-Duser.home=\$HOME"} \${MACHINIST_JAVA_OPTS:--XX:+UseSerialGC -Xshare:auto} \\
  "\$cds" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "\$@"
EOF
    chmod 755 "$bin/machinist"
    # The training run that makes the class archive; later jobs with a cached jar skip this JVM start.
    [ -f "$jar.jsa" ] || "$bin/machinist" --version
  fi
  # machinist-run CMD ARGS...: "machinist run" with the job's MACHINIST_* settings, so a job's script
  # line only needs this prefix. Reads the variables when it runs, so a job can override any of them.
  cat > "$bin/machinist-run" <<'EOF'
#!/bin/sh
set -eu
if [ "$#" -eq 0 ]; then
  echo "machinist-run: give the command to run, e.g. machinist-run ./deploy.sh" >&2
  exit 2
fi
count=$#
set -- "$@" run
[ -n "${MACHINIST_VENDOR:-}" ] && set -- "$@" --vendor "$MACHINIST_VENDOR"
[ -n "${MACHINIST_SERVER_URL:-}" ] && set -- "$@" --server-url "$MACHINIST_SERVER_URL"
[ -n "${MACHINIST_REGION:-}" ] && set -- "$@" --region "$MACHINIST_REGION"
[ -n "${MACHINIST_API_URL:-}" ] && set -- "$@" --api-url "$MACHINIST_API_URL"
[ -n "${MACHINIST_PROJECT:-}" ] && set -- "$@" --project "$MACHINIST_PROJECT"
[ "${MACHINIST_ALL_SECRETS:-false}" = true ] && set -- "$@" --all
[ -n "${MACHINIST_MIN_LENGTH:-}" ] && set -- "$@" --min-length "$MACHINIST_MIN_LENGTH"
# One --secret per non-blank line of MACHINIST_SECRETS ('ID > NAME' or 'ID'); globbing off for the split.
old_ifs=$IFS
IFS='
'
set -f
for line in ${MACHINIST_SECRETS:-}; do
  case "$line" in *[![:space:]]*) set -- "$@" --secret "$line" ;; esac
done
IFS=$old_ifs
# MACHINIST_MASK_VARIABLES: names of other variables whose values must be masked too (space-separated).
for name in ${MACHINIST_MASK_VARIABLES:-}; do
  set -- "$@" --mask-env "$name"
done
set +f
set -- "$@" --replacement "${MACHINIST_MASK_REPLACEMENT:-gitlab}" --
# The command's words were first: rotate them behind the options.
while [ "$count" -gt 0 ]; do
  word=$1
  shift
  set -- "$@" "$word"
  count=$((count - 1))
done
exec machinist "$@"
EOF
  chmod 755 "$bin/machinist-run"
) || exit $?
case ":$PATH:" in *":$MACHINIST_HOME/bin:"*) ;; *) PATH="$MACHINIST_HOME/bin:$PATH" ;; esac
export PATH
echo "machinist: $(command -v machinist)"
