"""A slow line to the platform: a loopback relay that holds back every piece of each answer for a
while, as a poor mobile connection does. A network fault for the fault tests, so that a push of
many batches lasts long enough to be killed in its middle, however fast the machine is.

    with SlowLink(platform.url, delay=0.1) as link:
        ...  # point a profile at link.url
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from types import TracebackType
from urllib.parse import urlsplit


class SlowLink:
    def __init__(self, target_url: str, delay: float) -> None:
        parts = urlsplit(target_url)
        if parts.hostname is None or parts.port is None:
            raise ValueError(f"a platform address with a port, not {target_url}")
        self._target = (parts.hostname, parts.port)
        self._delay = delay
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> SlowLink:
        threading.Thread(target=self._accept, name="slow-link", daemon=True).start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self._target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink, delay in ((client, upstream, 0.0), (upstream, client, self._delay)):
                threading.Thread(
                    target=self._pump, args=(source, sink, delay), name="slow-link", daemon=True
                ).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket, delay: float) -> None:
        try:
            while data := source.recv(65536):
                if delay:
                    time.sleep(delay)
                sink.sendall(data)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)
