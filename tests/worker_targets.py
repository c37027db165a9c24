"""Stand-ins for a web worker, importable by the processes `dateline.web.workers` spawns (see tests/test_web_workers.py)."""
import sys
import time


def exit_3(host: str, port: int) -> None:
    """A worker that cannot start."""
    sys.exit(3)


def stay_up(host: str, port: int) -> None:
    """A worker that runs until it is stopped."""
    time.sleep(600)
