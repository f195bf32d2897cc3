# trace_canon.awk: bring fdsh's trace and strace's log to one form, one call per line,
# "PID<TAB>call", so tests/trace_strace.bats can compare them process by process.
#
#   awk -v mode=fdsh -f trace_canon.awk TRACE            (fdsh -o trace output)
#   awk -v mode=strace -v pid=P -v shell=S -f trace_canon.awk st.P
#                                                        (strace -ff -v -s 4096 file of P)
# strace side: the shell's log starts after the trace opened its fd (fcntl(2,
# F_DUPFD_CLOEXEC, 10)); a child's log ends at its successful execve (what runs then is
# another program). libc's own opens of locale files (and their closes), fcntl other than
# F_DUPFD*, restarted calls and WNOHANG polls that found nothing (0 or ECHILD) are not the launcher's.
# Errors keep only the errno name: "= -1 ENOENT".

function result(s,    r) {     # what follows the last " = ", without "(message)"
	if (!match(s, / = [^=]*$/))
		return "?"
	r = substr(s, RSTART + 3)
	sub(/ \(.*$/, "", r)
	return r
}

function call_text(s,    c) {    # "dup2(4, 1)                = 1" -> "dup2(4, 1) = 1"
	match(s, / = [^=]*$/)
	c = substr(s, 1, RSTART - 1)
	sub(/ +$/, "", c)
	return c " = " result(s)
}

function out(s) {
	printf "%s\t%s\n", pid, s
}

function wait_status(s) {
	if (match(s, /WEXITSTATUS\(s\) == [0-9]+/))
		return "exited " substr(s, RSTART + 18, RLENGTH - 18)
	if (match(s, /WTERMSIG\(s\) == SIG[A-Z0-9]+/))
		return "killed " substr(s, RSTART + 15, RLENGTH - 15)
	if (match(s, /WSTOPSIG\(s\) == SIG[A-Z0-9]+/))
		return "stopped " substr(s, RSTART + 15, RLENGTH - 15)
	return ""
}

function quoted_path(s) {        # the first "..." of the line
	match(s, /"([^"\\]|\\.)*"/)
	return substr(s, RSTART, RLENGTH)
}

# ---- strace ----

mode == "strace" && !started {
	if (pid != shell || $0 ~ /^fcntl\(2, F_DUPFD_CLOEXEC, 10\)/)
		started = 1
	if (pid == shell)
		next
}

mode == "strace" && (done || /^(---|\+\+\+)/ || / = \?( |$)/) { next }

mode == "strace" && /^openat\(/ {
	p = quoted_path($0)
	r = result($0)
	if (p ~ /^"\/usr\/(share|lib)\/locale\// || p ~ /gconv/) {
		if (r ~ /^[0-9]+$/)
			ignore[r] = 1
		next
	}
	out("open " p " = " r)
	next
}

mode == "strace" && /^close\(/ {
	fd = $0
	sub(/^close\(/, "", fd)
	sub(/\).*/, "", fd)
	if (fd in ignore) {
		delete ignore[fd]
		next
	}
	out(call_text($0))
	next
}

mode == "strace" && /^fcntl\(/ {
	if ($0 ~ /F_DUPFD/)
		out(call_text($0))
	next
}

mode == "strace" && /^pipe2?\(/ {
	r = result($0)
	if (r == "0") {
		match($0, /\[[0-9]+, [0-9]+\]/)
		out("pipe " substr($0, RSTART, RLENGTH))
	} else
		out("pipe = " r)
	next
}

mode == "strace" && /^(clone3?|v?fork)\(/ {
	out("fork " result($0))
	next
}

mode == "strace" && /^wait4\(/ {
	r = result($0)
	if ($0 ~ /WNOHANG/ && (r == "0" || r == "-1 ECHILD"))
		next
	w = $0
	sub(/^wait4\(/, "", w)
	sub(/,.*/, "", w)
	st = wait_status($0)
	out("wait " w " = " r (st != "" ? " " st : ""))
	next
}

mode == "strace" && /^execve\(/ {
	p = quoted_path($0)
	a = substr($0, index($0, p) + length(p) + 2)
	sub(/\], \[.*$/, "]", a)
	sub(/\], 0x.*$/, "]", a)
	out("execve " p " " a)
	r = result($0)
	if (r == "0")
		done = 1
	else
		out("execve failed " r)
	next
}

mode == "strace" && /^(dup2|dup3|setpgid|kill)\(/ {
	out(call_text($0))
	next
}

# ---- fdsh ----

mode == "fdsh" && /^\[(shell|child) [0-9]+/ {
	pid = $2
	sub(/\]$/, "", pid)
	line = $0
	sub(/^\[[^]]*\] /, "", line)
	if (line ~ /^fork\(\) = 0 /)
		next                     # the child's side: strace shows no call there
	if (line ~ /^pipe\(\) = \[/)
		out("pipe " substr(line, 10))
	else if (line ~ /^pipe\(\)/)
		out("pipe = " result(line))
	else if (line ~ /^fork\(\)/)
		out("fork " result(line))
	else if (line ~ /^waitpid\(/) {
		w = line
		sub(/^waitpid\(/, "", w)
		sub(/[,)].*/, "", w)
		r = line
		sub(/^[^=]*= ?/, "", r)
		if (r ~ /^-1 /) {
			sub(/ \(.*$/, "", r)
			out("wait " w " = " r)
			next
		}
		n = w
		if (r ~ /^[0-9]+/) {
			n = r
			sub(/ .*/, "", n)
			sub(/^[0-9]+ ?/, "", r)
		}
		sub(/ by /, " ", r)
		sub(/ \(core dumped\)/, "", r)
		out("wait " w " = " n (r != "" ? " " r : ""))
	} else if (line ~ /^open\(/)
		out("open " quoted_path(line) " = " result(line))
	else if (line ~ /^execve\(/) {
		if (line ~ /\) = -1 /)
			out("execve failed " result(line))
		else {
			p = quoted_path(line)
			out("execve " p " " substr(line, index(line, p) + length(p) + 2, length(line) - index(line, p) - length(p) - 2))
		}
	} else
		out(call_text(line))
}
