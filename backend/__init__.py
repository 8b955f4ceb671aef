"""The reference implementation of the government back-end services."""
