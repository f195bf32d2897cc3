#!/bin/sh
# seeds.sh DIR: build the seed corpus from the test suite — every @test body of
# tests/*.bats and every single-quoted shell script the tests hand to fdsh or dash.
set -eu
dir=$1
here=$(dirname "$0")
mkdir -p "$dir"
n=0
for f in "$here"/../tests/*.bats; do
	base=$(basename "$f" .bats)
	# One file per test body (bats syntax is shell syntax: good material).
	awk -v out="$dir/$base" '
		/^@test / { n++; file = out "-test-" n; next }
		/^}/ { file = ""; next }
		file != "" { print > file }
	' "$f"
	# Scripts quoted in single quotes on same_as_dash / fdsh_c lines.
	grep -o "\(same_as_dash[a-z_]*\|fdsh_c\|fdsh_file\|fdsh_c_in\) '[^']*'" "$f" |
		sed "s/^[a-z_]* '//; s/'\$//" | while IFS= read -r line; do
		n=$((n + 1))
		printf '%s\n' "$line" >"$dir/$base-quoted-$n"
	done
done
cp "$here"/regress/* "$dir"/ 2>/dev/null || true
echo "seed corpus: $(ls "$dir" | wc -l) files in $dir"
