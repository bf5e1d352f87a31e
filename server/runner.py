"""Running the platform: blocking for the command line, or in a thread of the current process
for the desktop's demo mode and for tests."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from uvicorn.supervisors import Multiprocess

from server.api.app import DB_ENV, LOG_FORMAT_ENV, PUBLIC_URL_ENV, create_app
from server.clock import Clock, accelerated, system_clock
from server.db.engine import make_engine
from server.logs import LogFormat
from server.metrics import MULTIPROCESS_ENV
from server.simulation.ticker import TICK_SECONDS, SimulationThread
from server.timeouts import BODY_TIMEOUT, HEADER_TIMEOUT, header_timeout_protocol

log = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, ready: threading.Event | None) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self._ready is not None:
            self._ready.set()


@dataclass(frozen=True)
class Limits:
    """How long the platform waits for a client's request: its headers, then its body."""

    header_timeout: float = HEADER_TIMEOUT
    body_timeout: float = BODY_TIMEOUT


def _config(
    db_url: str, clock: Clock | None, limits: Limits, public_url: str = ""
) -> uvicorn.Config:
    # log_config=None: the host program's logging stays as it configured it; the platform's
    # access log is its own (server.api.access), one entry per request.
    return uvicorn.Config(
        create_app(db_url, clock=clock, body_timeout=limits.body_timeout, public_url=public_url),
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
        http=header_timeout_protocol(limits.header_timeout),
        ws="none",
    )


def _workers_config(
    db_url: str, workers: int, log_format: LogFormat, public_url: str = ""
) -> uvicorn.Config:
    """Workers import their app by name and build it from the environment, as each is a fresh
    process that cannot be handed this one's objects."""
    os.environ[DB_ENV] = db_url
    os.environ[LOG_FORMAT_ENV] = log_format
    os.environ[PUBLIC_URL_ENV] = public_url
    return uvicorn.Config(
        "server.api.app:worker_app",
        factory=True,
        workers=workers,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
        http="server.timeouts:HeaderTimeoutProtocol",
        ws="none",
    )


def _bind(host: str, port: int) -> socket.socket:
    # Named TCP, so that asyncio turns Nagle off on every accepted connection: without it each
    # answer written in two parts waits for the client's delayed ACK, about 40 ms a request.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class _Simulation:
    """The simulation thread and the engine it writes with, started and stopped together."""

    def __init__(self, db_url: str, clock: Clock, tick_seconds: float | None) -> None:
        self._engine = make_engine(db_url)
        self._thread = SimulationThread(
            self._engine, clock, tick_seconds=tick_seconds or TICK_SECONDS
        )
        self._thread.start()

    def stop(self) -> None:
        self._thread.stop()
        self._engine.dispose()


def platform_clock(simulate: bool, speed: float, clock: Clock | None = None) -> Clock:
    """The platform's time: a simulated platform may run faster than the wall."""
    if clock is not None:
        return clock
    return accelerated(speed) if simulate and speed != 1 else system_clock


def serve(
    db_url: str,
    port: int,
    host: str = "127.0.0.1",
    ready: threading.Event | None = None,
    *,
    simulate: bool = False,
    speed: float = 1.0,
    workers: int = 1,
    log_format: LogFormat = "json",
    public_url: str = "",
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM when on the main thread).

    With ``workers`` above 1 (PostgreSQL only) the requests are served by that many processes
    sharing the socket; the simulation, when asked for, runs in this process alone.
    """
    sock = _bind(host, port)
    log.info("platform listening on http://%s:%d", host, sock.getsockname()[1])
    clock = platform_clock(simulate, speed)
    simulation = _Simulation(db_url, clock, None) if simulate else None
    try:
        if workers > 1:
            with _shared_metrics():
                config = _workers_config(db_url, workers, log_format, public_url)
                Multiprocess(config, sockets=[sock]).run()
        else:
            _Server(_config(db_url, clock, Limits(), public_url), ready).run(sockets=[sock])
    finally:
        if simulation is not None:
            simulation.stop()
        sock.close()


@contextmanager
def _shared_metrics() -> Iterator[None]:
    """A fresh folder where every worker keeps its metrics, removed when serving ends."""
    folder = tempfile.mkdtemp(prefix="zhanggui-metrics-")
    os.environ[MULTIPROCESS_ENV] = folder
    try:
        yield
    finally:
        os.environ.pop(MULTIPROCESS_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


class PlatformThread:
    """The platform in a background thread of this process.

    ``start()`` returns the bound port (pass port 0 for any free one); ``stop()`` shuts it
    down and waits for the thread. With ``simulate`` the platform comes alive (new orders,
    payments, stage progress, release requests, allocations arriving), its time running
    ``speed`` times faster than the wall, with a tick every ``tick_seconds``. ``public_url`` is
    the address announced for posters' codes.
    """

    def __init__(
        self,
        db_url: str,
        port: int = 0,
        host: str = "127.0.0.1",
        clock: Clock | None = None,
        *,
        simulate: bool = False,
        speed: float = 1.0,
        tick_seconds: float | None = None,
        limits: Limits | None = None,
        public_url: str = "",
    ) -> None:
        self.db_url = db_url
        self.limits = limits or Limits()
        self.public_url = public_url
        self.host = host
        self.port = port
        self.simulate = simulate
        self._clock = platform_clock(simulate, speed, clock)
        self._tick_seconds = tick_seconds
        self._simulation: _Simulation | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 30.0) -> int:
        if self._thread is not None:
            raise RuntimeError("the platform is already running")
        self._socket = _bind(self.host, self.port)
        self.port = self._socket.getsockname()[1]
        ready = threading.Event()
        self._server = _Server(
            _config(self.db_url, self._clock, self.limits, self.public_url), ready
        )
        sockets = [self._socket]
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": sockets}, name="platform", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not ready.wait(0.05):
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the platform did not start")
        if self.simulate:
            self._simulation = _Simulation(self.db_url, self._clock, self._tick_seconds)
        log.info("platform running at %s", self.url)
        return self.port

    def stop(self, timeout: float = 10.0) -> None:
        if self._simulation is not None:
            self._simulation.stop()
            self._simulation = None
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the platform thread did not stop within %.0f s", timeout)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> PlatformThread:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
