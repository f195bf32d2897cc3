#!/bin/sh
# tree_tools.sh: builds a small directory tree, then walks it recursively with globs,
# counts words in files, runs a tiny test harness with subshells and traps, and tokenizes a
# little expression language with a case-driven scanner. Exercises recursion, local
# variables, globbing with hidden files, while-read over files, here-documents with quoted
# delimiters, eval, $(( )), IFS tricks, break/continue N, return values and exit statuses.

root=${TMPDIR:-/tmp}/tree_tools.$$
trap 'rm -rf "$root"' EXIT
trap 'echo interrupted; exit 130' INT

# --- build a tree --------------------------------------------------------------------------

mkfile() {
	# mkfile PATH LINE...: create PATH with one line per argument
	local path=$1
	shift
	mkdir -p "${path%/*}"
	: > "$path"
	for line; do
		printf '%s\n' "$line" >> "$path"
	done
}

mkfile "$root/README" "fdsh tree tools" "second line"
mkfile "$root/src/main.c" "int main(void)" "{" "    return 0;" "}"
mkfile "$root/src/util.c" "static int helper;" "int util(int x) { return x * 2; }"
mkfile "$root/src/include/util.h" "int util(int x);"
mkfile "$root/docs/guide.txt" "The guide." "It has" "four lines" "in all."
mkfile "$root/docs/.hidden" "secret"
mkfile "$root/with space/file one.txt" "spaces in names"
mkfile "$root/empty_dir/.keep"

# --- basename/dirname without external tools -------------------------------------------------

base() {
	local p=${1%/}
	echo "${p##*/}"
}

dir() {
	local p=${1%/}
	case $p in
	*/*) echo "${p%/*}" ;;
	*) echo . ;;
	esac
}

ext() {
	case ${1##*/} in
	*.*) echo "${1##*.}" ;;
	*) echo "" ;;
	esac
}

count_lines() {
	local n=0 line
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
	done < "$1"
	echo $n
}

# --- recursive walk ------------------------------------------------------------------------

nfiles=0
ndirs=0

walk() {
	# walk DIR DEPTH: print the tree below DIR, indented by DEPTH
	local d=$1 depth=$2 entry indent= i=0
	while [ $i -lt "$depth" ]; do
		indent="$indent  "
		i=$((i + 1))
	done
	for entry in "$d"/* "$d"/.[!.]*; do
		[ -e "$entry" ] || continue
		if [ -d "$entry" ]; then
			ndirs=$((ndirs + 1))
			echo "$indent$(base "$entry")/"
			walk "$entry" $((depth + 1))
		else
			nfiles=$((nfiles + 1))
			echo "$indent$(base "$entry") ($(count_lines "$entry") lines)"
		fi
	done
}

echo "== tree"
walk "$root" 0
echo "$ndirs directories, $nfiles files"

# --- per-extension statistics --------------------------------------------------------------

echo "== extensions"
exts=

for f in "$root"/*/*.* "$root"/*/*/*.* "$root"/*; do
	[ -f "$f" ] || continue
	e=$(ext "$f")
	e=${e:-none}
	n=$(count_lines "$f")
	eval "cur=\${lines_$e:-0}"
	eval "lines_$e=\$((cur + n))"
	case " $exts " in
	*" $e "*) ;;
	*) exts="$exts $e" ;;
	esac
done
for e in $exts; do
	eval "echo \"$e: \$lines_$e lines\""
done

# --- a tiny test harness -------------------------------------------------------------------

passed=0
failed=0
results=

run_test() {
	# run_test NAME EXPECTED COMMAND...: run COMMAND in a subshell, compare its output
	local name=$1 expected=$2 got
	shift 2
	got=$( (eval "$@") 2>&1 )
	if [ "$got" = "$expected" ]; then
		passed=$((passed + 1))
		results="${results}ok - $name
"
	else
		failed=$((failed + 1))
		results="${results}not ok - $name (expected [$expected], got [$got])
"
	fi
}

run_test "base" "main.c" 'base "$root/src/main.c"'
run_test "dir" "$root/src" 'dir "$root/src/main.c"'
run_test "dir of a plain name" "." 'dir file'
run_test "ext" "h" 'ext "$root/src/include/util.h"'
run_test "no ext" "" 'ext "$root/README"'
run_test "arith" "42" 'echo $(( (1 + 2) * (3 + 4) * 2 ))'
run_test "exit status" "3" '(exit 3); echo $?'
run_test "subshell isolation" "inner outer" 'x=outer; y=$(x=inner; echo $x); echo $y $x'
run_test "deliberate failure" "yes" 'echo no'
run_test "quoting" 'a  "b" $c' "printf '%s' 'a  \"b\" \$c'"

printf '%s' "$results"
echo "$passed passed, $failed failed"

# --- a scanner for a little expression language --------------------------------------------

tokenize() {
	# tokenize TEXT: one token per line: NUM, ID, OP or STR
	local s=$1 c tok
	while [ -n "$s" ]; do
		c=${s%"${s#?}"}
		case $c in
		' ')
			s=${s#?}
			continue
			;;
		[0-9])
			tok=
			while :; do
				c=${s%"${s#?}"}
				case $c in
				[0-9]) tok=$tok$c; s=${s#?} ;;
				*) break ;;
				esac
			done
			echo "NUM $tok"
			;;
		[a-zA-Z_])
			tok=
			while :; do
				c=${s%"${s#?}"}
				case $c in
				[a-zA-Z0-9_]) tok=$tok$c; s=${s#?} ;;
				*) break ;;
				esac
			done
			echo "ID $tok"
			;;
		'"')
			s=${s#?}
			tok=${s%%'"'*}
			s=${s#*'"'}
			echo "STR $tok"
			;;
		[-+*/%=\<\>\(\)])
			echo "OP $c"
			s=${s#?}
			;;
		*)
			echo "BAD $c"
			return 1
			;;
		esac
	done
	return 0
}

echo "== tokens"
tokenize 'x1 = (12 + y) * 3 - "a b" % z_2'
echo "status $?"
tokenize 'ok + ~bad'
echo "status $?"

# --- evaluating with the shell's own arithmetic --------------------------------------------

echo "== evaluation"
y=4 z_2=5
expr_text='x1 = (12 + y) * 3 % z_2'
set -f   # the * token must not glob
set -- $(tokenize "$expr_text" | while read -r kind val; do printf '%s ' "$val"; done)
set +f
echo "tokens: $#"
joined=
for t; do
	joined="$joined$t"
done
echo "joined: $joined"
echo "value: $(( $joined ))"
echo "x1 is now $x1"

# --- nested loops with break and continue ----------------------------------------------------

echo "== grid"
for row in 1 2 3 4; do
	line=
	for col in 1 2 3 4 5; do
		[ $col -eq $row ] && continue
		[ $((row * col)) -gt 12 ] && continue 2
		[ $col -eq 5 ] && break
		line="$line $((row * col))"
	done
	echo "row $row:$line"
done

cat <<'EOF'
== done: $root and `commands` are not expanded here
EOF
