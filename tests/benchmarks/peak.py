"""A process's own peak memory.

``getrusage``'s ``ru_maxrss`` is no good for a process started by the benchmarks: Linux keeps in it
the size of the parent at the fork, so a child of a large test process seems as large as its
parent. The high-water mark of the process's own memory (``VmHWM``) starts anew at ``exec``.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_mb() -> float:
    """The most resident memory this process has had since it started, in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
