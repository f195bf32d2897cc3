#!/usr/bin/env bats
# umask (octal, -S, symbolic modes), ulimit (-a, single limits, -H/-S, setting, errors), times.

load test_helper

@test "umask: octal show and set, -S symbolic" {
	same_as_dash 'umask 022; umask; umask -S; umask 027; umask; umask -S; umask 0; umask -S; umask 7777; umask'
	expect 0 '0022
u=rwx,g=rx,o=rx
0027
u=rwx,g=rx,o=
u=rwx,g=rwx,o=rwx
0777'
}

@test "umask: symbolic modes =, +, -, several clauses, a default of all" {
	same_as_dash 'umask 027; umask u=rwx,g=rx,o=; umask; umask a+w; umask; umask g-w,o-rwx; umask
umask 022; umask +x; umask; umask u=rwx,go=r; umask; umask go=u; umask; umask o=g-w; umask; umask =; umask
umask 022; umask a=rx,u+w; umask; umask g+s; umask; umask u+X; umask -S; umask -S 077; umask'
	expect 0 '0027
0005
0027
0022
0033
0000
0002
0777
0022
0022
u=rwx,g=rx,o=rx
0077'
}

@test "umask: the mask applies to new files" {
	same_as_dash 'umask 077; touch f; ls -l f | cut -c1-10; umask 022; touch g; ls -l g | cut -c1-10'
	expect 0 '-rw-------
-rw-r--r--'
}

@test "umask: bad numbers and modes give status 2" {
	same_as_dash 'umask 022; umask 89; echo st=$?; umask u=q; echo st=$?; umask "u=rwx,"; echo st=$?; umask -x; echo st=$?; umask'
	expect 0 'st=2
st=2
st=0
st=2
0022'
}

@test "ulimit: -a lists every limit in dash's format" {
	same_as_dash 'ulimit -a; ulimit -H -a'
	[ "${lines[0]%% *}" = 'time(seconds)' ]
}

@test "ulimit: single limits, the default -f, -H and -S" {
	same_as_dash 'ulimit; ulimit -H; ulimit -n; ulimit -Hn; ulimit -s; ulimit -t; ulimit -d; ulimit -v; ulimit -n -s'
	[ "$status" -eq 0 ]
}

@test "ulimit: setting limits, soft only or both" {
	same_as_dash 'ulimit -c 0; ulimit -c; ulimit -Hc; ulimit -f 1000; ulimit -f; ulimit -Sn 100; ulimit -n; ulimit -f unlimited; echo st=$?'
	expect 0 '0
0
1000
100
st=2'
}

@test "ulimit: a lowered limit holds for children" {
	same_as_dash 'ulimit -n 64; sh -c "ulimit -n"; ulimit -f 1; (head -c 2000 /dev/zero >big) 2>/dev/null; echo $?'
	expect 0 '64
153'
}

@test "ulimit: errors give status 2" {
	same_as_dash 'ulimit -n 2 3; echo st=$?; ulimit -n abc; echo st=$?; ulimit -x; echo st=$?; ulimit -a 5; echo st=$?'
	expect 0 'st=2
st=2
st=2
st=2'
}

@test "times: two lines in dash's format" {
	same_as_dash 'times | sed "s/[0-9]/N/g"'
	expect 0 'NmN.NNNNNNs NmN.NNNNNNs
NmN.NNNNNNs NmN.NNNNNNs'
}
