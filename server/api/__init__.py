"""The platform's HTTP API under /v1."""

from server.api.app import create_app

__all__ = ["create_app"]
