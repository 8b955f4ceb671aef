"""When an event fails unexpectedly. Reflex's default handler pops up the
browser's own ``alert`` in English; here the page says it in its own
language, in the page (``problem_notice`` in every frame), and the log gets
where it failed - the exception's type and the files and lines of its stack,
not its message nor the source lines, which may quote what a person typed."""

from __future__ import annotations

import logging
import traceback

import reflex as rx
from reflex.event import EventSpec
from reflex.vars.base import Var, VarData
from reflex_base.utils.imports import ImportVar

from components.notices import notice
from locales import gettext_for

log = logging.getLogger("portal.problems")

_PATHNAME = Var(
    'routerLocation.pathname.replace(/\\/$/, "")',
    _var_data=VarData(imports={"react-router": [ImportVar(tag="useLocation")]}, hooks={"const routerLocation = useLocation();": None}),
).to(str)


class ProblemState(rx.State):
    """The page (its path) on which an event last failed."""

    failed_on: str = ""

    @rx.event
    def show(self):
        self.failed_on = self.router.url.path.rstrip("/")


def backend_exception_handler(exception: Exception) -> EventSpec:
    """Reflex's ``backend_exception_handler``: log without personal data, tell the page."""
    where = "\n".join(f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(exception.__traceback__))
    log.error("an event failed: %s\n%s", type(exception).__qualname__, where)
    return ProblemState.show()


def problem_notice(locale: str) -> rx.Component:
    """Said in the page where an event failed, until the person goes elsewhere."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.cond(
            (ProblemState.failed_on != "") & (ProblemState.failed_on == _PATHNAME),
            notice(rx.el.p(_("Something went wrong. Please try again.")), tone="error"),
        ),
        role="alert",
    )
