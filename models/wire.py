"""The contract between the desktop and the platform: the only module both sides import.

Times are integer seconds since the epoch, UTC. Money is integer cents (分). Every request names
the protocol version in the ``X-Zhanggui-Protocol`` header; the shop always comes from the bearer
token, never from a request body.

The pull feed is compacted: the platform keeps one feed entry per row (the latest change, an
upsert or a tombstone), numbered by a per-partition sequence assigned inside the writing
transaction. Partition 0 is the platform's catalogue (brands, sale events, products, SKUs, task
stages), shared by every shop; every other partition is one shop. A cursor names a position in both
partitions a client reads: ``"<catalogue_seq>:<shop_seq>"``.

The platform forgets old deletions (tombstones) now and then; the highest sequence number it
forgot up to is a partition's horizon. A client whose position is below the horizon may have
missed a deletion and must take a fresh snapshot, unless it reached that position after the
deletions were forgotten: then it never held those rows. So a cursor also carries the horizons
the platform had when it served it, written after an ``@`` when one stands above its position:
``"<catalogue_seq>:<shop_seq>@<catalogue_horizon>:<shop_horizon>"``. A cursor without them (the
older form) means horizons of 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, NamedTuple
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter
from typing_extensions import TypedDict

PROTOCOL_VERSION: Final = 1
PROTOCOL_HEADER: Final = "X-Zhanggui-Protocol"
START_CURSOR: Final = "0:0"
# Four 64-bit numbers and their separators.
MAX_CURSOR_LENGTH: Final = 96
MAX_PULL_LIMIT: Final = 10_000
MAX_PUSH_BATCH: Final = 500
MAX_NOTE_LENGTH: Final = 2_000
MAX_REASON_LENGTH: Final = 500
# Ids, times and counts are 64-bit on both sides; anything wider is refused before it is stored.
INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1
# The largest integer every JSON reader holds exactly (a double's 53 bits): the bound the
# contract states for times, limits and ids a client sends as numbers.
JSON_INT_MAX: Final = 2**53 - 1
# Both positions of a cursor, in decimal: 18 digits always fit 64 bits.
# A position in both feeds, and after "@" the horizons the platform had then (when above it).
CURSOR_PATTERN: Final = r"^[0-9]{1,18}:[0-9]{1,18}(@[0-9]{1,18}:[0-9]{1,18})?$"
# A mutation id is visible ASCII (a UUID in practice), so it can be logged and stored as it is.
MUTATION_ID_PATTERN: Final = r"^[!-~]{8,64}$"
# A token names its shop in front of its secret ("<shop_id>.<secret>"), so the platform routes
# a request to its shop before it looks anything up; the desktop keeps it as an opaque string.
TOKEN_PATTERN: Final = r"^[1-9][0-9]{0,18}\.[A-Za-z0-9_-]{20,100}$"
# A sign-in that is not used for this long ends by itself.
TOKEN_IDLE_DAYS: Final = 30
MAX_PUBLIC_URL: Final = 200

Category = Literal["时尚女装", "母婴童装", "品质男装", "家居家纺", "美妆个护", "食品生鲜"]
CATEGORIES: Final[tuple[str, ...]] = (
    "时尚女装",
    "母婴童装",
    "品质男装",
    "家居家纺",
    "美妆个护",
    "食品生鲜",
)

OrderStatus = Literal["pending_payment", "paid", "shipped", "completed", "cancelled", "refunded"]
ORDER_STATUSES: Final[tuple[str, ...]] = (
    "pending_payment",
    "paid",
    "shipped",
    "completed",
    "cancelled",
    "refunded",
)
# An order counts as paid (proof of a social relationship, and a sale) in these states.
PAID_ORDER_STATUSES: Final[tuple[str, ...]] = ("paid", "shipped", "completed")

BindingVia = Literal["own", "manager", "public_domain", "transferred_in"]
CustomerStatus = Literal["active", "left"]
BindingEvent = Literal["first_order", "release_out", "transfer_in", "allocation"]
ManagerStatus = Literal["active", "released"]
ProgressStatus = Literal["pending", "in_progress", "completed", "failed"]
Assessment = Literal["not_started", "pending", "passed", "failed"]
ReleaseStatus = Literal["pending", "approved", "declined"]
ReviewFlag = Literal["none", "problem", "follow_up"]
Decision = Literal["approve", "decline"]
PosterKind = Literal["shop", "sale_event", "product", "manager"]
PosterLayout = Literal["a4", "a5", "share", "labels"]
AllocationReason = Literal["release_compensation", "growth"]
StatementLineKind = Literal["commission", "manager_share", "clawback", "adjustment"]
STATEMENT_LINE_KINDS: Final[tuple[str, ...]] = (
    "commission",
    "manager_share",
    "clawback",
    "adjustment",
)
WithdrawalStatus = Literal["requested", "paid", "refused"]
# The people of a shop. The owner may do everything; an assistant reviews orders, picks
# products, prints posters and reads customers and charts; a store manager sees only her own
# sub-store.
Role = Literal["owner", "assistant", "manager"]
ROLES: Final[tuple[str, ...]] = ("owner", "assistant", "manager")
PersonStatus = Literal["invited", "active", "disabled"]
# The owner's user name: she signs in without one, and every action of hers is recorded by it.
OWNER_USER: Final = "owner"
# User names are short words of letters, digits, dots, dashes and underscores.
USER_NAME_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"
MAX_DISPLAY_NAME: Final = 50
# A one-time sign-up code the owner hands a new person; it is good for this many days.
SIGNUP_CODE_DAYS: Final = 7
MIN_PASSWORD_LENGTH: Final = 4
# Money terms when the platform has said nothing else for a shop.
DEFAULT_AFTER_SALES_DAYS: Final = 7
DEFAULT_MIN_WITHDRAWAL_CENTS: Final = 1_000
DEFAULT_PERIOD_DAYS: Final = 7
# Monday 2024-01-01, 00:00 in China: statements' weeks run Monday to Monday, China time.
DEFAULT_PERIOD_ANCHOR: Final = 1_704_038_400
MAX_WITHDRAWAL_CENTS: Final = 10**11


# --- rows: one TypedDict per entity of the feed ---------------------------------------------


class ShopRow(TypedDict):
    id: int
    code: str
    name: str
    owner_name: str
    city: str
    created_at: int
    released_from_shop_id: int | None


class BrandRow(TypedDict):
    id: int
    name: str
    category: Category


class SaleEventRow(TypedDict):
    id: int
    brand_id: int
    title: str
    category: Category
    starts_at: int
    ends_at: int


class ProductRow(TypedDict):
    id: int
    brand_id: int
    sale_event_id: int | None
    title: str
    category: Category
    supply_price_cents: int
    retail_price_cents: int
    commission_rate_bp: int
    sales_count: int
    created_at: int


class SkuRow(TypedDict):
    id: int
    product_id: int
    spec: str
    stock: int
    supply_price_cents: int
    retail_price_cents: int
    commission_cents: int


class TaskStageRow(TypedDict):
    id: int
    position: int
    name: str
    sales_target_cents: int
    customers_target: int
    window_days: int
    description: str
    # The share of a sub-store order's commission that goes to a manager on this stage.
    share_rate_bp: int


class CustomerRow(TypedDict):
    id: int
    name: str
    phone_masked: str
    city: str
    store_manager_id: int | None
    bound_at: int
    bound_via: BindingVia
    status: CustomerStatus
    first_order_at: int | None


class CustomerBindingRow(TypedDict):
    id: int
    customer_id: int
    at: int
    event: BindingEvent
    from_manager_id: int | None
    to_manager_id: int | None
    via: BindingVia
    release_request_id: int | None
    note: str


class StoreManagerRow(TypedDict):
    id: int
    name: str
    phone_masked: str
    city: str
    joined_at: int
    status: ManagerStatus
    current_stage_position: int
    released_at: int | None


class TaskProgressRow(TypedDict):
    id: int
    store_manager_id: int
    stage_id: int
    started_at: int
    deadline_at: int
    sales_cents: int
    customers_count: int
    status: ProgressStatus
    assessment: Assessment
    completed_at: int | None


class ReleaseRequestRow(TypedDict):
    id: int
    store_manager_id: int
    created_at: int
    status: ReleaseStatus
    decided_at: int | None
    decision_reason: str
    new_shop_code: str | None


class OrderRow(TypedDict):
    id: int
    order_no: str
    customer_id: int
    store_manager_id: int | None
    placed_at: int
    paid_at: int | None
    status: OrderStatus
    amount_cents: int
    commission_cents: int
    item_count: int
    items_summary: str
    category: Category
    # When the customer received it; the after-sales window runs from here.
    completed_at: int | None


class OrderItemRow(TypedDict):
    id: int
    order_id: int
    product_id: int
    sku_id: int
    title: str
    category: Category
    quantity: int
    unit_price_cents: int
    commission_cents: int


class TrafficAllocationRow(TypedDict):
    id: int
    customer_id: int
    allocated_at: int
    reason: AllocationReason
    release_request_id: int | None


class SettlementTermsRow(TypedDict):
    """How a shop's money is settled; one row per shop, keyed by the shop's id."""

    id: int
    after_sales_days: int
    min_withdrawal_cents: int
    # Statements cover periods of this many days, one of them starting at ``period_anchor``.
    period_days: int
    period_anchor: int


class StatementRow(TypedDict):
    """One settlement run: what the period [period_start, period_end) put on the balance.

    The subtotals are sums of the statement's lines by kind; ``total_cents`` is all of them.
    """

    id: int
    period_start: int
    period_end: int
    settled_at: int
    commission_cents: int
    manager_share_cents: int
    clawback_cents: int
    adjustment_cents: int
    total_cents: int
    line_count: int


class StatementLineRow(TypedDict):
    """A commission earned (+), a manager's share of it (-), a refund's claw-back (-), or an
    adjustment of the platform's (either sign, often without an order)."""

    id: int
    statement_id: int
    order_id: int | None
    order_no: str
    store_manager_id: int | None
    kind: StatementLineKind
    amount_cents: int
    # The stage rate the platform applied, on manager-share lines.
    share_rate_bp: int | None
    note: str


class WithdrawalRow(TypedDict):
    """Money leaving the balance for the owner's bank: requested, then paid or refused."""

    id: int
    # The desktop's request it answers (its mutation payload's id), if one asked for it.
    request_id: str | None
    amount_cents: int
    requested_at: int
    status: WithdrawalStatus
    decided_at: int | None
    reason: str


# Client-owned rows: written on the desktop, pushed as mutations, and echoed back in the feed so
# that a second computer of the same shop sees them.


class OrderReviewRow(TypedDict):
    order_id: int
    reviewed: bool
    flag: ReviewFlag
    note: str
    updated_at: int
    # Who did it: the user name of the person whose action wrote the row.
    actor: str


class ProductPickRow(TypedDict):
    product_id: int
    picked: bool
    updated_at: int
    actor: str


class ReleaseDecisionRow(TypedDict):
    request_id: int
    decision: Decision
    reason: str
    decided_at: int
    mutation_id: str
    actor: str


class PosterPrintRow(TypedDict):
    id: str
    kind: PosterKind
    target_id: int | None
    layout: PosterLayout
    copies: int
    printed_at: int
    actor: str


class WithdrawalRequestRow(TypedDict):
    id: str
    amount_cents: int
    requested_at: int
    actor: str


class PersonRow(TypedDict):
    """Someone who signs in to the shop; only the owner's feed carries these rows."""

    id: int
    user_name: str
    display_name: str
    role: Role
    # The sub-store a manager sees; None for the owner and assistants.
    store_manager_id: int | None
    status: PersonStatus
    created_at: int
    last_sign_in_at: int | None
    disabled_at: int | None


class Upserts(TypedDict, total=False):
    shop: list[ShopRow]
    brand: list[BrandRow]
    sale_event: list[SaleEventRow]
    product: list[ProductRow]
    sku: list[SkuRow]
    task_stage: list[TaskStageRow]
    customer: list[CustomerRow]
    customer_binding: list[CustomerBindingRow]
    store_manager: list[StoreManagerRow]
    task_progress: list[TaskProgressRow]
    release_request: list[ReleaseRequestRow]
    order: list[OrderRow]
    order_item: list[OrderItemRow]
    traffic_allocation: list[TrafficAllocationRow]
    settlement_terms: list[SettlementTermsRow]
    statement: list[StatementRow]
    statement_line: list[StatementLineRow]
    withdrawal: list[WithdrawalRow]
    order_review: list[OrderReviewRow]
    product_pick: list[ProductPickRow]
    release_decision: list[ReleaseDecisionRow]
    poster_print: list[PosterPrintRow]
    withdrawal_request: list[WithdrawalRequestRow]
    person: list[PersonRow]


Entity = Literal[
    "shop",
    "brand",
    "sale_event",
    "product",
    "sku",
    "task_stage",
    "customer",
    "customer_binding",
    "store_manager",
    "task_progress",
    "release_request",
    "order",
    "order_item",
    "traffic_allocation",
    "settlement_terms",
    "statement",
    "statement_line",
    "withdrawal",
    "order_review",
    "product_pick",
    "release_decision",
    "poster_print",
    "withdrawal_request",
    "person",
]
ENTITIES: Final[tuple[str, ...]] = tuple(Upserts.__annotations__)
CATALOGUE_ENTITIES: Final[frozenset[str]] = frozenset(
    {"brand", "sale_event", "product", "sku", "task_stage"}
)
# The field that keys each entity's rows (the feed keeps one entry per key).
ENTITY_KEYS: Final[dict[str, str]] = {
    **dict.fromkeys(ENTITIES, "id"),
    "order_review": "order_id",
    "product_pick": "product_id",
    "release_decision": "request_id",
}


# --- requests and responses ------------------------------------------------------------------


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _whole_number(value: object) -> object:
    # JSON Schema calls 5.0 an integer and true not one; pydantic's lax mode reads both as 5
    # and 1, its strict mode refuses both.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


# An integer as JSON Schema has it: 5 or 5.0, never true or "5".
JsonInt = Annotated[int, BeforeValidator(_whole_number)]


class Request(Strict):
    """A request body: every value of the type the contract states, none converted (a JSON
    ``false`` is not the number 0, nor ``"5"`` the number 5)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LoginRequest(Request):
    shop_code: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    # A person of the shop; empty (and left out of the request) means the shop's owner.
    user: str = Field(default="", max_length=64)


class SignupRequest(Request):
    """A new person's first sign-in: the owner's one-time code, and the password chosen now."""

    shop_code: str = Field(min_length=1, max_length=64)
    user: str = Field(min_length=1, max_length=64)
    signup_code: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)


class LoginResponse(Strict):
    token: str
    shop_id: int
    shop_code: str
    shop_name: str
    epoch: str
    # Who signed in; a platform that knows only owners leaves these out.
    user: str = OWNER_USER
    role: Role = "owner"
    person_id: int = 0
    display_name: str = ""
    store_manager_id: int | None = None
    # The address customers' phones reach the platform at (see ``public_url``); "" when the
    # platform announces none and its own address serves.
    public_url: str = Field(default="", max_length=MAX_PUBLIC_URL)


class AddPersonRequest(Request):
    """The owner adds an assistant, or gives a store manager a sign-in of her own."""

    user_name: str = Field(pattern=USER_NAME_PATTERN)
    display_name: str = Field(min_length=1, max_length=MAX_DISPLAY_NAME)
    role: Literal["assistant", "manager"]
    store_manager_id: int | None = None


class AddPersonResponse(Strict):
    person: PersonRow
    # Shown to the owner once; the platform keeps only a digest of it.
    signup_code: str
    code_expires_at: int


class PersonResponse(Strict):
    person: PersonRow


class LogoutRequest(Request):
    # False: only the computer that sends the request; True: every computer of the shop.
    everywhere: bool = False


class LogoutResponse(Strict):
    signed_out: int = Field(ge=0, description="how many sign-ins ended")


class HealthResponse(Strict):
    status: Literal["ok"]
    protocol: int
    epoch: str
    public_url: str = Field(default="", max_length=MAX_PUBLIC_URL)


class PullPage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    epoch: str
    cursor: str
    next_cursor: str
    more: bool
    upserts: Upserts
    deletes: dict[Entity, list[int | str]]


class OrderReviewPayload(Strict):
    order_id: int
    reviewed: bool
    flag: ReviewFlag
    note: str = Field(max_length=MAX_NOTE_LENGTH)


class ProductPickPayload(Strict):
    product_id: int
    picked: bool


class ReleaseDecisionPayload(Strict):
    request_id: int
    decision: Decision
    reason: str = Field(max_length=MAX_REASON_LENGTH)


class PosterPrintPayload(Strict):
    id: str = Field(min_length=1, max_length=64)
    kind: PosterKind
    target_id: int | None
    layout: PosterLayout
    copies: int = Field(ge=1, le=10_000)


class WithdrawalRequestPayload(Strict):
    """Pay ``amount_cents`` of the available balance out; ``id`` is made by the desktop."""

    id: str = Field(min_length=8, max_length=64)
    amount_cents: int = Field(ge=1, le=MAX_WITHDRAWAL_CENTS)


MutationKind = Literal[
    "order_review.set", "product_pick.set", "release.decide", "poster.printed", "withdrawal.request"
]
MUTATION_PAYLOADS: Final[dict[str, type[Strict]]] = {
    "order_review.set": OrderReviewPayload,
    "product_pick.set": ProductPickPayload,
    "release.decide": ReleaseDecisionPayload,
    "poster.printed": PosterPrintPayload,
    "withdrawal.request": WithdrawalRequestPayload,
}


# --- who may see and do what ---------------------------------------------------------------
# The platform filters every pull and checks every push by these tables, and the desk offers
# only what they allow: nobody meets a button whose action would be refused.

ROLE_MUTATIONS: Final[dict[str, frozenset[str]]] = {
    "owner": frozenset(MUTATION_PAYLOADS),
    "assistant": frozenset({"order_review.set", "product_pick.set", "poster.printed"}),
    "manager": frozenset({"poster.printed"}),
}
# Release decisions, the shop's money and its people: rows only the owner's feed carries.
OWNER_ONLY_ENTITIES: Final[frozenset[str]] = frozenset(
    {
        "release_request",
        "release_decision",
        "settlement_terms",
        "statement",
        "statement_line",
        "withdrawal",
        "withdrawal_request",
        "person",
    }
)
# What a manager's feed carries besides the catalogue: the rows within her sub-store's reach
# (its orders and their lines, its customers, her path, her share, her posters).
MANAGER_ENTITIES: Final[frozenset[str]] = frozenset(
    {
        "shop",
        "customer",
        "customer_binding",
        "store_manager",
        "task_progress",
        "release_request",
        "order",
        "order_item",
        "statement_line",
        "poster_print",
    }
)
# A manager prints the posters of her own sub-store only.
MANAGER_POSTER_KINDS: Final[frozenset[str]] = frozenset({"manager"})


def may_push(role: str, kind: str) -> bool:
    return kind in ROLE_MUTATIONS.get(role, frozenset())


def may_see(role: str, entity: str) -> bool:
    """Whether the role's feed carries rows of ``entity`` at all (a manager's only within
    reach of her sub-store)."""
    if entity in CATALOGUE_ENTITIES or role == "owner":
        return True
    if role == "assistant":
        return entity not in OWNER_ONLY_ENTITIES
    return entity in MANAGER_ENTITIES


class Mutation(Request):
    id: str = Field(min_length=8, max_length=64, pattern=MUTATION_ID_PATTERN)
    kind: MutationKind
    payload: dict[str, Any]
    created_at: JsonInt = Field(ge=-JSON_INT_MAX, le=JSON_INT_MAX)


class PushRequest(Request):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_BATCH)


MutationStatus = Literal["applied", "duplicate", "rejected"]


class MutationResult(Strict):
    id: str
    status: MutationStatus
    # For a duplicate: the outcome of the first delivery ("applied" or "rejected").
    outcome: Literal["applied", "rejected"]
    code: str = ""
    reason: str = ""


class PushResponse(Strict):
    results: list[MutationResult]


class ErrorBody(Strict):
    """Every error response: a stable code for programs and a sentence for people."""

    code: str
    message: str


# Error codes the client acts on.
ERR_UPGRADE = "upgrade_required"
ERR_AUTH = "unauthorized"
ERR_BAD_LOGIN = "bad_login"
ERR_CURSOR_EXPIRED = "cursor_expired"
ERR_BAD_REQUEST = "bad_request"
# Signed in, but this person's role may not do that (the owner's alone, or another sub-store's).
ERR_FORBIDDEN = "forbidden"
ERR_SIGNUP = "bad_signup_code"
# The sign-in was not used for TOKEN_IDLE_DAYS days; signing in again gives a new one.
ERR_SESSION_EXPIRED = "session_expired"
# Too many wrong passwords for one shop code from one address: the Retry-After header says when.
ERR_THROTTLED = "too_many_attempts"
ERR_TIMEOUT = "request_timeout"

PULL_PAGE_ADAPTER: Final = TypeAdapter(PullPage)


def manager_share_cents(commission_cents: int, share_rate_bp: int) -> int:
    """A manager's share of a commission: the stage rate of it, to the nearest cent (halves
    up). The owner keeps the rest."""
    return (commission_cents * share_rate_bp + 5_000) // 10_000


class Cursor(NamedTuple):
    """A position in the catalogue's and the shop's feed, and the platform's horizons then."""

    catalogue: int
    shop: int
    catalogue_horizon: int = 0
    shop_horizon: int = 0


def _seq_pair(text: str, whole: str) -> tuple[int, int]:
    first, sep, second = text.partition(":")
    # isascii: str.isdigit also accepts other scripts' digits and superscripts.
    if not (sep and first.isascii() and first.isdigit() and second.isascii() and second.isdigit()):
        raise ValueError(f"not a cursor: {whole[:40]!r}")
    return int(first), int(second)


def read_cursor(cursor: str) -> Cursor:
    """A cursor's positions and horizons; ValueError when it is not a cursor."""
    positions, sep, horizons = cursor.partition("@")
    catalogue, shop = _seq_pair(positions, cursor)
    if not sep:
        return Cursor(catalogue, shop)
    return Cursor(catalogue, shop, *_seq_pair(horizons, cursor))


def parse_cursor(cursor: str) -> tuple[int, int]:
    """A cursor's catalogue and shop positions; ValueError when it is not a cursor."""
    found = read_cursor(cursor)
    return found.catalogue, found.shop


def format_cursor(
    catalogue_seq: int, shop_seq: int, catalogue_horizon: int = 0, shop_horizon: int = 0
) -> str:
    text = f"{catalogue_seq}:{shop_seq}"
    if catalogue_horizon > catalogue_seq or shop_horizon > shop_seq:
        text += f"@{catalogue_horizon}:{shop_horizon}"
    return text


# --- share links ---------------------------------------------------------------------------
# A printed poster outlives the process that served it: its code carries the platform's public
# address, which the platform announces at sign-in and in its health answer, never the address
# a desktop happens to reach it at (the demo's loopback port changes at every start).


def public_url(text: str) -> str:
    """``text`` as a public address: http(s), a host, no query or fragment, no trailing slash;
    ValueError saying what is wrong otherwise."""
    text = text.strip()
    if len(text) > MAX_PUBLIC_URL:
        raise ValueError(f"a public address has at most {MAX_PUBLIC_URL} characters")
    if not text.isascii() or any(c.isspace() for c in text):
        raise ValueError("a public address is plain ASCII without spaces (punycode a host)")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as error:
        raise ValueError(f"{text!r} is not an address: {error}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not an http:// or https:// address with a host")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"{text!r} has a query, a fragment or a user; give the bare address")
    return text.rstrip("/")


# A mini-program code carries at most 32 characters of "scene", so a poster's attribution is
# packed: the shop, then at most one target, each id in base 36 behind an upper-case tag
# ("S1z", "S1zP2k3"). Ids are digits and lower-case letters and tags upper-case letters, so the
# scene reads back without separators; two non-negative 64-bit ids take at most 28 characters.

MAX_SCENE: Final = 32
MAX_SCENE_ID: Final = 2**63 - 1
SHARE_PATH: Final = "/share"
_BASE36: Final = "0123456789abcdefghijklmnopqrstuvwxyz"
_SCENE_TAGS: Final[dict[str, PosterKind]] = {"E": "sale_event", "P": "product", "M": "manager"}
_SCENE_TAG_OF: Final = {kind: tag for tag, kind in _SCENE_TAGS.items()}
SCENE_PATTERN: Final = r"^S[0-9a-z]{1,13}(?:[EPM][0-9a-z]{1,13})?$"
_SCENE_FORM: Final = re.compile(r"S([0-9a-z]{1,13})(?:([EPM])([0-9a-z]{1,13}))?")


@dataclass(frozen=True)
class Scene:
    """Who gets the credit for what a poster sells: the shop and, for all but shop posters, what
    the poster is about."""

    shop_id: int
    kind: PosterKind = "shop"
    target_id: int | None = None


def base36(number: int) -> str:
    if not 0 <= number <= MAX_SCENE_ID:
        raise ValueError(f"an id is between 0 and {MAX_SCENE_ID}")
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _BASE36[rest] + digits
        if number == 0:
            return digits


def encode_scene(scene: Scene) -> str:
    """The scene text; ValueError for an id out of range or a target missing."""
    text = "S" + base36(scene.shop_id)
    if scene.kind != "shop":
        if scene.target_id is None:
            raise ValueError(f"a {scene.kind} poster needs the id of its target")
        text += _SCENE_TAG_OF[scene.kind] + base36(scene.target_id)
    if len(text) > MAX_SCENE:  # cannot happen for 64-bit ids
        raise ValueError(f"a scene has at most {MAX_SCENE} characters")
    return text


def decode_scene(text: str) -> Scene:
    """The scene a text stands for; ValueError when it is not one."""
    found = _SCENE_FORM.fullmatch(text)
    if found is None:
        raise ValueError(f"{text[:40]!r} is not a poster scene")
    shop, tag, target = found.groups()
    # Thirteen base-36 digits reach past 64 bits: such an id names nothing and never reaches SQL.
    shop_id = int(shop, 36)
    target_id = None if target is None else int(target, 36)
    if shop_id > MAX_SCENE_ID or (target_id is not None and target_id > MAX_SCENE_ID):
        raise ValueError(f"{text[:40]!r} names an id beyond any on the platform")
    if tag is None:
        return Scene(shop_id)
    return Scene(shop_id, _SCENE_TAGS[tag], target_id)
