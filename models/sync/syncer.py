"""One sync: push the outbox, then pull pages until caught up; retries with backoff."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final, TypeVar, cast

import httpx
from sqlalchemy import select, update

from models import wire
from models.changes import ENTITIES, ChangeCollector, Changes
from models.db import SyncState, table_of
from models.errors import (
    CursorExpired,
    MalformedPayload,
    NotSignedIn,
    PlatformSilent,
    PlatformUnreachable,
    SyncCancelled,
)
from models.profile import Profile
from models.services.account import learn_public_url
from models.sync import money_checks, outbox, snapshot
from models.sync.apply import PageCounts, apply_page
from models.sync.bulk import drop_bulk_indexes, ensure_indexes, is_empty_mirror
from models.sync.lock import sync_lock
from models.sync.reset import begin_snapshot, holds_nothing, reset_mirror
from models.sync.rollups import mark_stale, rebuild_if_stale
from models.sync.swap import replace_mirror
from models.sync.transport import ANSWER_TIMEOUT, PlatformClient

log = logging.getLogger(__name__)

PAGE_LIMIT: Final = 10_000
PUSH_BATCH: Final = 200
T = TypeVar("T")


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "push", "pull", or "snapshot" (a fresh copy built beside the mirror)
    done: int
    pending: int  # outbox entries still to send; 0 while pulling
    received: Mapping[str, int] = field(default_factory=dict)  # rows per entity, while pulling


@dataclass
class SyncReport:
    pulled: PageCounts = field(default_factory=PageCounts)
    pages: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: list[outbox.RejectedAction] = field(default_factory=list)
    resets: int = 0
    cursor: str = ""
    # What the pages applied and the answers put back; bounded however much arrives.
    collected: ChangeCollector = field(default_factory=ChangeCollector, repr=False)

    @property
    def changes(self) -> Changes:
        """Which entities and rows this sync changed on this computer, so far."""
        return self.collected.changes()

    def note_page(self, page: wire.PullPage) -> None:
        upserts = cast(Mapping[str, list[dict[str, Any]]], page.upserts)
        for entity, rows in upserts.items():
            if rows:
                key = wire.ENTITY_KEYS[entity]
                self.collected.add(entity, (row[key] for row in rows))
        for entity, keys in page.deletes.items():
            if keys:
                self.collected.add(entity, keys)

    def note_answers(self, batch: list[wire.Mutation]) -> None:
        # An applied action's row shows it is no longer waiting; a refused one's went back.
        self.collected.add("outbox", (m.id for m in batch))
        for mutation in batch:
            entity, key_field = outbox.KIND_ENTITY[mutation.kind]
            self.collected.add(entity, [mutation.payload[key_field]])


@dataclass
class SyncOptions:
    page_limit: int = PAGE_LIMIT
    push_batch: int = PUSH_BATCH
    retries: int = 4
    backoff: float = 0.5
    timeout: float = ANSWER_TIMEOUT
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    cancelled: Callable[[], bool] = lambda: False
    progress: Callable[[SyncProgress], None] = lambda _p: None
    # Only fault tests replace the transport, to lose a request or an answer on purpose.
    transport: httpx.BaseTransport | None = None


def sync(
    profile: Profile, options: SyncOptions | None = None, report: SyncReport | None = None
) -> SyncReport:
    """Run one sync of ``profile``; raises a typed error, recorded in words in the sync state.

    A caller that passes ``report`` still has, after a failure, what the sync applied.
    """
    opts = options or SyncOptions()
    report = report if report is not None else SyncReport()
    with sync_lock(profile.folder):
        with profile.read() as s:
            state = s.scalar(select(SyncState))
        if state is None:
            raise NotSignedIn("this profile has not signed in to a shop yet")
        if not state.token:
            raise NotSignedIn("this computer was signed out of the shop; sign in again")
        report.collected.add_all("sync_state")
        try:
            with PlatformClient(
                state.platform_url, state.token, opts.timeout, opts.transport
            ) as client:
                _Run(profile, client, opts, report).run()
        except Exception as exc:
            _record_outcome(profile, error=str(exc) or type(exc).__name__, now=int(opts.clock()))
            raise
        _record_outcome(profile, error="", now=int(opts.clock()))
        return report


def push_pending(
    profile: Profile, client: PlatformClient, options: SyncOptions | None = None
) -> SyncReport:
    """Send the outbox through ``client`` and pull nothing; the caller holds the sync lock."""
    report = SyncReport()
    _Run(profile, client, options or SyncOptions(), report).push()
    return report


@dataclass
class _Run:
    profile: Profile
    client: PlatformClient
    opts: SyncOptions
    report: SyncReport

    def run(self) -> None:
        learn_public_url(self.profile, self.client)
        self.push()
        try:
            self.pull()
        except CursorExpired as exc:
            self.start_snapshot(exc.message)
            self.push()
            self.pull()

    def start_snapshot(self, reason: str) -> None:
        """Take a fresh snapshot: beside the mirror, or straight into it when it is empty."""
        snapshot_id = snapshot.new_snapshot_id()
        with self.profile.writer.begin() as conn:
            if holds_nothing(conn):
                reset_mirror(conn, reason)
                snapshot_id = ""
            else:
                begin_snapshot(conn, snapshot_id, reason)
        self.report.resets += 1
        if snapshot_id:
            snapshot.create(self.profile.folder, snapshot_id, reason).close()
        else:
            snapshot.discard(self.profile.folder)
        self.report.collected.add_all(*ENTITIES)

    def push(self) -> None:
        """Send the outbox in order, a batch at a time; the platform applies the next batch
        while the answers to the previous one are written here. A batch is sent only after
        the previous one was answered, so the platform sees every action in queue order."""
        done = 0
        refused: list[str] = []
        with self.profile.writer.begin() as conn:
            pending = outbox.count_pending(conn)
        self._check_cancel()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as sender:
            batch, position = self._next_batch(0)
            answer = sender.submit(self._retry, partial(self.client.push, batch)) if batch else None
            while answer is not None:
                self.opts.progress(SyncProgress("push", done, pending))
                response = answer.result()
                sent = batch
                # Cancelling sends nothing more, yet the answers already here are kept.
                cancelled = self.opts.cancelled()
                batch, position = ([], position) if cancelled else self._next_batch(position)
                answer = (
                    sender.submit(self._retry, partial(self.client.push, batch)) if batch else None
                )
                now = int(self.opts.clock())
                with self.profile.writer.begin() as conn:
                    outbox.record_results(conn, response.results, now)
                self.report.note_answers(sent)
                for result in response.results:
                    if result.outcome == "rejected":
                        refused.append(result.id)
                    elif result.status == "duplicate":
                        self.report.duplicates += 1
                    else:
                        self.report.applied += 1
                done += len(sent)
                pending = max(0, pending - len(sent))
                if cancelled:
                    self._check_cancel()
        with self.profile.writer.begin() as conn:
            outbox.prune_journal(conn, int(self.opts.clock()))
            if refused:
                self.report.rejected += outbox.rejected_actions(conn, len(refused), refused)

    def _next_batch(self, position: int) -> tuple[list[wire.Mutation], int]:
        with self.profile.writer.begin() as conn:
            batch, last = outbox.pending_after(conn, position, self.opts.push_batch)
            if batch:
                outbox.mark_attempted(conn, [m.id for m in batch])
        return batch, last

    def pull(self) -> None:
        with self.profile.read() as s:
            state = s.scalar(select(SyncState))
            assert state is not None
            cursor, epoch, snapshot_id = state.cursor, state.epoch, state.snapshot_id
        if not snapshot_id and snapshot.snapshot_path(self.profile.folder).exists():
            snapshot.discard(self.profile.folder)  # left over by a swap that was not tidied
        if cursor == wire.START_CURSOR and not snapshot_id:
            with self.profile.writer.begin() as conn:
                if is_empty_mirror(conn):
                    drop_bulk_indexes(conn)
                    mark_stale(conn)
                    money_checks.mark_stale(conn)
        try:
            if snapshot_id:
                self._pull_snapshot(snapshot_id)
            else:
                self._pull_pages(cursor, epoch, self._write_page, "pull")
        finally:
            with self.profile.writer.begin() as conn:
                rebuild_if_stale(conn)
                money_checks.rebuild_if_stale(conn)
            ensure_indexes(self.profile.writer)

    def _write_page(self, page: wire.PullPage) -> int:
        with self.profile.writer.begin() as conn:
            counts = apply_page(conn, page)
        self.report.pulled.add(counts)
        self.report.cursor = page.next_cursor
        return self.report.pulled.total

    def _pull_snapshot(self, snapshot_id: str) -> None:
        folder = self.profile.folder
        fresh = snapshot.resume(folder, snapshot_id)
        if fresh is None:
            # Missing or unreadable: start it again, under a new id.
            snapshot_id = snapshot.new_snapshot_id()
            with self.profile.writer.begin() as conn:
                conn.execute(update(table_of(SyncState)).values(snapshot_id=snapshot_id))
            fresh = snapshot.create(folder, snapshot_id, "the snapshot file was not usable")
        try:
            self._pull_pages(fresh.cursor, fresh.epoch, _counting(fresh), "snapshot")
        finally:
            fresh.close()
        self._check_cancel()
        self.report.pulled.add(replace_mirror(self.profile, fresh))
        self.report.cursor = fresh.cursor
        snapshot.discard(folder)

    def _pull_pages(
        self, cursor: str, epoch: str | None, write: Callable[[wire.PullPage], int], phase: str
    ) -> None:
        # The next page is fetched and parsed while this one is written: the platform, the
        # network and the parsing overlap with SQLite's work.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as prefetch:
            coming = prefetch.submit(self._fetch, cursor)
            while True:
                page = coming.result()
                if epoch is not None and page.epoch != epoch:
                    self._confirm_new_epoch(epoch)
                if page.more:
                    coming = prefetch.submit(self._fetch, page.next_cursor)
                done = write(page)
                self.report.note_page(page)
                self.report.pages += 1
                epoch = page.epoch
                received = dict(self.report.pulled.upserted)
                self.opts.progress(SyncProgress(phase, done, 0, received))
                if not page.more:
                    return
                self._check_cancel()

    def _confirm_new_epoch(self, ours: str) -> None:
        """A page of another epoch: a re-snapshot only when the platform itself says so."""
        health = self._retry(self.client.health)
        if health.epoch == ours:
            log.warning("a page of another epoch, while the platform says %s; not applied", ours)
            raise MalformedPayload(
                "bad_page", "a page of another epoch, while the platform's epoch did not change"
            )
        # The platform was restored from a backup: its history is not ours any more.
        raise CursorExpired("new_epoch", "the platform was restored from a backup")

    def _fetch(self, cursor: str) -> wire.PullPage:
        self._check_cancel()
        return self._retry(partial(self.client.pull, cursor, self.opts.page_limit))

    def _check_cancel(self) -> None:
        if self.opts.cancelled():
            raise SyncCancelled("the sync was cancelled; what arrived so far is kept")

    def _retry(self, call: Callable[[], T]) -> T:
        delay = self.opts.backoff
        for attempt in range(self.opts.retries + 1):
            try:
                return call()
            except PlatformSilent:
                # It took the request and said nothing for a whole timeout: asking again would
                # keep the owner waiting as long again, for each retry.
                raise
            except PlatformUnreachable as exc:
                if attempt == self.opts.retries:
                    raise
                log.info("platform unreachable (%s); trying again in %.1fs", exc.message, delay)
                self._sleep(delay)
                delay = min(delay * 2, 30.0)
        raise AssertionError("unreachable")

    def _sleep(self, seconds: float) -> None:
        end = self.opts.clock() + seconds
        while (left := end - self.opts.clock()) > 0:
            self._check_cancel()
            self.opts.sleep(min(left, 0.2))


def _record_outcome(profile: Profile, error: str, now: int) -> None:
    values: dict[str, object] = {"last_error": error[:1000]}
    if not error:
        values["last_sync_at"] = now
    with profile.writer.begin() as conn:
        conn.execute(update(table_of(SyncState)).values(**values))


def _counting(fresh: snapshot.Snapshot) -> Callable[[wire.PullPage], int]:
    def write(page: wire.PullPage) -> int:
        fresh.apply_page(page)
        return fresh.rows

    return write
