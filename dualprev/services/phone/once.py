"""A phone's write happens exactly once: each carries a client-generated id, kept with the write in
the same transaction. Sending it again (a draft resent after the connection came back, a replayed
request) finds the id and returns what the first one did, changing nothing."""

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dualprev.domain.phone import client_id_problem
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.phone.devices import DeviceSession
from dualprev.storage.db import Database
from dualprev.storage.models import PhoneRequest, utcnow
from dualprev.storage.queries import phone as queries

_WRITE_LANE = threading.Lock()
"""Phone writes go one at a time (the database also lets only one writer in: BEGIN IMMEDIATE)."""


@dataclass(frozen=True)
class Done:
    """What a phone write did; ``repeated`` when the id had been carried out before."""

    result: dict[str, Any]
    repeated: bool


def once(
    db: Database,
    device: DeviceSession,
    client_id: str,
    kind: str,
    work: Callable[[Database], dict[str, Any]],
) -> Done:
    """Run ``work`` (given the database to write through) and remember ``client_id`` in the same
    transaction; a known id returns the first result instead. ``work`` returns plain JSON values."""
    problem = client_id_problem(client_id)
    if problem:
        raise ValidationError(problem)
    with _WRITE_LANE, db.one_transaction() as tx:
        with tx.read_session() as s:
            existing = queries.request_by_client_id(session=s, client_id=client_id)
        if existing is not None:
            if existing.device_id != device.device_id or existing.kind != kind:
                raise ConflictError("请求编号已被使用，请刷新页面后重试")
            return Done(json.loads(existing.result or "{}"), repeated=True)
        result = work(tx)
        with tx.session() as s:
            s.add(
                PhoneRequest(
                    client_id=client_id,
                    device_id=device.device_id,
                    kind=kind,
                    created_at=utcnow(),
                    result=json.dumps(result, ensure_ascii=False),
                )
            )
    return Done(result, repeated=False)
