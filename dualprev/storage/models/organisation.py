"""Departments, people, areas and posts, and the risk points each post faces."""

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dualprev.domain.organisation import DepartmentKind
from dualprev.storage.models.columns import enum_field, foreign_key


class Department(SQLModel, table=True):
    """部门、车间 (a tree); a 班组 is a department of kind TEAM under another."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    kind: DepartmentKind = enum_field(DepartmentKind, default=DepartmentKind.DEPARTMENT)
    parent_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    sort_order: int = 0
    note: str = ""


class Person(SQLModel, table=True):
    """人员."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, index=True)
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    post_id: int | None = foreign_key("post.id")
    phone: str = Field(default="", max_length=30)
    role: str = Field(default="", max_length=50)  # 职务, e.g. 安全员、车间主任
    is_active: bool = True
    note: str = ""


class Area(SQLModel, table=True):
    """区域: a place on the floor plan."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(default="", max_length=32)
    name: str = Field(max_length=100)
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    description: str = ""
    sort_order: int = 0


class Post(SQLModel, table=True):
    """岗位; post risk cards are per post."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    area_id: int | None = foreign_key("area.id")
    work_content: str = ""  # 工作内容
    workplace: str = Field(default="", max_length=200)  # 工作场所
    headcount: int | None = None
    responsible_person_id: int | None = foreign_key("person.id", cycle_name="fk_post_responsible_person_id")
    sort_order: int = 0
    note: str = ""


class PostRiskPoint(SQLModel, table=True):
    """Which risk points a post faces."""

    __tablename__ = "post_risk_point"

    post_id: int = Field(
        sa_column=Column(Integer, ForeignKey("post.id", ondelete="CASCADE"), primary_key=True)
    )
    risk_point_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("risk_point.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
