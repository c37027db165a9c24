"""One computation at a time per key: concurrent requests for the same missing answer wait for the first
instead of each starting their own (counting a million events takes seconds)."""
from __future__ import annotations

import threading
from typing import Any, Callable, Hashable


class SingleFlight:
    def __init__(self):
        self.lock = threading.Lock()
        self.gates: dict[Hashable, threading.Lock] = {}

    def run(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """compute(), never twice at once for one key in this process."""
        with self.lock:
            gate = self.gates.setdefault(key, threading.Lock())
        with gate:
            return compute()
