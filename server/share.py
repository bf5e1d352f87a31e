"""The page a customer's phone opens from a poster's QR code: which shop it leads to and what
the poster was about, read back from the scene (models.wire's compact attribution).

A real platform would open the mini-program here; this one answers with a small page in words,
so that a printed code can be checked end to end. The page is public, as a poster is.
"""

from __future__ import annotations

import html
import logging
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection, select

from models import wire
from server.api.state import State
from server.db.catalogue import Product, SaleEvent
from server.db.engine import read_begin
from server.db.shops import Shop, StoreManager

log = logging.getLogger(__name__)

router = APIRouter()

_KIND_WORDS = {"sale_event": "档期", "product": "商品", "manager": "店长分店"}


@router.get(
    wire.SHARE_PATH,
    response_class=HTMLResponse,
    responses={404: {"content": {"text/html": {}}, "description": "No such shop or item"}},
)
def share_page(
    state: State, scene: Annotated[str, Query(max_length=wire.MAX_SCENE)] = ""
) -> HTMLResponse:
    try:
        found = wire.decode_scene(scene)
    except ValueError:
        return _page(404, "这个二维码无法识别", "The code is not a Zhanggui share code.")
    with read_begin(state.engine) as conn:
        shop_name = conn.scalar(
            select(Shop.name).where(Shop.shop_id == found.shop_id, Shop.id == found.shop_id)
        )
        target = _target_title(conn, found)
    if shop_name is None or (found.kind != "shop" and target is None):
        return _page(404, "找不到这家店或这件商品", "No such shop or item on the platform.")
    heading = shop_name if target is None else f"{shop_name} · {target}"
    what = "进店" if found.kind == "shop" else _KIND_WORDS[found.kind]
    return _page(200, heading, f"{what} — scene {scene}")


def _target_title(conn: Connection, scene: wire.Scene) -> str | None:
    if scene.target_id is None:
        return None
    if scene.kind == "product":
        return conn.scalar(select(Product.title).where(Product.id == scene.target_id))
    if scene.kind == "sale_event":
        return conn.scalar(select(SaleEvent.title).where(SaleEvent.id == scene.target_id))
    return conn.scalar(
        select(StoreManager.name).where(
            StoreManager.shop_id == scene.shop_id, StoreManager.id == scene.target_id
        )
    )


def _page(status: int, heading: str, detail: str) -> HTMLResponse:
    body = (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width">'
        f"<title>{html.escape(heading)}</title>"
        f"<h1>{html.escape(heading)}</h1><p>{html.escape(detail)}</p></html>"
    )
    return HTMLResponse(body, status_code=status)
