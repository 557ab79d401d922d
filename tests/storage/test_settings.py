"""The setting table through the declarations: a new database holds the defaults, values round-trip,
and a corrupt stored value is read as the default, logged and listed as a problem."""

import logging

import pytest
from sqlmodel import select

from dualprev.domain import settings
from dualprev.domain.checks import CheckFrequency, FrequencyTable
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database
from dualprev.storage.models import Setting


def _store_raw(db: Database, key: str, text: str) -> None:
    with db.session() as s:
        s.merge(Setting(key=key, value=text))


def test_a_new_database_reads_every_default_and_has_no_problem(empty_db: Database) -> None:
    with empty_db.read_session() as s:
        stored = {row.key for row in s.exec(select(Setting))}
        for spec in settings.ALL_SETTINGS:
            assert stored_settings.read(s, spec) == spec.default, spec.key
        assert stored_settings.problems(s) == []
    # The first migration seeds some of them; what it seeds is the declared default.
    assert {"scheme.LEC", "tier_by_level", "deadline_days.general"} <= stored


CHANGED = [
    (settings.SCHEME_LEC, "LEC-SD5"),
    (settings.TIER_BY_LEVEL, {**settings.TIER_BY_LEVEL.default, RiskLevel.GENERAL: ControlTier.TEAM}),
    (
        settings.CHECK_FREQUENCY,
        FrequencyTable().with_frequency(RiskLevel.LOW, ControlTier.TEAM, CheckFrequency.DAILY),
    ),
    (settings.DEADLINE_DAYS_GENERAL, 10),
    (settings.HIDDEN_DANGER_NUMBER_PREFIX, "ZG"),
    (settings.QR_URL_TEMPLATE, "http://oa.example.cn/cards/{post_id}?r={revision}"),
    (settings.IMPORT_MAPPINGS, {"ledger": {"镇里的台账": {"found_on": "发现日期"}}}),
]


@pytest.mark.parametrize(("spec", "value"), CHANGED, ids=[spec.key for spec, _ in CHANGED])
def test_a_written_value_round_trips_and_the_old_one_is_returned(
    empty_db: Database, spec: settings.SettingSpec[object], value: object
) -> None:
    assert value != spec.default
    with empty_db.session() as s:
        assert stored_settings.write(s, spec, value) == spec.default
    with empty_db.read_session() as s:
        assert stored_settings.read(s, spec) == value
    with empty_db.session() as s:
        assert stored_settings.write(s, spec, spec.default) == value


def test_a_corrupt_value_is_read_as_the_default_logged_and_reported(
    empty_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    _store_raw(empty_db, settings.DEADLINE_DAYS_GENERAL.key, '"ten days"')
    _store_raw(empty_db, settings.TIER_BY_LEVEL.key, "{broken")
    with caplog.at_level(logging.WARNING, logger="dualprev.storage.settings"), empty_db.read_session() as s:
        assert (
            stored_settings.read(s, settings.DEADLINE_DAYS_GENERAL) == settings.DEADLINE_DAYS_GENERAL.default
        )
        assert stored_settings.read(s, settings.TIER_BY_LEVEL) == settings.TIER_BY_LEVEL.default
        problems = stored_settings.problems(s)
    assert any(
        "deadline_days.general" in r.getMessage() and "ten days" in r.getMessage() for r in caplog.records
    )
    assert [p.key for p in problems] == ["tier_by_level", "deadline_days.general"]  # declaration order
    assert "设置“一般隐患整改期限（天）”的保存值无法使用（应为天数" in problems[1].message
    # Saving the setting again repairs it.
    with empty_db.session() as s:
        stored_settings.write(s, settings.DEADLINE_DAYS_GENERAL, 5)
    with empty_db.read_session() as s:
        assert [p.key for p in stored_settings.problems(s)] == ["tier_by_level"]
