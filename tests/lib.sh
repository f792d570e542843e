# lib.sh - tiny assertion helpers for the shell tests. Each prints "ok"/"not ok" lines
# and `finish` ends with "N passed, N failed" and the matching exit status.
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok $((pass + fail)) - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok $((pass + fail)) - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }

# expect_exit CODE CMD...: the command exits with CODE.
expect_exit() {
  local want=$1; shift
  "$@" >/dev/null 2>&1
  local got=$?
  if [ "$got" = "$want" ]; then ok "exit $want: $*"; else not_ok "exit $want: $*" "got $got"; fi
}

# expect_out TEXT CMD...: stdout contains TEXT.
expect_out() {
  local want=$1; shift
  local got; got=$("$@" 2>/dev/null)
  case "$got" in *"$want"*) ok "stdout has '$want'";; *) not_ok "stdout has '$want'" "$got";; esac
}

# expect_err TEXT CMD...: stderr contains TEXT as a whole line.
expect_err() {
  local want=$1; shift
  local got; got=$("$@" 2>&1 >/dev/null)
  if printf '%s\n' "$got" | grep -qxF -- "$want"; then ok "stderr line '$want'"; else not_ok "stderr line '$want'" "$got"; fi
}

# check TEXT COND...: a condition holds.
check() {
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" = 0 ]
}
