"""Qt's own dialogs speak the desk's language: the file dialog, the print dialog and its page
setup, progress and message boxes, with the words qtbase's Chinese catalogue lacks filled in."""

from __future__ import annotations

import re

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.qt_words import GAPS

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def english_words(widget: QWidget) -> list[str]:
    """Labels, buttons and tooltips that still read as English words."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        texts = [child.toolTip()]
        if isinstance(child, QLabel | QPushButton):
            texts.append(child.text())
        found += [t for t in texts if LATIN_WORD.search(t.replace("PDF", ""))]
    return found


def file_dialog(qtbot: QtBot, folder: str) -> QFileDialog:
    dialog = QFileDialog(None, "导出订单", folder, "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_chinese_desk_s_file_dialog_is_all_chinese(
    qapp: QApplication, qtbot: QtBot, tmp_path: object
) -> None:
    i18n.install(qapp, "zh_CN")
    (tmp_path / "sub").mkdir()  # type: ignore[operator]
    dialog = file_dialog(qtbot, str(tmp_path))
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels
    assert english_words(dialog) == []
    qtbot.waitUntil(lambda: "文件夹" in _types_shown(dialog), timeout=5_000)


def _types_shown(dialog: QFileDialog) -> set[str]:
    from PySide6.QtWidgets import QTreeView

    view = dialog.findChild(QTreeView)
    if view is None:
        return set()
    model = view.model()
    root = view.rootIndex()
    return {model.index(r, 2, root).data() for r in range(model.rowCount(root))}


def test_a_chinese_desk_s_print_dialog_and_boxes_are_chinese(
    qapp: QApplication, qtbot: QtBot
) -> None:
    i18n.install(qapp, "zh_CN")
    printer = QPrinter()
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    printing.show()
    labels = {label.text() for label in printing.findChildren(QLabel)}
    assert "页面集(&S)：" in labels
    assert english_words(printing) == []

    progress = QProgressDialog("导出中…", "", 0, 10)
    qtbot.addWidget(progress)
    progress.show()
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "导出订单",
        "？",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Close,
    )
    qtbot.addWidget(box)
    box.show()
    assert sorted(b.text() for b in box.buttons()) == ["保存", "关闭", "取消"]
    assert english_words(progress) == []


@pytest.mark.parametrize(("context", "source"), sorted(GAPS))
def test_each_filled_word_is_chinese_on_a_chinese_desk_and_qt_s_own_in_english(
    qapp: QApplication, context: str, source: str
) -> None:
    from PySide6.QtCore import QCoreApplication

    disambiguation = "All other platforms" if context == "QAbstractFileIconProvider" else None
    assert QCoreApplication.translate(context, source, disambiguation) == source
    i18n.install(qapp, "zh_CN")
    chinese = QCoreApplication.translate(context, source, disambiguation)
    assert chinese != source
    assert not LATIN_WORD.search(chinese)
    # Words qtbase does translate are its own, not ours.
    assert QCoreApplication.translate("QFileDialog", "Create New Folder") == "新建文件夹"
