"""Fill unfinished zh_CN entries from a JSON file of {English source: Chinese}, then lrelease.

.venv/bin/python resources/translations/fill.py new_strings.json
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
TS = HERE / "zhanggui_zh_CN.ts"


def main(argv: list[str]) -> int:
    chinese: dict[str, str] = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    left = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in chinese:
            translation.text = chinese[source]
            del translation.attrib["type"]
        else:
            left.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(HERE.parents[1] / ".venv/bin/pyside6-lrelease"), "-removeidentical", str(TS)],
        check=True,
        capture_output=True,
    )
    for source in left:
        print(f"still unfinished: {source}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
