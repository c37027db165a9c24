"""Every error Dateline reports, with a code and a message that says what, why and what to do."""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, lone surrogates, line separators, and the bidirectional overrides and isolates that reorder what a terminal shows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` with every control character written as an escape, so a message stays on one line and shows as it reads."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class DatelineError(Exception):
    """Base class: `str(err)` is one line fit to show a user."""

    code = "E000"

    def __init__(self, message: str):
        message = one_line(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        if self.message.startswith("[E"):  # a reason passed on from where it arose keeps its own code
            return self.message
        return f"[{self.code}] {self.message}"


class InputError(DatelineError):
    """An input could not be read or holds no article."""

    code = "E100"


class FetchError(InputError):
    code = "E101"


class ExtractError(InputError):
    code = "E102"


class ConfigError(DatelineError):
    code = "E200"


class PipelineError(DatelineError):
    code = "E300"


class StoreError(DatelineError):
    code = "E400"


class EvalError(DatelineError):
    code = "E500"


class QueryError(StoreError):
    """A query filter a user gave is invalid (the HTTP API answers 400)."""

    code = "E410"


class ExportError(DatelineError):
    code = "E600"
