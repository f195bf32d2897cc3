#!/bin/sh
# inventory.sh: a stock report from here-document data. Exercises functions with local,
# while-read loops with a custom IFS, case with patterns, arithmetic, parameter expansion,
# command substitution, here-documents and printf formatting.

set -u

CURRENCY=EUR
LOW_STOCK=5
report_title="Stock report"

# --- data ----------------------------------------------------------------------------------

stock_data() {
	cat <<'EOF'
# sku;name;category;qty;price_cents
A-100;Hex bolt M6;hardware;120;15
A-101;Hex bolt M8;hardware;4;22
A-200;Washer 6mm;hardware;0;3
B-300;Wood glue 250ml;adhesive;17;499
B-301;Epoxy 2x25ml;adhesive;3;899
C-400;Sandpaper P120 (10 pcs);abrasive;25;349
C-401;Sandpaper P240 (10 pcs);abrasive;9;349
D-500;"Quoted" name, with comma;misc;1;100
D-501;Name with  two  spaces;misc;2;250
E-600;Drill bit set * 10;tools;6;1999
EOF
}

# --- helpers -------------------------------------------------------------------------------

# money CENTS: format an amount of cents as units.cents
money() {
	local cents=$1 sign=
	case $cents in
	-*) sign=-; cents=${cents#-} ;;
	esac
	local units=$((cents / 100)) rest=$((cents % 100))
	if [ $rest -lt 10 ]; then
		rest=0$rest
	fi
	echo "$sign$units.$rest $CURRENCY"
}

# pad TEXT WIDTH: left-justify TEXT in WIDTH columns (no printf %-*s on purpose)
pad() {
	local text=$1 width=$2
	while [ ${#text} -lt "$width" ]; do
		text="$text "
	done
	printf '%s' "$text"
}

# upper WORD: the word in capitals, one character at a time
upper() {
	local in=$1 out= c
	while [ -n "$in" ]; do
		c=${in%"${in#?}"}
		in=${in#?}
		case $c in
		a) c=A ;; b) c=B ;; c) c=C ;; d) c=D ;; e) c=E ;; f) c=F ;; g) c=G ;;
		h) c=H ;; i) c=I ;; j) c=J ;; k) c=K ;; l) c=L ;; m) c=M ;; n) c=N ;;
		o) c=O ;; p) c=P ;; q) c=Q ;; r) c=R ;; s) c=S ;; t) c=T ;; u) c=U ;;
		v) c=V ;; w) c=W ;; x) c=X ;; y) c=Y ;; z) c=Z ;;
		esac
		out=$out$c
	done
	echo "$out"
}

# status_of QTY: a word for the stock level
status_of() {
	if [ "$1" -eq 0 ]; then
		echo "OUT"
	elif [ "$1" -lt "$LOW_STOCK" ]; then
		echo "LOW"
	else
		echo "ok"
	fi
}

# --- the report ----------------------------------------------------------------------------

total_items=0
total_value=0
low_list=
categories=

print_header() {
	cat <<EOF
$report_title ($(upper "$CURRENCY"))
$(printf '%s' "$report_title" | tr 'a-zA-Z ' '=========================================')
EOF
	printf '%s %s %s %s\n' "$(pad SKU 6)" "$(pad NAME 28)" "$(pad QTY 4)" "VALUE"
}

add_category() {
	case " $categories " in
	*" $1 "*) ;;
	*) categories="${categories:+$categories }$1" ;;
	esac
}

process_line() {
	local sku=$1 name=$2 cat=$3 qty=$4 price=$5
	local value=$((qty * price)) st
	st=$(status_of "$qty")
	total_items=$((total_items + qty))
	total_value=$((total_value + value))
	add_category "$cat"
	if [ "$st" != ok ]; then
		low_list="${low_list}${low_list:+, }$sku($st)"
	fi
	printf '%s %s %s %s\n' "$(pad "$sku" 6)" "$(pad "$name" 28)" "$(pad "$qty" 4)" "$(money $value)"
}

print_header
old_ifs=$IFS
while IFS=';' read -r sku name cat qty price; do
	case $sku in
	'#'* | '') continue ;;
	esac
	process_line "$sku" "$name" "$cat" "$qty" "$price"
done <<EOF
$(stock_data)
EOF
IFS=$old_ifs

echo
echo "Items in stock: $total_items"
echo "Total value:    $(money $total_value)"
echo "Low or out:     ${low_list:-none}"

# --- per category, with set -- and shift ---------------------------------------------------

echo
echo "By category:"
set -- $categories
echo "($# categories)"
n=0
while [ $# -gt 0 ]; do
	n=$((n + 1))
	c=$1
	shift
	sum=0
	count=0
	for line in $(stock_data | grep ";$c;" | tr ' ' '_'); do
		IFS=';'
		set -f
		set -- $line "$@"
		set +f
		IFS=$old_ifs
		count=$((count + 1))
		sum=$((sum + $4 * $5))
		shift 5
	done
	echo "  $n. $(pad "$c" 10) $count product(s), $(money $sum)"
done

# --- price changes -------------------------------------------------------------------------

apply_change() {
	# apply_change PERCENT CENTS -> new price, rounded to the nearest cent
	local pct=$1 cents=$2
	echo $(( (cents * (100 + pct) + 50) / 100 ))
}

echo
echo "Price changes:"
for change in "+10:B-300" "-15:C-401" "+0:E-600" "+250:A-200"; do
	pct=${change%%:*}
	sku=${change#*:}
	pct=${pct#+}
	line=$(stock_data | grep "^$sku;")
	old=${line##*;}
	new=$(apply_change "$pct" "$old")
	diff=$((new - old))
	case $diff in
	0) what="unchanged" ;;
	-*) what="down $(money "${diff#-}")" ;;
	*) what="up $(money $diff)" ;;
	esac
	echo "  $sku: $(money $old) -> $(money $new) ($what)"
done

# --- names with special characters survive quoting ------------------------------------------

echo
echo "Names with special characters:"
stock_data | while IFS=';' read -r sku name rest; do
	case $name in
	*'"'* | *,* | *'*'* | *'  '*)
		printf '  [%s]\n' "$name"
		;;
	esac
done
exit 0
