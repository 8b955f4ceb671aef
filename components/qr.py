"""QR codes (segno), for the portal and the kiosk alike."""

from __future__ import annotations

import segno


def qr_data_uri(text: str) -> str:
    """``text`` as a QR code (error correction M): an SVG data URI, black on white."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")
