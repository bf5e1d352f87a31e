"""Order lines built in a helper process while the main process writes the previous chunk.

Building lines is pure Python work and writing is mostly SQLite work, so on two cores the two
overlap. Each chunk carries its own seed, which keeps the result independent of who built it.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from server.seed.catalogue import Shelf
from server.seed.lines import OrderChunk, OrderMoney, fill_chunk
from server.seed.packing import Packed, pack
from server.seed.payments import Payments

log = logging.getLogger(__name__)

_shelf: Shelf | None = None


# Orders, their lines, the orders' money facts, the sub-stores' payments.
Built = tuple[Packed, Packed, list[OrderMoney], Payments]


def build_chunk(job: OrderChunk, shelf: Shelf) -> Built:
    orders, lines, money = fill_chunk(job, shelf)
    payments = Payments()
    payments.gather(orders)
    return (
        pack("order", orders, job.shop_id),
        pack("order_item", lines, job.shop_id),
        money,
        payments,
    )


def _remember_shelf(shelf: Shelf) -> None:
    global _shelf  # noqa: PLW0603 - set once per helper process, read by every job
    _shelf = shelf


def _build_in_helper(job: OrderChunk) -> Built:
    assert _shelf is not None
    return build_chunk(job, _shelf)


def _can_fork() -> bool:
    """Helpers are forked, never spawned: a spawned process re-runs the caller's main module,
    which is not ours to assume safe. Forking is sound only on Linux and with no other thread
    around (a thread could hold a lock the child would inherit locked)."""
    return sys.platform == "linux" and threading.active_count() == 1


class ChunkBuilder:
    """Builds chunks in order, ahead of the writer when helpers are allowed."""

    def __init__(self, shelf: Shelf, helpers: int) -> None:
        self._shelf = shelf
        self._pool: ProcessPoolExecutor | None = None
        self._ahead = helpers + 1
        if helpers and _can_fork():
            self._pool = ProcessPoolExecutor(
                helpers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_remember_shelf,
                initargs=(shelf,),
            )
        elif helpers:
            log.info("building order lines in-process: no safe way to start a helper here")

    def build(self, jobs: Iterable[OrderChunk]) -> Iterator[Built]:
        if self._pool is None:
            for job in jobs:
                yield build_chunk(job, self._shelf)
            return
        pending: deque[Future[Built]] = deque()
        for job in jobs:
            pending.append(self._pool.submit(_build_in_helper, job))
            # A bounded queue: a finished chunk waiting for the writer costs memory.
            if len(pending) > self._ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
