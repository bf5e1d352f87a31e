"""The people of a shop at their desks: signing in as a person from the command line, a
profile holding only what its person may see, a manager's "My path" equal to the platform's
rows, the owner's People page acting on the platform, and a profile that changes hands."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from models import wire
from models.db import CLIENT_TABLES, MIRROR_TABLES, OutboxEntry, SyncState
from models.errors import LoginRefused, NotAllowed, SignInEnded
from models.profile import Profile
from models.services.account import login, signup
from models.services.my_path import my_path
from models.services.orders import newest_orders
from models.services.people import add_person, set_person_enabled, shop_people
from models.services.posters import manager_subject, record_print, shop_subject
from models.services.reviews import review_order
from models.sync.syncer import sync
from tests.platform_process import MAIN, PlatformProcess
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import (
    applied_mutations,
    assert_mirror_equals_server,
    busiest_manager,
    platform_connection,
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _rows_of(profile: Profile, entity: str) -> int:
    table = {**MIRROR_TABLES, **CLIENT_TABLES}[entity]
    with profile.read() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def _actors(platform: PlatformProcess, shop_id: int) -> dict[str, str]:
    with platform_connection(platform.db) as conn:
        rows = conn.execute(
            text("SELECT mutation_id, actor FROM applied_mutation WHERE shop_id = :shop"),
            {"shop": shop_id},
        ).all()
    return {str(m): str(a) for m, a in rows}


def _pending(profile: Profile) -> list[str]:
    with profile.read() as s:
        return list(s.scalars(select(OutboxEntry.id).where(OutboxEntry.status == "pending")))


@pytest.mark.parametrize(
    ("user", "role"), [("", "owner"), ("assistant", "assistant"), ("manager", "manager")]
)
def test_login_as_a_person_and_status_says_who_and_what_role(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str, role: str
) -> None:
    folder = profile_folder("cli")
    name = busiest_manager(platform.db) if user == "manager" else user
    asked = ["--user", name] if name else []
    done = run(
        "login",
        "--profile",
        str(folder),
        "--platform",
        platform.url,
        "--shop",
        "demo1",
        *asked,
        "--password",
        "demo",
    )
    assert done.returncode == 0, done.stderr
    shown = name or "owner"
    assert f"as {shown} ({role})" in done.stdout
    status = run("status", "--profile", str(folder), "--json")
    assert status.returncode == 0, status.stderr
    said = json.loads(status.stdout)
    assert (said["user"], said["role"], said["shop"]) == (shown, role, "demo1")

    assert run("sync", "--profile", str(folder)).returncode == 0
    profile = Profile.open(folder)
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))
    for entity in wire.ENTITIES:
        if not wire.may_see(role, entity):
            assert _rows_of(profile, entity) == 0, entity
    profile.close()


def test_a_wrong_password_for_a_person_is_refused_and_the_profile_stays_signed_out(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = Profile.open(profile_folder("a"))
    with pytest.raises(LoginRefused):
        login(profile, platform.url, "demo1", "wrong", "assistant")
    with profile.read() as s:
        assert s.scalar(select(SyncState)) is None


def test_my_path_equals_plain_sql_over_the_platforms_rows_of_her_sub_store(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    user = busiest_manager(platform.db)
    profile = signed_in(platform, profile_folder("m"), user=user)
    sync(profile)
    shop_id = shop_id_of(profile)
    path = my_path(profile, wire_now(platform))
    assert path is not None
    manager_id = path.manager_id
    assert f"m{manager_id}" == user
    params = {"shop": shop_id, "m": manager_id}
    paid = ", ".join(f"'{s}'" for s in wire.PAID_ORDER_STATUSES)
    with platform_connection(platform.db) as conn:

        def one(sql: str) -> int:
            return int(conn.execute(text(sql), params).scalar_one() or 0)

        orders_total = one(
            'SELECT count(*) FROM "order" WHERE shop_id = :shop AND store_manager_id = :m'
        )
        paid_orders = one(
            'SELECT count(*) FROM "order" WHERE shop_id = :shop AND store_manager_id = :m'
            f" AND status IN ({paid})"
        )
        paid_cents = one(
            'SELECT sum(amount_cents) FROM "order" WHERE shop_id = :shop'
            f" AND store_manager_id = :m AND status IN ({paid})"
        )
        coming = one(
            'SELECT count(DISTINCT o.customer_id) FROM "order" o JOIN customer c'
            " ON c.shop_id = o.shop_id AND c.id = o.customer_id WHERE o.shop_id = :shop"
            f" AND o.store_manager_id = :m AND o.status IN ({paid}) AND c.status = 'active'"
        )
        bound = one("SELECT count(*) FROM customer WHERE shop_id = :shop AND store_manager_id = :m")
        settled = -one(
            "SELECT sum(amount_cents) FROM statement_line WHERE shop_id = :shop"
            " AND kind = 'manager_share' AND store_manager_id = :m"
        )
        stages_begun = one(
            "SELECT count(DISTINCT stage_id) FROM task_progress WHERE shop_id = :shop"
            " AND store_manager_id = :m"
        )
        current = conn.execute(
            text(
                "SELECT t.sales_cents, t.customers_count, s.sales_target_cents,"
                " s.customers_target, t.status FROM task_progress t JOIN task_stage s"
                " ON s.id = t.stage_id WHERE t.shop_id = :shop AND t.store_manager_id = :m"
                " ORDER BY t.started_at DESC, t.id DESC LIMIT 1"
            ),
            params,
        ).one()
        stages_total = one("SELECT count(*) FROM task_stage")
    assert path.orders_total == orders_total > 0
    assert (path.paid_orders, path.paid_sales_cents) == (paid_orders, paid_cents)
    assert path.coming_along_total == coming > 0
    assert path.customers_bound == bound
    assert path.share.settled_cents == settled
    assert len({step.position for step in path.stages}) == stages_begun
    assert len(path.stages) + len(path.to_come) >= stages_total
    if current.status in ("pending", "in_progress"):
        assert path.left is not None
        assert path.left.sales_left_cents == max(
            0, current.sales_target_cents - current.sales_cents
        )
        assert path.left.customers_left == max(
            0, current.customers_target - current.customers_count
        )
    # What comes along is the platform's rule: a paid order in her sub-store, nothing else.
    for customer in path.coming_along:
        assert customer.paid_orders > 0

    # What the platform would refuse her is not even recorded here.
    [order] = newest_orders(profile, 1)
    with pytest.raises(NotAllowed):
        review_order(profile, order.order_no, reviewed=True, note="")
    with pytest.raises(NotAllowed):
        record_print(profile, shop_subject(profile), "a4")
    record_print(profile, manager_subject(profile, manager_id), "a4")
    assert len(_pending(profile)) == 1


def wire_now(platform: PlatformProcess) -> int:
    """The latest moment the platform's rows know of: the demo's now."""
    with platform_connection(platform.db) as conn:
        return int(conn.execute(text('SELECT max(placed_at) FROM "order"')).scalar_one())


def test_the_owners_people_page_adds_an_assistant_who_signs_up_and_can_be_disabled(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    owner = signed_in(platform, profile_folder("owner"))
    sync(owner)
    before = {line.user_name for line in shop_people(owner)}
    assert {"owner", "assistant"} <= before
    added = add_person(owner, "xiaowang", "小王", "assistant")
    assert added.person.status == "invited"
    helper = Profile.open(profile_folder("helper"))
    signup(helper, platform.url, "demo1", "xiaowang", code=added.signup_code, password="码1234")
    sync(helper)
    assert_mirror_equals_server(helper, platform.db, shop_id_of(helper))
    [order] = newest_orders(helper, 1)
    review_order(helper, order.order_no, reviewed=True, note="小王看过")
    sync(helper)

    sync(owner)
    lines = {line.user_name: line for line in shop_people(owner)}
    assert lines["xiaowang"].status == "active"
    assert lines["xiaowang"].last_sign_in_at is not None
    assert [a.subject for a in lines["xiaowang"].recent] == [order.order_no]

    set_person_enabled(owner, lines["xiaowang"].id, False)
    with pytest.raises(SignInEnded):
        sync(helper)
    with pytest.raises(LoginRefused) as refused:
        login(helper, platform.url, "demo1", "码1234", "xiaowang")
    assert "disabled" in refused.value.message


def test_someone_else_signing_in_here_starts_afresh_once_the_last_ones_actions_went_out(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("shared"))
    sync(profile)
    shop_id = shop_id_of(profile)
    for line in newest_orders(profile, 3):
        review_order(profile, line.order_no, reviewed=True, note="老板核对")
    waiting = _pending(profile)
    assert len(waiting) == 3
    assert _rows_of(profile, "statement") > 0

    who = login(profile, platform.url, "demo1", "demo", "assistant")
    assert (who.user, who.role, who.set_aside) == ("assistant", "assistant", 0)
    actors = _actors(platform, shop_id)
    assert {actors[m] for m in waiting} == {"owner"}
    # A fresh mirror: nothing of the owner's own, nothing of hers waiting.
    assert _pending(profile) == []
    assert _rows_of(profile, "statement") == 0
    assert _rows_of(profile, "order") == 0
    sync(profile)
    assert_mirror_equals_server(profile, platform.db, shop_id)
    assert _rows_of(profile, "statement") == 0


def test_actions_that_could_not_go_out_before_a_change_of_person_wait_aside_for_their_maker(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("shared"))
    sync(profile)
    shop_id = shop_id_of(profile)
    for line in newest_orders(profile, 2):
        review_order(profile, line.order_no, reviewed=True, note="还没发出去")
    waiting = _pending(profile)
    # Her sign-in here ends elsewhere (signed out everywhere): nothing can go out as her now.
    other = signed_in(platform, profile_folder("other"))
    done = run("logout", "--profile", str(other.folder), "--everywhere")
    assert done.returncode == 0, done.stderr

    who = login(profile, platform.url, "demo1", "demo", "assistant")
    assert who.set_aside == 2
    sync(profile)
    assert not set(waiting) & set(applied_mutations(platform.db, shop_id))
    assert _pending(profile) == []

    back = login(profile, platform.url, "demo1", "demo")
    assert (back.role, back.taken_back) == ("owner", 2)
    assert sorted(_pending(profile)) == sorted(waiting)
    sync(profile)
    actors = _actors(platform, shop_id)
    assert {actors[m] for m in waiting} == {"owner"}
    assert_mirror_equals_server(profile, platform.db, shop_id)


def test_an_assistant_signing_out_everywhere_ends_only_her_own_sign_ins(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    owner = signed_in(platform, profile_folder("owner"))
    helper = signed_in(platform, profile_folder("helper"), user="assistant")
    done = run("logout", "--profile", str(helper.folder), "--everywhere")
    assert done.returncode == 0, done.stderr
    assert "signed every computer of yours out of demo1" in done.stdout
    assert sync(owner).pulled.total > 0
