"""Rules of the discussion stages (DESIGN §4 "Pembahasan"). Plain Python."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .permissions import AppFacts, Viewer, is_applicant
from .roles import Role
from .stages import PEMBAHASAN, Status


class Decision(StrEnum):
    SETUJU = "SETUJU"  # approve the current version
    REVISI = "REVISI"  # ask for a new version of one document
    TOLAK = "TOLAK"  # reject the whole application (admin only)


DECISION_LABELS = {Decision.SETUJU: "Setuju", Decision.REVISI: "Minta revisi", Decision.TOLAK: "Tolak"}


@dataclass(frozen=True)
class RequiredDocument:
    kind: str
    label: str
    hint: str


REQUIRED_DOCUMENTS: dict[Status, tuple[RequiredDocument, ...]] = {
    Status.PENAWARAN: (
        RequiredDocument("SURAT_PENAWARAN", "Surat Penawaran Kerja Sama",
                         "Ditujukan kepada Wali Kota, ditandatangani pimpinan instansi."),
        RequiredDocument("STUDI_KELAYAKAN", "Studi Kelayakan",
                         "Kajian manfaat, biaya, risiko dan kesiapan para pihak."),
    ),
    Status.KESEPAKATAN_BERSAMA: (
        RequiredDocument("RANCANGAN_KB", "Rancangan Kesepakatan Bersama", "Naskah KB yang dibahas."),
    ),
    Status.PERJANJIAN_KERJA_SAMA: (
        RequiredDocument("RANCANGAN_PKS", "Rancangan Perjanjian Kerja Sama", "Naskah PKS yang dibahas."),
    ),
}
DOCUMENT_LABELS = {d.kind: d.label for docs in REQUIRED_DOCUMENTS.values() for d in docs}
STAGE_OF_KIND = {d.kind: stage for stage, docs in REQUIRED_DOCUMENTS.items() for d in docs}
SKIPPABLE = frozenset({Status.KESEPAKATAN_BERSAMA, Status.PERJANJIAN_KERJA_SAMA})


def is_stage(value: str) -> bool:
    return value in {s.value for s in PEMBAHASAN}


def is_participant(v: Viewer, app: AppFacts) -> bool:
    """PPKSD-1/2, admins and the assigned TKKSD members take part in the discussion."""
    return v.role == Role.ADMIN or (v.role == Role.TKKSD and v.user_id in app.tkksd_ids) or is_applicant(v, app)


def may_upload(v: Viewer, app: AppFacts, stage: str) -> bool:
    return is_applicant(v, app) and app.status == stage


def may_decide(v: Viewer, app: AppFacts, stage: str) -> bool:
    return app.status == stage and (v.role == Role.ADMIN or (v.role == Role.TKKSD and v.user_id in app.tkksd_ids))


def allowed_decisions(role: str) -> tuple[Decision, ...]:
    if role == Role.ADMIN:
        return (Decision.SETUJU, Decision.REVISI, Decision.TOLAK)
    return (Decision.SETUJU, Decision.REVISI)


@dataclass(frozen=True)
class Verdict:
    """Who decided what on the current version and whether the stage is complete."""

    approved_by: frozenset[int]
    admin_approved: bool
    pending_tkksd: frozenset[int]
    complete: bool


def verdict(decisions: list[tuple[int, str, str]], tkksd_ids: frozenset[int], documents_complete: bool) -> Verdict:
    """``decisions``: (user_id, role, decision) on the current version only.

    Complete when every required document has a version, an admin approved, and every
    assigned TKKSD member approved; a revision request from anyone blocks it.
    """
    approved = frozenset(uid for uid, _, d in decisions if d == Decision.SETUJU)
    revision = any(d == Decision.REVISI for _, _, d in decisions)
    admin_ok = any(role == Role.ADMIN and d == Decision.SETUJU for _, role, d in decisions)
    pending = frozenset(tkksd_ids - approved)
    return Verdict(approved, admin_ok, pending,
                   documents_complete and admin_ok and not pending and not revision)


def working_days_between(start: date, end: date) -> int:
    """Monday–Friday days after ``start`` up to and including ``end`` (public holidays aside)."""
    days, d = 0, start
    while d < end:
        d += timedelta(days=1)
        if d.weekday() < 5:
            days += 1
    return days
