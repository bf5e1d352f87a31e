"""Fill unfinished entries of the .ts sources from JSON files, then build the .qm files.

    .venv/bin/python resources/translations/fill.py [FILE.json ...]

Without arguments it reads every ``pending/*.json`` next to this script. A file holds
``{"zh_CN": {English source: Chinese}, "en": {"%n thing(s)": ["%n thing", "%n things"]}}``;
a Chinese plural is one string (Chinese has one form). Prints what is still unfinished.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = {"zh_CN": HERE / "zhanggui_zh_CN.ts", "en": HERE / "zhanggui_en.ts"}


def _load(files: list[Path]) -> dict[str, dict[str, str | list[str]]]:
    merged: dict[str, dict[str, str | list[str]]] = {"zh_CN": {}, "en": {}}
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        if "zh_CN" not in data and "en" not in data:
            data = {"zh_CN": data}  # the older form: a plain {source: Chinese}
        for language, entries in data.items():
            merged[language].update(entries)
    return merged


def _fill(ts: Path, known: dict[str, str | list[str]]) -> list[str]:
    tree = ET.parse(ts)
    left = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        found = known.get(source)
        if found is None:
            left.append(source)
            continue
        forms = [found] if isinstance(found, str) else list(found)
        if message.get("numerus") == "yes":
            for old in list(translation):
                translation.remove(old)
            translation.text = "\n            "
            for i, form in enumerate(forms):
                element = ET.SubElement(translation, "numerusform")
                element.text = form
                element.tail = "\n        " if i == len(forms) - 1 else "\n            "
        else:
            translation.text = forms[0]
        del translation.attrib["type"]
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return left


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((HERE / "pending").glob("*.json"))
    known = _load(files)
    left = []
    for language, ts in SOURCES.items():
        left += [f"{language}: {source}" for source in _fill(ts, known[language])]
    subprocess.run(
        [
            str(HERE.parents[1] / ".venv/bin/pyside6-lrelease"),
            "-removeidentical",
            *map(str, SOURCES.values()),
        ],
        check=True,
        capture_output=True,
    )
    for source in left:
        print(f"still unfinished: {source}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
