# bin/allgo bench form: the job form as a person uses it. In a headless Chromium signed in on the
# bench server, "Run" pressed on the bench webapp's page until the job's page is shown, with the
# browser's own clocks (org.allgo.bench.FormBench). Writes bench/results/<date>-form.md. Sourced by
# bench.sh.

bench_form() {
  local runs=${BENCH_RUNS:-40}
  ensure_browser
  bench_server_fresh
  log "form: Run → the job page, $runs times in Chromium"
  java -cp "$ALLGO_ROOT/allgo-bench/target/allgo-bench.jar:$ALLGO_ROOT/allgo-bench/target/lib/*" \
    -Dbench.machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB" \
    org.allgo.bench.FormBench "$BENCH_URL" admin@localhost allgo "$BENCH_WEBAPP" "$runs" \
    "$ALLGO_ROOT/bench/results" "$(command -v chromedriver)" "$(command -v chromium)" \
    || die "the form benchmark failed"
  log "results in $ALLGO_ROOT/bench/results/$(date +%F)-form.md"
}
