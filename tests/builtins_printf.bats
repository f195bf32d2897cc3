#!/usr/bin/env bats
# printf: every POSIX conversion with flags, width, precision and '*', escapes in the format
# and in %b, reuse of the format, missing arguments, bad numbers (status 1) and directives (2).

load test_helper

@test "printf: integer conversions with flags and widths" {
	same_as_dash 'printf "%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d\n" 42 -7 42 42 42 5 5 7
printf "%o|%#o|%x|%#x|%X|%u|%u\n" 8 8 255 255 255 3 -3'
	expect 0 '42|-7|   42|42   |00042|+5| 5|007
10|010|ff|0xff|FF|3|18446744073709551613'
}

@test "printf: numbers in octal, hex, as characters, with blanks" {
	same_as_dash "printf '%d %d %d %d %d %d\n' 0x1f 010 -0x10 \"'A\" '\"B' ' 12'"
	expect 0 '31 8 -16 65 66 12'
}

@test "printf: floating point conversions" {
	same_as_dash 'printf "%5.2f|%e|%g|%E|%G|%f|%08.3f|%-8.3e|%#.3g\n" 3.14159 12345.678 0.0001 1e10 1e-10 1 3.14159 2.5 1'
	expect 0 ' 3.14|1.234568e+04|0.0001|1.000000E+10|1E-10|1.000000|0003.142|2.500e+00|1.00'
}

@test "printf: %s and %c with width and precision" {
	same_as_dash 'printf "%.3s|%10s|%-10s|%5.1s|%.0s|%c|%5c|%-3c|\n" abcdef x y abc gone abc x y'
	expect 0 'abc|         x|y         |    a||a|    x|y  |'
}

@test "printf: * takes width and precision from the arguments" {
	same_as_dash 'printf "%*d|%-*d|%.*f|%*d|%.*d|\n" 5 1 4 2 2 3.14159 -3 5 -3 5'
	expect 0 '    1|2   |3.14|5  |5|'
}

@test "printf: escapes in the format" {
	same_as_dash 'printf "\101\0101|\x41|\q|a\c b|\\\\|\n"; printf "\n\t\v\f\r\a\b\\\"" | od -An -c'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'A\b1|\\x41|\\q|a\\c b|\\|' ]
}

@test "printf: \\e is an escape too, in the format and in %b (as dash)" {
	same_as_dash "printf '\\e|\\E|\\\"|\\x41|\\u00e9' | od -An -c; printf %b '\\e|\\\"|\\E' | od -An -c"
	[ "${lines[0]}" = ' 033   |   \   E   |   \   "   |   \   x   4   1   |   \   u   0' ]
}

@test "printf: %b interprets escapes, \\0NNN and \\c which stops everything" {
	same_as_dash 'printf "%b|" "a\tb" "\0101" "\101" "\1010" "a\x41"; echo
printf "%5b|%-4b|%.1b|\n" "a\tb" x yz; printf "%b%s\n" "x\c" y; printf "%b|" "a\0b" | od -An -c'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'a\tb|A|A|A0|a\\x41|' ]
	[ "${lines[1]}" = $'  a\tb|x   |y|' ]
	[ "${lines[2]}" = 'x   a  \0   b   |' ]
}

@test "printf: the format is reused while arguments remain" {
	same_as_dash 'printf "%d %s\n" 1 a 2; printf "%s %s\n" a b c; printf "x\n" a b; printf "%d" 1 2 3; echo'
	expect 0 '1 a
2 
a b
c 
x
123'
}

@test "printf: missing arguments are empty strings and zeros" {
	same_as_dash 'printf "%s|%d|%f|%b|\n"; printf "%c" | od -An -c'
	expect 0 '|0|0.000000||
  \0'
}

@test "printf: %% and a literal-only format" {
	same_as_dash 'printf "%%\n"; printf "100%% sure\n"'
	expect 0 '%
100% sure'
}

@test "printf: bad numbers warn, print what converted and give status 1" {
	same_as_dash 'printf "%d\n" abc; echo $?; printf "%d\n" 12abc; echo $?; printf "%d\n" "12 "; echo $?
printf "%d\n" 99999999999999999999; echo $?; printf "%f\n" x; echo $?; printf "%i\n" 1.5; echo $?'
	expect 0 '0
1
12
1
12
1
9223372036854775807
1
0.000000
1
1
1'
	[[ $stderr == *"printf: abc: expected numeric value"* ]]
	[[ $stderr == *"printf: 12abc: not completely converted"* ]]
}

@test "printf: bad directives and a missing format stop with status 2" {
	same_as_dash 'printf "a%zb"; echo " $?"; printf "%5%"; echo " $?"; printf "abc%"; echo " $?"
printf "%ld" 5; echo " $?"; printf; echo " $?"; printf -x; echo " $?"; printf -- "%s\n" ok'
	expect 0 'a 2
 2
abc 2
 2
 2
 2
ok'
	[[ $stderr == *"printf: %z: invalid directive"* ]]
}

@test "printf: a write error gives status 1" {
	same_as_dash 'printf "%s\n" x >/dev/full; echo $?'
	expect 0 1
}

@test "printf: in a loop of a script, with command substitution" {
	same_as_dash_file 'for i in 1 2 3; do
	line=$(printf "%03d:%-4s|" "$i" "x$i")
	printf "%s\n" "$line"
done'
	expect 0 '001:x1  |
002:x2  |
003:x3  |'
}
