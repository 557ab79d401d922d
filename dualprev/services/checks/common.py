"""Small helpers every check module shares: problems to errors, places and short texts, UTC."""

from datetime import UTC, datetime

from dualprev.errors import ValidationError


def raise_problem(problem: tuple[str, str] | str | None) -> None:
    """Raise the ValidationError a domain check reported (``(field, message)`` or a message)."""
    if problem is None:
        return
    if isinstance(problem, tuple):
        field, message = problem
        raise ValidationError(message, field or None)
    raise ValidationError(problem)


def place_text(area: str, location: str) -> str:
    """Area and location as one text, without repeating the area the location already names."""
    if not location or location == area:
        return area
    if not area or area in location:
        return location
    return f"{area} {location}"


def shorten(text: str, length: int = 16) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def as_utc(value: datetime) -> datetime:
    """A stored timestamp (naive means UTC) as an aware UTC datetime."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
