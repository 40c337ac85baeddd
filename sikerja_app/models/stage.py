"""Discussion stages (Penawaran, KB, PKS): documents, decisions, chat (DESIGN §4)."""

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from ..domain.dates import utcnow


class StageRound(SQLModel, table=True):
    """One discussion stage of one application.

    ``version`` grows by one with every new document version: a decision is always
    about one value of it, so a new upload clears earlier approvals.
    """

    __table_args__ = (UniqueConstraint("application_id", "stage"),)
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    stage: str = Field(max_length=30)
    status: str = Field(default="TERBUKA", max_length=20)  # TERBUKA, DISETUJUI, DILEWATI
    version: int = Field(default=0)
    opened_at: datetime = Field(default_factory=utcnow)
    waiting_since: datetime = Field(default_factory=utcnow)  # since the current version
    closed_at: datetime | None = None
    skip_reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class StoredFile(SQLModel, table=True):
    """A private file: stored under a generated key, never under its own name."""

    id: int | None = Field(default=None, primary_key=True)
    storage_key: str = Field(max_length=80, unique=True)
    original_name: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    extension: str = Field(max_length=10)
    size: int
    sha256: str = Field(max_length=64, index=True)
    uploaded_by: int = Field(foreign_key="user.id")
    uploaded_at: datetime = Field(default_factory=utcnow)


class StageDocument(SQLModel, table=True):
    """One version of one required document of a stage; versions are never overwritten."""

    __table_args__ = (UniqueConstraint("application_id", "kind", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    stage: str = Field(max_length=30)
    kind: str = Field(max_length=30)
    number: int  # version number of this kind of document, from 1
    file_id: int = Field(foreign_key="storedfile.id")
    round_version: int  # StageRound.version this upload created


class StageDecision(SQLModel, table=True):
    """An approver's decision on one version of a stage; one per person per version."""

    __table_args__ = (UniqueConstraint("application_id", "stage", "round_version", "user_id"),)
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    stage: str = Field(max_length=30)
    round_version: int
    user_id: int = Field(foreign_key="user.id")
    role: str = Field(max_length=10)
    decision: str = Field(max_length=20)  # SETUJU, REVISI, TOLAK
    document_kind: str = Field(default="", max_length=30)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    at: datetime = Field(default_factory=utcnow)


class ChatMessage(SQLModel, table=True):
    """The stage's discussion thread: append-only, it is the archive."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    stage: str = Field(max_length=30, index=True)
    user_id: int = Field(foreign_key="user.id")
    body: str = Field(sa_column=Column(Text, nullable=False))
    file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    at: datetime = Field(default_factory=utcnow)


class ChatRead(SQLModel, table=True):
    """How far each participant has read each thread (for unread counts)."""

    application_id: int = Field(foreign_key="application.id", primary_key=True)
    stage: str = Field(max_length=30, primary_key=True)
    user_id: int = Field(foreign_key="user.id", primary_key=True)
    last_message_id: int = Field(default=0)


class StageReminder(SQLModel, table=True):
    """A reminder sent to an approver, once per stage version and threshold."""

    __table_args__ = (UniqueConstraint("application_id", "stage", "round_version", "user_id", "threshold"),)
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    stage: str = Field(max_length=30)
    round_version: int
    user_id: int = Field(foreign_key="user.id")
    threshold: int  # working days
    at: datetime = Field(default_factory=utcnow)
