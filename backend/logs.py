"""No personal data in the logs. Every log record made in the process -
whoever makes it, through whatever handler it goes - has resident ID,
passport and phone numbers replaced by a mark before it is written,
exception text included. SQLAlchemy is told not to put a statement's
parameters into its errors at all (``hide_parameters``, backend/db.py)."""

from __future__ import annotations

import logging
import re
import traceback

# A resident ID (18 characters, the last may be X), a mainland mobile number
# (with or without +86, maybe spaced), any other number in E.164, a passport
# number (5 to 9 capitals and digits, at least one letter and four digits).
# Receipt and ticket numbers (14 digits), one-time codes (6 digits) and
# masked numbers (138****8000) are not personal and stay.
_PERSONAL = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    r"\d{17}[\dXx]"
    r"|(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}"
    r"|\+\d{8,15}"
    r"|(?=[0-9A-Z]*[A-Z])(?=(?:[A-Z]*\d){4})[0-9A-Z]{5,9}"
    r")(?![0-9A-Za-z])"
)
MARK = "[personal data removed]"


def scrub(text: str) -> str:
    """``text`` with every ID, passport and phone number replaced by :data:`MARK`."""
    return _PERSONAL.sub(MARK, text)


_make_record = logging.getLogRecordFactory()


def _scrubbed_record(*args, **kwargs) -> logging.LogRecord:
    record = _make_record(*args, **kwargs)
    if isinstance(record.msg, str):
        record.msg = scrub(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(scrub(arg) if isinstance(arg, str) else arg for arg in record.args)
    elif isinstance(record.args, dict):
        record.args = {key: scrub(value) if isinstance(value, str) else value for key, value in record.args.items()}
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = scrub("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        record.exc_info = None  # formatters print exc_text instead
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


def keep_personal_data_out_of_logs() -> None:
    """Install the scrubbing for every logger of the process (once)."""
    if logging.getLogRecordFactory() is not _scrubbed_record:
        logging.setLogRecordFactory(_scrubbed_record)
