"""A product as a card of the grid: its picture, its title, the price and what one piece earns.

Drawn with the palette's colours, so the card reads in light and dark; the one accent (what the
owner earns) is a warm red, lighter on a dark base. Texts are laid out once and kept (laying out
Chinese text again for every card of every frame is most of what a scroll would cost).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.catalogue.labels import earn_text, picked_mark, sold_and_stock, sold_out
from gui.catalogue.product_model import ProductTableModel
from gui.formatting import count, money
from models.services.catalogue import ProductCard

PICTURE: Final = 150
PADDING: Final = 8
CARD_WIDTH: Final = PICTURE + 2 * PADDING
CARD_HEIGHT: Final = 254
SPACING: Final = 10
RADIUS: Final = 8.0
KEPT_TEXTS: Final = 3_000
Index = QModelIndex | QPersistentModelIndex


def accent(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a65") if dark else QColor("#d84315")


@dataclass(frozen=True)
class _Fonts:
    text: QFont
    price: QFont
    small: QFont
    line: int  # line spacing of the text font
    price_height: int


class ProductCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: OrderedDict[tuple[str, str, int], QStaticText] = OrderedDict()
        self._fonts: dict[str, _Fonts] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(CARD_WIDTH, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, ProductTableModel):
            return
        palette = option.palette
        # The card keeps its size; a wider cell (the grid spreads its columns) centres it.
        cell = option.rect
        rect = QRect(
            cell.left() + max(0, (cell.width() - CARD_WIDTH) // 2) + 1,
            cell.top() + 1,
            CARD_WIDTH - 2,
            min(cell.height(), CARD_HEIGHT) - 2,
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QPainterPath()
        frame.addRoundedRect(QRectF(rect), RADIUS, RADIUS)
        painter.fillPath(frame, palette.color(QPalette.ColorRole.Base))
        pen = painter.pen()
        pen.setColor(
            palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        )
        pen.setWidthF(2.0 if selected else 1.0)
        painter.setPen(pen)
        painter.drawPath(frame)

        picture_rect = QRect(rect.left() + PADDING - 1, rect.top() + PADDING - 1, PICTURE, PICTURE)
        card = model.card_at(index.row())
        # Pictures come with rounded corners already: no clipping while scrolling.
        painter.drawPixmap(
            picture_rect, model.picture_of(card) if card is not None else model.placeholder()
        )
        fonts = self._fonts_for(option.font)
        if card is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setFont(fonts.text)
            below = QPointF(picture_rect.left(), picture_rect.bottom() + 8)
            painter.drawStaticText(below, self._text("…", fonts.text))
        else:
            self._paint_card(painter, palette, picture_rect, card, fonts)
        painter.restore()

    def _paint_card(
        self,
        painter: QPainter,
        palette: QPalette,
        picture_rect: QRect,
        card: ProductCard,
        fonts: _Fonts,
    ) -> None:
        painter.setFont(fonts.text)
        if card.picked:
            self._badge(painter, palette, picture_rect, f"✓ {picked_mark()}", fonts, top=True)
        if card.stock == 0:
            self._badge(painter, palette, picture_rect, sold_out(), fonts, top=False)
        left = picture_rect.left()
        y = picture_rect.bottom() + 6
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = QFontMetrics(fonts.text).elidedText(
            card.title, Qt.TextElideMode.ElideRight, PICTURE * 2 - fonts.line
        )
        painter.drawStaticText(QPointF(left, y), self._text(title, fonts.text, PICTURE))
        y += fonts.line * 2 + 4
        painter.setFont(fonts.price)
        price = self._text(money(card.retail_price_cents), fonts.price)
        painter.drawStaticText(QPointF(left, y), price)
        painter.setFont(fonts.text)
        painter.setPen(accent(palette))
        earn = self._text(earn_text(money(card.commission_cents)), fonts.text)
        shift = (fonts.price_height - earn.size().height()) / 2
        painter.drawStaticText(QPointF(left + PICTURE - earn.size().width(), y + shift), earn)
        y += fonts.price_height + 2
        painter.setFont(fonts.small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        line = QFontMetrics(fonts.small).elidedText(
            sold_and_stock(count(card.sales_count), count(card.stock)),
            Qt.TextElideMode.ElideRight,
            PICTURE,
        )
        painter.drawStaticText(QPointF(left, y), self._text(line, fonts.small))

    def _badge(
        self,
        painter: QPainter,
        palette: QPalette,
        picture_rect: QRect,
        text: str,
        fonts: _Fonts,
        *,
        top: bool,
    ) -> None:
        static = self._text(text, fonts.text)
        width = static.size().width() + 14
        height = static.size().height() + 4
        x = picture_rect.left() + 6
        y = picture_rect.top() + 6 if top else picture_rect.bottom() - height - 6
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, y, width, height), height / 2, height / 2)
        if top:
            painter.fillPath(path, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.fillPath(path, QColor(0, 0, 0, 150))
            painter.setPen(QColor("white"))
        painter.drawStaticText(QPointF(x + 7, y + 2), static)

    def _text(self, text: str, font: QFont, width: int = 0) -> QStaticText:
        """``text`` laid out in ``font`` (wrapped at ``width`` when given), kept for next time."""
        key = (text, font.key(), width)
        found = self._texts.get(key)
        if found is not None:
            self._texts.move_to_end(key)
            return found
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        if width:
            static.setTextWidth(width)
            wrap = QTextOption()
            wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            static.setTextOption(wrap)
        static.prepare(font=font)
        self._texts[key] = static
        while len(self._texts) > KEPT_TEXTS:
            self._texts.popitem(last=False)
        return static

    def _fonts_for(self, font: QFont) -> _Fonts:
        found = self._fonts.get(font.key())
        if found is None:
            font = QFont(font)  # the option's font goes with the option
            price = QFont(font)
            price.setBold(True)
            price.setPointSizeF(font.pointSizeF() * 1.1)
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
            found = self._fonts[font.key()] = _Fonts(
                font,
                price,
                small,
                QFontMetrics(font).lineSpacing(),
                QFontMetrics(price).height(),
            )
        return found
