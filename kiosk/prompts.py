"""What each kiosk screen says when it opens, and its other fixed sentences.

The words are UI strings (gettext catalogue); the kiosk shows them as captions
and the server speaks them. Fixed sentences hold no personal data, so their
audio is cached by content; anything personal is spoken uncached.
"""

from __future__ import annotations

from locales import N_, gettext_for
from kiosk.commands import SCREEN_INTENTS, phrases

PROMPTS: dict[str, str] = {
    "attract": N_("Welcome to Haizhou citizen services. Touch the screen to start, or choose your language."),
    "menu": N_(
        "What would you like to do? Take a queue number, check the progress of an application, book a visit, "
        "find a service guide, or call a member of staff. Touch a button, or hold the talk button and say what you need."
    ),
    "queue": N_("Choose the service you need. I will print your queue number."),
    "ticket": N_("Here is your queue number. Take your ticket and wait until your number is called."),
    "track": N_("Enter your receipt number with the keypad, scan its QR code, or hold the talk button and say the digits. Then touch Check."),
    "result": N_("Here is the progress of your application."),
    "book": N_("Choose the service, then the time of your visit."),
    "guides": N_("Choose a service to see and hear its guide."),
    "guide": N_("Here is the service guide. Touch Read aloud to hear it."),
    "help": N_("A member of staff has been called and will come to you shortly. Please wait here."),
    "idle": N_("Are you still there? Touch Continue to carry on. Otherwise the screen will start again for the next person."),
    "no-voice": N_("Voice input is not available in this language. Please use the touch screen."),
    # Steps within a screen (kiosk/screens.py).
    "book-time": N_("Choose the time of your visit."),
    "book-name": N_("Type your name, or place your ID card on the reader and touch Read my ID card. Then touch Next."),
    "book-phone": N_("Enter your phone number with the keypad. Then touch Next."),
    "help-ask": N_("Do you want a member of staff to come to this kiosk? Touch Call staff, or touch Back."),
    "not-found": N_("This screen does not exist. Touch Back to go to the menu."),
}

def prompt_text(key: str, locale: str) -> str:
    """The sentence a screen speaks, or the "did not understand" of a screen."""
    _ = gettext_for(locale)
    if key.startswith("not-understood-"):
        screen = key.removeprefix("not-understood-")
        said = phrases(locale).intents
        options = "; ".join(f"“{said[intent][0]}”" for intent in SCREEN_INTENTS[screen] if intent in said)
        return _("Sorry, I did not understand. You can say: %(options)s.") % {"options": options}
    return _(PROMPTS[key])


def prompt_keys() -> list[str]:
    return [*PROMPTS, *(f"not-understood-{screen}" for screen in SCREEN_INTENTS)]
