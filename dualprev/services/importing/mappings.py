"""Column mappings saved by name for the next file of the same layout: per kind, name → {field key:
column heading}. Kept as one setting (``import_mappings``), written in one transaction with an
audit entry."""

from collections.abc import Mapping

from dualprev.domain.importing.fields import FIELDS, ImportKind
from dualprev.domain.settings import IMPORT_MAPPINGS
from dualprev.errors import NotFoundError, ValidationError
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database

MAX_NAME_LENGTH = 50


def saved_mappings(db: Database, kind: ImportKind) -> dict[str, dict[str, str]]:
    """Name → mapping of ``kind``, in the order they were saved."""
    with db.read_session() as s:
        return stored_settings.read(s, IMPORT_MAPPINGS).get(kind.value, {})


def get_mapping(db: Database, kind: ImportKind, name: str) -> dict[str, str]:
    found = saved_mappings(db, kind).get(name.strip())
    if found is None:
        raise NotFoundError(f"没有名为“{name}”的{kind.label}列对应方案")
    return found


def save_mapping(
    db: Database, kind: ImportKind, name: str, mapping: Mapping[str, str], *, actor: str
) -> None:
    """Save (or replace) the mapping ``name`` of ``kind``: field key → column heading."""
    name = name.strip()
    if not name:
        raise ValidationError("请填写方案名称", "name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(f"方案名称不能超过{MAX_NAME_LENGTH}个字", "name")
    known = {f.key for f in FIELDS[kind]}
    unknown = [k for k in mapping if k not in known]
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(unknown)}")
    with db.session() as s:
        everything = stored_settings.read(s, IMPORT_MAPPINGS)
        everything.setdefault(kind.value, {})[name] = {k: v for k, v in mapping.items() if v}
        stored_settings.write(s, IMPORT_MAPPINGS, everything)
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="setting",
            entity_id=None,
            summary=f"保存导入列对应方案：{name}",
        )
