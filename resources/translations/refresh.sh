#!/usr/bin/env bash
# Extract new strings, fill them from pending/*.json, and build the .qm files, one run at a time.
#
#   resources/translations/refresh.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exec 9>"${TMPDIR:-/tmp}/zhanggui-translations.lock"
flock 9
"$here/update.sh" >/dev/null
"$root/.venv/bin/python" "$here/fill.py"
