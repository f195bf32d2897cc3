# test_helper.bash: loaded by every bats file (`load test_helper`).
#
# FDSH names the shell under test (default: the ./fdsh built by make; `make test-asan` or a
# developer can point it at another binary).  REF_SH is the reference shell of the
# differential tests (dash).  Every test runs in its own empty directory.  Every shell the
# helpers start runs with fds above 2 closed (bats and CI runners leak fds such as bats' fd 3;
# a leaked fd would falsify the fd-hygiene tests and keep bats waiting on a background child),
# with a time limit, and with stdin from /dev/null unless the test gives input.

bats_require_minimum_version 1.5.0

FDSH=${FDSH:-$BATS_TEST_DIRNAME/../fdsh}
case $FDSH in
/*) ;;
*/*) FDSH=$PWD/$FDSH ;;                 # relative path: make it survive the cd below
*) FDSH=$(command -v "$FDSH" || printf '%s' "$FDSH") ;;
esac
REF_SH=${REF_SH:-dash}
FDSH_TEST_TIMEOUT=${FDSH_TEST_TIMEOUT:-10}
export FDSH REF_SH

fdsh_setup() {
	if [ ! -x "$FDSH" ]; then
		echo "shell under test not found: FDSH=$FDSH (run make first)" >&2
		return 1
	fi
	TEST_DIR=${BATS_TEST_TMPDIR:-$(mktemp -d)}
	cd "$TEST_DIR" || return 1
}

setup() {
	fdsh_setup
}

# clean_exec CMD [ARGS...]: exec CMD with every fd above 2 closed and a time limit.
clean_exec() {
	local f fd
	for f in /proc/$BASHPID/fd/*; do
		fd=${f##*/}
		if [ "$fd" -gt 2 ]; then
			eval "exec $fd>&-" 2>/dev/null || true
		fi
	done
	exec timeout -k 2 "$FDSH_TEST_TIMEOUT" "$@"
}

# feed INPUT CMD [ARGS...]: run CMD (cleanly) with INPUT on a pipe as its stdin.
feed() {
	local input=$1
	shift
	printf '%s' "$input" | (clean_exec "$@")
}

# capture CMD [ARGS...]: run CMD, set $output and $stderr (without their final newlines, as
# bats' `run --separate-stderr` does), $lines (the stdout lines) and $status.  Unlike bats'
# `run` it gives no warning when the status is 127 (a status tests here expect).
capture() {
	status=0
	"$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err" || status=$?
	_set_results "$TEST_DIR/.out" "$TEST_DIR/.err"
}

# _slurp VAR FILE: read FILE into VAR byte for byte, without a fork (the helpers avoid
# forks: on a loaded machine every process costs milliseconds, times hundreds of tests).
_slurp() {
	IFS= read -r -d '' "$1" <"$2" || true
}

# _set_results OUTFILE ERRFILE: set $output, $stderr (trailing newlines dropped) and $lines.
_set_results() {
	local o e
	_slurp o "$1"
	_slurp e "$2"
	output=${o%"${o##*[!$'\n']}"}
	stderr=${e%"${e##*[!$'\n']}"}
	lines=()
	if [ -n "$output" ]; then mapfile -t lines <<<"$output"; fi
}

# fdsh_c SCRIPT [NAME ARGS...]: run `$FDSH -c SCRIPT ...` with stdin /dev/null.
fdsh_c() {
	capture _clean_sub "$FDSH" -c "$@" </dev/null
}

# fdsh_c_in INPUT SCRIPT [NAME ARGS...]: as fdsh_c with INPUT on a pipe as stdin.
fdsh_c_in() {
	local input=$1
	shift
	capture feed "$input" "$FDSH" -c "$@"
}

# fdsh_file SCRIPT_TEXT [ARGS...]: write SCRIPT_TEXT to ./s.sh and run `$FDSH s.sh ARGS`.
fdsh_file() {
	printf '%s' "$1" >s.sh
	shift
	capture _clean_sub "$FDSH" s.sh "$@" </dev/null
}

# _clean_sub CMD [ARGS...]: clean_exec in a subshell (clean_exec replaces its shell).
_clean_sub() {
	(clean_exec "$@")
}

# _show NAME STATUS OUTFILE ERRFILE: print one shell's results for a mismatch report.
_show() {
	echo "--- $1: status $2"
	echo "stdout:"
	sed 's/^/  |/' "$3"
	if [ -s "$3" ] && [ "$(tail -c 1 "$3" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "  (no newline at end of stdout)"
	fi
	echo "stderr:"
	sed 's/^/  |/' "$4"
}

# _diff_one TAG MODE SCRIPT INPUT SHELL [ARGS...]: run SHELL in a fresh ./run directory
# (same path for both shells, so $PWD and pwd agree) and record stdout, stderr and status.
#   MODE c:     SHELL -c SCRIPT ARGS        (stdin: INPUT on a pipe, or /dev/null if unset)
#   MODE file:  SHELL s.sh ARGS             (s.sh holds SCRIPT; stdin as above)
#   MODE stdin: SHELL ARGS                  (SCRIPT itself is piped to stdin)
_diff_one() {
	local tag=$1 mode=$2 script=$3 input=$4 sh=$5
	shift 5
	local dir=$TEST_DIR/run rc=0
	if [ -e "$dir" ]; then rm -rf "$dir"; fi
	mkdir "$dir"
	(
		cd "$dir" || exit 99
		case $mode in
		c) set -- "$sh" -c "$script" "$@" ;;
		file) printf '%s' "$script" >s.sh; set -- "$sh" s.sh "$@" ;;
		stdin) input=$script; DIFF_HAS_INPUT=1; set -- "$sh" "$@" ;;
		esac
		if [ "$DIFF_HAS_INPUT" = 1 ]; then
			feed "$input" "$@"
		else
			clean_exec "$@" </dev/null
		fi
	) >"$TEST_DIR/out.$tag" 2>"$TEST_DIR/err.$tag" || rc=$?
	printf -v "diff_status_$tag" '%s' "$rc"
}

# _differential MODE SCRIPT INPUT [ARGS...]: run under dash and fdsh, compare stdout and
# status, print both on a mismatch and fail.  Afterwards $output, $lines, $stderr, $status hold
# fdsh's results (output without its final newline, as in bats) for further asserts.
_differential() {
	local mode=$1 script=$2 input=$3
	shift 3
	_diff_one ref "$mode" "$script" "$input" "$REF_SH" "$@"
	_diff_one fdsh "$mode" "$script" "$input" "$FDSH" "$@"
	local rs=$diff_status_ref fs=$diff_status_fdsh ro fo
	_slurp ro "$TEST_DIR/out.ref"
	_slurp fo "$TEST_DIR/out.fdsh"
	status=$fs
	_set_results "$TEST_DIR/out.fdsh" "$TEST_DIR/err.fdsh"
	if [ "$rs" != "$fs" ] || [ "$ro" != "$fo" ]; then
		echo "=== differential mismatch ($mode mode${*:+, args: $*}) ==="
		echo "--- script:"
		printf '%s\n' "$script" | sed 's/^/  |/'
		if [ "$DIFF_HAS_INPUT" = 1 ]; then
			echo "--- stdin:"
			printf '%s\n' "$input" | sed 's/^/  |/'
		fi
		_show "$REF_SH (reference)" "$rs" "$TEST_DIR/out.ref" "$TEST_DIR/err.ref"
		_show "fdsh ($FDSH)" "$fs" "$TEST_DIR/out.fdsh" "$TEST_DIR/err.fdsh"
		echo "--- stdout diff (reference -> fdsh):"
		diff -u "$TEST_DIR/out.ref" "$TEST_DIR/out.fdsh" | tail -n +3
		return 1
	fi
}

# same_as_dash SCRIPT [INPUT]: `sh -c SCRIPT` under dash and fdsh must give the same stdout
# and exit status (stderr is shown on a mismatch but not compared).  With INPUT, it is
# piped to the shell's stdin; without, stdin is /dev/null.
same_as_dash() {
	local DIFF_HAS_INPUT=0
	if [ $# -ge 2 ]; then DIFF_HAS_INPUT=1; fi
	_differential c "$1" "${2-}"
}

# same_as_dash_args SCRIPT NAME ARGS...: `sh -c SCRIPT NAME ARGS...` under both shells.
same_as_dash_args() {
	local DIFF_HAS_INPUT=0 script=$1
	shift
	_differential c "$script" "" "$@"
}

# same_as_dash_file SCRIPT [ARGS...]: SCRIPT saved as s.sh, run as `sh s.sh ARGS...`.
same_as_dash_file() {
	local DIFF_HAS_INPUT=0 script=$1
	shift
	_differential file "$script" "" "$@"
}

# same_as_dash_stdin SCRIPT: SCRIPT piped into `sh` (commands read from stdin).
same_as_dash_stdin() {
	local DIFF_HAS_INPUT=0
	_differential stdin "$1" ""
}

# expect STATUS OUTPUT: assert fdsh's status and stdout after fdsh_c/fdsh_file/same_as_*.
expect() {
	if [ "$status" != "$1" ] || [ "$output" != "$2" ]; then
		echo "expected status $1, stdout:"
		printf '%s\n' "$2" | sed 's/^/  |/'
		echo "got status $status, stdout:"
		printf '%s\n' "$output" | sed 's/^/  |/'
		echo "stderr:"
		printf '%s\n' "${stderr-}" | sed 's/^/  |/'
		return 1
	fi
}

# expect_stderr TEXT: assert fdsh's stderr is exactly TEXT.
expect_stderr() {
	if [ "$stderr" != "$1" ]; then
		echo "expected stderr:"
		printf '%s\n' "$1" | sed 's/^/  |/'
		echo "got stderr:"
		printf '%s\n' "$stderr" | sed 's/^/  |/'
		return 1
	fi
}

# expect_stderr_prefix PREFIX: assert fdsh's stderr starts with PREFIX.
expect_stderr_prefix() {
	case $stderr in
	"$1"*) ;;
	*)
		echo "expected stderr to start with: $1"
		echo "got stderr:"
		printf '%s\n' "$stderr" | sed 's/^/  |/'
		return 1
		;;
	esac
}
