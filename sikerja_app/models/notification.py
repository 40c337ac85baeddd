"""In-app notifications (the bell); email copies go through the mail service."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ..domain.dates import utcnow


class Notification(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    text: str = Field(max_length=500)
    link: str = Field(default="", max_length=200)
    read_at: datetime | None = Field(default=None)
