#!/usr/bin/env bash
# Runs every check of the project from a fresh clone: makes sure a Docker engine runs, installs
# the npm packages, builds the fixture and case images, type-checks and builds, lints, runs all
# vitest suites, and checks that no pid1 container is left. Ends with "N passed, N failed".
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
passed=0
failed=0
step() { # step NAME COMMAND...: one pass or fail in the count
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name" >&2
  fi
}

bash scripts/ensure-engine.sh || { echo "0 passed, 1 failed"; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi
bash scripts/build-fixtures.sh || { echo "0 passed, 1 failed"; exit 1; }
cases_dir=${PID1_CASES_DIR:-$repo/../shared/cases}
if [ -x "$cases_dir/build-images" ]; then
  "$cases_dir/build-images" >/dev/null || { echo "building the case images failed" >&2; echo "0 passed, 1 failed"; exit 1; }
else
  echo "no case folder at $cases_dir: the acceptance suite will be skipped" >&2
fi

step "typecheck and build (tsc)" npm run --silent build
step "lint (eslint, prettier)" npm run --silent lint

# One vitest project at a time: engine suites sweep and count pid1 containers, so they must not
# overlap. engine-faults stops and restarts dockerd, so it runs last and alone.
for project in unit slack integration acceptance engine-faults; do
  results=$(mktemp)
  npx vitest run --project "$project" --passWithNoTests --reporter=default --reporter=json --outputFile="$results"
  vitest_status=$?
  if counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const broken = r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  ' "$results" 2>/dev/null); then
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
    [ "$vitest_status" -eq 0 ] || [ "${counts#* }" != 0 ] || failed=$((failed + 1))
  else
    echo "FAILED: vitest project $project wrote no results" >&2
    failed=$((failed + 1))
  fi
  rm -f "$results"
done

no_leftovers() {
  local left
  left=$(docker ps -aq --filter label=pid1.managed=true)
  [ -z "$left" ] || { echo "pid1 containers left behind: $left" >&2; return 1; }
}
step "no pid1 container left after the suites" no_leftovers

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
