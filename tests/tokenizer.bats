#!/usr/bin/env bats
# Tokenizer: quoting, operators, IO numbers, comments, line continuation, here-documents.
# Arguments are shown with printf '[%s]\n' so that word boundaries and empty words are visible.

load test_helper

# --- quoting --------------------------------------------------------------------------------

@test "single quotes keep spaces, double quotes, backslashes, \$ and operators literally" {
	same_as_dash "printf '[%s]\n' 'a  b' 'c\"d' 'e\f' '\$HOME' '|;&<>()'"
	expect 0 '[a  b]
[c"d]
[e\f]
[$HOME]
[|;&<>()]'
}

@test "single quotes span newlines" {
	same_as_dash "printf '[%s]\n' 'a
b'"
	expect 0 '[a
b]'
}

@test "double quotes keep spaces, single quotes and operators" {
	same_as_dash "printf '[%s]\n' \"a  b\" \"it's\" \"a|b;c&d<e>f\""
	expect 0 "[a  b]
[it's]
[a|b;c&d<e>f]"
}

@test "double quotes: backslash escapes only \$ \` \" \\ and newline" {
	same_as_dash 'printf "[%s]\n" "a\$b" "c\"d" "e\\f" "g\h" "i\'"'"'j"'
	expect 0 '[a$b]
[c"d]
[e\f]
[g\h]
[i\'"'"'j]'
}

@test "double quotes expand \$NAME, single quotes do not" {
	same_as_dash "X=val; printf '[%s]\n' \"<\$X>\" '<\$X>'"
	expect 0 '[<val>]
[<$X>]'
}

@test "backslash outside quotes quotes the next character" {
	same_as_dash "printf '[%s]\n' a\ b \\\\ \\' \\\" \\\$X \\| \\;"
	expect 0 "[a b]
[\\]
[']
[\"]
[\$X]
[|]
[;]"
}

@test "adjacent quoted and unquoted parts \"a\"'b'c form one word" {
	same_as_dash "printf '[%s]\n' \"a\"'b'c d\"e\"'f'"
	expect 0 '[abc]
[def]'
}

@test "empty quoted strings \"\" and '' are kept as arguments" {
	same_as_dash "printf '[%s]\n' \"\" a '' b"
	expect 0 '[]
[a]
[]
[b]'
}

@test "empty quotes glued to text vanish: x\"\" is x" {
	same_as_dash "printf '[%s]\n' x\"\" ''y"
	expect 0 '[x]
[y]'
}

@test "quoted command name: 'ec'ho and e\"ch\"o run echo" {
	same_as_dash "'ec'ho one; e\"ch\"o two; \\echo three"
	expect 0 'one
two
three'
}

@test "unterminated single quote is a syntax error, status 2" {
	fdsh_c "echo 'abc"
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "unterminated double quote is a syntax error, status 2" {
	fdsh_c 'echo "abc'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "a long word (100000 characters, script read from a file) is read whole" {
	word=$(head -c 100000 /dev/zero | tr '\0' x)
	same_as_dash_file "printf %s $word | wc -c"
	expect 0 100000
}

# --- operators ------------------------------------------------------------------------------

@test "operators need no surrounding blanks: a;b a&&b a||b a|b" {
	same_as_dash 'echo a;echo b;true&&echo c;false||echo d;echo e|tr e E'
	expect 0 'a
b
c
d
E'
}

@test "redirection operators need no blanks: echo a>f;cat<f" {
	same_as_dash 'echo a>f;cat<f;echo b>>f;cat<f'
	expect 0 'a
a
b'
}

@test "(echo a);(echo b) without blanks" {
	same_as_dash '(echo a);(echo b)'
	expect 0 'a
b'
}

@test "a subshell directly followed by another is a syntax error" {
	same_as_dash '(echo a)(echo b)'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "an operator inside a word needs quoting: a\\;b stays one word" {
	same_as_dash "printf '[%s]\n' a\\;b 'c;d' \"e&f\""
	expect 0 '[a;b]
[c;d]
[e&f]'
}

@test ";; outside case is a syntax error with status 2" {
	same_as_dash 'echo a;; echo b'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "& followed by ; is a syntax error" {
	same_as_dash 'true & ; echo b'
	expect 2 ''
	expect_stderr_prefix 'fdsh: line 1: syntax error:'
}

@test "|| and && are not two pipes or two backgrounds" {
	same_as_dash 'false || echo or; true && echo and'
	expect 0 'or
and'
}

@test "< and > inside quotes are not operators" {
	same_as_dash "echo '<a>' \">b<\"; ls"
	expect 0 '<a> >b<'
}

# --- IO numbers -----------------------------------------------------------------------------

@test "2> is an IO number: stderr goes to the file" {
	same_as_dash 'sh -c "echo out; echo err >&2" 2>f; cat f'
	expect 0 'out
err'
}

@test "a2>f is the word a2 then >f" {
	same_as_dash 'echo a2>f; cat f'
	expect 0 a2
}

@test "2 >f with a blank is the argument 2" {
	same_as_dash 'echo 2 >f; cat f'
	expect 0 2
}

@test "quoted \"2\">f and escaped \\2>f are the argument 2, not an IO number" {
	same_as_dash 'echo "2">f; cat f; echo \2>g; cat g'
	expect 0 '2
2'
}

@test "IO number before <: 0<f and 3<f" {
	same_as_dash 'echo in >f; cat 0<f; cat 3<f <&3'
	expect 0 'in
in'
}

# --- comments -------------------------------------------------------------------------------

@test "# at the start of a word starts a comment" {
	same_as_dash 'echo a # b c'
	expect 0 a
}

@test "a#b is a word, not a comment" {
	same_as_dash 'echo a#b c#d'
	expect 0 'a#b c#d'
}

@test "a comment line and a comment after ; are skipped" {
	same_as_dash '# first line
echo a;# comment
echo b #'
	expect 0 'a
b'
}

@test "quotes inside a comment do not open a string" {
	same_as_dash "echo a # it's \"odd
echo b"
	expect 0 'a
b'
}

@test "quoted or escaped # is not a comment" {
	same_as_dash "echo '#a' \"#b\" \\#c"
	expect 0 '#a #b #c'
}

@test "a comment ends at the newline, a backslash in it does not continue the line" {
	same_as_dash 'echo a # comment \
echo b'
	expect 0 'a
b'
}

# --- line continuation ----------------------------------------------------------------------

@test "backslash-newline joins a word" {
	same_as_dash 'echo ab\
cd'
	expect 0 abcd
}

@test "backslash-newline inside a command name" {
	same_as_dash 'ec\
ho joined'
	expect 0 joined
}

@test "backslash-newline between words is removed" {
	same_as_dash 'echo a \
b'
	expect 0 'a b'
}

@test "backslash-newline inside double quotes is removed" {
	same_as_dash 'echo "x\
y"'
	expect 0 xy
}

@test "backslash-newline inside single quotes is kept" {
	same_as_dash "printf '[%s]\n' 'x\\
y'"
	expect 0 '[x\
y]'
}

@test "a command continues on the next line after |, && and ||" {
	same_as_dash 'echo a |
tr a b; true &&
echo c; false ||

echo d'
	expect 0 'b
c
d'
}

@test "backslash-newline inside an operator: &\\<newline>& is &&" {
	same_as_dash 'true &\
& echo yes'
	expect 0 yes
}

# --- here-documents -------------------------------------------------------------------------

@test "here-doc body is fed to the command" {
	same_as_dash 'cat <<EOF
line one
line two
EOF
echo after'
	expect 0 'line one
line two
after'
}

@test "unquoted here-doc expands \$NAME and handles \\\$ and \\\\" {
	same_as_dash 'X=val; cat <<EOF
x $X \$X \\ \y "q" '"'s'"'
EOF'
	expect 0 "x val \$X \\ \\y \"q\" 's'"
}

@test "unquoted here-doc: backslash-newline joins lines" {
	same_as_dash 'cat <<EOF
ab\
cd
EOF'
	expect 0 abcd
}

@test "quoted delimiter 'EOF': no expansion, backslashes kept" {
	same_as_dash "X=val; cat <<'EOF'
\$X \\\$X \\\\ a\\
b
EOF"
	expect 0 '$X \$X \\ a\
b'
}

@test "double-quoted delimiter \"EOF\": no expansion" {
	same_as_dash 'X=val; cat <<"EOF"
$X
EOF'
	expect 0 '$X'
}

@test "partly quoted delimiter E\\OF: no expansion" {
	same_as_dash 'X=val; cat <<E\OF
$X
EOF'
	expect 0 '$X'
}

@test "<<- strips leading tabs from body lines and the delimiter line" {
	same_as_dash "$(printf 'cat <<-EOF\n\tone\n\t\ttwo\n  three\n\tEOF\necho done')"
	expect 0 'one
two
  three
done'
}

@test "<< keeps leading tabs and needs the delimiter at column 0" {
	same_as_dash "$(printf 'cat <<EOF\n\tone\n\tEOF\nEOF')"
	expect 0 "$(printf '\tone\n\tEOF')"
}

@test "two here-docs on one line are read in order" {
	same_as_dash 'cat <<A; cat <<B
from a
A
from b
B
echo end'
	expect 0 'from a
from b
end'
}

@test "two here-docs on one command: the last one wins" {
	same_as_dash 'cat <<A <<B
a
A
b
B'
	expect 0 b
}

@test "here-doc in a pipeline, more commands after it on the same line" {
	same_as_dash 'cat <<EOF | tr a-z A-Z; echo same line
abc
EOF'
	expect 0 'ABC
same line'
}

@test "delimiter must match the whole line: EOFx and ' EOF' are body" {
	same_as_dash 'cat <<EOF
EOFx
 EOF
EOF'
	expect 0 'EOFx
 EOF'
}

@test "empty here-doc body" {
	same_as_dash 'cat <<EOF
EOF
echo after'
	expect 0 after
}

@test "here-doc on another fd: 3<<EOF" {
	same_as_dash 'cat 3<<EOF <&3
three
EOF'
	expect 0 three
}

@test "here-doc ending the -c string without a final newline" {
	same_as_dash 'cat <<EOF
x
EOF'
	expect 0 x
}

@test "here-doc bigger than a pipe buffer (200 KB) does not deadlock" {
	body=$(seq 1 40000)
	same_as_dash_file "cat <<EOF | wc -l
$body
EOF"
	expect 0 40000
}

@test "here-doc with a quoted delimiter inside a compound command" {
	same_as_dash "if true; then
cat <<'E'
\$inside
E
fi"
	expect 0 '$inside'
}
