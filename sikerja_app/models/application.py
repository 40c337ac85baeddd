"""Applications (permohonan), their history and their reviewers."""

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from ..domain.dates import utcnow


def _text() -> Column:
    return Column(Text, nullable=False, default="")


class Application(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str | None = Field(default=None, max_length=20, unique=True, index=True)
    status: str = Field(default="DRAFT", max_length=30, index=True)
    instansi_id: int = Field(foreign_key="instansi.id", index=True)
    ppksd1_id: int = Field(foreign_key="user.id", index=True)
    ppksd2_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    judul: str = Field(default="", max_length=300)
    urusan_kode: str = Field(default="", max_length=10)
    latar_belakang: str = Field(default="", sa_column=_text())
    maksud_tujuan: str = Field(default="", sa_column=_text())
    lokasi: str = Field(default="", sa_column=_text())
    ruang_lingkup: str = Field(default="", sa_column=_text())
    peran_para_pihak: str = Field(default="", sa_column=_text())
    jangka_waktu: str = Field(default="", sa_column=_text())
    manfaat: str = Field(default="", sa_column=_text())
    analisis: str = Field(default="", sa_column=_text())
    pembiayaan: str = Field(default="", sa_column=_text())
    wizard_step: int = Field(default=1)
    # Snapshots of the profile taken at submission (the profile may change later).
    instansi_snapshot: str = Field(default="{}", sa_column=_text())
    ppksd1_snapshot: str = Field(default="{}", sa_column=_text())
    pakta_user_id: int | None = Field(default=None, foreign_key="user.id")
    pakta_at: datetime | None = None
    pakta_ip: str = Field(default="", max_length=64)
    admin_note: str = Field(default="", sa_column=_text())  # last return/reject note
    revision: int = Field(default=0)  # number of submissions so far
    renewal_of_id: int | None = Field(default=None, foreign_key="application.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = None  # first submission
    status_changed_at: datetime = Field(default_factory=utcnow)


class ApplicationOpd(SQLModel, table=True):
    application_id: int = Field(foreign_key="application.id", primary_key=True)
    opd_id: int = Field(foreign_key="opd.id", primary_key=True)


class ApplicationRevision(SQLModel, table=True):
    """The content as it was at each submission, so the history keeps every version."""

    __table_args__ = (UniqueConstraint("application_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    number: int
    submitted_at: datetime = Field(default_factory=utcnow)
    submitted_by: int = Field(foreign_key="user.id")
    content: str = Field(sa_column=_text())  # JSON


class ApplicationEvent(SQLModel, table=True):
    """The timeline shown to the applicant and staff."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    action: str = Field(max_length=30)
    from_status: str = Field(default="", max_length=30)
    to_status: str = Field(default="", max_length=30)
    note: str = Field(default="", sa_column=_text())


class TkksdAssignment(SQLModel, table=True):
    application_id: int = Field(foreign_key="application.id", primary_key=True)
    user_id: int = Field(foreign_key="user.id", primary_key=True)
    assigned_at: datetime = Field(default_factory=utcnow)
    assigned_by: int = Field(foreign_key="user.id")
