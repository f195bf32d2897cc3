#!/usr/bin/env bats
# Commands: PATH lookup and hash, not found / not executable / killed statuses, the core
# builtins, special parameters, variables and assignments.

load test_helper

setup() {
	fdsh_setup
	BIN1=$TEST_DIR/bin1 BIN2=$TEST_DIR/bin2
	mkdir -p "$BIN1" "$BIN2"
	printf '#!/bin/sh\necho one "$@"\n' >"$BIN1/foo"
	printf '#!/bin/sh\necho two "$@"\n' >"$BIN2/foo"
	printf '#!/bin/sh\necho bar\n' >"$BIN2/bar"
	chmod +x "$BIN1/foo" "$BIN2/foo" "$BIN2/bar"
	P1="PATH=$BIN1:$BIN2:/usr/bin:/bin"
}

# --- PATH lookup and hash -------------------------------------------------------------------

@test "a command is found on PATH and gets its arguments" {
	same_as_dash "$P1; foo a b"
	expect 0 'one a b'
}

@test "the first PATH directory that has the command wins" {
	same_as_dash "PATH=$BIN2:$BIN1:/usr/bin:/bin; foo; $P1; bar"
	expect 0 'two
bar'
}

@test "a command name with a slash is not looked up on PATH" {
	cp "$BIN2/foo" "$TEST_DIR/foo"
	same_as_dash "$P1; ../foo"
	expect 0 two
}

@test "assigning PATH forgets remembered locations" {
	same_as_dash "$P1; foo; PATH=$BIN2:$BIN1:/usr/bin:/bin; foo"
	expect 0 'one
two'
}

@test "hash lists a command after it ran" {
	fdsh_c "$P1; foo >/dev/null; hash"
	[ "$status" -eq 0 ]
	[[ $output == *"$BIN1/foo"* ]]
}

@test "hash NAME remembers a command without running it" {
	fdsh_c "$P1; hash bar; hash"
	[ "$status" -eq 0 ]
	[[ $output == *"$BIN2/bar"* ]]
	[[ $output != *foo* ]]
}

@test "hash -r forgets every command" {
	fdsh_c "$P1; foo >/dev/null; bar >/dev/null; hash -r; hash"
	expect 0 ''
}

@test "hash of a missing command fails" {
	fdsh_c "$P1; hash nosuchcmd"
	[ "$status" -ne 0 ]
	[ -n "$stderr" ]
}

@test "a remembered command still runs after hash" {
	same_as_dash "$P1; hash foo; foo x"
	expect 0 'one x'
}

# --- not found, not executable, signals -----------------------------------------------------

@test "command not found: status 127 and 'fdsh: line 1: nosuchcmd: not found'" {
	fdsh_c 'nosuchcmd'
	expect 127 ''
	expect_stderr 'fdsh: line 1: nosuchcmd: not found'
}

@test "command not found: \$? is 127 and the shell goes on" {
	same_as_dash 'nosuchcmd 2>/dev/null; echo $?'
	expect 0 127
}

@test "command not found on line 3 reports line 3" {
	fdsh_c 'true
true
nosuchcmd arg'
	expect 127 ''
	expect_stderr 'fdsh: line 3: nosuchcmd: not found'
}

@test "missing command in a pipeline: first stage 0, last stage 127" {
	same_as_dash 'nosuchcmd | echo ok; echo $?; echo x | nosuchcmd; echo $?'
	expect 0 'ok
0
127'
}

@test "missing path with a slash: status 127" {
	same_as_dash './nosuch; echo $?'
	expect 0 127
	expect_stderr_prefix 'fdsh: line 1: ./nosuch'
}

@test "file without execute permission: 126 and 'fdsh: line 1: ./f: Permission denied'" {
	printf 'echo x\n' >f
	chmod -x f
	fdsh_c './f'
	expect 126 ''
	expect_stderr 'fdsh: line 1: ./f: Permission denied'
}

@test "a directory as a command: status 126" {
	same_as_dash 'mkdir d; ./d; echo $?'
	expect 0 126
}

@test "an executable text file without #! is run as a shell script" {
	same_as_dash 'echo "echo no shebang \$1" > s; chmod +x s; ./s arg; echo $?'
	expect 0 'no shebang arg
0'
}

@test "an external command's exit status is passed on" {
	same_as_dash 'sh -c "exit 42"; echo $?'
	expect 0 42
}

@test "killed by SIGKILL: status 137" {
	same_as_dash 'sh -c "kill -9 \$\$"; echo $?'
	expect 0 137
}

@test "killed by SIGTERM: status 143, also as the shell's exit status" {
	same_as_dash 'sh -c "kill -TERM \$\$"'
	expect 143 ''
}

# --- builtins -------------------------------------------------------------------------------

@test "exit N exits with N and runs nothing after" {
	same_as_dash 'exit 7; echo not reached'
	expect 7 ''
}

@test "exit without N uses the last status" {
	same_as_dash 'false; exit'
	expect 1 ''
}

@test "exit in a subshell leaves only the subshell" {
	same_as_dash '(exit 4); echo $?'
	expect 0 4
}

@test "cd to an absolute directory, pwd prints it" {
	same_as_dash 'cd /tmp; pwd'
	expect 0 /tmp
}

@test "cd to a relative directory and .." {
	same_as_dash 'mkdir -p a/b; cd a/b; pwd; cd ..; pwd'
	expect 0 "$TEST_DIR/run/a/b
$TEST_DIR/run/a"
}

@test "cd sets PWD and OLDPWD" {
	same_as_dash 'cd /tmp; cd /; echo $PWD $OLDPWD'
	expect 0 '/ /tmp'
}

@test "cd without arguments goes to HOME" {
	same_as_dash 'HOME=/tmp; cd; pwd'
	expect 0 /tmp
}

@test "cd - goes back and prints the directory" {
	same_as_dash 'cd /tmp; cd /; cd -; pwd'
	expect 0 '/tmp
/tmp'
}

@test "cd changes the directory children start in" {
	same_as_dash 'cd /tmp; /bin/pwd'
	expect 0 /tmp
}

@test "cd to a missing directory fails, stays, reports with the fdsh prefix" {
	fdsh_c 'cd /nonexistent; echo status $?; pwd'
	[ "${lines[0]}" != 'status 0' ]
	[ "${lines[1]}" = "$TEST_DIR" ]
	expect_stderr_prefix 'fdsh: line 1: cd: '
	[[ $stderr == */nonexistent* ]]
}

@test "pwd after cd through a symlink is logical; pwd -P is physical" {
	same_as_dash 'mkdir real; ln -s real link; cd link; pwd; pwd -P'
	expect 0 "$TEST_DIR/run/link
$TEST_DIR/run/real"
}

@test "echo joins its arguments with one space" {
	same_as_dash 'echo a   b  "c  d"'
	expect 0 'a b c  d'
}

@test "echo without arguments and echo \"\" print an empty line" {
	same_as_dash 'echo; echo ""; echo end'
	expect 0 '

end'
}

@test "true, false and : set their statuses" {
	same_as_dash 'true; echo $?; false; echo $?; : ignored args; echo $?'
	expect 0 '0
1
0'
}

@test "exec replaces the shell" {
	same_as_dash 'exec sh -c "echo replaced; exit 4"; echo not reached'
	expect 4 replaced
}

@test "exec of a missing command exits with 127" {
	same_as_dash 'exec nosuchcmd; echo not reached'
	expect 127 ''
}

@test "exec keeps the shell's pid" {
	fdsh_c 'echo $$; exec sh -c "echo \$\$"'
	expect 0 "${lines[0]}
${lines[0]}"
	[[ ${lines[0]} =~ ^[0-9]+$ ]]
}

@test "export NAME=value reaches children" {
	same_as_dash 'export FDSH_T_A=1; sh -c "echo \$FDSH_T_A"'
	expect 0 1
}

@test "export NAME of an existing variable, later assignments reach children" {
	same_as_dash 'FDSH_T_A=1; export FDSH_T_A; FDSH_T_A=2; sh -c "echo \$FDSH_T_A"'
	expect 0 2
}

@test "a variable that is not exported does not reach children" {
	same_as_dash 'FDSH_T_A=1; sh -c "echo [\$FDSH_T_A]"'
	expect 0 '[]'
}

@test "variables from the environment are exported to children" {
	FDSH_T_INHERIT=yes same_as_dash 'echo $FDSH_T_INHERIT; sh -c "echo \$FDSH_T_INHERIT"'
	expect 0 'yes
yes'
}

@test "unset removes a variable" {
	same_as_dash 'X=1; unset X; echo "[$X]"'
	expect 0 '[]'
}

@test "unset of an exported variable removes it from children's environment" {
	same_as_dash 'export FDSH_T_A=1; unset FDSH_T_A; sh -c "echo [\$FDSH_T_A]"'
	expect 0 '[]'
}

@test "unset of an inherited environment variable" {
	FDSH_T_INHERIT=yes same_as_dash 'unset FDSH_T_INHERIT; env | grep -c ^FDSH_T_INHERIT='
	expect 1 0
}

# --- special parameters ---------------------------------------------------------------------

@test "\$? after success, failure and a status of 3" {
	same_as_dash 'true; echo $?; false; echo $?; sh -c "exit 3"; echo $?'
	expect 0 '0
1
3'
}

@test "\$\$ is the shell's pid: a child's PPID" {
	fdsh_c 'echo $$; sh -c "echo \$PPID"; true'
	[[ ${lines[0]} =~ ^[0-9]+$ ]]
	[ "${lines[0]}" = "${lines[1]}" ]
}

@test "\$\$ in a subshell is the parent shell's pid" {
	fdsh_c 'echo $$; (echo $$)'
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[0]}" = "${lines[1]}" ]
}

@test "\$! is empty before any background command" {
	same_as_dash 'echo "[$!]"'
	expect 0 '[]'
}

# --- variables and assignments --------------------------------------------------------------

@test "NAME=value then \$NAME" {
	same_as_dash 'X=hello; echo $X'
	expect 0 hello
}

@test "\$NAME next to other text, and the longest name wins" {
	same_as_dash 'X=ab; X_y=long; echo $X.c "$X"d $X_y'
	expect 0 'ab.c abd long'
}

@test "several assignments on one line, one using another" {
	same_as_dash 'A=1 B=2; C=$A$B; echo $C'
	expect 0 12
}

@test "assignment value with quotes and = signs" {
	same_as_dash "X='a  b'; Y=\"c=\$X\"; echo \"\$X|\$Y\""
	expect 0 'a  b|c=a  b'
}

@test "an unset variable expands to nothing; quoted it is an empty argument" {
	same_as_dash "printf '[%s]\n' \$FDSH_T_UNSET a \"\$FDSH_T_UNSET\""
	expect 0 '[a]
[]'
}

@test "an assignment alone sets \$? to 0" {
	same_as_dash 'false; X=1; echo $?'
	expect 0 0
}

@test "a word after the command name is not an assignment" {
	same_as_dash 'echo X=1; echo "[$X]"'
	expect 0 'X=1
[]'
}

@test "prefix assignment is in the command's environment: X=1 env" {
	same_as_dash 'FDSH_T_P=1 env | grep ^FDSH_T_P='
	expect 0 FDSH_T_P=1
}

@test "prefix assignment on an external command does not stay" {
	same_as_dash 'FDSH_T_P=1 env >/dev/null; echo "[$FDSH_T_P]"'
	expect 0 '[]'
}

@test "prefix assignment overrides an exported variable for one command" {
	same_as_dash 'export FDSH_T_P=outer; FDSH_T_P=inner sh -c "echo \$FDSH_T_P"; echo $FDSH_T_P'
	expect 0 'inner
outer'
}

@test "several prefix assignments" {
	same_as_dash 'FDSH_T_A=1 FDSH_T_B=2 env | grep ^FDSH_T_ | sort'
	expect 0 'FDSH_T_A=1
FDSH_T_B=2'
}

@test "prefix assignment before a special builtin (:) stays (POSIX)" {
	same_as_dash 'X=1 :; echo "[$X]"'
	expect 0 '[1]'
}
