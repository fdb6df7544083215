#!/usr/bin/env bash
# The newcomer's path, checked: clone HEAD into a temp folder, run the README's start command
# (npm start) on a free port, then fetch the catalogue and log in with a printed demo password.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
# npm start runs in its own process group: stopping the group stops the server it started too.
trap 'kill -TERM -- "-$pid" 2>/dev/null || true; sleep 1; rm -rf "$dir"' EXIT
git clone -q "$repo" "$dir/app"
cd "$dir/app"
port=$((20000 + RANDOM % 20000))
PORT=$port setsid npm start </dev/null >"$dir/start.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$dir/start.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/start.log"; echo "fresh start: npm start exited"; exit 1; }
  sleep 1
done
grep -q "listening on" "$dir/start.log" || { tail -40 "$dir/start.log"; echo "fresh start: not listening"; exit 1; }
test -f var/ptce-suivi.sqlite
count=$(curl -fsS "http://127.0.0.1:$port/api/catalogue" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).indicators.length))')
password=$(awk '/coordination@henin-carvin.demo/ {print $2; exit}' "$dir/start.log")
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/session" \
  -H 'content-type: application/json' \
  -d "{\"email\":\"coordination@henin-carvin.demo\",\"password\":\"$password\"}")
echo "fresh start: catalogue of $count indicators, demo login HTTP $status"
[ "$count" -gt 0 ] && [ "$status" = 200 ]
