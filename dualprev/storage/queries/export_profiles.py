"""Saved export column profiles (导出列配置) of a report."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dualprev.storage.models import ExportProfile


def profiles(*, session: Session, report: str) -> Sequence[ExportProfile]:
    """The profiles of ``report``, by name."""
    query = select(ExportProfile).where(ExportProfile.report == report).order_by(col(ExportProfile.name))
    return session.exec(query).all()


def profile_named(*, session: Session, report: str, name: str) -> ExportProfile | None:
    query = select(ExportProfile).where(ExportProfile.report == report, ExportProfile.name == name)
    return session.exec(query).first()
