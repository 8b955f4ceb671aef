"""The routes of the reference API, one module per service area."""
