# Everyday commands: expansions, functions, loops, pipelines, here-documents.
x=1; y=${x:-a}${z:-b}; echo "$y" $((x + 2)) $(echo sub) `echo bq` ~ ~/d
f() { local a=1; echo "f $@ $#"; return 3; }
f a b c; echo $?
for i in 1 2 3 "$@"; do case $i in 1) echo one;; [2-3]) echo two-three;; *) echo other;; esac; done
i=0; while [ $i -lt 3 ]; do i=$((i + 1)); done; until true; do :; done
cat <<EOT
here $x $(echo in) ${#y}
EOT
cat <<'EOT'
quoted $x
EOT
echo a | cat | tr a b
( echo sub; exit 2 ); echo $?
{ echo group; } > out; cat < out; echo more >> out; exec 3< out; read -r line <&3; exec 3<&-
set -- p q r; shift; echo "$@" "$*" "${#}" "${1#p}" "${2%r}" "${2%%*}" "${1##?}"
v=$(printf 'a b  c'); set -f; echo $v; set +f; echo *
IFS=:; w="a:b::c"; for p in $w; do echo "[$p]"; done; unset IFS
eval 'echo evaluated $x'
sleep 0 & wait $!
export E=1; readonly R=1; unset y
echo ${u-default} ${u:+alt} ${x:+alt} ${u=assigned} $u
f() { echo redefined; }; f; unset -f f
true && false || echo andor; ! false; echo $?
