"""Who may see and touch an application. Plain facts in, a yes/no out."""

from dataclasses import dataclass, field

from .roles import Role
from .stages import EDITABLE, Status

SIGNING_ONWARDS = frozenset({Status.PENJADWALAN, Status.PENANDATANGANAN, Status.PELAKSANAAN, Status.BERAKHIR,
                             Status.DICABUT})


@dataclass(frozen=True)
class Viewer:
    user_id: int
    role: str
    instansi_id: int | None = None
    is_protokol: bool = False
    opd_id: int | None = None


@dataclass(frozen=True)
class AppFacts:
    status: str
    instansi_id: int
    ppksd1_id: int
    ppksd2_id: int | None
    tkksd_ids: frozenset[int] = field(default_factory=frozenset)
    opd_ids: frozenset[int] = field(default_factory=frozenset)


def is_applicant(v: Viewer, app: AppFacts) -> bool:
    """PPKSD-1 or PPKSD-2 of this application (and still of its institution)."""
    return (
        v.role == Role.PEMOHON
        and v.instansi_id == app.instansi_id
        and v.user_id in {app.ppksd1_id, app.ppksd2_id}
    )


def can_view(v: Viewer, app: AppFacts) -> bool:
    if v.role == Role.ADMIN:
        return app.status != Status.DRAFT
    if v.role == Role.TKKSD:
        # The protocol officer answers every face-to-face signing proposal.
        signing = v.is_protokol and app.status in SIGNING_ONWARDS
        return (v.user_id in app.tkksd_ids or signing) and app.status != Status.DRAFT
    if v.role == Role.OPD:
        after_signing = app.status in {Status.PELAKSANAAN, Status.BERAKHIR, Status.DICABUT}
        return after_signing and v.opd_id in app.opd_ids
    if app.status == Status.DRAFT:
        return v.role == Role.PEMOHON and v.user_id == app.ppksd1_id and v.instansi_id == app.instansi_id
    return is_applicant(v, app)


def can_edit_content(v: Viewer, app: AppFacts) -> bool:
    """Only PPKSD-1 fills the wizard, and only while it is a draft or returned."""
    return (
        v.role == Role.PEMOHON
        and v.user_id == app.ppksd1_id
        and v.instansi_id == app.instansi_id
        and app.status in EDITABLE
    )


def can_decide_intake(v: Viewer) -> bool:
    return v.role == Role.ADMIN


def can_be_ppksd2(candidate_role: str, candidate_instansi: int | None,
                  candidate_id: int, candidate_active: bool, app: AppFacts) -> bool:
    return (
        candidate_role == Role.PEMOHON
        and candidate_active
        and candidate_instansi == app.instansi_id
        and candidate_id != app.ppksd1_id
    )


@dataclass(frozen=True)
class AgreementFacts:
    opd_id: int | None  # the OPD responsible for carrying it out
    applicant_ids: frozenset[int] = field(default_factory=frozenset)  # PPKSD-1/2 of the linked application
    applicant_instansi: int | None = None
    opd_ids: frozenset[int] = field(default_factory=frozenset)  # OPD terkait of the linked application


def can_view_agreement(v: Viewer, a: AgreementFacts) -> bool:
    """Staff see the whole register; an applicant their own agreements; an OPD officer its OPD's."""
    if v.role in (Role.ADMIN, Role.TKKSD):
        return True
    if v.role == Role.PEMOHON:
        return v.user_id in a.applicant_ids and v.instansi_id == a.applicant_instansi
    if v.role == Role.OPD:
        return v.opd_id is not None and (v.opd_id == a.opd_id or v.opd_id in a.opd_ids)
    return False


def monev_side(v: Viewer, a: AgreementFacts) -> str:
    """Which report this person files: the applicant's or the OPD's ("" = none)."""
    if v.role == Role.PEMOHON and can_view_agreement(v, a):
        return "PEMOHON"
    if v.role == Role.OPD and can_view_agreement(v, a):
        return "OPD"
    return ""
