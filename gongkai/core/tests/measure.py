"""Memory and time around one request, for the tests that attack uploads.

Two measures: the peak of Python allocations (tracemalloc) and the growth of the process's
resident set (VmRSS), which also sees what C libraries allocate.
"""

import time
import tracemalloc

FEW_TENS_OF_MB = 40 * 1024 * 1024


def _rss() -> int:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) * 1024


class Measured:
    def __enter__(self):
        self.rss, self.started = _rss(), time.monotonic()
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        self.seconds = time.monotonic() - self.started
        self.rss_growth = _rss() - self.rss

    @property
    def harmless(self):
        return self.peak < FEW_TENS_OF_MB and self.rss_growth < FEW_TENS_OF_MB
