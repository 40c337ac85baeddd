"""Signing, the register of agreements, addenda and monitoring (DESIGN §4, issue 4)."""

from datetime import date, datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from ..domain.dates import utcnow


def _text() -> Column:
    return Column(Text, nullable=False, default="")


class SigningPlan(SQLModel, table=True):
    """How an application will be signed: desk to desk or face to face."""

    application_id: int = Field(foreign_key="application.id", primary_key=True)
    method: str = Field(max_length=12)  # MEJA or TATAP_MUKA
    switched_by_protokol: bool = Field(default=False)  # switched to MEJA: the applicant can no longer respond
    agreed_proposal_id: int | None = Field(default=None)
    agreed_at: datetime | None = None
    updated_at: datetime = Field(default_factory=utcnow)


class SigningProposal(SQLModel, table=True):
    """One proposal in the back-and-forth on a face-to-face signing."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    proposed_by: int = Field(foreign_key="user.id")
    side: str = Field(max_length=10)  # PEMOHON or PROTOKOL
    starts_at: datetime  # UTC
    place: str = Field(max_length=300)
    status: str = Field(default="TERBUKA", max_length=12)  # TERBUKA, DITERIMA, DIREVISI, DITOLAK
    responded_by: int | None = Field(default=None, foreign_key="user.id")
    responded_at: datetime | None = None
    note: str = Field(default="", sa_column=_text())
    created_at: datetime = Field(default_factory=utcnow)


class SignedCopy(SQLModel, table=True):
    """The signed copy the applicant uploads, with the paraf/meterai/stempel declaration."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    file_id: int = Field(foreign_key="storedfile.id")
    uploaded_by: int = Field(foreign_key="user.id")
    declared_paraf: bool = False
    declared_meterai: bool = False
    declared_stempel: bool = False
    status: str = Field(default="MENUNGGU", max_length=12)  # MENUNGGU, VALID, DIKEMBALIKAN
    reviewed_by: int | None = Field(default=None, foreign_key="user.id")
    reviewed_at: datetime | None = None
    reason: str = Field(default="", sa_column=_text())
    created_at: datetime = Field(default_factory=utcnow)


class Agreement(SQLModel, table=True):
    """An entry of the register: signed through the system or entered/imported afterwards."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int | None = Field(default=None, foreign_key="application.id", unique=True)
    source: str = Field(default="SISTEM", max_length=10)  # SISTEM, MANUAL, IMPOR
    import_key: str | None = Field(default=None, max_length=64, unique=True)  # idempotent imports
    judul: str = Field(max_length=300)
    bentuk: str = Field(default="PKS", max_length=20)  # KB, PKS, NOTA_KESEPAKATAN
    mitra_nama: str = Field(max_length=200, index=True)
    mitra_jenis_kode: str = Field(max_length=30, index=True)
    mitra_kabkota_kode: str | None = Field(default=None, foreign_key="kabkota.kode", max_length=5, index=True)
    urusan_kode: str = Field(max_length=10, index=True)
    opd_id: int | None = Field(default=None, foreign_key="opd.id", index=True)
    nomor_daerah: str = Field(max_length=100)
    nomor_mitra: str = Field(max_length=100)
    tanggal_ttd: date = Field(index=True)
    berlaku_mulai: date
    berlaku_sampai: date = Field(index=True)
    status: str = Field(default="BERLAKU", max_length=10, index=True)  # BERLAKU, BERAKHIR, DICABUT
    status_note: str = Field(default="", sa_column=_text())
    monev_months: int = Field(default=6)
    renewal_of_id: int | None = Field(default=None, foreign_key="agreement.id")
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class AgreementDocument(SQLModel, table=True):
    """Signed scans and addendum documents of an agreement."""

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True)
    kind: str = Field(max_length=20)  # KB_TTD, PKS_TTD, ADDENDUM
    file_id: int = Field(foreign_key="storedfile.id")
    created_at: datetime = Field(default_factory=utcnow)


class Addendum(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True)
    tanggal: date
    perubahan: str = Field(sa_column=_text())
    file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    created_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class MonevReport(SQLModel, table=True):
    """A periodic monitoring report by the applicant or by the OPD pelaksana."""

    __table_args__ = (UniqueConstraint("agreement_id", "side", "period_no"),)
    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True)
    side: str = Field(max_length=10)  # PEMOHON or OPD
    period_no: int  # 1 = the first period after the start date
    period_start: date
    period_end: date
    progress: str = Field(sa_column=_text())
    outputs: str = Field(sa_column=_text())
    problems: str = Field(sa_column=_text())
    follow_up: str = Field(sa_column=_text())
    filed_by: int = Field(foreign_key="user.id")
    filed_at: datetime = Field(default_factory=utcnow)


class MonevEvidence(SQLModel, table=True):
    report_id: int = Field(foreign_key="monevreport.id", primary_key=True)
    file_id: int = Field(foreign_key="storedfile.id", primary_key=True)


class MonevEvaluation(SQLModel, table=True):
    """Admin's evaluation of one report on the fixed criteria of DESIGN §4."""

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="monevreport.id", unique=True)
    scores: str = Field(sa_column=_text())  # JSON: criterion -> 1..4
    overall: int  # 1..5
    recommendation: str = Field(max_length=12)  # LANJUTKAN, PERLUAS, HENTIKAN
    note: str = Field(default="", sa_column=_text())
    evaluated_by: int = Field(foreign_key="user.id")
    evaluated_at: datetime = Field(default_factory=utcnow)


class AgreementReminder(SQLModel, table=True):
    """A reminder about an agreement (expiry or a report due), sent once per key and person."""

    __table_args__ = (UniqueConstraint("agreement_id", "key", "user_id"),)
    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True)
    key: str = Field(max_length=40)  # e.g. BERAKHIR_90, MONEV_3_PEMOHON
    user_id: int = Field(foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow)
