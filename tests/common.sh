# Shell helpers shared by tests/run.sh and tests/services.sh (sourced, not run).

log() { printf '==> %s\n' "$*"; }

# Runs a command as root: directly when root already, else through passwordless sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    return 1
  fi
}
