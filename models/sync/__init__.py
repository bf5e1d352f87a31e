"""Sync with the platform: pull pages into the mirror, push the outbox, exactly once."""
