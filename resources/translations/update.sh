#!/usr/bin/env bash
# Extract the interface strings of gui/ into the .ts sources, then build the .qm files.
#
#   resources/translations/update.sh
#
# zhanggui_zh_CN.ts holds the whole Chinese translation; zhanggui_en.ts holds only the English
# plural forms of the "%n …" strings. Translate new entries (pyside6-linguist, or by hand), then
# run this again so that the .qm files match the .ts sources.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-$root/.venv/bin}
cd "$root"
"$bin/pyside6-lupdate" -extensions py -locations none -no-obsolete gui \
    -ts resources/translations/zhanggui_zh_CN.ts
"$bin/pyside6-lupdate" -extensions py -locations none -no-obsolete -pluralonly gui \
    -ts resources/translations/zhanggui_en.ts
"$bin/pyside6-lrelease" -removeidentical resources/translations/zhanggui_zh_CN.ts \
    resources/translations/zhanggui_en.ts
