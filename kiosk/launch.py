"""Start Chromium as the kiosk's screen: full screen with no way out, the
microphone allowed, prompts allowed to play, tickets printed without a dialog.

    python -m kiosk.launch [URL]     (default http://localhost:3000/)

Run it in the terminal's graphical session after ``make kiosk`` is serving.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

FLAGS = [
    "--kiosk",  # full screen, no address bar, no way to other sites
    "--kiosk-printing",  # print the ticket at once, to the default printer
    "--use-fake-ui-for-media-stream",  # allow the microphone without asking each person
    "--autoplay-policy=no-user-gesture-required",  # the welcome plays before anyone touches
    "--noerrdialogs",
    "--disable-pinch",
    "--overscroll-history-navigation=0",
    "--disable-translate",
    "--disable-features=TranslateUI",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]


def command(url: str, profile: str) -> list[str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("Chromium is not installed: sudo apt-get install chromium")
    return [browser, *FLAGS, f"--user-data-dir={profile}", url]


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PORTAL_KIOSK_URL", "http://localhost:3000/")
    # A fresh profile each start: nothing of earlier sessions survives a restart.
    with tempfile.TemporaryDirectory(prefix="kiosk-profile-") as profile:
        subprocess.run(command(url, profile), check=False)


if __name__ == "__main__":
    main()
