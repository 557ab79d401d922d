"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accident_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vocabulary", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("mining_only", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("vocabulary", "code"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["department.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_department_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("principal_name", sa.String(length=50), nullable=False),
        sa.Column("principal_phone", sa.String(length=30), nullable=False),
        sa.Column("safety_manager_name", sa.String(length=50), nullable=False),
        sa.Column("safety_manager_phone", sa.String(length=30), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("duty_phone", sa.String(length=30), nullable=False),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "export_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("report", sa.String(length=50), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "floor_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "grading_scheme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_builtin", sa.Boolean(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_department_id"), ["department_id"], unique=False)

    op.create_table(
        "map_zone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("floor_plan_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("shape", sa.String(length=32), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("label_x", sa.Float(), nullable=True),
        sa.Column("label_y", sa.Float(), nullable=True),
        sa.Column("show_counts", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["floor_plan_id"], ["floor_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("map_zone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_map_zone_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_map_zone_floor_plan_id"), ["floor_plan_id"], unique=False)

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("work_content", sa.Text(), nullable=False),
        sa.Column("workplace", sa.String(length=200), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(
            ["responsible_person_id"],
            ["person.id"],
            name="fk_post_responsible_person_id",
            ondelete="SET NULL",
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_department_id"), ["department_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_post_responsible_person_id"), ["responsible_person_id"], unique=False
        )

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("role", sa.String(length=50), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_post_id"), ["post_id"], unique=False)

    op.create_table(
        "post_card_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("field_key", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("post_id", "field_key"),
    )
    with op.batch_alter_table("post_card_override", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_card_override_post_id"), ["post_id"], unique=False)

    op.create_table(
        "post_card_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("page_size", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("post_card_print", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_card_print_post_id"), ["post_id"], unique=False)

    op.create_table(
        "check_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("check_type", sa.String(length=32), nullable=False),
        sa.Column("control_tier", sa.String(length=32), nullable=True),
        sa.Column("frequency", sa.String(length=32), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["assignee_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_plan_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_plan_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_plan_department_id"), ["department_id"], unique=False)

    op.create_table(
        "risk_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("asset_no", sa.String(length=64), nullable=False),
        sa.Column("model_spec", sa.String(length=100), nullable=False),
        sa.Column("activity_content", sa.Text(), nullable=False),
        sa.Column("activity_frequency", sa.String(length=50), nullable=False),
        sa.Column("library_key", sa.String(length=64), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["responsible_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("risk_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_point_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_risk_point_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_risk_point_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_risk_point_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_risk_point_responsible_person_id"), ["responsible_person_id"], unique=False
        )

    op.create_table(
        "check_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("check_type", sa.String(length=32), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checker_names", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["plan_id"], ["check_plan.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_record_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_record_checked_on"), ["checked_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_record_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_record_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "hazard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("risk_point_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("step_or_item", sa.String(length=200), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("factor_category", sa.String(length=8), nullable=False),
        sa.Column("consequence", sa.Text(), nullable=False),
        sa.Column("control_tier", sa.String(length=32), nullable=True),
        sa.Column("responsible_department_id", sa.Integer(), nullable=True),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("suggested_measures", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("inherent_level", sa.Integer(), nullable=True),
        sa.Column("current_level", sa.Integer(), nullable=True),
        sa.Column("current_score", sa.String(length=20), nullable=False),
        sa.Column("current_method", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["responsible_department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["responsible_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["risk_point_id"], ["risk_point.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hazard", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazard_current_level"), ["current_level"], unique=False)
        batch_op.create_index(batch_op.f("ix_hazard_inherent_level"), ["inherent_level"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hazard_responsible_department_id"), ["responsible_department_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hazard_responsible_person_id"), ["responsible_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hazard_risk_point_id"), ["risk_point_id"], unique=False)

    op.create_table(
        "map_zone_risk_point",
        sa.Column("zone_id", sa.Integer(), nullable=False),
        sa.Column("risk_point_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["risk_point_id"], ["risk_point.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["zone_id"], ["map_zone.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("zone_id", "risk_point_id"),
    )
    with op.batch_alter_table("map_zone_risk_point", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_map_zone_risk_point_risk_point_id"), ["risk_point_id"], unique=False
        )

    op.create_table(
        "post_risk_point",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("risk_point_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["risk_point_id"], ["risk_point.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", "risk_point_id"),
    )
    with op.batch_alter_table("post_risk_point", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_risk_point_risk_point_id"), ["risk_point_id"], unique=False)

    op.create_table(
        "check_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["assignee_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["plan_id"], ["check_plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_id"], ["check_record.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_task_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_task_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_task_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_task_record_id"), ["record_id"], unique=False)

    op.create_table(
        "control_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("is_existing", sa.Boolean(), nullable=False),
        sa.Column("control_tier", sa.String(length=32), nullable=True),
        sa.Column("responsible_department_id", sa.Integer(), nullable=True),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazard.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["responsible_department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["responsible_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("control_measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_control_measure_hazard_id"), ["hazard_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_control_measure_responsible_department_id"),
            ["responsible_department_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_control_measure_responsible_person_id"), ["responsible_person_id"], unique=False
        )

    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("scheme_code", sa.String(length=40), nullable=False),
        sa.Column("l_value", sa.String(length=10), nullable=True),
        sa.Column("e_value", sa.String(length=10), nullable=True),
        sa.Column("c_value", sa.String(length=10), nullable=True),
        sa.Column("s_value", sa.String(length=10), nullable=True),
        sa.Column("score", sa.String(length=20), nullable=True),
        sa.Column("band", sa.Integer(), nullable=True),
        sa.Column("band_label", sa.String(length=50), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("direct_reasons", sa.Text(), nullable=False),
        sa.Column("assessor_name", sa.String(length=50), nullable=False),
        sa.Column("assessor_id", sa.Integer(), nullable=True),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assessor_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazard.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_assessor_id"), ["assessor_id"], unique=False)
        batch_op.create_index("ix_evaluation_hazard_stage", ["hazard_id", "stage", "id"], unique=False)

    op.create_table(
        "hazard_accident_type",
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("accident_type_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["accident_type_id"], ["accident_type.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazard.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hazard_id", "accident_type_id"),
    )
    with op.batch_alter_table("hazard_accident_type", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hazard_accident_type_accident_type_id"), ["accident_type_id"], unique=False
        )

    op.create_table(
        "hidden_danger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("check_type", sa.String(length=32), nullable=True),
        sa.Column("finder_names", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("source_detail", sa.String(length=200), nullable=False),
        sa.Column("check_record_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("risk_point_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("owner_tier", sa.String(length=32), nullable=True),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("rectification_measures", sa.Text(), nullable=False),
        sa.Column("responsible_department_id", sa.Integer(), nullable=True),
        sa.Column("rectifier_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("funds_fen", sa.Integer(), nullable=True),
        sa.Column("interim_measures", sa.Text(), nullable=False),
        sa.Column("is_immediate", sa.Boolean(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("acceptor_id", sa.Integer(), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("acceptance_conclusion", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("reported_to", sa.String(length=200), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["acceptor_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["check_record_id"], ["check_record.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["rectifier_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["responsible_department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["risk_point_id"], ["risk_point.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("hidden_danger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hidden_danger_acceptor_id"), ["acceptor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hidden_danger_area_id"), ["area_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hidden_danger_check_record_id"), ["check_record_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hidden_danger_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_hidden_danger_found_on"), ["found_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_hidden_danger_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_hidden_danger_rectifier_id"), ["rectifier_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hidden_danger_responsible_department_id"),
            ["responsible_department_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_hidden_danger_risk_point_id"), ["risk_point_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hidden_danger_status"), ["status"], unique=False)

    op.create_table(
        "check_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("risk_point_id", sa.Integer(), nullable=True),
        sa.Column("hazard_id", sa.Integer(), nullable=True),
        sa.Column("control_measure_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=100), nullable=False),
        sa.Column("check_type", sa.String(length=32), nullable=True),
        sa.Column("control_tier", sa.String(length=32), nullable=True),
        sa.Column("frequency", sa.String(length=32), nullable=True),
        sa.Column("is_custom", sa.Boolean(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["control_measure_id"], ["control_measure.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazard.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["risk_point_id"], ["risk_point.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_item_control_measure_id"), ["control_measure_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_check_item_hazard_id"), ["hazard_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_check_item_risk_point_id"), ["risk_point_id"], unique=False)

    op.create_table(
        "hidden_danger_accident_type",
        sa.Column("hidden_danger_id", sa.Integer(), nullable=False),
        sa.Column("accident_type_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["accident_type_id"], ["accident_type.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hidden_danger_id", "accident_type_id"),
    )
    with op.batch_alter_table("hidden_danger_accident_type", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hidden_danger_accident_type_accident_type_id"), ["accident_type_id"], unique=False
        )

    op.create_table(
        "hidden_danger_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=True),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hidden_danger_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hidden_danger_event_hidden_danger_id"), ["hidden_danger_id"], unique=False
        )

    op.create_table(
        "remediation_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=False),
        sa.Column("goal_and_tasks", sa.Text(), nullable=False),
        sa.Column("methods_and_measures", sa.Text(), nullable=False),
        sa.Column("funds_and_materials", sa.Text(), nullable=False),
        sa.Column("organisation_and_people", sa.Text(), nullable=False),
        sa.Column("timeline_and_requirements", sa.Text(), nullable=False),
        sa.Column("safety_and_emergency", sa.Text(), nullable=False),
        sa.Column("post_evaluation", sa.Text(), nullable=False),
        sa.Column("post_evaluated_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hidden_danger_id"),
    )
    op.create_table(
        "check_plan_item",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("check_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["check_item_id"], ["check_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["check_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id", "check_item_id"),
    )
    with op.batch_alter_table("check_plan_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_plan_item_check_item_id"), ["check_item_id"], unique=False)

    op.create_table(
        "check_record_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("check_item_id", sa.Integer(), nullable=True),
        sa.Column("item_text", sa.Text(), nullable=False),
        sa.Column("standard_text", sa.Text(), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["check_item_id"], ["check_item.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["record_id"], ["check_record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_record_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_record_result_check_item_id"), ["check_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_check_record_result_hidden_danger_id"), ["hidden_danger_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_check_record_result_record_id"), ["record_id"], unique=False)

    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("thumb_name", sa.String(length=100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=True),
        sa.Column("check_result_id", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["check_result_id"], ["check_record_result.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_check_result_id"), ["check_result_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_hidden_danger_id"), ["hidden_danger_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_hidden_danger_id"))
        batch_op.drop_index(batch_op.f("ix_photo_check_result_id"))

    op.drop_table("photo")
    with op.batch_alter_table("check_record_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_record_result_record_id"))
        batch_op.drop_index(batch_op.f("ix_check_record_result_hidden_danger_id"))
        batch_op.drop_index(batch_op.f("ix_check_record_result_check_item_id"))

    op.drop_table("check_record_result")
    with op.batch_alter_table("check_plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_plan_item_check_item_id"))

    op.drop_table("check_plan_item")
    op.drop_table("remediation_plan")
    with op.batch_alter_table("hidden_danger_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hidden_danger_event_hidden_danger_id"))

    op.drop_table("hidden_danger_event")
    with op.batch_alter_table("hidden_danger_accident_type", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hidden_danger_accident_type_accident_type_id"))

    op.drop_table("hidden_danger_accident_type")
    with op.batch_alter_table("check_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_item_risk_point_id"))
        batch_op.drop_index(batch_op.f("ix_check_item_hazard_id"))
        batch_op.drop_index(batch_op.f("ix_check_item_control_measure_id"))

    op.drop_table("check_item")
    with op.batch_alter_table("hidden_danger", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hidden_danger_status"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_risk_point_id"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_responsible_department_id"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_rectifier_id"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_level"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_found_on"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_deadline"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_check_record_id"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_area_id"))
        batch_op.drop_index(batch_op.f("ix_hidden_danger_acceptor_id"))

    op.drop_table("hidden_danger")
    with op.batch_alter_table("hazard_accident_type", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_accident_type_accident_type_id"))

    op.drop_table("hazard_accident_type")
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index("ix_evaluation_hazard_stage")
        batch_op.drop_index(batch_op.f("ix_evaluation_assessor_id"))

    op.drop_table("evaluation")
    with op.batch_alter_table("control_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_control_measure_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_control_measure_responsible_department_id"))
        batch_op.drop_index(batch_op.f("ix_control_measure_hazard_id"))

    op.drop_table("control_measure")
    with op.batch_alter_table("check_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_task_record_id"))
        batch_op.drop_index(batch_op.f("ix_check_task_plan_id"))
        batch_op.drop_index(batch_op.f("ix_check_task_due_on"))
        batch_op.drop_index(batch_op.f("ix_check_task_assignee_id"))

    op.drop_table("check_task")
    with op.batch_alter_table("post_risk_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_risk_point_risk_point_id"))

    op.drop_table("post_risk_point")
    with op.batch_alter_table("map_zone_risk_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_map_zone_risk_point_risk_point_id"))

    op.drop_table("map_zone_risk_point")
    with op.batch_alter_table("hazard", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_risk_point_id"))
        batch_op.drop_index(batch_op.f("ix_hazard_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_hazard_responsible_department_id"))
        batch_op.drop_index(batch_op.f("ix_hazard_inherent_level"))
        batch_op.drop_index(batch_op.f("ix_hazard_current_level"))

    op.drop_table("hazard")
    with op.batch_alter_table("check_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_record_plan_id"))
        batch_op.drop_index(batch_op.f("ix_check_record_department_id"))
        batch_op.drop_index(batch_op.f("ix_check_record_checked_on"))
        batch_op.drop_index(batch_op.f("ix_check_record_area_id"))

    op.drop_table("check_record")
    with op.batch_alter_table("risk_point", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_point_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_risk_point_name"))
        batch_op.drop_index(batch_op.f("ix_risk_point_department_id"))
        batch_op.drop_index(batch_op.f("ix_risk_point_code"))
        batch_op.drop_index(batch_op.f("ix_risk_point_area_id"))

    op.drop_table("risk_point")
    with op.batch_alter_table("check_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_plan_department_id"))
        batch_op.drop_index(batch_op.f("ix_check_plan_assignee_id"))
        batch_op.drop_index(batch_op.f("ix_check_plan_area_id"))

    op.drop_table("check_plan")
    with op.batch_alter_table("post_card_print", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_card_print_post_id"))

    op.drop_table("post_card_print")
    with op.batch_alter_table("post_card_override", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_card_override_post_id"))

    op.drop_table("post_card_override")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_post_id"))
        batch_op.drop_index(batch_op.f("ix_person_name"))
        batch_op.drop_index(batch_op.f("ix_person_department_id"))

    op.drop_table("person")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_post_department_id"))
        batch_op.drop_index(batch_op.f("ix_post_area_id"))

    op.drop_table("post")
    with op.batch_alter_table("map_zone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_map_zone_floor_plan_id"))
        batch_op.drop_index(batch_op.f("ix_map_zone_area_id"))

    op.drop_table("map_zone")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_department_id"))

    op.drop_table("area")
    op.drop_table("setting")
    op.drop_table("grading_scheme")
    op.drop_table("floor_plan")
    op.drop_table("export_profile")
    op.drop_table("enterprise")
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_parent_id"))

    op.drop_table("department")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("accident_type")
