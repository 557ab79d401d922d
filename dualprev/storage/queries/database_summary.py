"""How much the database holds: the row counts ``dualprev info`` reports."""

from sqlmodel import Session, SQLModel, func, select

from dualprev.storage.models import (
    Area,
    CheckRecord,
    ControlMeasure,
    Department,
    Hazard,
    HiddenDanger,
    Person,
    Post,
    PostCardPrint,
    RiskPoint,
)

_COUNTED: dict[str, type[SQLModel]] = {
    "areas": Area,
    "posts": Post,
    "risk_points": RiskPoint,
    "hazards": Hazard,
    "control_measures": ControlMeasure,
    "hidden_dangers": HiddenDanger,
    "check_records": CheckRecord,
}


def row_counts(*, session: Session) -> dict[str, int]:
    """Rows of each counted table, under the key ``dualprev info`` prints, in that order."""
    return {
        key: int(session.exec(select(func.count()).select_from(model)).one())
        for key, model in _COUNTED.items()
    }


def setup_counts(*, session: Session) -> dict[str, int]:
    """What a new enterprise has entered so far, for the 首页 start guide."""
    counted: dict[str, type[SQLModel]] = {
        "departments": Department,
        "people": Person,
        "posts": Post,
        "areas": Area,
        "risk_points": RiskPoint,
        "card_prints": PostCardPrint,
    }
    return {
        key: int(session.exec(select(func.count()).select_from(model)).one())
        for key, model in counted.items()
    }
