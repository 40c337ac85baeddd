"""Loading an agreement together with the facts its permission rules need."""

from sqlmodel import Session, select

from ..db import session_scope
from ..domain.permissions import AgreementFacts, can_view_agreement
from ..models import Agreement, Application, ApplicationOpd
from . import audit
from .auth import CurrentUser
from .errors import NotFound


def agreement_facts(s: Session, ag: Agreement) -> AgreementFacts:
    if ag.application_id is None:
        return AgreementFacts(opd_id=ag.opd_id)
    app = s.get(Application, ag.application_id)
    opds = s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == ag.application_id))
    return AgreementFacts(
        opd_id=ag.opd_id,
        applicant_ids=frozenset(i for i in (app.ppksd1_id, app.ppksd2_id) if i) if app else frozenset(),
        applicant_instansi=app.instansi_id if app else None,
        opd_ids=frozenset(opds),
    )


def refuse_agreement(actor: CurrentUser | None, agreement_id: object, ip: str = "", why: str = "lihat") -> NotFound:
    with session_scope() as log_s:
        audit.record(log_s, "AKSES_DITOLAK", actor.id if actor else None, "agreement", agreement_id, ip, why)
    return NotFound()


def load_agreement(s: Session, actor: CurrentUser, agreement_id: int, ip: str = "") -> tuple[Agreement, AgreementFacts]:
    """The agreement if this person may see it; otherwise NotFound and an audit row."""
    ag = s.get(Agreement, agreement_id) if type(agreement_id) is int else None  # not bool: True == 1
    if ag is None:
        raise refuse_agreement(actor, agreement_id, ip)
    facts = agreement_facts(s, ag)
    if not can_view_agreement(actor.viewer, facts):
        raise refuse_agreement(actor, agreement_id, ip)
    return ag, facts
