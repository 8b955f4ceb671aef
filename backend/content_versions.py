"""A version number per content area, kept in the database, so that every
worker on the same database knows when cached catalogue reads are out of date.

Any ORM write to a record of an area (the seed, a queue ticket changing a
hall's waiting count, an editor's change) bumps that area's version in the
same transaction: the version and the content it describes commit together.
"""

from __future__ import annotations

import time

from sqlalchemy import event, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import ORMExecuteState, Session

from backend import models

# Which area a record belongs to. Cached reads name the areas they are built from.
AREA_OF: dict[type, str] = {
    models.Department: "catalogue",
    models.Theme: "catalogue",
    models.LifeEvent: "catalogue",
    models.Service: "catalogue",
    models.Hall: "halls",
    models.QueueTicket: "halls",  # a hall's waiting count
    models.Article: "information",
    models.ExpatGuide: "information",
}
AREAS = tuple(sorted(set(AREA_OF.values())))


_table = models.ContentVersion.__table__


def _bump(session: Session, areas: set[str]) -> None:
    if areas:
        session.connection().execute(update(_table).where(_table.c.area.in_(areas)).values(version=_table.c.version + 1))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    _bump(session, {AREA_OF[type(record)] for record in changed if type(record) in AREA_OF})


@event.listens_for(Session, "do_orm_execute")
def _bulk_write(state: ORMExecuteState) -> None:
    """Bulk ``update()``/``delete()`` statements skip the flush; they count too."""
    if (state.is_update or state.is_delete) and state.bind_mapper is not None:
        area = AREA_OF.get(state.bind_mapper.class_)
        if area:
            _bump(state.session, {area})


def ensure_rows(connection: Connection) -> None:
    """One row per area, within the start-up transaction (one worker at a time)."""
    present = set(connection.scalars(select(_table.c.area)))
    for area in sorted(set(AREAS) - present):
        connection.execute(insert(_table).values(area=area, version=0))


class ContentVersions:
    """This worker's view of the areas' versions: read from the database at
    most every ``poll`` seconds, and at once after :meth:`expire` (called
    after this worker served a write). Between reads, callers get the last
    versions read, so a change made by another worker shows within ``poll``
    seconds."""

    def __init__(self, engine: AsyncEngine, poll: float = 1.0):
        self._engine = engine
        self.poll = poll
        self._versions: dict[str, int] | None = None
        self._read_at = float("-inf")

    async def _read(self) -> dict[str, int]:
        async with self._engine.connect() as connection:
            return {area: version for area, version in await connection.execute(select(_table.c.area, _table.c.version))}

    def expire(self) -> None:
        self._read_at = float("-inf")

    async def current(self) -> dict[str, int]:
        """``{area: version}``. Once a poll period is over, the first caller
        reads again while the others keep the versions read before."""
        now = time.monotonic()
        if self._versions is None or now - self._read_at >= self.poll:
            self._read_at = now
            try:
                self._versions = await self._read()
            except Exception:
                self.expire()
                raise
        return self._versions
