"""The HTTP API and offline dashboard served by `dateline serve`."""
from .app import create_app

__all__ = ["create_app"]
