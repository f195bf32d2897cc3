#!/usr/bin/env bats
# Realistic scripts of a few hundred lines (tests/scripts/*.sh: functions, loops, case,
# here-documents, command substitution, getopts, eval, traps, recursion) run under dash and
# fdsh: stdout and status must be identical. Each also pins a few lines of its output, so a
# regression that dash happened to share would still show.

load test_helper

run_script() {
	same_as_dash_file "$(cat "$BATS_TEST_DIRNAME/scripts/$1")"
}

@test "scripts/inventory.sh: while-read with IFS, functions with local, printf, arithmetic" {
	run_script inventory.sh
	[ "$status" -eq 0 ]
	[ "${lines[3]}" = "A-100  Hex bolt M6                  120  18.00 EUR" ]
	[ "${lines[15]}" = "Total value:    375.28 EUR" ]
	[ "${lines[-1]}" = "  [Drill bit set * 10]" ]
}

@test "scripts/mkconfig.sh: getopts, eval, here-document templates, traps, set -e" {
	run_script mkconfig.sh
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "short options: 7" ]
	[ "${lines[-1]}" = "cleanup done" ]
	printf '%s\n' "${lines[@]}" | grep -qx 'flags:     "-O2 -g"'
}

@test "scripts/tree_tools.sh: recursive globbing walk, test harness, scanner, break/continue" {
	run_script tree_tools.sh
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "README (2 lines)" ]
	printf '%s\n' "${lines[@]}" | grep -qx '9 passed, 1 failed'
	printf '%s\n' "${lines[@]}" | grep -qx 'joined: x1=(12+y)\*3%z_2'
}

@test "every script under tests/scripts is covered here" {
	count=$(ls "$BATS_TEST_DIRNAME"/scripts/*.sh | wc -l)
	[ "$count" -eq 3 ]
}
