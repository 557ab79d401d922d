"""Write a small database at a given schema revision, for the upgrade tests.

Each released schema keeps one fixture (tests/fixtures/schema_<rev>.sqlite) so a database made by
an older version is proven to open and upgrade without loss:

    python tools/make_schema_fixture.py 0001 tests/fixtures/schema_0001.sqlite
"""

import sqlite3
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from dualprev.storage.migrate import alembic_config

_ROWS = [
    "INSERT INTO enterprise (id, name, uscc, industry, address, principal_name, principal_phone,"
    " safety_manager_name, safety_manager_phone, phone, duty_phone, employee_count, code, created_at, updated_at)"
    " VALUES (1, '旧版测试机械厂', '91350100M000100Y43', '通用设备制造业', '苏州市吴中区', '王建国',"
    " '13900000001', '李安全', '13900000002', '0512-60000000', '0512-60000119', 56, 'JBCS',"
    " '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
    "INSERT INTO department (id, name, kind, parent_id, sort_order, note) VALUES"
    " (1, '生产部', 'department', NULL, 0, ''), (2, '机加工车间', 'workshop', 1, 1, '')",
    "INSERT INTO area (id, code, name, department_id, description, sort_order) VALUES"
    " (1, 'A01', '机加工车间', 2, '一号厂房东侧', 0)",
    "INSERT INTO post (id, name, department_id, area_id, work_content, workplace, headcount,"
    " responsible_person_id, sort_order, note) VALUES (1, '车工', 2, 1, '普通车床加工', '机加工车间', 4, NULL, 0, '')",
    "INSERT INTO person (id, name, department_id, post_id, phone, role, is_active, note) VALUES"
    " (1, '张师傅', 2, 1, '13900000003', '班长', 1, '')",
    "INSERT INTO risk_point (id, code, name, kind, area_id, location, department_id, responsible_person_id,"
    " asset_no, model_spec, activity_content, activity_frequency, library_key, sort_order, note, created_at,"
    " updated_at) VALUES (1, 'FX-001', '普通车床', 'equipment', 1, '机加工车间', 2, 1, 'CA6140-01', 'CA6140',"
    " '', '', '', 0, '', '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
    "INSERT INTO hazard (id, risk_point_id, seq, step_or_item, standard, description, factor_category,"
    " consequence, control_tier, responsible_department_id, responsible_person_id, suggested_measures, note,"
    " inherent_level, current_level, current_score, current_method, created_at, updated_at) VALUES"
    " (1, 1, 1, '卡盘', '防护罩完好', '卡盘无防护罩，衣袖卷入', '21', '机械伤害', 'workshop', 2, 1, '', '',"
    " 2, 3, '126', 'LEC', '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
    "INSERT INTO evaluation (id, hazard_id, stage, method, scheme_code, l_value, e_value, c_value, s_value,"
    " score, band, band_label, level, direct_reasons, assessor_name, assessor_id, evaluated_on, note,"
    " created_at) VALUES (1, 1, 'current', 'LEC', 'LEC-4C', '3', '6', '7', NULL, '126', 3, '显著危险，需要整改',"
    " 3, '', '李安全', NULL, '2026-01-01', '', '2026-01-01 08:00:00')",
]


def make(revision: str, target: Path) -> None:
    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    with sqlite3.connect(target) as conn:
        for sql in _ROWS:
            conn.execute(sql)
        conn.execute("PRAGMA journal_mode=DELETE")
    with sqlite3.connect(target) as conn:
        conn.execute("VACUUM")


if __name__ == "__main__":
    make(sys.argv[1], Path(sys.argv[2]))
