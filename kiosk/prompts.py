"""What each kiosk screen says when it opens, and its other fixed sentences.

The words are UI strings (gettext catalogue); the kiosk shows them as captions
and the server speaks them. Fixed sentences hold no personal data, so their
audio is cached by content; anything personal is spoken uncached.
"""

from __future__ import annotations

from babel.lists import format_list

from kiosk.commands import SCREEN_INTENTS, Heard, phrases
from locales import BABEL_LOCALE, N_, gettext_for

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
    "verify": N_("Hold the QR code of the e-certificate under the scanner, then touch Scan the QR code."),
    "help": N_("A member of staff has been called and will come to you shortly. Please wait here."),
    "ask": N_("Ask about any service in your own words. Type your question, touch an example, or hold the talk button and say it."),
    "idle": N_("Are you still there? Touch Continue to carry on. Otherwise the screen will start again for the next person."),
    "no-voice": N_("Voice input is not available in this language. Please use the touch screen."),
    # Steps within a screen (kiosk/screens.py).
    "book-time": N_("Choose the time of your visit."),
    "book-name": N_("Type your name, or place your ID card on the reader and touch Read my ID card. Then touch Next."),
    "book-phone": N_("Enter your phone number with the keypad. Then touch Next."),
    "help-ask": N_("Do you want a member of staff to come to this kiosk? Touch Call staff, or touch Back."),
    "not-found": N_("This screen does not exist. Touch Back to go to the menu."),
    "nothing-done": N_("All right, nothing was done."),
}

# What each command does, as the kiosk's controls name it (asked about when unsure).
ACTIONS: dict[str, str] = {
    "queue": N_("Take a queue number"),
    "track": N_("Check progress"),
    "book": N_("Book a visit"),
    "guide": N_("Service guides"),
    "ask": N_("Ask the assistant"),
    "help": N_("Call a member of staff"),
    "home": N_("Start again"),
    "back": N_("Back"),
    "repeat": N_("Repeat"),
    "language": N_("Language"),
    "print": N_("Print again"),
    "clear": N_("Clear"),
    "check": N_("Check"),
    "confirm_booking": N_("Confirm booking"),
    "yes": N_("Yes"),
    "no": N_("No"),
}
# TRANSLATORS: a phrase the person can say, in this language's quotation marks (「」, « »...).
QUOTED = N_("“%(phrase)s”")


def quoted(phrase: str, locale: str) -> str:
    return gettext_for(locale)(QUOTED) % {"phrase": phrase}


def question_text(locale: str, screen: str, heard: Heard, choices: dict[str, str]) -> str:
    """The question the kiosk asks when it is not sure: "Did you mean “Call a member of staff”? ..."
    (the action, the choice's label, or the digits heard)."""
    _ = gettext_for(locale)
    if heard.intent == "choose":
        action = choices.get(heard.choice or "", "")
    elif heard.intent == "digits":
        action = heard.digits
    else:
        action = _(ACTIONS[heard.intent or ""])
    return _("Did you mean %(action)s? Say yes, or touch Yes.") % {"action": quoted(action, locale)}


def prompt_text(key: str, locale: str) -> str:
    """The sentence a screen speaks, or the "did not understand" of a screen,
    which lists what can be said there (each command's first sentence, which
    is its button's label) with the locale's quotation marks and list words."""
    _ = gettext_for(locale)
    if key.startswith("not-understood-"):
        first = phrases(locale).first
        said = [quoted(first[intent], locale) for intent in SCREEN_INTENTS[key.removeprefix("not-understood-")]]
        options = format_list(said, style="or", locale=BABEL_LOCALE[locale])
        return _("Sorry, I did not understand. You can say: %(options)s.") % {"options": options}
    return _(PROMPTS[key])


def prompt_keys() -> list[str]:
    return [*PROMPTS, *(f"not-understood-{screen}" for screen in SCREEN_INTENTS)]
