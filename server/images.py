"""Product pictures: drawn from what the platform knows of a product, the same every time.

The platform has no photographs; it draws each product a picture of its own: a background in
the colour of its category, a pattern and a silhouette chosen by its id, so that neighbouring
products look different and one product always looks the same. Pictures are served with a
long cache lifetime and an ETag, so a desktop fetches each one once and revalidates cheaply.
"""

from __future__ import annotations

import colorsys
import enum
import functools
import hashlib
import io
import math
import random
from collections.abc import Callable, Sequence
from typing import Annotated, Final

from fastapi import (
    APIRouter,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Path,
    Query,
    Response,
    params,
)
from PIL import Image, ImageDraw, ImageFilter
from sqlalchemy import select

from models import wire

# Bump when the drawing changes, so that cached pictures are fetched again.
PICTURE_VERSION: Final = 3
SIZES: Final = (120, 240, 480)


class PictureSize(enum.IntEnum):
    SMALL = 120
    MEDIUM = 240
    LARGE = 480


DEFAULT_SIZE: Final = 480
MAX_AGE_SECONDS: Final = 86_400
CACHE_CONTROL: Final = f"public, max-age={MAX_AGE_SECONDS}"
_SUPERSAMPLE: Final = 2
_BLUR_SIZE: Final = 128

Rgb = tuple[int, int, int]
# (title, category) of a product, or None when the platform has no such product.
ProductLookup = Callable[[int], tuple[str, str] | None]

# Background and ink per category: soft enough to sit in a grid, distinct enough to tell apart.
CATEGORY_COLOURS: Final[dict[str, tuple[Rgb, Rgb]]] = {
    "时尚女装": ((246, 205, 214), (196, 82, 118)),
    "母婴童装": ((204, 234, 245), (52, 142, 186)),
    "品质男装": ((214, 222, 236), (58, 86, 128)),
    "家居家纺": ((242, 228, 204), (170, 120, 66)),
    "美妆个护": ((229, 216, 243), (132, 88, 180)),
    "食品生鲜": ((216, 238, 206), (80, 146, 58)),
}
_OTHER_COLOURS: Final = ((226, 226, 230), (110, 110, 122))

# Silhouettes on a 100 x 100 grid, a few per category.
_Shape = list[tuple[float, float]]
DRESS: Final[_Shape] = [
    (40, 14), (44, 14), (46, 22), (54, 22), (56, 14), (60, 14), (62, 30), (58, 44),
    (76, 86), (24, 86), (42, 44), (38, 30),
]  # fmt: skip
TEE: Final[_Shape] = [
    (36, 18), (44, 22), (56, 22), (64, 18), (82, 30), (74, 44), (68, 40), (68, 84),
    (32, 84), (32, 40), (26, 44), (18, 30),
]  # fmt: skip
SHIRT: Final[_Shape] = [
    (38, 16), (50, 28), (62, 16), (80, 26), (76, 48), (68, 46), (68, 86), (32, 86),
    (32, 46), (24, 48), (20, 26),
]  # fmt: skip
ROMPER: Final[_Shape] = [
    (38, 16), (46, 20), (54, 20), (62, 16), (76, 28), (68, 38), (66, 62), (70, 84),
    (54, 84), (50, 70), (46, 84), (30, 84), (34, 62), (32, 38), (24, 28),
]  # fmt: skip
TROUSERS: Final[_Shape] = [
    (32, 14), (68, 14), (72, 86), (56, 86), (50, 38), (44, 86), (28, 86),
]  # fmt: skip
SHAPES: Final[dict[str, tuple[str, ...]]] = {
    "时尚女装": ("dress", "tee", "trousers"),
    "母婴童装": ("romper", "bear", "tee"),
    "品质男装": ("shirt", "tee", "trousers"),
    "家居家纺": ("pillow", "towels", "cup"),
    "美妆个护": ("bottle", "jar", "lipstick"),
    "食品生鲜": ("apple", "jar", "cup"),
}
PATTERNS: Final = ("dots", "stripes", "waves", "confetti")


def product_picture(product_id: int, title: str, category: str, size: int = DEFAULT_SIZE) -> bytes:
    """A square PNG of ``size`` pixels for a product: the same bytes for the same arguments."""
    if size < 16 or size > 2048:
        raise ValueError(f"a picture is 16 to 2048 pixels wide, not {size}")
    return _drawn(product_id, title, category, size)


def picture_etag(product_id: int, title: str, category: str, size: int) -> str:
    """A strong validator of a picture, known without drawing it."""
    text = f"{PICTURE_VERSION}/{product_id}/{size}/{category}/{title}"
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


@functools.lru_cache(maxsize=256)
def _drawn(product_id: int, title: str, category: str, size: int) -> bytes:
    rng = random.Random(f"{PICTURE_VERSION}/{product_id}/{category}/{title}")
    paper, ink = _colours(category, rng)
    # Shapes are drawn on masks at twice the size and reduced, for smooth edges; the colours
    # are laid on at the picture's own size, which costs a quarter of the pixels.
    picture = Image.new("RGB", (size, size), paper)
    _background(picture, paper, rng)
    _pattern(picture, _mix(paper, ink, 0.18), PATTERNS[product_id % len(PATTERNS)], rng)
    shapes = SHAPES.get(category, ("jar",))
    shape = shapes[(product_id // len(PATTERNS)) % len(shapes)]
    _silhouette(picture, shape, ink, rng)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _colours(category: str, rng: random.Random) -> tuple[Rgb, Rgb]:
    paper, ink = CATEGORY_COLOURS.get(category, _OTHER_COLOURS)
    shift = rng.uniform(-0.025, 0.025)
    return _shifted(paper, shift), _shifted(ink, shift)


def _shifted(colour: Rgb, hue_shift: float) -> Rgb:
    h, light, s = colorsys.rgb_to_hls(*(c / 255 for c in colour))
    r, g, b = colorsys.hls_to_rgb((h + hue_shift) % 1.0, light, s)
    return round(r * 255), round(g * 255), round(b * 255)


def _mix(a: Rgb, b: Rgb, share_of_b: float) -> Rgb:
    return (
        round(a[0] + (b[0] - a[0]) * share_of_b),
        round(a[1] + (b[1] - a[1]) * share_of_b),
        round(a[2] + (b[2] - a[2]) * share_of_b),
    )


def _background(picture: Image.Image, paper: Rgb, rng: random.Random) -> None:
    """A soft light from one corner, so the picture is not flat."""
    size = picture.width
    small = _BLUR_SIZE
    glow = Image.new("L", (small, small), 0)
    cx, cy = rng.uniform(0.15, 0.85) * small, rng.uniform(0.1, 0.4) * small
    radius = small * 0.75
    ImageDraw.Draw(glow).ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=90)
    # Blurred small and stretched: a blur at full size costs far more and looks the same.
    glow = glow.filter(ImageFilter.GaussianBlur(small / 6)).resize(
        (size, size), Image.Resampling.BILINEAR
    )
    picture.paste(_mix(paper, (255, 255, 255), 0.7), (0, 0, size, size), glow)


def _pattern(picture: Image.Image, colour: Rgb, kind: str, rng: random.Random) -> None:
    divisions = rng.choice((8, 10, 12))
    if kind == "confetti":
        mask = _confetti(picture.width, divisions, rng)
    else:
        # The regular patterns depend on nothing but their size: drawn once, kept.
        mask = _regular_pattern(kind, picture.width, divisions)
    picture.paste(colour, (0, 0, picture.width, picture.width), mask)


@functools.lru_cache(maxsize=32)
def _regular_pattern(kind: str, width: int, divisions: int) -> Image.Image:
    size = width * _SUPERSAMPLE
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    step = size / divisions
    if kind == "dots":
        r = step * 0.12
        for row in range(-1, int(size / step) + 2):
            for col in range(-1, int(size / step) + 2):
                x = col * step + (step / 2 if row % 2 else 0)
                y = row * step
                draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    elif kind == "stripes":
        line_width = max(2, int(step * 0.22))
        for k in range(-int(size / step) - 2, int(2 * size / step) + 2):
            x = k * step
            draw.line((x, 0, x + size, size), fill=255, width=line_width)
    else:  # waves
        line_width = max(2, int(step * 0.12))
        for row in range(int(size / step) + 2):
            y0 = row * step
            points = [
                (x, y0 + math.sin(x / size * math.tau * 2 + row) * step * 0.22)
                for x in range(0, size + 8, 8)
            ]
            draw.line(points, fill=255, width=line_width, joint="curve")
    return mask.reduce(_SUPERSAMPLE)


def _confetti(width: int, divisions: int, rng: random.Random) -> Image.Image:
    size = width * _SUPERSAMPLE
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    step = size / divisions
    for _ in range(40):
        x, y = rng.uniform(0, size), rng.uniform(0, size)
        r = rng.uniform(step * 0.1, step * 0.35)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=255, width=max(2, int(r / 4)))
    return mask.reduce(_SUPERSAMPLE)


def _silhouette(picture: Image.Image, shape: str, ink: Rgb, rng: random.Random) -> None:
    size = picture.width
    # The goods fill 78 to 90 % of the picture, in four steps, so their masks can be kept.
    fill = rng.choice(_FILLS)
    goods, shadow = _goods(shape, size, fill)
    whole = (0, 0, size, size)
    # A plate behind the goods, then a soft shadow, then the goods themselves.
    picture.paste((255, 255, 255), whole, _plate(size))
    picture.paste(_mix(ink, (0, 0, 0), 0.5), whole, shadow)
    picture.paste(ink, whole, goods)
    # A light sheen across the upper part of the goods.
    top = (0, 0, size, int(size * 0.42))
    picture.paste((255, 255, 255), top, goods.crop(top).point(_SHEEN))


_FILLS: Final = (0.78, 0.82, 0.86, 0.9)
_SHEEN: Final = [v * 40 // 255 for v in range(256)]


@functools.lru_cache(maxsize=8)
def _plate(size: int) -> Image.Image:
    big = size * _SUPERSAMPLE
    plate = Image.new("L", (big, big), 0)
    r = big * 0.36
    ImageDraw.Draw(plate).ellipse(
        (big / 2 - r, big / 2 - r + big * 0.02, big / 2 + r, big / 2 + r + big * 0.02),
        fill=150,
    )
    return plate.reduce(_SUPERSAMPLE)


@functools.lru_cache(maxsize=64)
def _goods(shape: str, size: int, fill: float) -> tuple[Image.Image, Image.Image]:
    """The goods' mask and their shadow's, drawn once for a shape, a size and a fill."""
    big = size * _SUPERSAMPLE
    scale = big / 100 * fill
    offset = (big - 100 * scale) / 2
    layer = Image.new("L", (big, big), 0)
    _draw_shape(ImageDraw.Draw(layer), shape, lambda x, y: (offset + x * scale, offset + y * scale))
    goods = layer.reduce(_SUPERSAMPLE)
    blurred = (
        goods.resize((_BLUR_SIZE, _BLUR_SIZE), Image.Resampling.BILINEAR)
        .filter(ImageFilter.GaussianBlur(_BLUR_SIZE / 80))
        .resize((size, size), Image.Resampling.BILINEAR)
        .point(lambda v: v * 45 // 255)
    )
    shadow = Image.new("L", (size, size), 0)
    shadow.paste(blurred, (int(size * 0.012), int(size * 0.02)))
    return goods, shadow


def _draw_shape(
    draw: ImageDraw.ImageDraw, shape: str, at: Callable[[float, float], tuple[float, float]]
) -> None:
    def polygon(points: Sequence[tuple[float, float]]) -> None:
        draw.polygon([at(x, y) for x, y in points], fill=255)

    def box(x0: float, y0: float, x1: float, y1: float, radius: float = 0) -> None:
        (a, b), (c, d) = at(x0, y0), at(x1, y1)
        scale = (c - a) / (x1 - x0)
        draw.rounded_rectangle((a, b, c, d), radius=radius * scale, fill=255)

    def circle(x: float, y: float, r: float) -> None:
        (a, b), (c, d) = at(x - r, y - r), at(x + r, y + r)
        draw.ellipse((a, b, c, d), fill=255)

    outlines = {"dress": DRESS, "tee": TEE, "shirt": SHIRT, "romper": ROMPER}
    if shape in outlines:
        polygon(outlines[shape])
    elif shape == "trousers":
        polygon(TROUSERS)
    elif shape == "bear":
        circle(50, 56, 26)
        circle(30, 32, 10)
        circle(70, 32, 10)
    elif shape == "pillow":
        box(18, 30, 82, 74, 14)
    elif shape == "towels":
        box(22, 56, 78, 80, 6)
        box(26, 38, 74, 58, 6)
        box(30, 22, 70, 40, 6)
    elif shape == "cup":
        box(28, 30, 66, 82, 8)
        draw.ellipse((*at(58, 40), *at(80, 68)), outline=255, width=int(at(6, 0)[0] - at(0, 0)[0]))
    elif shape == "bottle":
        box(42, 14, 58, 28, 3)
        box(32, 26, 68, 86, 12)
    elif shape == "lipstick":
        polygon([(40, 16), (60, 28), (60, 46), (40, 46)])
        box(36, 46, 64, 86, 4)
    elif shape == "apple":
        circle(40, 58, 24)
        circle(60, 58, 24)
        polygon([(50, 30), (62, 14), (70, 18), (56, 34)])
    else:  # jar
        box(30, 18, 70, 30, 4)
        box(26, 30, 74, 84, 12)


# --- the route ------------------------------------------------------------------------------


def image_routes(
    app: FastAPI,
    lookup: ProductLookup | None = None,
    *,
    dependencies: Sequence[params.Depends] | None = None,
) -> None:
    """Serve ``GET /v1/images/product/{product_id}.png[?size=120|240|480]``.

    On the platform (no ``lookup``) a product is looked up in its catalogue and the caller must
    be signed in like for every other request; ``lookup`` and ``dependencies`` let a test or a
    tool serve pictures of products it knows itself.
    """
    if lookup is None:
        # Imported here: the platform's app imports this module while it is being built.
        from server.api.state import signed_in_shop

        lookup = _catalogue_lookup(app)
        if dependencies is None:
            dependencies = [Depends(signed_in_shop)]
    find = lookup
    router = APIRouter(dependencies=list(dependencies or ()))

    @router.get(
        "/v1/images/product/{product_id}.png",
        response_class=Response,
        responses={
            200: {"content": {"image/png": {}}, "description": "The picture"},
            304: {"description": "The picture has not changed since the ETag sent"},
            404: {"model": wire.ErrorBody, "description": "No such product"},
        },
    )
    def product_image(
        product_id: Annotated[int, Path(ge=1, le=wire.JSON_INT_MAX)],
        size: Annotated[PictureSize, Query()] = PictureSize.LARGE,
        if_none_match: Annotated[str | None, Header(max_length=1000)] = None,
    ) -> Response:
        found = find(product_id)
        if found is None:
            raise HTTPException(404, "no such product")
        title, category = found
        etag = picture_etag(product_id, title, category, int(size))
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if if_none_match is not None and _matches(if_none_match, etag):
            return Response(status_code=304, headers=headers)
        body = product_picture(product_id, title, category, int(size))
        return Response(body, media_type="image/png", headers=headers)

    app.include_router(router)


def _catalogue_lookup(app: FastAPI) -> ProductLookup:
    from server.db.catalogue import Product
    from server.db.engine import read_begin

    def lookup(product_id: int) -> tuple[str, str] | None:
        state = app.state.platform
        with read_begin(state.engine) as conn:
            found = conn.execute(
                select(Product.title, Product.category).where(Product.id == product_id)
            ).first()
        return None if found is None else (found.title, found.category)

    return lookup


def _matches(if_none_match: str, etag: str) -> bool:
    wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in wanted or etag in wanted
