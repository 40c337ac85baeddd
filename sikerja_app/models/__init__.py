"""SQLModel tables. Importing this package registers every table on the metadata."""

from .agreement import (
    Addendum,
    Agreement,
    AgreementDocument,
    AgreementReminder,
    MonevEvaluation,
    MonevEvidence,
    MonevReport,
    SignedCopy,
    SigningPlan,
    SigningProposal,
)
from .application import (
    Application,
    ApplicationEvent,
    ApplicationOpd,
    ApplicationRevision,
    TkksdAssignment,
)
from .audit import AuditLog
from .content import FaqCategory, FaqEntry, InfoDocument, InfoPage
from .notification import Notification
from .reference import KabKota, Opd, Provinsi, Urusan
from .stage import ChatMessage, ChatRead, StageDecision, StageDocument, StageReminder, StageRound, StoredFile
from .user import AuthSession, Instansi, LoginAttempt, User

__all__ = [
    "Addendum",
    "Agreement",
    "AgreementDocument",
    "AgreementReminder",
    "MonevEvaluation",
    "MonevEvidence",
    "MonevReport",
    "SignedCopy",
    "SigningPlan",
    "SigningProposal",
    "ChatMessage",
    "ChatRead",
    "StageDecision",
    "StageDocument",
    "StageReminder",
    "StageRound",
    "StoredFile",
    "Application",
    "ApplicationEvent",
    "ApplicationOpd",
    "ApplicationRevision",
    "AuditLog",
    "AuthSession",
    "FaqCategory",
    "FaqEntry",
    "InfoDocument",
    "InfoPage",
    "Instansi",
    "KabKota",
    "LoginAttempt",
    "Notification",
    "Opd",
    "Provinsi",
    "TkksdAssignment",
    "Urusan",
    "User",
]
