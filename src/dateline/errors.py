"""Every error Dateline reports, with a code and a message that says what, why and what to do."""
from __future__ import annotations


class DatelineError(Exception):
    """Base class: `str(err)` is one line fit to show a user."""

    code = "E000"

    def __init__(self, message: str):
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
