#!/usr/bin/env bats
# read: IFS splitting into names (the last takes the rest), -r, backslash-newline
# continuation, -p, status 1 at end of file, and reading no further than the newline.

load test_helper

@test "read: fields into names, the last one takes the rest" {
	same_as_dash 'read a b c; echo "[$a][$b][$c]"; read a b; echo "[$a][$b]"; read a b c d; echo "[$a][$b][$c][$d]"' \
		$'  one two  three  four  \nx   y   z  \nsingle\n'
	expect 0 '[one][two][three  four]
[x][y   z]
[single][][][]'
}

@test "read: backslash quotes, backslash-newline continues; -r keeps both" {
	same_as_dash 'read a b; echo "[$a][$b]"; read -r a b; echo "[$a][$b]"; read a; echo "[$a]"' \
		$'one\\ two three \\\n four\nx\\ y z\\\nlast\\\\\n'
	expect 0 '[one two][three  four]
[x\][y z\]
[last\]'
}

@test "read: IFS with non-white-space separators keeps empty fields" {
	same_as_dash 'IFS=: read a b c d e; echo "[$a][$b][$c][$d][$e]"
IFS=: read a b c; echo "[$a][$b][$c]"
IFS=" ," read a b c; echo "[$a][$b][$c]"
IFS=: read a b; echo "[$a][$b]"' $'a:b::c:\na:b::c:\n a , b ,c,, \na\\:b:c\n'
	expect 0 '[a][b][][c][]
[a][b][:c:]
[a][b][c,,]
[a:b][c]'
}

@test "read: empty IFS does not split; unset IFS is the default" {
	same_as_dash 'IFS= read a b; echo "[$a][$b]"; unset IFS; read a b; echo "[$a][$b]"' $'  a b  \n  c d  \n'
	expect 0 '[  a b  ][]
[c][d]'
}

@test "read: corner cases of separators and quoted characters agree with dash" {
	for ifs in ':' ' ,' ' :'; do
		for input in $'a:b::c:\n' $' a , b ,c,, \n' $':a:\n' $'  \n' $'a  ,  \n' $',,\n' \
			$'x y \\z\n' $'x  \\ y  \n' $' \\ a b\n' $'a\\\\\\ b c\n'; do
			same_as_dash "IFS='$ifs'; read a b c; echo \"[\$a][\$b][\$c]\"" "$input"
			same_as_dash "IFS='$ifs'; read -r a b; echo \"[\$a][\$b]\"" "$input"
		done
	done
}

@test "read: end of file gives status 1 and still assigns what was read" {
	same_as_dash 'read a; echo "$? [$a]"; read b; echo "$? [$b]"' 'partial'
	expect 0 '1 [partial]
1 []'
}

@test "read: a while-read loop over lines" {
	same_as_dash 'n=0; while read -r line; do n=$((n+1)); echo "$n:$line"; done; echo end $n' $'a b\n\\x\n\nlast\n'
	expect 0 '1:a b
2:\x
3:
4:last
end 4'
}

@test "read: leaves the rest of a pipe to the next command" {
	same_as_dash 'read a; read b; cat' $'one\ntwo\nthree\nfour\n'
	expect 0 'three
four'
}

# Not differential: dash reads its script from a pipe in blocks, so its read sees end of file
# here; fdsh reads the script one byte at a time and read gets the line (as in bash).
@test "read: in a script read from stdin, reads the script's next line" {
	capture feed $'read x\nthis line is data\necho "got [$x]"\n' "$FDSH"
	expect 0 'got [this line is data]'
}

@test "read: from a here-document and a redirected file" {
	same_as_dash 'printf "f1 f2\n" >f; read a b <f; echo "[$a][$b]"; read c <<EOF
here doc
EOF
echo "[$c]"'
	expect 0 '[f1][f2]
[here doc]'
}

@test "read: NUL bytes are dropped" {
	fdsh_c_in $'a\0b\n' 'read a; echo "[$a]"'
	capture bash -c "printf 'a\\0b\\n' | '$FDSH' -c 'read a; echo \"[\$a]\"'"
	expect 0 '[ab]'
}

@test "read: -p prompts only on a terminal" {
	same_as_dash 'read -p "prompt> " a; echo "[$a]"; read -rp ">" b; echo "[$b]"' $'x\ny\n'
	expect 0 '[x]
[y]'
	expect_stderr ''
}

@test "read: usage errors give status 2" {
	same_as_dash 'read; echo $?; read -x a; echo $?; read 1a; echo $?; read -p; echo $?' $'l1\nl2\n'
	expect 0 '2
2
2
2'
	[[ $stderr == *"read: arg count"* ]]
	[[ $stderr == *"read: 1a: bad variable name"* ]]
}

@test "read: a read-only variable gives status 2" {
	same_as_dash 'readonly r=1; read r; echo $? $r' $'x\n'
	expect 0 '2 1'
}
