#!/bin/sh
# `make fuzz`: builds feedesk-fuzz with libFuzzer and AddressSanitizer, runs every fuzz target for
# FUZZ_SECONDS (default 60) and fails when any target crashed, timed out or ran out of memory.
#
#   FUZZ_SECONDS=600 make fuzz                 longer runs
#   FUZZ_TARGETS="mt940 camt" make fuzz        some targets only (names: the folders of corpus/)
#
# The build goes to its own scratch path (.build/fuzz, release mode with -sanitize=fuzzer,address
# and the FUZZING condition), so it never mixes with the normal build. Seeds are read from
# Tests/Fuzz/corpus/<target>/ and never written; what libFuzzer learns goes to
# .build/fuzz/corpus/<target>/ and is reused by the next run. A failing input is written to
# Tests/Fuzz/crashers/<target>/ (crash-*, timeout-*, oom-*, leak-*), where the test suite replays it
# once the bug is fixed; commit it with the fix. The summary is printed and kept in
# .build/fuzz/summary.txt.
set -eu
cd "$(dirname "$0")/../.."

SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
SCRATCH=.build/fuzz
TARGETS=${FUZZ_TARGETS:-$(ls Tests/Fuzz/corpus)}

mkdir -p "$SCRATCH/logs"
echo "fuzz: building feedesk-fuzz (release, -sanitize=fuzzer,address) in $SCRATCH"
if ! "$SWIFT" build -c release --scratch-path "$SCRATCH" --product feedesk-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >"$SCRATCH/logs/build.log" 2>&1; then
    # gold warns about every local ASan symbol; the real errors are the other lines.
    grep -v "Cannot export local symbol" "$SCRATCH/logs/build.log" >&2
    exit 1
fi
FUZZER="$SCRATCH/release/feedesk-fuzz"

summary="$SCRATCH/summary.txt"
printf '%-28s %8s %13s %9s %7s  %s\n' target seconds executions exec/s corpus result >"$summary"
failed=""
for target in $TARGETS; do
    seeds="Tests/Fuzz/corpus/$target"
    if [ ! -d "$seeds" ]; then
        echo "fuzz: no target '$target' (no folder $seeds)" >&2
        exit 2
    fi
    work="$SCRATCH/corpus/$target"
    crashers="Tests/Fuzz/crashers/$target"
    log="$SCRATCH/logs/$target.log"
    mkdir -p "$work" "$crashers"
    extra=""
    [ -f "Tests/Fuzz/dict/$target.dict" ] && extra="-dict=Tests/Fuzz/dict/$target.dict"
    case "$target" in
        # FoundationXML's caches make malloc and free counts differ on almost every input, and
        # libFuzzer then runs a full LeakSanitizer scan per input (41 runs/s instead of ~2,800).
        # The leak check at exit still runs.
        camt|statement-auto) extra="$extra -detect_leaks=0" ;;
    esac
    before=$(ls "$crashers" | wc -l)
    echo "fuzz: $target for $SECONDS_EACH s (log $log)"
    status=0
    # Swift's own crash backtracer would catch the trap before libFuzzer's handler saves the input;
    # lsan.supp lists leaks of the toolchain's Foundation (not ours) that would stop every run.
    SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=Tests/Fuzz/lsan.supp:print_suppressions=0" \
    FEEDESK_FUZZ_TARGET="$target" "$FUZZER" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashers/" $extra "$work" "$seeds" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    corpus=$(ls "$work" | wc -l)
    after=$(ls "$crashers" | wc -l)
    result=clean
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        result="FAILED (exit $status; see $log and $crashers/)"
        failed="$failed $target"
        grep -E "ERROR|Fatal error|fuzz invariant|SUMMARY|Test unit written" "$log" | head -n 8 >&2 || true
    fi
    rate=0
    [ -n "${seconds:-}" ] && [ "${seconds:-0}" -gt 0 ] && rate=$(( ${runs:-0} / seconds ))
    printf '%-28s %8s %13s %9s %7s  %s\n' "$target" "${seconds:-?}" "${runs:-?}" "$rate" "$corpus" "$result" >>"$summary"
done

echo
cat "$summary"
if [ -n "$failed" ]; then
    echo "fuzz: failures in:$failed" >&2
    exit 1
fi
