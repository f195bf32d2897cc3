#!/bin/sh
# run.sh SECONDS: fuzz the tokenizer, parser and expansion for SECONDS seconds.
# The corpus grows in fuzz/corpus (seeded from the tests on the first run); crashes,
# hangs (-timeout) and leaks land in fuzz/logs as crash-*/timeout-*/leak-* files,
# and the run's log (executions, coverage) in fuzz/logs/fuzz-DATE.log.
set -eu
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus
logs=$here/logs
mkdir -p "$logs"
[ -d "$corpus" ] || "$here/seeds.sh" "$corpus"
log=$logs/fuzz-$(date -u +%Y%m%dT%H%M%S).log
# One job only (-fork=1: the machine is shared), which goes on after a finding.
# stdout/stderr of the shell code are closed (-close_fd_mask=3); libFuzzer keeps its
# own copy for reports.
set +e
"$here/fdsh-fuzz" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
	-close_fd_mask=3 -print_final_stats=1 -dict="$here/shell.dict" \
	-artifact_prefix="$logs/" "$corpus" >"$log" 2>&1
rc=$?
set -e
# The last progress line: total executions, coverage, corpus, crashes/timeouts/ooms.
grep -E '^#[0-9]+' "$log" | tail -n 1
grep -E 'SUMMARY|INFO: exiting' "$log" || true
ls "$logs" | grep -E '^(crash|leak|timeout|oom)-' || echo "no crash, leak, timeout or oom"
exit "$rc"
