# bg_helper.bash: background servers for the nc, docs and hygiene tests. Every process
# started with bg/bg_in is killed and reaped by bg_teardown; every wait is bounded.

BG=()

# bg NAME CMD...: CMD in the background (fds above 2 closed, time-limited), stdin
# /dev/null, stdout in NAME.out, stderr in NAME.err.
bg() {
	local name=$1
	shift
	(clean_exec "$@") >"$name.out" 2>"$name.err" </dev/null &
	BG+=($!)
}

# bg_in NAME INPUT-FILE CMD...: as bg, with stdin from INPUT-FILE.
bg_in() {
	local name=$1 input=$2
	shift 2
	(clean_exec "$@") >"$name.out" 2>"$name.err" <"$input" &
	BG+=($!)
}

bg_teardown() {
	local p
	for p in "${BG[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${BG[@]}"; do wait "$p" 2>/dev/null || true; done
}

# wait_for FILE [PATTERN]: until FILE exists (and holds PATTERN); at most 20 s.
wait_for() {
	local i
	for i in $(seq 400); do
		if [ -s "$1" ] && { [ -z "${2-}" ] || grep -q -- "$2" "$1"; }; then
			return 0
		fi
		sleep 0.05
	done
	echo "timed out waiting for $1${2:+ to hold '$2'}; it holds:" >&2
	cat "$1" >&2 2>/dev/null
	return 1
}

# listening_port NAME: the port that the server whose stderr is NAME.err reports
# ("nc: listening on HOST:PORT", or an example's "listening on ... PORT").
listening_port() {
	wait_for "$1.err" "listening on" || return 1
	sed -n 's/.*listening on .*[ :]\([0-9][0-9]*\)$/\1/p' "$1.err" | head -n 1
}
