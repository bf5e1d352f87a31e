"""Simulation ticks on a background thread of the platform process."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine

from server.clock import Clock
from server.simulation import run_tick
from server.simulation.activity import PlatformActivity
from server.simulation.pace import Pace

log = logging.getLogger(__name__)

# Real seconds between ticks: often enough that the app's next sync finds something new.
TICK_SECONDS = 2.0


class SimulationThread:
    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        pace: Pace | None = None,
        tick_seconds: float = TICK_SECONDS,
        seed: int = 0,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._tick_seconds = tick_seconds
        self.activity = PlatformActivity(seed=seed, pace=pace or Pace())
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the simulation is already running")
        self._thread = threading.Thread(target=self._run, name="simulation", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        log.info("simulation running, a tick every %.1f s", self._tick_seconds)
        while True:
            try:
                run_tick(self._engine, [self.activity], self._clock())
            except Exception:
                # A failed tick is rolled back; the next one simply tries again.
                log.exception("a simulation tick failed")
            if self._stop.wait(self._tick_seconds):
                return

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
