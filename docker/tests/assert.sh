# Assertions of the deployment tests (TAP output: "ok N - ..." / "not ok N - ..." with the evidence
# as "#" lines). Sourced by docker/tests/deployment.sh.

TESTS_RUN=0
TESTS_FAILED=0
FAILURES=()

pass() {
  TESTS_RUN=$((TESTS_RUN + 1))
  printf 'ok %d - %s\n' "$TESTS_RUN" "$1"
}

# fail DESCRIPTION [EVIDENCE...]
fail() {
  local what=$1; shift
  TESTS_RUN=$((TESTS_RUN + 1))
  TESTS_FAILED=$((TESTS_FAILED + 1))
  FAILURES+=("$what")
  printf 'not ok %d - %s\n' "$TESTS_RUN" "$what"
  local line
  for line in "$@"; do printf '%s\n' "$line" | head -n 40 | sed 's/^/#   /'; done
}

skip() {
  TESTS_RUN=$((TESTS_RUN + 1))
  printf 'ok %d - %s # SKIP %s\n' "$TESTS_RUN" "$1" "$2"
}

# check DESCRIPTION COMMAND...: passes when the command succeeds; its output is the evidence.
check() {
  local what=$1 out; shift
  if out=$("$@" 2>&1); then pass "$what"; else fail "$what" "command: $*" "$out"; fi
}

assert_eq() {
  local what=$1 expected=$2 actual=$3
  if [ "$expected" = "$actual" ]; then pass "$what"; else fail "$what" "expected: $expected" "actual:   $actual"; fi
}

assert_contains() {
  local what=$1 haystack=$2 needle=$3
  if [[ "$haystack" == *"$needle"* ]]; then pass "$what"; else fail "$what" "expected to contain: $needle" "actual: $haystack"; fi
}

assert_not_contains() {
  local what=$1 haystack=$2 needle=$3
  if [[ "$haystack" != *"$needle"* ]]; then pass "$what"; else fail "$what" "expected not to contain: $needle" "actual: $haystack"; fi
}

assert_matches() {
  local what=$1 value=$2 regex=$3
  if [[ "$value" =~ $regex ]]; then pass "$what"; else fail "$what" "expected to match: $regex" "actual: $value"; fi
}

assert_empty() {
  local what=$1 value=$2
  if [ -z "$value" ]; then pass "$what"; else fail "$what" "expected nothing, got:" "$value"; fi
}

# json PATH: reads a field of the JSON document on stdin (PATH: names or list indexes separated by
# slashes; empty: the whole document).
json() {
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for part in sys.argv[1].split("/") if sys.argv[1] else []:
    value = value[int(part)] if isinstance(value, list) else value.get(part)
print(value if not isinstance(value, (dict, list)) else json.dumps(value))' "$1"
}

# Prints the summary; returns 1 when a test failed.
summary() {
  printf '1..%d\n' "$TESTS_RUN"
  if [ "$TESTS_FAILED" -gt 0 ]; then
    printf '# %d of %d failed:\n' "$TESTS_FAILED" "$TESTS_RUN"
    printf '#   %s\n' "${FAILURES[@]}"
    return 1
  fi
  printf '# all %d passed\n' "$TESTS_RUN"
}
