#!/usr/bin/env bash
# Benchmarks on this machine, against the running system (Release build, SQLite, 20,000 products):
#   1. cold start of the whole system (`dotnet run` of the built AppHost until the gateway is ready and the Aspire
#      dashboard answers), the whole run's memory (PSS of the AppHost, DCP, the dashboard and the services) and each
#      service's RSS, idle and under load;
#   2. one catalog route with wrk: direct to Catalog, through our gateway, through nginx (keepalive upstream),
#      in alternating rounds, with the ratios gateway/direct and gateway/nginx;
#   3. the storefront's catalog page through the gateway with wrk, next to the API route it renders from, in
#      alternating rounds: pages/s against the route's req/s (goal: at least 0.5) and the page's p99 (goal: < 100 ms);
#   4. the shopper journey with the load runner at increasing rates: the highest rate where every request's p99 stays
#      under 500 ms with 0 errors (a journey itself lasts ~0.8 s: it polls its order 3 times, 250 ms apart), and the
#      orders the stores hold afterwards (none lost, none duplicated). Each rate first runs 5 s unmeasured (the
#      runner's warm-up: a fresh runner process JIT-compiles and opens its connections then), then 20 s measured.
# Needs: wrk, nginx, jq, sqlite3 (apt-get install -y wrk nginx jq sqlite3). Results go to bench/results/latest.md (and stdout);
# each journey rate's load reports to bench/results/journeys/ (not committed).
# Usage: bench/bench.sh [--rounds 3] [--duration 10] [--connections 32] [--rates "100 200 300 400"] [--port-offset 1000]
# --port-offset moves every port (services, gateway, nginx, dashboard) by that much, beside a system on the usual ones.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=3; DURATION=10; CONNECTIONS=32; RATES="100 150 200 250 300 350 400 450 500 600"; JOURNEY_SECONDS=20; PORT_OFFSET=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2;; --duration) DURATION=$2; shift 2;;
    --connections) CONNECTIONS=$2; shift 2;; --rates) RATES=$2; shift 2;;
    --journey-seconds) JOURNEY_SECONDS=$2; shift 2;; --port-offset) PORT_OFFSET=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
for tool in wrk nginx jq sqlite3; do command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y wrk nginx jq sqlite3" >&2; exit 1; }; done

WORK=$(mktemp -d /tmp/productstore-bench.XXXXXX)
DATA=$WORK/data
RESULTS=bench/results/latest.md
mkdir -p bench/results
ROUTE='/api/catalog/products?limit=20&sort=price'
port() { echo $(($1 + PORT_OFFSET)); }
GATEWAY=http://127.0.0.1:$(port 8080); CATALOG=http://127.0.0.1:$(port 8000); NGINX_PORT=$(port 8090)
DASHBOARD=http://127.0.0.1:$(port 18888)
# The launch profile's dashboard addresses, moved by the offset; the AppHost's Ports:<resource> settings for the rest.
DASHBOARD_ENV=(ASPNETCORE_URLS=$DASHBOARD ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:$(port 18889)
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:$(port 18890) ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
  ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true ASPIRE_PROXYLESS_ENDPOINT_PORT_RANGE=$(port 41000)-$(port 41999))
APPHOST_PORTS=()
for resource in gateway:8080 gateway-management:8085 catalog:8000 cart:8001 orders:8002 users:8003 storefront:8004; do
  APPHOST_PORTS+=("--Ports:${resource%%:*}=$(port "${resource##*:}")")
done
ADMIN_EMAIL=bench-admin@productstore.local; ADMIN_PASSWORD=bench-admin-password-1

APPHOST_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  # TERM, not INT: a non-interactive shell starts background jobs with SIGINT ignored.
  if [ -n "$APPHOST_PID" ]; then kill -TERM "$APPHOST_PID" 2>/dev/null || true; wait "$APPHOST_PID" 2>/dev/null || true; fi
  # Each rate's load reports (HTML with latency over time) stay for a look at what a failing rate did.
  if compgen -G "$WORK/journey-*/load-report-*" >/dev/null; then
    rm -rf bench/results/journeys; mkdir -p bench/results/journeys
    for report in "$WORK"/journey-*/; do cp -r "$report" bench/results/journeys/; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building (Release)"
dotnet build -c Release ProductStore.sln -v q -nologo >/dev/null

echo "== seeding 20,000 products"
Storage__DataDirectory=$DATA Catalog__Seed__Demo=false \
  dotnet src/Catalog/bin/Release/net10.0/Catalog.dll seed --products 20000

echo "== starting the system"
# Cheap password hashing: setup registers two shoppers per journey/s of the highest rate; the journey measures
# shopping, not PBKDF2 (the login-storm scenario does that).
START_NS=$(date +%s%N)
env "${DASHBOARD_ENV[@]}" dotnet run --project src/AppHost -c Release --no-build --no-launch-profile -- "${APPHOST_PORTS[@]}" \
  --no-monitoring --AppHost:DashboardTelemetry=false \
  --AppHost:DataDirectory="$DATA" --AppHost:Environment=Production \
  --Resources:users:Environment:Users__Admin__Email=$ADMIN_EMAIL \
  --Resources:users:Environment:Users__Admin__Password=$ADMIN_PASSWORD \
  --Resources:catalog:Environment:Catalog__Seed__Demo=false \
  --Resources:users:Environment:Users__Password__Iterations=10000 \
  --Resources:gateway:Environment:Gateway__RateLimits__Default__TokenLimit=100000000 \
  --Resources:gateway:Environment:Gateway__RateLimits__Default__TokensPerPeriod=100000000 \
  --Resources:gateway:Environment:Gateway__RateLimits__Auth__TokenLimit=100000000 \
  --Resources:gateway:Environment:Gateway__RateLimits__Auth__TokensPerPeriod=100000000 \
  >"$WORK/apphost.log" 2>&1 &
APPHOST_PID=$!
until grep -q "ProductStore is ready" "$WORK/apphost.log" && curl -sf -o /dev/null "$DASHBOARD"; do
  kill -0 $APPHOST_PID 2>/dev/null || { cat "$WORK/apphost.log"; exit 1; }
  sleep 0.1
done
COLD_START=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $START_NS) / 1e9 }")
REPORTED=$(grep -o "ready in [0-9.]* s" "$WORK/apphost.log")
echo "cold start: ${COLD_START} s from launch ($REPORTED after the AppHost started)"

declare -A PORTS=([gateway]=$(port 8080) [catalog]=$(port 8000) [cart]=$(port 8001) [orders]=$(port 8002) [users]=$(port 8003) [storefront]=$(port 8004))
pid_of_port() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
declare -A IDLE_RSS LOAD_RSS
sleep 2
for name in "${!PORTS[@]}"; do IDLE_RSS[$name]=$(rss_mb "$(pid_of_port ${PORTS[$name]})"); done
# PSS counts shared pages once: the honest total of a run's processes (dotnet run, the AppHost, DCP, dashboard, services).
RUN_PSS=$(for pid in $(pgrep -f 'dotnet run --project src/AppHost|bin/Release/net10.0/AppHost|orchestration.linux-x64/.*/dcp|Aspire.Dashboard|bin/Release/net10.0/(Users|Catalog|Cart|Orders|Storefront|Gateway)\.dll'); do
  awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null; done | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
echo "memory of the whole run (PSS): $RUN_PSS MB"

echo "== nginx proxying Catalog (keepalive upstream)"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream catalog { server 127.0.0.1:$(port 8000); keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://catalog; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1

# wrk prints "Requests/sec: N" and, with --latency, "50% 1.23ms" / "99% 4.56ms".
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v*1000 } }'; }
run_wrk() {
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
  errors=$(echo "$out" | awk '/Non-2xx/ { print $5 } /Socket errors/ { print }' | tr '\n' ' ')
  echo "$rps $p50 $p99 ${errors:-0}"
}

echo "== wrk: $ROUNDS alternating rounds of ${DURATION}s at $CONNECTIONS connections on $ROUTE"
# Warm-up: tiered compilation keeps recompiling hot methods for several seconds under load; measure after it settles.
for url in "$CATALOG" "$GATEWAY" "http://127.0.0.1:$NGINX_PORT"; do wrk -t2 -c"$CONNECTIONS" -d10s "$url$ROUTE" >/dev/null; done
declare -A SUM_RPS SUM_P50 SUM_P99
for target in direct gateway nginx; do SUM_RPS[$target]=0; SUM_P50[$target]=0; SUM_P99[$target]=0; done
ROUND_LINES=""
avg() { awk "BEGIN { printf \"%.2f\", $1 / $ROUNDS }"; }
for round in $(seq 1 "$ROUNDS"); do
  for target in direct gateway nginx; do
    case $target in direct) url=$CATALOG;; gateway) url=$GATEWAY;; nginx) url=http://127.0.0.1:$NGINX_PORT;; esac
    if [ "$target" = gateway ] && [ "$round" = 1 ]; then
      (sleep $((DURATION / 2)); for name in "${!PORTS[@]}"; do echo "$name $(rss_mb "$(pid_of_port ${PORTS[$name]})")"; done >"$WORK/load-rss") &
    fi
    read -r rps p50 p99 errors < <(run_wrk "$url$ROUTE")
    echo "round $round $target: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors: $errors"
    ROUND_LINES+="| $round | $target | $rps | $p50 | $p99 |"$'\n'
    SUM_RPS[$target]=$(awk "BEGIN { print ${SUM_RPS[$target]} + $rps }")
    SUM_P50[$target]=$(awk "BEGIN { print ${SUM_P50[$target]} + $p50 }")
    SUM_P99[$target]=$(awk "BEGIN { print ${SUM_P99[$target]} + $p99 }")
  done
done
while read -r name mb; do LOAD_RSS[$name]=$mb; done <"$WORK/load-rss"
GW_DIRECT=$(awk "BEGIN { printf \"%.2f\", ${SUM_RPS[gateway]} / ${SUM_RPS[direct]} }")
GW_NGINX=$(awk "BEGIN { printf \"%.2f\", ${SUM_RPS[gateway]} / ${SUM_RPS[nginx]} }")
echo "gateway/direct = $GW_DIRECT, gateway/nginx = $GW_NGINX"

# The catalog page's first page (12 products, no filter) renders from this API call (and the categories). An anonymous
# shopper's page is kept a second (the output cache); "rendered" asks for it under a new URL every time (an unknown query
# parameter, so the API reads behind it are still shared), which measures the Blazor render the cache saves.
PAGE=/; PAGE_API='/api/catalog/products?limit=12'
RENDERED_SCRIPT=$WORK/rendered.lua
cat >"$RENDERED_SCRIPT" <<'LUA'
request = function() return wrk.format("GET", "/?fresh=" .. math.random(1, 2000000000)) end
LUA
echo "== storefront: $ROUNDS alternating rounds of ${DURATION}s at $CONNECTIONS connections, the page $PAGE next to $PAGE_API, both through the gateway"
for url in "$GATEWAY$PAGE" "$GATEWAY$PAGE_API"; do wrk -t2 -c"$CONNECTIONS" -d10s "$url" >/dev/null; done
declare -A SHOP_RPS SHOP_P99
SHOP_RPS=([page]=0 [rendered]=0 [api]=0); SHOP_P99=([page]=0 [rendered]=0 [api]=0); SHOP_LINES=""
for round in $(seq 1 "$ROUNDS"); do
  for target in page rendered api; do
    case $target in
      page) wrk_args=("$GATEWAY$PAGE");;
      rendered) wrk_args=(-s "$RENDERED_SCRIPT" "$GATEWAY$PAGE");;
      api) wrk_args=("$GATEWAY$PAGE_API");;
    esac
    read -r rps p50 p99 errors < <(run_wrk "${wrk_args[@]}")
    echo "round $round $target: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors: $errors"
    SHOP_LINES+="| $round | $target | $rps | $p50 | $p99 | $errors |"$'\n'
    SHOP_RPS[$target]=$(awk "BEGIN { print ${SHOP_RPS[$target]} + $rps }")
    SHOP_P99[$target]=$(awk "BEGIN { print ${SHOP_P99[$target]} + $p99 }")
  done
done
PAGE_API_RATIO=$(awk "BEGIN { printf \"%.2f\", ${SHOP_RPS[page]} / ${SHOP_RPS[api]} }")
RENDERED_API_RATIO=$(awk "BEGIN { printf \"%.2f\", ${SHOP_RPS[rendered]} / ${SHOP_RPS[api]} }")
PAGE_P99=$(avg "${SHOP_P99[page]}")
PAGE_VERDICT=$(awk "BEGIN { print ($PAGE_API_RATIO >= 0.5 && $PAGE_P99 < 100) ? \"pass\" : \"fail\" }")
echo "pages/s / API req/s = $PAGE_API_RATIO (goal >= 0.5), page p99 $PAGE_P99 ms (goal < 100): $PAGE_VERDICT; rendered every time: $RENDERED_API_RATIO"

echo "== the load runner against wrk: one route through the gateway, $CONNECTIONS looping users each, twice each, alternating"
RUNNER_SUM=0; WRK_SUM=0
for pass in 1 2; do
  dotnet tests/LoadTests/bin/Release/net10.0/LoadTests.dll --target "$GATEWAY" --scenario route --path "$ROUTE" \
    --concurrency "$CONNECTIONS" --duration "${DURATION}s" --warmup 10s --report-dir "$WORK/route-$pass" >"$WORK/route-$pass.log" 2>&1 || true
  RUNNER_SUM=$(awk "BEGIN { print $RUNNER_SUM + $(jq '.scenarios[0].ok.rps' "$WORK"/route-$pass/load-report-*.json) }")
  read -r rps _ < <(run_wrk "$GATEWAY$ROUTE")
  WRK_SUM=$(awk "BEGIN { print $WRK_SUM + $rps }")
done
RUNNER_RPS=$(awk "BEGIN { printf \"%.1f\", $RUNNER_SUM / 2 }"); WRK_RPS=$(awk "BEGIN { printf \"%.1f\", $WRK_SUM / 2 }")
RUNNER_WRK=$(awk "BEGIN { printf \"%.2f\", $RUNNER_SUM / $WRK_SUM }")
echo "runner $RUNNER_RPS req/s, wrk $WRK_RPS req/s: runner/wrk = $RUNNER_WRK"

echo "== shopper journey with the load runner at increasing rates"
# Warm-up: 30 s at 150 journeys/s, so tiered compilation has recompiled the hot paths of every service (at a cold
# start, the JIT takes ~17% of a service's CPU in the first seconds under load) and pools and SQLite caches are full.
# Its orders count in the check below too.
dotnet tests/LoadTests/bin/Release/net10.0/LoadTests.dll --target "$GATEWAY" --scenario shopper --rate 150 --duration 30s \
  --warmup 0s --users 450 --discovery-pages 100 --report-dir "$WORK/journey-warmup" >"$WORK/journey-warmup.log" 2>&1 || true
JOURNEY_LINES=""; BEST_RATE=0; BEST_ORDERS=0
for rate in $RATES; do
  report="$WORK/journey-$rate"
  set +e
  dotnet tests/LoadTests/bin/Release/net10.0/LoadTests.dll --target "$GATEWAY" --scenario shopper --rate "$rate" \
    --duration "${JOURNEY_SECONDS}s" --warmup 5s --users $((rate * 2)) --discovery-pages 100 --report-dir "$report" --max-step-p99-ms 500 --max-fail-percent 0 \
    --admin-email "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" >"$report.log" 2>&1
  code=$?
  set -e
  summary=$(grep -E "^\| checkout " "$report"/*.md 2>/dev/null | head -1 | cut -d'|' -f3-12 || true)
  orders=$(jq -s '[.[].scenarios[].steps[] | select(.name == "checkout") | .statusCodes[] | select(.statusCode == 201) | .count] | add // 0' "$report"/load-report-*.json 2>/dev/null || echo 0)
  orders_per_second=$(awk "BEGIN { printf \"%.1f\", $orders / $JOURNEY_SECONDS }")
  echo "rate $rate/s: exit $code, $orders_per_second orders/s ${summary}"
  [ $code = 0 ] || { echo "-- runner output at $rate/s:"; grep -E "FAIL|fail|error|Error" "$report.log" | head -20; }
  JOURNEY_LINES+="| $rate | $([ $code = 0 ] && echo pass || echo fail) | $orders_per_second | ${summary:-see log} |"$'\n'
  [ $code = 0 ] && { BEST_RATE=$rate; BEST_ORDERS=$orders_per_second; } || break
done

# Every 201 the runner saw, warm-ups included, is one order the store must hold: fewer is a lost order, more a duplicated one.
ACCEPTED=$(cat "$WORK"/journey-*/load-report-*.json 2>/dev/null | jq -s '[.[].scenarios[] | (., .warmUp // empty) | .steps[] | select(.name == "checkout") | .statusCodes[] | select(.statusCode == 201) | .count] | add // 0')
STORED=$(sqlite3 "$DATA/orders.sqlite" "SELECT COUNT(*) FROM orders")
echo "orders: $ACCEPTED checkouts answered 201, $STORED orders stored"

{
  echo "# Benchmark results"
  echo
  echo "Taken $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), $(uname -sr); Release build, SQLite, 20,000 products."
  echo
  echo "## Catalog route \`$ROUTE\`, wrk -t2 -c$CONNECTIONS, ${DURATION}s x $ROUNDS alternating rounds"
  echo
  echo "| target | req/s (avg) | p50 ms (avg) | p99 ms (avg) |"
  echo "|---|---|---|---|"
  for target in direct gateway nginx; do echo "| $target | $(avg ${SUM_RPS[$target]}) | $(avg ${SUM_P50[$target]}) | $(avg ${SUM_P99[$target]}) |"; done
  echo
  echo "gateway/direct = **$GW_DIRECT**, gateway/nginx = **$GW_NGINX**"
  echo
  echo "| round | target | req/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|"
  printf "%s" "$ROUND_LINES"
  echo
  echo "The load runner on the same route (closed model, $CONNECTIONS users, 10 s warm-up): $RUNNER_RPS req/s against wrk's $WRK_RPS (averages of two alternating runs each): runner/wrk = **$RUNNER_WRK**."
  echo
  echo "## Storefront: the catalog page \`$PAGE\` next to the API route it renders from, \`$PAGE_API\`, both through the gateway"
  echo
  echo "wrk -t2 -c$CONNECTIONS, ${DURATION}s x $ROUNDS alternating rounds. Pages/s over the route's req/s = **$PAGE_API_RATIO** (goal >= 0.5); the page's p99 = **$PAGE_P99 ms** (goal < 100 ms): **$PAGE_VERDICT**. An anonymous page is kept a second; rendered afresh for every request (a new URL each time) it is **$RENDERED_API_RATIO** of the route."
  echo
  echo "| target | req/s (avg) | p99 ms (avg) |"
  echo "|---|---|---|"
  for target in page rendered api; do echo "| $target | $(avg ${SHOP_RPS[$target]}) | $(avg ${SHOP_P99[$target]}) |"; done
  echo
  echo "| round | target | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$SHOP_LINES"
  echo
  echo "## Shopper journey (load runner, open model, ${JOURNEY_SECONDS}s per rate after 5 s unmeasured at that rate)"
  echo
  echo "Highest rate with every request's p99 < 500 ms and no errors: **$BEST_RATE journeys/s**, delivering **$BEST_ORDERS orders/s** (checkouts answered 201 per second of the run; a journey orders nothing when its products ran out: see 409s)."
  echo
  echo "| rate/s | verdict | orders/s | checkout: requests | RPS | ok | fail | status codes | p50 ms | p75 ms | p95 ms | p99 ms | p99.9 ms |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf "%s" "$JOURNEY_LINES"
  echo
  echo "Checkouts answered 201 over all rates and warm-ups: $ACCEPTED; orders in the store afterwards: $STORED ($([ "$ACCEPTED" = "$STORED" ] && echo "none lost, none duplicated" || echo "MISMATCH"))."
  echo
  echo "## Start and memory"
  echo
  echo "Cold start of the whole system: $COLD_START s from \`dotnet run\` to the gateway ready and the dashboard answering ($REPORTED)."
  echo "Memory of the whole run, idle (PSS of dotnet run, the AppHost, DCP, the dashboard and the six services): $RUN_PSS MB."
  echo
  echo "| process | RSS idle (MB) | RSS under gateway load (MB) |"
  echo "|---|---|---|"
  for name in gateway catalog cart orders users storefront; do echo "| $name | ${IDLE_RSS[$name]} | ${LOAD_RSS[$name]:-n/a} |"; done
} >"$RESULTS"
cat "$RESULTS"
