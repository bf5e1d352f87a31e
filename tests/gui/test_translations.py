"""The Chinese translation is complete, covers every string of gui/, and its .qm is built."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.paths import TRANSLATIONS

GUI = Path(__file__).resolve().parents[2] / "gui"
ZH_TS = TRANSLATIONS / "zhanggui_zh_CN.ts"
EN_TS = TRANSLATIONS / "zhanggui_en.ts"


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


class _TrCalls(ast.NodeVisitor):
    """(context, source) of every self.tr("…"), QCoreApplication.translate("ctx", "…") and
    QT_TRANSLATE_NOOP("ctx", "…")."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        literal = [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if isinstance(func, ast.Attribute) and func.attr == "tr" and literal and self.classes:
            self.found.add((self.classes[-1], literal[0]))
        if isinstance(func, ast.Attribute) and func.attr == "translate" and len(literal) >= 2:
            self.found.add((literal[0], literal[1]))
        marked = isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"
        if marked and len(literal) >= 2:
            self.found.add((literal[0], literal[1]))
        self.generic_visit(node)


def tr_calls_in_gui() -> set[tuple[str, str]]:
    visitor = _TrCalls()
    for path in sorted(GUI.rglob("*.py")):
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    return visitor.found


def test_the_chinese_translation_has_no_unfinished_entry() -> None:
    for path in (ZH_TS, EN_TS):
        for key, message in ts_messages(path).items():
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") is None, (path.name, key)
            assert all(text.strip() for text in translations_of(message)), (path.name, key)


def test_every_string_of_gui_has_a_chinese_translation() -> None:
    calls = tr_calls_in_gui()
    assert len(calls) > 50
    missing = sorted(calls - set(ts_messages(ZH_TS)))
    assert missing == []


def test_the_built_qm_holds_the_ts_translations() -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "zhanggui_zh_CN.qm"))
    for (context, source), message in ts_messages(ZH_TS).items():
        if message.get("numerus") == "yes":
            continue
        # A translation equal to its source is left out of the .qm; the source is shown then.
        shown = translator.translate(context, source) or source
        assert shown == translations_of(message)[0]


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "1 action waiting to sync", "7,500 actions waiting to sync"),
        ("zh_CN", "1 项待同步", "7,500 项待同步"),
    ],
)
def test_counted_words_take_the_languages_plural(
    qapp: QApplication, language: str, one: str, many: str
) -> None:
    i18n.install(qapp, language)
    source = "%Ln action(s) waiting to sync"
    assert QCoreApplication.translate("SyncStatusLabel", source, "", 1) == one
    assert QCoreApplication.translate("SyncStatusLabel", source, "", 7_500) == many


def test_every_count_in_words_has_its_thousands_separator() -> None:
    """A plural phrase says "%Ln" (a number with separators), never a bare "%n": 7,500 位顾客."""
    bare = [key for key in tr_calls_in_gui() if "%n" in key[1]]
    assert bare == []
    for path in (ZH_TS, EN_TS):
        counted = [
            (key, text)
            for key, message in ts_messages(path).items()
            if message.get("numerus") == "yes"
            for text in translations_of(message)
        ]
        assert counted
        assert [(key, text) for key, text in counted if "%Ln" not in text] == []


def test_the_language_follows_the_request_then_the_system() -> None:
    assert i18n.choose_language("zh_CN", "en_US") == "zh_CN"
    assert i18n.choose_language("zh", "en_US") == "zh_CN"
    assert i18n.choose_language("en", "zh_CN") == "en"
    assert i18n.choose_language(None, "zh_TW") == "zh_CN"
    assert i18n.choose_language(None, "de_DE") == "en"
