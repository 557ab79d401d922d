"""The enterprise's accident-type vocabulary (事故类型, GB 6441 or its own) as offered for hazards."""

from dataclasses import dataclass

from dualprev.domain import settings
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES, NEW_ENTERPRISE_VOCABULARY
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session
from dualprev.storage.queries import accident_links
from dualprev.storage.queries import risks as queries


@dataclass(frozen=True)
class AccidentTypeOption:
    id: int
    code: str
    name: str


def vocabulary_in(session: Session) -> str:
    """The code of the enterprise's accident-type vocabulary.

    When the setting is missing or unusable the records decide (the vocabulary their types belong
    to), so a damaged setting never offers types that would drop the records' own on the next save;
    with no records either, a new enterprise's vocabulary.
    """
    value = stored_settings.stored(session, settings.ACCIDENT_VOCABULARY)
    if value in ACCIDENT_VOCABULARIES:
        return value
    return accident_links.linked_vocabulary(session=session) or NEW_ENTERPRISE_VOCABULARY


def vocabulary(db: Database) -> str:
    """The code of the enterprise's accident-type vocabulary (GB6441-1986 or GB6441-2025)."""
    with db.read_session() as s:
        return vocabulary_in(s)


def accident_type_options(db: Database) -> list[AccidentTypeOption]:
    """The enterprise's accident-type vocabulary without the mining-only types, in code order."""
    with db.read_session() as s:
        rows = queries.accident_types(session=s, vocabulary=vocabulary_in(s))
        return [AccidentTypeOption(r.id or 0, r.code, r.name) for r in rows]
