"""The kiosk profile for community service points."""
