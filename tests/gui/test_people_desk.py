"""The desk as each person of the shop sees it, over real profiles synced from a real platform:
an assistant meets no page or button the platform would refuse, a store manager opens on her
path, and the owner's People page lists who signs in and disables someone on the platform."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.main_window import MainWindow
from gui.my_path.workspace import MyPathWorkspace
from gui.people import workspace as people_workspace
from gui.people.workspace import PeopleWorkspace
from gui.sign_in import SignInDialog
from gui.sync_controller import SyncController
from models.errors import SignInEnded
from models.profile import Profile
from models.services.account import login, signed_in
from models.services.my_path import my_path
from models.services.people import set_person_enabled
from models.sync.syncer import SyncOptions, sync
from tests.platform_process import PlatformProcess
from tests.sync.views import busiest_manager

ASSISTANT_PAGES = ["Dashboard", "Orders", "Catalogue", "Customers", "Sales charts", "Posters"]


@pytest.fixture(scope="module")
def people_platform(
    seeded_platform_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PlatformProcess]:
    folder = tmp_path_factory.mktemp("people-platform")
    db = folder / "platform.sqlite3"
    shutil.copy(seeded_platform_db, db)
    server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()


def _synced(platform: PlatformProcess, folder: Path, user: str = "") -> Profile:
    profile = Profile.open(folder)
    login(profile, platform.url, "demo1", "demo", user)
    sync(profile)
    return profile


WindowOf = Callable[[Profile], MainWindow]


@pytest.fixture
def window_of(qtbot: QtBot) -> Iterator[WindowOf]:
    controllers: list[SyncController] = []

    def make(profile: Profile) -> MainWindow:
        shop = signed_in(profile)
        assert shop is not None
        controller = SyncController(profile, options=SyncOptions(retries=0, timeout=5.0))
        controllers.append(controller)
        window = MainWindow(profile, shop, controller)
        qtbot.addWidget(window)
        window.show()
        return window

    yield make
    qtbot.waitUntil(lambda: not tasks.running(), timeout=30_000)
    for controller in controllers:
        controller.stop()


def _pages(window: MainWindow) -> list[str]:
    navigation = window._navigation
    return [navigation.item(row).text() for row in range(navigation.count())]


def test_an_assistant_meets_no_page_or_button_the_platform_would_refuse(
    qtbot: QtBot, people_platform: PlatformProcess, tmp_path: Path, window_of: WindowOf
) -> None:
    profile = _synced(people_platform, tmp_path / "assistant", "assistant")
    window = window_of(profile)
    assert _pages(window) == ASSISTANT_PAGES
    assert (window.releases, window.earnings, window.managers, window.people) == (
        None,
        None,
        None,
        None,
    )
    assert window.orders is not None
    assert window.catalogue is not None


def test_a_store_manager_opens_on_her_path_with_her_figures(
    qtbot: QtBot, people_platform: PlatformProcess, tmp_path: Path, window_of: WindowOf
) -> None:
    user = busiest_manager(people_platform.db)
    profile = _synced(people_platform, tmp_path / "manager", user)
    window = window_of(profile)
    assert _pages(window) == ["My path", "Catalogue", "Posters"]
    workspace = window.my_path
    assert isinstance(workspace, MyPathWorkspace)
    assert window._stack.currentWidget() is workspace
    qtbot.waitUntil(lambda: workspace.path is not None, timeout=20_000)
    path = workspace.path
    assert path is not None
    expected = my_path(profile, path.joined_at)
    assert expected is not None
    assert (path.orders_total, path.coming_along_total) == (
        expected.orders_total,
        expected.coming_along_total,
    )
    assert workspace.coming.topLevelItemCount() == len(path.coming_along) > 0
    assert workspace.orders.topLevelItemCount() == len(path.orders) > 0
    assert workspace.stages.topLevelItemCount() == len(path.stages) + len(path.to_come)
    assert window.orders is None
    assert window.people is None


def test_the_owners_people_page_lists_who_signs_in_and_disables_someone(
    qtbot: QtBot,
    people_platform: PlatformProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    helper = _synced(people_platform, tmp_path / "helper", "assistant")
    owner = _synced(people_platform, tmp_path / "owner")
    page = PeopleWorkspace(owner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    users = {p.user_name for p in page.people()}
    assert {"owner", "assistant", busiest_manager(people_platform.db)} <= users
    assert page.table.topLevelItemCount() == len(page.people())
    assistant = next(p for p in page.people() if p.user_name == "assistant")
    assert assistant.last_sign_in_at is not None
    assert page.select_person(assistant.id)
    assert page.enable_button.isEnabled()

    # The owner says yes to the question; the platform ends the assistant's sign-ins at once.
    monkeypatch.setattr(people_workspace, "confirm", lambda *_a, **_k: True)
    with qtbot.waitSignal(page.changed, timeout=20_000):
        page.enable_button.click()
    qtbot.waitUntil(lambda: "disabled" in page.state.text(), timeout=20_000)
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    shown = next(p for p in page.people() if p.user_name == "assistant")
    assert shown.status == "disabled"
    with pytest.raises(SignInEnded):
        sync(helper)
    # Let her in again: the platform serves this module's other tests.
    set_person_enabled(owner, shown.id, True)
    helper.close()
    owner.close()


def test_someone_else_signing_in_from_the_menu_gets_a_window_of_their_own(
    qtbot: QtBot,
    people_platform: PlatformProcess,
    tmp_path: Path,
    window_of: WindowOf,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = _synced(people_platform, tmp_path / "shared")
    window = window_of(profile)
    assert window.people is not None

    def sign_in_as_assistant(*_args: object, **_kwargs: object) -> object:
        return login(profile, people_platform.url, "demo1", "demo", "assistant").shop()

    monkeypatch.setattr(SignInDialog, "ask", sign_in_as_assistant)
    window.sign_in_action.trigger()
    assert window.next_shop is not None
    assert (window.next_shop.user, window.next_shop.role) == ("assistant", "assistant")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    # The profile starts afresh for her: nothing of the owner's own is left on it.
    sync(profile)
    assistant_window = window_of(profile)
    assert _pages(assistant_window) == ASSISTANT_PAGES
