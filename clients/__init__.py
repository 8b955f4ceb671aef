"""Typed API clients: the only way the UI reaches a back end."""
