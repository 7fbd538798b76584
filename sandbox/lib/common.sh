# Shared by sandbox/up, sandbox/down and sandbox/status. Sourced, not executed.
# Every location and port comes from the environment, so several sandboxes run side by side.

SANDBOX_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$SANDBOX_DIR/.." && pwd)

SANDBOX_STATE=${SANDBOX_STATE:-$REPO_ROOT/.sandbox}
SANDBOX_HOST=127.0.0.1
SANDBOX_DB_PORT=${SANDBOX_DB_PORT:-33306}
SANDBOX_WP_PORT=${SANDBOX_WP_PORT:-8080}
SANDBOX_EMULATOR_PORT=${SANDBOX_EMULATOR_PORT:-4100}
SANDBOX_EMULATOR_BIN=${SANDBOX_EMULATOR_BIN:-${WORKOS_BUILD_DIR:-$REPO_ROOT/build}/sandbox/emulator/workos-emulator}
SANDBOX_EMULATOR_URL="http://$SANDBOX_HOST:$SANDBOX_EMULATOR_PORT"
SANDBOX_WP_URL="http://$SANDBOX_HOST:$SANDBOX_WP_PORT"
SANDBOX_ADMIN_USER=${SANDBOX_ADMIN_USER:-admin}
SANDBOX_PHP_WORKERS=${SANDBOX_PHP_WORKERS:-4}
SANDBOX_NETWORK_PORT=${SANDBOX_NETWORK_PORT:-8090}
SANDBOX_NETWORK_URL="http://$SANDBOX_HOST:$SANDBOX_NETWORK_PORT"

RUN_DIR="$SANDBOX_STATE/run"
LOG_DIR="$SANDBOX_STATE/logs"
DB_DIR="$SANDBOX_STATE/mariadb"
SITE_DIR="$SANDBOX_STATE/site"
NETWORK_DIR="$SANDBOX_STATE/network"
DB_SOCKET="$RUN_DIR/mariadb.sock"
FPM_SOCKET="$RUN_DIR/php-fpm.sock"
CREDENTIALS_FILE="$SANDBOX_STATE/credentials.env"

# name -> the binary its pid must belong to (so `down` never kills a recycled pid).
declare -A SERVICE_BINARY=([mariadb]=mariadbd [php-fpm]=php-fpm [nginx]=nginx [emulator]=workos-emulator
                          [network]=network-router.php)
SERVICES=(mariadb emulator php-fpm nginx)
# Started only on request: the multisite network of sandbox/network (PHP's built-in server).
OPTIONAL_SERVICES=(network)

say() { printf 'sandbox: %s\n' "$*"; }
fail() { printf 'sandbox: error: %s\n' "$*" >&2; }

pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }

# True when the service's recorded pid is alive and still runs the expected binary.
service_running() {
  local pid; pid=$(pid_of "$1")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "${SERVICE_BINARY[$1]}"
}

port_busy() { (exec 3<>"/dev/tcp/$SANDBOX_HOST/$1") 2>/dev/null; }

# Stops one service: its whole process group (php-fpm and nginx fork workers), then waits.
stop_service() {
  local name=$1 pid
  pid=$(pid_of "$name")
  if service_running "$name"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# Waits until CMD succeeds while the service lives; on failure shows the end of its log.
await() {
  local name=$1 log=$2; shift 2
  for _ in $(seq 150); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$(pid_of "$name")" 2>/dev/null || break   # died: no point in waiting
    sleep 0.1
  done
  fail "$name failed to start; last lines of $log:"
  tail -n 20 "$log" 2>/dev/null | sed 's/^/  /' >&2
  return 1
}

STARTED=()
start_bg() {  # start_bg NAME LOG CMD... : own session, so `down` can stop its whole group
  local name=$1 log=$2; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
  STARTED+=("$name")
}
