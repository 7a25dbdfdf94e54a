#!/usr/bin/env bash
# The one test command for Peyvand (CI runs it through .ci/run).
#
#   ./test.sh                      build (Release) and run every test project
#   ./test.sh --filter Contacts    extra arguments go to each `dotnet test` (e.g. --filter)
#
# It installs what is missing when run as root on Debian (postgresql, chromium,
# python3-aiosmtpd), starts a throwaway PostgreSQL cluster and an SMTP sink on loopback,
# builds, runs the test projects with TRX loggers and prints, as its very last line:
#
#   N passed, N failed, N skipped
#
# It exits non-zero when the build fails, any test fails, or no test passed.
# Results: artifacts/test-results/*.trx; browser screenshots etc. under artifacts/.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$PWD"

ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
mkdir -p "$RESULTS"
export PEYVAND_APT_LOG="$ARTIFACTS/apt.log"

# shellcheck source=eng/common.sh
source eng/common.sh
# shellcheck source=eng/postgres.sh
source eng/postgres.sh
# shellcheck source=eng/smtp.sh
source eng/smtp.sh

# Each run: a test project, and for the browser tests the database under the app. The integration tests cover both
# databases themselves; the browser journeys run once over each (pages render differently when queries really yield).
TEST_RUNS=(
    "tests/Peyvand.Tests/Peyvand.Tests.csproj"
    "tests/Peyvand.E2E/Peyvand.E2E.csproj sqlite"
    "tests/Peyvand.E2E/Peyvand.E2E.csproj postgres"
)

note() {
    printf 'test.sh: %s\n' "$*" >&2
}

cleanup() {
    # Both are silent and idempotent: the summary line must stay the last line of output.
    smtp_stop >/dev/null 2>&1 || true
    pg_stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Stops the services, prints the summary as the very last line, and exits.
finish() {
    local passed="$1" failed="$2" skipped="$3" rc=0
    cleanup
    if ((failed > 0 || passed == 0)); then
        rc=1
    fi
    printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
    exit "$rc"
}

# trx_counts FILE : prints "PASSED FAILED SKIPPED" from a TRX file; lists failed tests on stderr.
# Counters: VSTest writes executed=passed+failed and (older versions) notExecuted=0 even when
# tests were skipped, so skipped = max(notExecuted, total - passed - failed).
trx_counts() {
    local py
    py="$(peyvand_python)" || {
        note "python3 is needed to read TRX files"
        return 1
    }
    "$py" - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
try:
    root = ET.parse(path).getroot()
except Exception as e:  # noqa: BLE001 - any parse problem means "no usable results"
    print(f"test.sh: cannot read {path}: {e}", file=sys.stderr)
    sys.exit(1)

def num(el, name):
    try:
        return int(el.get(name, "0"))
    except ValueError:
        return 0

results = root.findall("{*}Results/{*}UnitTestResult")
summary = root.find("{*}ResultSummary")
counters = summary.find("{*}Counters") if summary is not None else None

if counters is not None:
    total = num(counters, "total")
    passed = num(counters, "passed")
    failed = sum(num(counters, k) for k in ("failed", "error", "timeout", "aborted"))
    skipped = max(num(counters, "notExecuted"), total - passed - failed, 0)
else:
    outcomes = [r.get("outcome", "") for r in results]
    passed = outcomes.count("Passed")
    failed = sum(outcomes.count(k) for k in ("Failed", "Error", "Timeout", "Aborted"))
    skipped = len(outcomes) - passed - failed

failed_names = [r.get("testName", "?") for r in results
                if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted")]
for name in failed_names[:50]:
    print(f"test.sh:   FAILED {name}", file=sys.stderr)
if len(failed_names) > 50:
    print(f"test.sh:   ... and {len(failed_names) - 50} more", file=sys.stderr)

# A run-level error (crashed or aborted test host) can leave every counter at zero failures.
outcome = summary.get("outcome", "") if summary is not None else ""
if outcome in ("Failed", "Error", "Aborted", "Timeout") and failed == 0:
    for info in root.findall("{*}ResultSummary/{*}RunInfos/{*}RunInfo")[:5]:
        text = (info.findtext("{*}Text") or "").strip().splitlines()
        if info.get("outcome") == "Error" and text:
            print(f"test.sh:   run error: {text[0]}", file=sys.stderr)
    print(f"test.sh:   run outcome {outcome} with no failed test; counting 1 failure", file=sys.stderr)
    failed = 1

print(passed, failed, skipped)
PY
}

# --- Prerequisites ---------------------------------------------------------------------------
missing=()
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql)
fi
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if ((${#missing[@]} > 0)); then
    if peyvand_is_root && peyvand_is_debian; then
        # One `apt-get update`, one install, output in artifacts/apt.log; peyvand_apt_install
        # prints the one-line note.
        peyvand_apt_install "${missing[@]}" || note "apt failed; continuing, tests needing ${missing[*]} will fail"
    else
        note "missing ${missing[*]} (not root on Debian, so not installing); tests needing them will fail"
    fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
    note "dotnet is not on PATH"
    finish 0 1 0
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# MSBuild worker nodes must not outlive the run (they would hold CI's output pipes open).
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"
export PEYVAND_TEST_CHROMIUM="${PEYVAND_TEST_CHROMIUM:-/usr/bin/chromium}"
export PEYVAND_ARTIFACTS="$ARTIFACTS"

# --- Build -----------------------------------------------------------------------------------
note "building Peyvand.slnx (Release)"
if ! dotnet build Peyvand.slnx -c Release; then
    note "BUILD FAILED"
    finish 0 1 0
fi

# --- Services --------------------------------------------------------------------------------
if ! pg_start; then
    note "could not start PostgreSQL"
    finish 0 1 0
fi
if ! smtp_start; then
    note "could not start the SMTP sink"
    finish 0 1 0
fi

# --- Tests -----------------------------------------------------------------------------------
total_passed=0
total_failed=0
total_skipped=0
ran=0
for run in "${TEST_RUNS[@]}"; do
    read -r project database <<<"$run"
    [[ -f "$project" ]] || continue
    ran=$((ran + 1))
    name="$(basename "$project" .csproj)${database:+-$database}"
    trx="$RESULTS/$name.trx"
    rm -f "$trx"

    note "testing $name"
    rc=0
    # The PostgreSQL journeys keep their screenshots and logs apart (artifacts/postgres/).
    artifacts="$ARTIFACTS"
    [[ "${database:-}" == postgres ]] && artifacts="$ARTIFACTS/postgres"
    PEYVAND_E2E_DATABASE="${database:-}" PEYVAND_ARTIFACTS="$artifacts" \
        dotnet test "$project" --no-build -c Release \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" || rc=$?

    passed=0 failed=0 skipped=0
    if [[ ! -f "$trx" ]]; then
        note "$name: no TRX file ($trx); counting 1 failure"
        failed=1
    elif counts="$(trx_counts "$trx")"; then
        read -r passed failed skipped <<<"$counts"
    else
        failed=1
    fi
    if ((rc != 0 && failed == 0)); then
        note "$name: dotnet test exited with $rc but no test failed; counting 1 failure"
        failed=1
    fi
    note "$name: $passed passed, $failed failed, $skipped skipped"

    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
done

if ((ran == 0)); then
    note "no test project found (${TEST_RUNS[*]})"
fi
if ((total_passed == 0)); then
    note "no test passed"
fi

finish "$total_passed" "$total_failed" "$total_skipped"
