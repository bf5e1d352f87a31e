"""What operations watch, in the Prometheus text format: requests and their latency per route,
push outcomes, and how long the feeds have grown.

With several worker processes (``PROMETHEUS_MULTIPROC_DIR`` set before they start) every worker
writes its counts to files there and a scrape of any worker adds them all up; in one process each
platform has a registry of its own, so two platforms in one test never mix their counts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Final

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select

from server.db.catalogue import CatalogueFeedState
from server.db.engine import read_begin
from server.db.platform import FeedPartition
from server.feed import CATALOGUE_STATE_ID

log = logging.getLogger(__name__)

MULTIPROCESS_ENV: Final = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE: Final = "text/plain; version=0.0.4; charset=utf-8"
# The longest shop feeds are listed by name; a platform of millions of shops lists no more.
LISTED_PARTITIONS: Final = 50
_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_BUCKETS: Final = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROCESS_ENV))


class PlatformMetrics:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._shared = multiprocess()
        self._registry = CollectorRegistry()
        owner = None if self._shared else self._registry
        self.requests = Counter(
            "zhanggui_requests",
            "Requests answered, by route template, method and status",
            ["route", "method", "status"],
            registry=owner,
        )
        self.latency = Histogram(
            "zhanggui_request_seconds",
            "Time from a request's arrival to the end of its answer",
            ["route", "method"],
            buckets=_BUCKETS,
            registry=owner,
        )
        self.mutations = Counter(
            "zhanggui_push_mutations",
            "Pushed mutations by kind and result (applied, duplicate, rejected)",
            ["kind", "status"],
            registry=owner,
        )

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        shown_method = method if method in _METHODS else "OTHER"
        self.requests.labels(route, shown_method, str(status)).inc()
        self.latency.labels(route, shown_method).observe(seconds)

    def pushed(self, kind: str, status: str) -> None:
        self.mutations.labels(kind, status).inc()

    def exposition(self) -> bytes:
        registry = CollectorRegistry(auto_describe=False)
        if self._shared:
            MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        else:
            registry.register(_Forward(self._registry))
        registry.register(FeedCollector(self._engine))
        return generate_latest(registry)


class _Forward(Collector):
    def __init__(self, registry: CollectorRegistry) -> None:
        self._registry = registry

    def collect(self) -> Iterator[Metric]:
        yield from self._registry.collect()


class FeedCollector(Collector):
    """Read at scrape time from the feed's own bookkeeping: one small row per partition."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def collect(self) -> Iterator[Metric]:
        length = GaugeMetricFamily(
            "zhanggui_feed_length",
            "Changes numbered in a feed partition (its last sequence number): the catalogue "
            f"and the {LISTED_PARTITIONS} longest shop feeds",
            labels=["partition"],
        )
        partitions = GaugeMetricFamily("zhanggui_feed_partitions", "Feed partitions (shops + 1)")
        try:
            with read_begin(self._engine) as conn:
                longest = conn.execute(
                    select(FeedPartition.shop_id, FeedPartition.last_seq)
                    .order_by(FeedPartition.last_seq.desc(), FeedPartition.shop_id)
                    .limit(LISTED_PARTITIONS)
                ).all()
                catalogue = conn.scalar(
                    select(CatalogueFeedState.last_seq).where(
                        CatalogueFeedState.id == CATALOGUE_STATE_ID
                    )
                )
                count = 1 + (conn.scalar(select(func.count()).select_from(FeedPartition)) or 0)
        except Exception:
            log.exception("the feed's figures could not be read for /metrics")
            return
        length.add_metric(["catalogue"], float(catalogue or 0))
        for row in longest:
            length.add_metric([str(row.shop_id)], float(row.last_seq))
        partitions.add_metric([], float(count or 0))
        yield length
        yield partitions
