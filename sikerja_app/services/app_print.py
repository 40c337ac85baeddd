"""A printable summary of one application: all its data, stages, decisions, schedule and register entry.

Built from the existing read models, each with its own access check: whoever may open the detail
page may print it (outsiders get NotFound from ``app_view.view``); the discussion is shown to its
participants, the signing part once the application reached it, the register entry to whoever may
see the agreement.
"""

from dataclasses import dataclass, field

from sqlmodel import select

from ..db import session_scope
from ..domain.pembahasan import is_participant
from ..domain.permissions import SIGNING_ONWARDS
from ..domain.stages import PEMBAHASAN
from ..models import Agreement, Application
from . import app_view, registry, signing, stages
from .app_access import facts_of
from .auth import CurrentUser
from .errors import ServiceError

ROUND_LABELS = {"TERBUKA": "Sedang berjalan", "DISETUJUI": "Disetujui", "DILEWATI": "Tidak diperlukan",
                "BELUM": "Belum dimulai"}


@dataclass
class StageSection:
    stage: str
    label: str
    state: str
    skip_reason: str
    documents: list[dict[str, str]]  # label, name, version, when
    decisions: list[dict[str, str]]  # who, role, label, version, when, note, document


@dataclass
class PrintView:
    app: app_view.AppView
    stages: list[StageSection] = field(default_factory=list)
    signing: list[tuple[str, str]] = field(default_factory=list)
    proposals: list[dict[str, str]] = field(default_factory=list)
    register: list[tuple[str, str]] = field(default_factory=list)
    register_id: int = 0


def _stage_sections(actor: CurrentUser, app_id: int, ip: str) -> list[StageSection]:
    out = []
    for st in PEMBAHASAN:
        with session_scope() as s:
            if stages.round_of(s, app_id, st) is None:
                continue  # never opened
        v = stages.view(actor, app_id, st, ip)
        docs = [{"label": slot.label, "name": d.name, "version": f"v{d.number}", "when": d.when,
                 "current": "1" if d.current else ""} for slot in v.documents for d in slot.versions]
        decisions = [{"who": d.who, "role": d.role, "label": d.label, "version": d.version, "when": d.when,
                      "note": d.note, "document": d.document} for d in reversed(v.decisions)]
        out.append(StageSection(st, v.stage_label, ROUND_LABELS.get(v.round_status, v.round_status),
                                v.skip_reason, docs, decisions))
    return out


def view(actor: CurrentUser, app_id: int, ip: str = "") -> PrintView:
    av = app_view.view(actor, app_id, ip)  # NotFound for whoever may not see the application
    with session_scope() as s:
        app = s.get(Application, app_id)
        facts = facts_of(s, app)  # type: ignore[arg-type]
        agreement_id = s.exec(select(Agreement.id).where(Agreement.application_id == app_id)).first()
    out = PrintView(app=av)
    if is_participant(actor.viewer, facts):
        out.stages = _stage_sections(actor, app_id, ip)
    if av.status in SIGNING_ONWARDS:
        try:
            sv = signing.view(actor, app_id, ip)
        except ServiceError:
            sv = None
        if sv is not None:
            out.signing = [("Cara penandatanganan", sv.method_label or "Belum dipilih"),
                           ("Jadwal yang disepakati", sv.agreed_when or "Belum disepakati"),
                           ("Tempat", sv.agreed_place or "–")]
            out.proposals = [{"who": p.who, "when": p.when, "place": p.place, "status": p.status_label,
                              "note": p.note} for p in sv.proposals]
    if agreement_id:
        try:
            ag = registry.view(actor, agreement_id, ip)
        except ServiceError:
            ag = None
        if ag is not None:
            out.register = [("Judul", ag.judul), *ag.fields, ("Status", ag.status_label)]
            out.register_id = ag.id
    return out
