#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/scripts/test-fuzz-coverage.sh
#
# Checks scripts/lib/fuzz-coverage.py (scripts/fuzz.sh --coverage) on a
# target whose coverage is known, tests/scripts/fuzzcov-toy.c: built with
# clang -fsanitize=fuzzer and replayed on one input with
# -print_coverage=1, the line it marks "run" must count as covered, the
# one marked "not run" as not, called_256() as never entered (the counter wrap the script
# documents), called_255() as entered; and the script must refuse
# coverage printed by another build of the target.  Prints TAP; without
# clang and libFuzzer (scripts/install-deps.sh --fuzz) it skips.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
src=$top/tests/scripts/fuzzcov-toy.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
t() {   # t COND-STATUS DESCRIPTION [DETAIL]
    n=$((n + 1))
    if [ "$1" = 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        [ -z "${3:-}" ] || echo "$3" | sed 's/^/# /'
    fi
}

printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }' \
    >"$tmp/probe.c"
if ! clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" 2>/dev/null
then
    echo "1..0 # SKIP no clang with libFuzzer (scripts/install-deps.sh --fuzz)"
    exit 0
fi

cov=$top/scripts/lib/fuzz-coverage.py
mkdir -p "$tmp/corpus" "$tmp/out/one" "$tmp/other/one"
printf a >"$tmp/corpus/a"
clang -g -O2 -fsanitize=fuzzer "$src" -o "$tmp/toy" 2>"$tmp/cc.err"
t $? "the toy target builds" "$(cat "$tmp/cc.err")"
"$tmp/toy" -runs=0 -print_coverage=1 "$tmp/corpus" \
    >"$tmp/out/one/coverage" 2>&1
t $? "the toy target replays its corpus"
out=$(python3 "$cov" --where tests/scripts --binary "$tmp/toy" \
      --uncovered "$tmp/unc" "$tmp/out" one 2>&1)
t $? "fuzz-coverage.py runs" "$out"
unc=$(cat "$tmp/unc" 2>/dev/null)

# The uncovered lines of a function, as numbers one per line
lines_of() {
    sed -n "s/^  $1\( (never entered)\)\{0,1\}: //p" "$tmp/unc" |
        tr ' ' '\n' | while IFS=- read -r a b; do
            [ -n "$a" ] && seq "$a" "${b:-$a}"
        done
}
main=$(lines_of LLVMFuzzerTestOneInput)
run=$(grep -n '/\* run \*/' "$src" | cut -d: -f1)
notrun=$(grep -n '/\* not run \*/' "$src" | cut -d: -f1)
bad=
for l in $run; do
    if grep -qx "$l" <<<"$main"; then bad="$bad $l"; fi
done
t "$([ -z "$bad" ] && [ -n "$run" ]; echo $?)" \
    "the lines marked run are covered" "uncovered:$bad; $unc"
bad=
for l in $notrun; do
    if ! grep -qx "$l" <<<"$main"; then bad="$bad $l"; fi
done
t "$([ -z "$bad" ] && [ -n "$notrun" ]; echo $?)" \
    "the lines marked not run are not covered" "covered:$bad; $unc"
grep -qx '  never_called (never entered): .*' <<<"$unc"
t $? "a function no input calls is never entered" "$unc"
grep -qx '  called_256 (never entered): .*' <<<"$unc"
t $? "a function called 256 times reads as never entered (8-bit wrap)" "$unc"
! grep -q 'called_255' <<<"$unc"
t $? "a function called 255 times is covered" "$unc"
grep -q "^fuzz coverage: union: [1-9][0-9]*/[1-9][0-9]* lines" <<<"$out"
t $? "the union is printed" "$out"

# Coverage printed by another build of the target is refused
clang -g -O0 -fsanitize=fuzzer "$src" -o "$tmp/toy0" 2>/dev/null
out=$(python3 "$cov" --where tests/scripts --binary "$tmp/toy0" \
      "$tmp/out" one 2>&1)
rc=$?
[ $rc = 1 ] && grep -q 'not the same binary' <<<"$out"
t $? "coverage of another build is refused" "status $rc: $out"
echo "1..$n"
