"""SQLModel tables: the whole product's data model (issue 2), so later work adds behaviour, not churn.

Conventions: singular snake_case table names; enums stored by value (``EnumValue``); timestamps in
UTC; calendar dates as ``date``; money as integer fen; exact decimals (factor values, scores) as
text. Images are files beside the database (``FileStore``); tables keep only their hashed names.
No ``from __future__ import annotations`` here: SQLModel needs real annotations.

One module per concept; this package imports every one of them, because the tables must all be on
``SQLModel.metadata`` together (foreign keys name tables, migrations compare the whole schema), and
offers their classes under ``dualprev.storage.models``.
"""

from dualprev.storage.models.checks import (
    CheckItem,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
)
from dualprev.storage.models.columns import utcnow
from dualprev.storage.models.duties import (
    DutyItem,
    DutyList,
    DutyRecord,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
)
from dualprev.storage.models.enterprise import Enterprise, GradingSchemeRecord, Setting
from dualprev.storage.models.hidden_danger import (
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    Photo,
    RemediationPlan,
)
from dualprev.storage.models.major_check import MajorCheck, MajorCheckAnswer
from dualprev.storage.models.organisation import Area, Department, Person, Post, PostRiskPoint
from dualprev.storage.models.phone import (
    PhoneDevice,
    PhonePairing,
    PhoneReport,
    PhoneReportPhoto,
    PhoneRequest,
)
from dualprev.storage.models.post_card import PostCardOverride, PostCardPrint
from dualprev.storage.models.records import AuditLog, ExportProfile
from dualprev.storage.models.rectification_notice import RectificationNotice, RectificationNoticeItem
from dualprev.storage.models.risk import (
    AccidentTypeRecord,
    ControlMeasure,
    Evaluation,
    Hazard,
    HazardAccidentType,
    RiskPoint,
)
from dualprev.storage.models.risk_map import FloorPlan, MapZone, MapZoneRiskPoint
from dualprev.storage.models.work_safety import (
    Certificate,
    ConfinedSpace,
    Drill,
    DrillPhoto,
    EmergencyPlan,
    WorkPermit,
)

__all__ = [
    "AccidentTypeRecord",
    "Area",
    "AuditLog",
    "Certificate",
    "CheckItem",
    "CheckPlan",
    "CheckPlanItem",
    "CheckRecord",
    "CheckRecordResult",
    "CheckTask",
    "ConfinedSpace",
    "ControlMeasure",
    "Department",
    "Drill",
    "DrillPhoto",
    "DutyItem",
    "DutyList",
    "DutyRecord",
    "EmergencyPlan",
    "Enterprise",
    "Evaluation",
    "ExportProfile",
    "FloorPlan",
    "GradingSchemeRecord",
    "Hazard",
    "HazardAccidentType",
    "HiddenDanger",
    "HiddenDangerAccidentType",
    "HiddenDangerEvent",
    "MajorCheck",
    "MajorCheckAnswer",
    "MapZone",
    "MapZoneRiskPoint",
    "Person",
    "PhoneDevice",
    "PhonePairing",
    "PhoneReport",
    "PhoneReportPhoto",
    "PhoneRequest",
    "Photo",
    "Post",
    "PostCardOverride",
    "PostCardPrint",
    "PostRiskPoint",
    "RectificationNotice",
    "RectificationNoticeItem",
    "RemediationPlan",
    "RiskPoint",
    "Setting",
    "TrainingAttendance",
    "TrainingCourse",
    "TrainingSession",
    "WorkPermit",
    "utcnow",
]
