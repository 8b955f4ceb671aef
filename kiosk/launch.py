"""Start Chromium as the kiosk's screen: full screen with no way out, the
microphone allowed, prompts allowed to play, tickets printed without a dialog.

    python -m kiosk.launch [URL]                      (default http://localhost:3000/)
    sudo python -m kiosk.launch --install-policies [URL]

Run it in the terminal's graphical session after ``make kiosk`` is serving.

Command-line flags alone leave a way out (developer tools, downloads, other
sites typed into a dialog), so the kiosk is also locked by Chromium's
enterprise policies, which Chromium on Linux reads from
/etc/chromium/policies/managed/ and no user can change: no developer tools, no
downloads, no address but the kiosk's own origin. Writing there needs root:
install them once with ``--install-policies`` (the launcher does it itself
when it may). Every start uses a new, empty profile, deleted afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

POLICY_DIR = Path("/etc/chromium/policies/managed")
POLICY_FILE = "haizhou-kiosk.json"

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


def policies(url: str) -> dict:
    """Chromium's enterprise policies for a kiosk served at ``url``: only its
    own origin may be opened (https://chromeenterprise.google/policies/)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return {
        "URLBlocklist": ["*"],
        "URLAllowlist": [origin],
        "DeveloperToolsAvailability": 2,  # not allowed
        "DownloadRestrictions": 3,  # block all downloads
        "AllowFileSelectionDialogs": False,
        "IncognitoModeAvailability": 1,  # disabled
        "BrowserSignin": 0,
        "SyncDisabled": True,
        "PasswordManagerEnabled": False,
        "AutofillAddressEnabled": False,
        "AutofillCreditCardEnabled": False,
        "TranslateEnabled": False,
        "BookmarkBarEnabled": False,
        "EditBookmarksEnabled": False,
        "SavingBrowserHistoryDisabled": True,
        "TaskManagerEndProcessEnabled": False,
        "ExtensionInstallBlocklist": ["*"],
        "DefaultPopupsSetting": 2,
        "DefaultNotificationsSetting": 2,
        "DefaultGeolocationSetting": 2,
        "AudioCaptureAllowedUrls": [origin],
        "AutoplayAllowed": True,
    }


def write_policies(settings: dict, folder: Path = POLICY_DIR) -> Path:
    """Write the policies where Chromium reads them; returns the file. Raises
    PermissionError when the folder is not writable (it needs root)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / POLICY_FILE
    path.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    return path


def _ensure_policies(url: str) -> None:
    wanted = policies(url)
    path = POLICY_DIR / POLICY_FILE
    try:
        if json.loads(path.read_text(encoding="utf-8")) == wanted:
            return
    except (OSError, ValueError):
        pass
    try:
        write_policies(wanted, POLICY_DIR)
    except PermissionError:
        raise SystemExit(f"Chromium's kiosk policies are not installed: run `sudo {sys.executable} -m kiosk.launch --install-policies {url}` once.") from None


def command(url: str, profile: str) -> list[str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("Chromium is not installed: sudo apt-get install chromium")
    return [browser, *FLAGS, f"--user-data-dir={profile}", url]


def main() -> None:
    args = sys.argv[1:]
    install_only = "--install-policies" in args
    args = [a for a in args if a != "--install-policies"]
    url = args[0] if args else os.environ.get("PORTAL_KIOSK_URL", "http://localhost:3000/")
    _ensure_policies(url)
    if install_only:
        return
    # A fresh profile each start: nothing of earlier sessions survives a restart.
    with tempfile.TemporaryDirectory(prefix="kiosk-profile-") as profile:
        subprocess.run(command(url, profile), check=False)


if __name__ == "__main__":
    main()
