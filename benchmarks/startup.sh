#!/usr/bin/env bash
# Cold start to a healthy /api/v1/health, and idle resident memory, of the built distribution.
# Usage: benchmarks/startup.sh [runs]   (after `mvn -B -DskipTests install`)
# Each run unpacks the tar.gz into a fresh folder (empty data/, empty database), starts bin/start,
# polls /api/v1/health every 100 ms until it answers 200, waits 60 s idle and reads VmRSS of the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
archive=$(ls distribution/target/raekoda-distribution-*.tar.gz)
port="${RAEKODA_BENCH_PORT:-18181}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "archive: $archive ($(du -m "$archive" | cut -f1) MiB)"
for run in $(seq 1 "$runs"); do
  dir="$work/run$run"; mkdir -p "$dir"; tar xzf "$archive" -C "$dir" --strip-components=1
  [ "$run" = 1 ] && echo "unpacked: $(du -sm "$dir" | cut -f1) MiB"
  start=$(date +%s%N)
  RAEKODA_HTTP_PORT=$port JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" "$dir/bin/start"
  until [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://localhost:$port/api/v1/health")" = 200 ]; do sleep 0.1; done
  healthy=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 60
  pid=$(pgrep -f "karaf.base=$dir" | head -1)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  bundles=$(ls "$dir/data/cache" | grep -c bundle || true)
  echo "run $run: healthy after ${healthy} ms; idle RSS after 60 s: ${rss} MiB; bundles: ${bundles}"
  "$dir/bin/stop"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
done
