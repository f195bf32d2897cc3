#!/usr/bin/env bats
# docs: what a new user touches first (issue 10). make install into a temporary
# DESTDIR, the installed binary and #!/usr/bin/env fdsh scripts, make uninstall,
# the man page (groff's warnings, every builtin, nc option and set -o option
# documented), help text for every builtin, and every example script run from
# its installed copy with the output its header comment promises. Network
# examples use loopback and port 0 (a free port chosen by the kernel); servers
# run time-limited in the background and are killed in teardown.

load test_helper
load bg_helper

REPO=$BATS_TEST_DIRNAME/..

setup_file() {
	ROOT=$BATS_FILE_TMPDIR/root
	make -s -C "$REPO" install DESTDIR="$ROOT" >"$BATS_FILE_TMPDIR/install.log" 2>&1
	export ROOT BIN=$ROOT/usr/local/bin EX=$ROOT/usr/local/share/doc/fdsh/examples
}

setup() {
	fdsh_setup
	BG=()
	# The installed fdsh first; tr, sed and friends from the system.
	export PATH=$BIN:/usr/bin:/bin
}

teardown() {
	bg_teardown
}

# expected FILE HEADING: the block of "#   " lines (and bare "#" lines) that follows
# the first comment line starting with "# HEADING", without the comment marks.
expected() {
	awk -v h="# $2" '
		!on && index($0, h) == 1 { on = 1; next }
		on && $0 == "#" { print ""; next }
		on && /^#   / { print substr($0, 5); next }
		on { exit }' "$1"
}

# ports_as_N: ports (runs of 4 or more digits) replaced by N, for comparing stderr.
ports_as_N() {
	sed 's/[0-9]\{4,\}/N/g'
}

# builtin_names: the names in the builtin table, as `fdsh --help` lists them.
builtin_names() {
	"$BIN/fdsh" --help | sed -n '/^Builtins:/,$p' | awk 'NR > 1 { print $1 }'
}

# man_text: the man page rendered as plain text, 80 columns.
man_text() {
	MANWIDTH=80 man -E ascii -l "$REPO/fdsh.1" 2>/dev/null
}

# man_section TITLE: the rendered lines of one section (up to the next heading).
man_section() {
	man_text | awk -v t="$1" '/^[A-Z]/ { on = ($0 == t); next } on'
}

@test "make install: the binary, the man page and the examples, nothing else" {
	capture bash -c "find '$ROOT' -type f -printf '%P %m\n' | sort"
	expect 0 "$(sort <<'EOF'
usr/local/bin/fdsh 755
usr/local/share/man/man1/fdsh.1 644
usr/local/share/doc/fdsh/examples/echo-client.sh 755
usr/local/share/doc/fdsh/examples/echo-server.sh 755
usr/local/share/doc/fdsh/examples/forking-server.sh 755
usr/local/share/doc/fdsh/examples/port-check.sh 755
usr/local/share/doc/fdsh/examples/trace-pipeline.sh 755
EOF
)"
}

@test "every example in examples/ is installed" {
	local f
	for f in "$REPO"/examples/*; do
		cmp "$f" "$EX/${f##*/}"
	done
}

@test "the installed fdsh runs -c commands and reports its version" {
	capture _clean_sub "$BIN/fdsh" -c 'echo "hello from $0, $#: $*"' me a b </dev/null
	expect 0 "hello from me, 2: a b"
	capture _clean_sub "$BIN/fdsh" --version </dev/null
	expect 0 "fdsh 0.1"
}

@test "a #!/usr/bin/env fdsh script runs with the installed bin on PATH" {
	printf '#!/usr/bin/env fdsh\necho "args: $*"\nexit 3\n' >script
	chmod +x script
	capture _clean_sub ./script one two </dev/null
	expect 3 "args: one two"
	# fdsh itself found by PATH lookup from another shell.
	capture _clean_sub dash -c 'command -v fdsh'
	expect 0 "$BIN/fdsh"
}

@test "make install honours PREFIX; make uninstall removes exactly what it installed" {
	local dest=$TEST_DIR/dest
	mkdir -p "$dest/opt/fdsh/bin"
	echo keep >"$dest/opt/fdsh/bin/other"
	make -s -C "$REPO" install DESTDIR="$dest" PREFIX=/opt/fdsh >/dev/null
	capture "$dest/opt/fdsh/bin/fdsh" -c 'echo installed'
	expect 0 "installed"
	[ -f "$dest/opt/fdsh/share/man/man1/fdsh.1" ]
	[ -x "$dest/opt/fdsh/share/doc/fdsh/examples/port-check.sh" ]
	make -s -C "$REPO" uninstall DESTDIR="$dest" PREFIX=/opt/fdsh >/dev/null
	capture bash -c "cd '$dest' && find . | sort"
	expect 0 "$(printf '%s\n' . ./opt ./opt/fdsh ./opt/fdsh/bin ./opt/fdsh/bin/other \
		./opt/fdsh/share ./opt/fdsh/share/doc ./opt/fdsh/share/man ./opt/fdsh/share/man/man1)"
}

@test "the man page passes groff's warnings check and man renders it without warnings" {
	capture groff -man -ww -z "$REPO/fdsh.1"
	expect 0 ""
	expect_stderr ""
	capture env MANWIDTH=80 man --warnings -E ascii -l "$REPO/fdsh.1"
	[ "$status" -eq 0 ]
	expect_stderr ""
	[ "${#lines[@]}" -gt 300 ]
}

@test "the man page has the sections a reader looks for" {
	local s
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS INVOCATION "STARTUP FILES" "THE LANGUAGE" \
		"DIFFERENCES FROM DASH AND BASH" BUILTINS "THE NC BUILTIN" "THE TEACHING TRACE" \
		"INTERACTIVE USE" ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		man_text | grep -qx "$s" || { echo "no section $s"; return 1; }
	done
}

@test "the man page documents every builtin of the table" {
	local text name missing=
	text=$(man_section BUILTINS)
	for name in $(builtin_names); do
		# Each builtin is a tagged paragraph whose tag starts with its name.
		grep -qE "^       $(printf '%s' "$name" | sed 's/[].[]/\\&/g')( |$)" <<<"$text" ||
			missing="$missing $name"
	done
	[ -z "$missing" ] || { echo "not in BUILTINS:$missing"; return 1; }
}

@test "the man page documents every nc option and every set -o option" {
	local text opt missing=
	text=$(man_section "THE NC BUILTIN")
	for opt in $("$BIN/fdsh" -c 'nc --help' | sed -n 's/^  \(-[a-zA-Z0-9]\).*/\1/p'); do
		grep -qE "^       $opt( |,|$)" <<<"$text" || missing="$missing $opt"
	done
	[ -z "$missing" ] || { echo "nc options not documented:$missing"; return 1; }
	text=$(man_section OPTIONS)
	for opt in $("$BIN/fdsh" -c 'set -o' | awk 'NR > 1 { print $1 }'); do
		grep -qw -- "$opt" <<<"$text" || missing="$missing $opt"
	done
	[ -z "$missing" ] || { echo "set -o options not documented:$missing"; return 1; }
}

@test "the man page says how to make fdsh a login shell" {
	local text
	text=$(man_text)
	grep -q '/etc/shells' <<<"$text"
	grep -q 'chsh -s /usr/local/bin/fdsh' <<<"$text"
	grep -q '\.fdsh_profile' <<<"$text"
}

@test "every builtin has help text: help NAME prints its usage and a description" {
	local name usage
	for name in $(builtin_names); do
		usage=$("$BIN/fdsh" --help | awk -v n="$name" '$1 == n { sub(/^  [^ ]+ +/, ""); print }')
		capture _clean_sub "$BIN/fdsh" -c 'help -- "$1"' sh "$name" </dev/null
		[ "$status" -eq 0 ] || { echo "help $name: status $status"; return 1; }
		[ "${lines[0]}" = "$name: $usage" ] || { echo "help $name: ${lines[0]}"; return 1; }
		[ -n "${lines[1]// /}" ] || { echo "help $name: no description"; return 1; }
	done
}

@test "every example states its expected output and starts with #!/usr/bin/env fdsh" {
	local f
	for f in "$EX"/*; do
		[ "$(head -n 1 "$f")" = "#!/usr/bin/env fdsh" ] || { echo "$f: no #!"; return 1; }
		grep -q '^# Expected output' "$f" || { echo "$f: no expected output"; return 1; }
	done
}

@test "example port-check.sh: the demonstration gives the output in its header" {
	capture _clean_sub "$EX/port-check.sh" </dev/null
	expect 0 "$(expected "$EX/port-check.sh" 'Expected output')"
}

@test "example port-check.sh HOST PORT...: one line per port, status 1 if one is closed" {
	# One port that was listened on and closed again, one held open on fd 3.
	capture _clean_sub "$BIN/fdsh" -c 'nc -l -d 3 127.0.0.1 0; closed=$NC_PORT; exec 3>&-
		nc -l -d 3 127.0.0.1 0; "$1" 127.0.0.1 $NC_PORT $closed' sh "$EX/port-check.sh" </dev/null
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | ports_as_N)" = "$(printf '127.0.0.1 port N: open\n127.0.0.1 port N: closed')" ]
}

@test "example trace-pipeline.sh gives the output in its header" {
	capture _clean_sub "$EX/trace-pipeline.sh" </dev/null
	expect 0 "$(expected "$EX/trace-pipeline.sh" 'Expected output')"
}

@test "examples echo-server.sh and echo-client.sh talk as their headers say" {
	local port
	bg server "$EX/echo-server.sh" 0
	port=$(listening_port server)
	capture _clean_sub "$EX/echo-client.sh" 127.0.0.1 "$port" </dev/null
	expect 0 "$(expected "$EX/echo-client.sh" 'Expected output')"
	sleep 0.2
	[ "$(ports_as_N <server.err)" = "$(expected "$EX/echo-server.sh" 'Expected output' | ports_as_N)" ]
	[ ! -s server.out ]
}

@test "example forking-server.sh serves clients in children as its header says" {
	local port
	bg server "$EX/forking-server.sh" 0 2
	port=$(listening_port server)
	capture _clean_sub "$EX/echo-client.sh" 127.0.0.1 "$port" </dev/null
	expect 0 "$(expected "$EX/forking-server.sh" 'and echo-client.sh')"
	capture _clean_sub "$EX/echo-client.sh" 127.0.0.1 "$port" </dev/null
	expect 0 "$(printf 'sent 2 lines, the server answered:\n2: hello\n2: world')"
	# After MAX=2 clients the server ends by itself.
	wait "${BG[0]}"
	[ "$(head -n 2 server.err | ports_as_N)" = \
		"$(expected "$EX/forking-server.sh" 'Expected output' | ports_as_N)" ]
	[ "$(tail -n 1 server.err | ports_as_N)" = "client 2 from 127.0.0.1:N" ]
	[ ! -s server.out ]
}
