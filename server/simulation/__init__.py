"""Simulated platform activity (new orders, stage progress, allocations arriving): see
``activity.PlatformActivity`` for one tick, ``ticker.SimulationThread`` for running them, and
``pace.Pace`` for the knobs.

A simulation is a callable run inside a write transaction with the current time. It changes
rows only through ``server.rows.save_rows`` / ``delete_rows``, so every change reaches the feed
in the same transaction and every desktop sees it on its next pull.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from sqlalchemy import Connection, Engine

from server.db.engine import write_begin

log = logging.getLogger(__name__)

Simulation = Callable[[Connection, int], None]


def run_tick(engine: Engine, simulations: Iterable[Simulation], now: int) -> None:
    """One step of every simulation, each in its own transaction."""
    for simulation in simulations:
        with write_begin(engine) as conn:
            simulation(conn, now)
