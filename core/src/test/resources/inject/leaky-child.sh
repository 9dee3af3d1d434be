#!/bin/sh
# A build step that leaks: prints $SECRET and $MULTILINE in many encodings, split across writes with pauses
# between them, on stdout and stderr. Only POSIX sh and coreutils, so it runs on any CI image.
pause() { sleep 0.02; }

urlencode() {
    rest=$1
    while [ -n "$rest" ]; do
        c=${rest%"${rest#?}"}
        rest=${rest#?}
        case $c in
            [a-zA-Z0-9.~_-]) printf '%s' "$c" ;;
            *) printf '%%%02X' "'$c" ;;
        esac
    done
}

# One character per write, with pauses.
printf 'char by char: '
rest=$SECRET
while [ -n "$rest" ]; do
    printf '%s' "${rest%"${rest#?}"}"
    rest=${rest#?}
    pause
done
printf '\n'
printf 'base64: '; printf '%s' "$SECRET" | base64
printf 'base64 inside data, wrapped at 76 columns:\n'
{ head -c 61 /dev/zero | tr '\0' 'x'; printf '%s' "$SECRET"; printf 'trailer'; } | base64
printf 'hex: '; printf '%s' "$SECRET" | od -An -tx1 | tr -d ' \n'; printf '\n'
printf 'url: '; urlencode "$SECRET"; printf '\n'
printf 'json: "%s"\n' "$(printf '%s' "$SECRET" | sed 's/\\/\\\\/g; s/"/\\"/g')"
printf "bash: '%s'\n" "$(printf '%s' "$SECRET" | sed "s/'/'\\\\''/g")"
printf 'stderr: %s\n' "$SECRET" >&2
printf 'multi-line:\n%s\n' "$MULTILINE"
printf 'multi-line, second line alone: %s\n' "$(printf '%s\n' "$MULTILINE" | sed -n 2p)"
printf 'progress 50%%'
pause
printf '\rprogress 100%%\n'
exit "${EXIT_CODE:-0}"
