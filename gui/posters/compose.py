"""How a poster and a label are put together. Sizes follow the page's width, so one composition
serves the A4 poster, the A5 table tent and the tall share image. Its words are the poster's
language's (``PosterWords``), never the interface's."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gui.formatting import fill, money
from gui.posters.painting import (
    ACCENT,
    INK,
    MUTED,
    Drawn,
    Ink,
    draw_pictures,
    draw_qr,
    draw_text,
    poster_font,
    text_height,
)
from gui.posters.words import PosterWords
from models.services.posters import PosterSubject

CUT_LINE = QColor("#c8c8c8")


def headline(subject: PosterSubject, words: PosterWords) -> str:
    if subject.kind == "manager":
        return fill(words(QT_TRANSLATE_NOOP("posters", "%1's store")), subject.manager_name)
    return subject.title


def call_to_action(subject: PosterSubject, words: PosterWords) -> str:
    if subject.kind == "product":
        return words(QT_TRANSLATE_NOOP("posters", "Scan to buy"))
    if subject.kind == "sale_event":
        return words(QT_TRANSLATE_NOOP("posters", "Scan to join the sale"))
    return words(QT_TRANSLATE_NOOP("posters", "Scan to visit the store"))


def dates(subject: PosterSubject, words: PosterWords) -> str:
    if subject.starts_at is None or subject.ends_at is None:
        return ""
    # The date format is a translation too: "11月24日 10:00" reads better than a number soup.
    pattern = QT_TRANSLATE_NOOP("posters", "MMM d, HH:mm")
    return fill(
        words(QT_TRANSLATE_NOOP("posters", "%1 – %2")),
        words.moment(subject.starts_at, pattern),
        words.moment(subject.ends_at, pattern),
    )


def subtitle(subject: PosterSubject, words: PosterWords) -> str:
    """The small line under the title: the sale's dates, the brand, or what the store offers."""
    if subject.kind == "manager":
        return fill(words(QT_TRANSLATE_NOOP("posters", "A store of %1")), subject.shop_name)
    if subject.kind == "shop":
        return words(QT_TRANSLATE_NOOP("posters", "Brand goods at sale prices, new every day"))
    return dates(subject, words) or subject.brand_name


def commission_line(subject: PosterSubject, words: PosterWords) -> str:
    if subject.commission_cents is None:
        return ""
    return fill(
        words(QT_TRANSLATE_NOOP("posters", "Commission %1 · for you only")),
        money(subject.commission_cents),
    )


def _initial(subject: PosterSubject) -> str:
    return subject.manager_name or subject.brand_name or subject.shop_name


def paint_poster(
    painter: QPainter, page: QRectF, drawn: Drawn, show_commission: bool, words: PosterWords
) -> None:
    subject = drawn.subject
    w = page.width()
    m = w * 0.07
    inner = w - 2 * m
    painter.fillRect(page, Qt.GlobalColor.white)

    band = QRectF(page.left(), page.top(), w, w * 0.13)
    painter.fillRect(band, ACCENT)
    shop_font = poster_font(w * 0.05, bold=True)
    shop_h = text_height(painter, shop_font, 1)
    draw_text(
        painter,
        QPointF(page.left() + m, band.center().y() - shop_h / 2),
        inner,
        subject.shop_name,
        Ink(shop_font, QColor(Qt.GlobalColor.white)),
        centred=True,
    )

    # The QR block sits at the bottom; the picture takes what room the texts leave.
    qr_side = w * 0.3
    note = commission_line(subject, words) if show_commission else ""
    note_font = poster_font(w * 0.024)
    note_h = text_height(painter, note_font, 1) * 1.2 if note else 0.0
    qr_top = page.bottom() - m * 0.7 - note_h - qr_side
    cta_font = poster_font(w * 0.048, bold=True)
    hint_font = poster_font(w * 0.028)
    text_left = page.left() + m
    text_width = inner - qr_side - m * 0.4
    cta_y = qr_top + qr_side / 2 - text_height(painter, cta_font, 1)
    draw_text(
        painter,
        QPointF(text_left, cta_y),
        text_width,
        call_to_action(subject, words),
        Ink(cta_font, INK),
    )
    hint = words(QT_TRANSLATE_NOOP("posters", "Long-press or scan with WeChat"))
    hint_y = qr_top + qr_side / 2 + w * 0.01
    draw_text(
        painter, QPointF(text_left, hint_y), text_width, hint, Ink(hint_font, MUTED), max_lines=2
    )
    draw_qr(painter, QRectF(page.right() - m - qr_side, qr_top, qr_side, qr_side), drawn.modules)
    if note:
        note_y = page.bottom() - m * 0.6 - note_h
        draw_text(
            painter, QPointF(text_left, note_y), inner, note, Ink(note_font, MUTED), centred=True
        )

    title_font = poster_font(w * 0.05, bold=True)
    price_font = poster_font(w * 0.095, bold=True)
    small_font = poster_font(w * 0.03)
    line = subtitle(subject, words)
    texts_h = text_height(painter, title_font, 2) + m * 0.3
    if subject.price_cents is not None:
        texts_h += text_height(painter, price_font, 1)
    if line:
        texts_h += text_height(painter, small_font, 1) * 1.2
    top = band.bottom() + m * 0.6
    room = qr_top - m * 0.6 - top - texts_h
    side = max(0.0, min(inner * 0.9, room))
    top += (room - side) / 2  # what the picture leaves is shared above and below
    picture = QRectF(page.center().x() - side / 2, top, side, side)
    draw_pictures(painter, picture, drawn.pictures, _initial(subject))
    y = picture.bottom() + m * 0.3
    y += draw_text(
        painter,
        QPointF(text_left, y),
        inner,
        headline(subject, words),
        Ink(title_font, INK),
        max_lines=2,
        centred=True,
    )
    if subject.price_cents is not None:
        price = money(subject.price_cents)
        y += draw_text(
            painter, QPointF(text_left, y), inner, price, Ink(price_font, ACCENT), centred=True
        )
    if line:
        draw_text(painter, QPointF(text_left, y), inner, line, Ink(small_font, MUTED), centred=True)


def paint_label(
    painter: QPainter, cell: QRectF, drawn: Drawn, show_commission: bool, words: PosterWords
) -> None:
    """One product's label of a sheet: title across, picture left, price and code right."""
    subject = drawn.subject
    painter.save()
    pen = QPen(CUT_LINE)
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidthF(max(1.0, cell.width() / 400))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(cell)
    painter.restore()

    pad = cell.width() * 0.04
    inner = cell.width() - 2 * pad
    title_font = poster_font(cell.width() * 0.042, bold=True)
    y = cell.top() + pad
    y += draw_text(
        painter,
        QPointF(cell.left() + pad, y),
        inner,
        headline(subject, words),
        Ink(title_font, INK),
        max_lines=2,
    )
    y = max(y, cell.top() + pad + text_height(painter, title_font, 2)) + pad * 0.5
    side = min(cell.bottom() - pad - y, inner * 0.52)
    draw_pictures(
        painter, QRectF(cell.left() + pad, y, side, side), drawn.pictures, _initial(subject)
    )

    right = cell.left() + pad * 2 + side
    right_w = cell.right() - pad - right
    ry = y
    if subject.price_cents is not None:
        price_font = poster_font(cell.width() * 0.07, bold=True)
        ry += draw_text(
            painter,
            QPointF(right, ry),
            right_w,
            money(subject.price_cents),
            Ink(price_font, ACCENT),
        )
    small = poster_font(cell.width() * 0.03)
    if show_commission and subject.commission_cents is not None:
        note = commission_line(subject, words)
        ry += draw_text(painter, QPointF(right, ry), right_w, note, Ink(small, MUTED), max_lines=2)
    ry += draw_text(painter, QPointF(right, ry), right_w, subject.shop_name, Ink(small, MUTED))
    qr_side = min(right_w, cell.bottom() - pad - ry)
    draw_qr(painter, QRectF(right, cell.bottom() - pad - qr_side, right_w, qr_side), drawn.modules)
