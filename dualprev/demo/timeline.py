"""The demo's explicit clock: dated steps run in the order they happened.

Every write of the demo is a step at a local wall-clock time before (or on) the day the demo is
built for. The builder schedules them in any order; :meth:`Timeline.run` plays them back in time
order, and a step may schedule later ones (a hidden danger's rectification once it is registered).
Each service call is given the step's time, so records carry the dates they would have had.
"""

import heapq
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

LOCAL_TZ = timezone(timedelta(hours=8), "CST")
"""The plant's local time; timestamps are stored in UTC."""


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A local wall-clock time on ``day`` as an aware UTC datetime."""
    return datetime.combine(day, time(hour, minute, second), LOCAL_TZ).astimezone(UTC)


def local_day(moment: datetime) -> date:
    """The plant's calendar day of an aware ``moment``."""
    return moment.astimezone(LOCAL_TZ).date()


Step = Callable[[datetime], None]
"""A write; it is called with the moment it happens."""


@dataclass
class Timeline:
    """Steps waiting to run, earliest first (steps at the same moment in the order scheduled)."""

    today: date
    _queue: list[tuple[datetime, int, Step]] = field(default_factory=list)
    _order: Iterator[int] = field(default_factory=itertools.count)
    _now: datetime | None = None

    def schedule(self, moment: datetime, step: Step) -> None:
        """Run ``step`` at ``moment``; refuses a moment after ``today`` or before the step running."""
        if local_day(moment) > self.today:
            raise ValueError(f"demo step dated {local_day(moment)} lies after the build day {self.today}")
        if self._now is not None and moment < self._now:
            raise ValueError(f"demo step dated {moment} scheduled after its time ({self._now})")
        heapq.heappush(self._queue, (moment, next(self._order), step))

    def run(self) -> None:
        """Run every step in time order, including those scheduled while running."""
        while self._queue:
            moment, _order, step = heapq.heappop(self._queue)
            self._now = moment
            step(moment)
