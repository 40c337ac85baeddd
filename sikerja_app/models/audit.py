"""Append-only audit log (DESIGN §4): who, what, when (UTC), from where."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ..domain.dates import utcnow


class AuditLog(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=40, index=True)
    target_type: str = Field(default="", max_length=30)
    target_id: str = Field(default="", max_length=40)
    ip: str = Field(default="", max_length=64)
    detail: str = Field(default="", max_length=1000)
