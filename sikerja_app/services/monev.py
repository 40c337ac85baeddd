"""Monev: periodic reports by the applicant and the OPD pelaksana, and the admin's evaluation.

Who does what (DESIGN §1, §4):
- the applicant side (PPKSD-1/2 of the linked application) and the OPD side (OPD officers of
  the agreement's OPD) each file one report per period, only while the agreement is BERLAKU;
- an admin evaluates each report once, on the fixed criteria of ``domain.monev``;
- staff (admin, TKKSD) see every report; an applicant or an OPD officer sees the reports and
  results of their own side, and the status (filed or not) of the other side;
- admins see every report that is past due, per agreement and side.

Every call takes the acting user and checks again; a record the user may not see is NotFound
with an AKSES_DITOLAK audit row (``agreement_access``).
"""

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, or_, select

from ..config import get_settings
from ..db import session_scope
from ..domain import monev as rules
from ..domain.dates import format_date, format_datetime, to_local, utcnow
from ..domain.permissions import AgreementFacts, monev_side
from ..domain.roles import Role, role_label
from ..models import (
    Agreement,
    Application,
    ApplicationOpd,
    MonevEvaluation,
    MonevEvidence,
    MonevReport,
    Opd,
    StoredFile,
    User,
)
from . import audit
from .agreement_access import agreement_facts, load_agreement, refuse_agreement
from .auth import CurrentUser
from .errors import Forbidden, NotFound, NotSignedIn, ServiceError
from .notifications import admin_ids, notify

AGREEMENT_STATUS_LABELS = {"BERLAKU": "Berlaku", "BERAKHIR": "Berakhir", "DICABUT": "Dicabut"}
NOT_ACTIVE = "Laporan monev hanya dapat diisi selama kerja sama berlaku."
ALREADY_FILED = "Laporan periode ini sudah diisi. Laporan tidak dapat diubah."
ALREADY_EVALUATED = "Laporan ini sudah dinilai."
ADMIN_ONLY = "Hanya admin yang dapat menilai laporan monev."
NOT_A_REPORTER = "Anda tidak mengisi laporan monev untuk kerja sama ini."


def today() -> date:
    """Today in the deployment's zone (tests replace this to freeze the clock)."""
    return to_local(utcnow(), get_settings().timezone).date()


def monev_link(agreement_id: int) -> str:
    return f"/register/{agreement_id}/monev"


def _signed_in(actor: CurrentUser | None) -> CurrentUser:
    if actor is None:
        with session_scope() as s:
            audit.record(s, "AKSES_DITOLAK", None, "agreement", "", "", "monev tanpa sesi")
        raise NotSignedIn()
    return actor


def _load(s: Session, actor: CurrentUser, agreement_id: object, ip: str) -> tuple[Agreement, AgreementFacts]:
    """``load_agreement`` for an id that came from the browser (``True`` is not agreement 1)."""
    if isinstance(agreement_id, bool) or not isinstance(agreement_id, int):
        raise refuse_agreement(actor, str(agreement_id)[:40], ip)
    return load_agreement(s, actor, agreement_id, ip)


def _periods(ag: Agreement) -> list[rules.Period]:
    return rules.periods(ag.berlaku_mulai, ag.berlaku_sampai, rules.months_or_default(ag.monev_months))


def expected_sides(ag: Agreement, facts: AgreementFacts) -> list[str]:
    """Who reports on this agreement: the applicant if it came through an application, the OPD if it has one."""
    sides = []
    if ag.application_id is not None and facts.applicant_ids:
        sides.append(rules.Side.PEMOHON.value)
    if ag.opd_id is not None or facts.opd_ids:
        sides.append(rules.Side.OPD.value)
    return sides


def _is_staff(actor: CurrentUser) -> bool:
    return actor.role in (Role.ADMIN, Role.TKKSD)


def _may_read(actor: CurrentUser, facts: AgreementFacts, side: str) -> bool:
    """Staff read every report; the applicant and the OPD read their own side's."""
    return _is_staff(actor) or monev_side(actor.viewer, facts) == side


def side_people(s: Session, ag: Agreement, facts: AgreementFacts, side: str) -> set[int]:
    """Who hears about a side's report: PPKSD-1/2, or the active officers of the agreement's OPD."""
    if side == rules.Side.PEMOHON:
        return set(facts.applicant_ids)
    opds = ({ag.opd_id} if ag.opd_id else set()) | set(facts.opd_ids)
    if not opds:
        return set()
    return set(s.exec(select(User.id).where(User.role == Role.OPD, User.is_active == True,  # noqa: E712
                                            User.opd_id.in_(opds))))  # type: ignore[union-attr]


# --- filing ---------------------------------------------------------------------------------


def file_report(actor: CurrentUser | None, agreement_id: int, period_no: int, progress: str, outputs: str,
                problems: str, follow_up: str, evidence_file_ids: list[int], ip: str = "") -> int:
    """The applicant's or the OPD's report for one period; returns the report id."""
    from .files import claim_file

    actor = _signed_in(actor)
    try:
        with session_scope() as s:
            return _file(s, actor, agreement_id, period_no, progress, outputs, problems, follow_up,
                         evidence_file_ids, ip, claim_file)
    except IntegrityError:
        raise ServiceError(ALREADY_FILED) from None


def _file(s: Session, actor: CurrentUser, agreement_id: int, period_no: object, progress: str, outputs: str,
          problems: str, follow_up: str, evidence_file_ids: object, ip: str, claim_file) -> int:  # noqa: ANN001
    ag, facts = _load(s, actor, agreement_id, ip)
    side = monev_side(actor.viewer, facts)
    if not side or side not in expected_sides(ag, facts):
        refuse_agreement(actor, agreement_id, ip, "lapor monev")
        raise Forbidden(NOT_A_REPORTER)
    if ag.status != "BERLAKU":
        raise ServiceError(NOT_ACTIVE)
    period = next((p for p in _periods(ag) if p.no == period_no and not isinstance(period_no, bool)), None)
    if period is None:
        raise ServiceError("Periode laporan tidak dikenal.")
    if not rules.is_open(period, today()):
        raise ServiceError(f"Periode {period.no} belum dimulai; laporan dapat diisi mulai "
                           f"{_d(period.start)}.")
    ids = evidence_file_ids if isinstance(evidence_file_ids, list) else []
    if any(not isinstance(i, int) or isinstance(i, bool) for i in ids) or len(set(ids)) != len(ids):
        raise ServiceError("Daftar berkas bukti tidak valid.", {"evidence": "Daftar berkas bukti tidak valid."})
    texts, errors = rules.validate_report(
        {"progress": progress, "outputs": outputs, "problems": problems, "follow_up": follow_up}, len(ids))
    if errors:
        raise ServiceError("Periksa kembali isian laporan.", errors)
    exists = s.exec(select(MonevReport.id).where(MonevReport.agreement_id == ag.id, MonevReport.side == side,
                                                 MonevReport.period_no == period.no)).first()
    if exists is not None:
        raise ServiceError(ALREADY_FILED)
    stored = [claim_file(s, actor, i) for i in ids]
    report = MonevReport(agreement_id=ag.id or 0, side=side, period_no=period.no, period_start=period.start,
                         period_end=period.end, filed_by=actor.id, **texts)
    s.add(report)
    s.flush()  # the unique constraint refuses a second report of the same side and period here
    for f in stored:
        s.add(MonevEvidence(report_id=report.id or 0, file_id=f.id or 0))
    audit.record(s, "MONEV_LAPOR", actor.id, "agreement", ag.id, ip,
                 f"laporan={report.id} pihak={side} periode={period.no} bukti="
                 + ",".join(f"{f.id}:{f.sha256[:16]}" for f in stored))
    notify(s, set(admin_ids(s)),
           f"Laporan monev periode {period.no} ({rules.SIDE_LABELS[rules.Side(side)]}) masuk untuk "
           f"{ag.judul[:150]}.", monev_link(ag.id or 0))
    notify(s, side_people(s, ag, facts, side) - {actor.id},
           f"{actor.nama} mengisi laporan monev periode {period.no}: {ag.judul[:150]}.", monev_link(ag.id or 0))
    return report.id or 0


# --- evaluating -----------------------------------------------------------------------------


def evaluate(actor: CurrentUser | None, report_id: int, scores: dict, overall: object, recommendation: object,
             note: object, ip: str = "") -> int:
    """The admin's evaluation of one report, once; returns the evaluation id."""
    actor = _signed_in(actor)
    if actor.role != Role.ADMIN:
        with session_scope() as log_s:
            audit.record(log_s, "AKSES_DITOLAK", actor.id, "monevreport", report_id, ip, "nilai monev")
        raise Forbidden(ADMIN_ONLY)
    try:
        with session_scope() as s:
            return _evaluate(s, actor, report_id, scores, overall, recommendation, note, ip)
    except IntegrityError:
        raise ServiceError(ALREADY_EVALUATED) from None


def _evaluate(s: Session, actor: CurrentUser, report_id: object, scores: object, overall: object,
              recommendation: object, note: object, ip: str) -> int:
    report = s.get(MonevReport, report_id) if isinstance(report_id, int) and not isinstance(report_id, bool) \
        else None
    if report is None:
        with session_scope() as log_s:
            audit.record(log_s, "AKSES_DITOLAK", actor.id, "monevreport", report_id, ip, "nilai monev")
        raise NotFound()
    ag, facts = _load(s, actor, report.agreement_id, ip)
    if s.exec(select(MonevEvaluation.id).where(MonevEvaluation.report_id == report.id)).first() is not None:
        raise ServiceError(ALREADY_EVALUATED)
    ev, errors = rules.validate_evaluation(scores, overall, recommendation, note)
    if ev is None:
        raise ServiceError("Lengkapi penilaian: setiap kriteria, nilai keseluruhan, rekomendasi dan catatan.",
                           errors)
    row = MonevEvaluation(report_id=report.id or 0, scores=json.dumps(ev.scores), overall=ev.overall,
                          recommendation=ev.recommendation, note=ev.note, evaluated_by=actor.id)
    s.add(row)
    s.flush()  # the unique report_id refuses a second evaluation here
    audit.record(s, "MONEV_NILAI", actor.id, "agreement", ag.id, ip,
                 f"laporan={report.id} nilai={ev.overall} rekomendasi={ev.recommendation}")
    rec = rules.RECOMMENDATION_LABELS[rules.Recommendation(ev.recommendation)]
    notify(s, side_people(s, ag, facts, report.side) | {report.filed_by},
           f"Hasil evaluasi laporan monev periode {report.period_no}: nilai {ev.overall} "
           f"({rules.OVERALL_LABELS[ev.overall]}), rekomendasi {rec}. {ag.judul[:150]}", monev_link(ag.id or 0))
    return row.id or 0


# --- the page -------------------------------------------------------------------------------


@dataclass
class SideCell:
    side: str
    label: str
    state: str  # domain.monev.PeriodState
    state_label: str
    report_id: int  # 0: none, or not readable by this person
    can_file: bool


@dataclass
class PeriodRow:
    period_no: int
    start: str
    end: str
    due: str
    sides: list[SideCell]


@dataclass
class EvidenceRow:
    file_id: int
    name: str
    size: str


@dataclass
class ScoreRow:
    key: str
    label: str
    value: int
    value_label: str


@dataclass
class ReportView:
    id: int
    period_no: int
    period: str
    side: str
    side_label: str
    progress: str
    outputs: str
    problems: str
    follow_up: str
    who: str
    when: str
    evidence: list[EvidenceRow]
    evaluated: bool
    can_evaluate: bool
    overall: int = 0
    overall_label: str = ""
    recommendation: str = ""
    recommendation_label: str = ""
    eval_note: str = ""
    eval_who: str = ""
    eval_when: str = ""
    scores: list[ScoreRow] = field(default_factory=list)


@dataclass
class MonevView:
    agreement_id: int
    judul: str
    mitra: str
    nomor: str
    opd: str
    berlaku: str
    status: str
    status_label: str
    months: int
    my_side: str
    my_side_label: str
    is_staff: bool
    can_evaluate: bool
    note: str  # why nothing can be filed, if so
    periods: list[PeriodRow]  # begun, and the next one
    later: list[PeriodRow]  # the periods after that (folded away on the page)
    reports: list[ReportView]


def _d(value: date) -> str:
    return format_date(value, get_settings().timezone)  # type: ignore[arg-type]


def size_label(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def _name(user: User | None) -> str:
    return (user.nama_lengkap or user.email) if user else "–"


def periods(actor: CurrentUser | None, agreement_id: int, ip: str = "") -> MonevView:
    """The monev page of one agreement, as this person may see it."""
    actor = _signed_in(actor)
    now = today()
    with session_scope() as s:
        ag, facts = _load(s, actor, agreement_id, ip)
        sides = expected_sides(ag, facts)
        mine = monev_side(actor.viewer, facts)
        mine = mine if mine in sides else ""
        active = ag.status == "BERLAKU"
        reports = list(s.exec(select(MonevReport).where(MonevReport.agreement_id == ag.id)
                              .order_by(MonevReport.period_no, MonevReport.side)))
        by_key = {(r.side, r.period_no): r for r in reports}
        evals = {e.report_id: e for e in s.exec(select(MonevEvaluation).where(
            MonevEvaluation.report_id.in_([r.id for r in reports])))}  # type: ignore[union-attr]
        rows, begun = [], 0
        for p in _periods(ag):
            begun += rules.is_open(p, now)
            cells = []
            for side in sides:
                r = by_key.get((side, p.no))
                st = rules.period_state(p, now, r is not None, r is not None and r.id in evals)
                readable = r is not None and _may_read(actor, facts, side)
                cells.append(SideCell(side, rules.SIDE_LABELS[rules.Side(side)], st.value,
                                      rules.PERIOD_STATE_LABELS[st], (r.id or 0) if readable and r else 0,
                                      active and side == mine and r is None and rules.is_open(p, now)))
            rows.append(PeriodRow(p.no, _d(p.start), _d(p.end), _d(p.due), cells))
        visible = [r for r in reports if _may_read(actor, facts, r.side)]
        views = _report_views(s, actor, visible, evals)
        opd = s.get(Opd, ag.opd_id) if ag.opd_id else None
        note = "" if active else NOT_ACTIVE
        if active and not mine and not _is_staff(actor):
            note = NOT_A_REPORTER
        return MonevView(
            agreement_id=ag.id or 0, judul=ag.judul, mitra=ag.mitra_nama,
            nomor=" · ".join(x for x in (ag.nomor_daerah, ag.nomor_mitra) if x), opd=opd.nama if opd else "–",
            berlaku=f"{_d(ag.berlaku_mulai)} – {_d(ag.berlaku_sampai)}",
            status=ag.status, status_label=AGREEMENT_STATUS_LABELS.get(ag.status, ag.status),
            months=rules.months_or_default(ag.monev_months), my_side=mine,
            my_side_label=rules.SIDE_LABELS[rules.Side(mine)] if mine else "", is_staff=_is_staff(actor),
            can_evaluate=actor.role == Role.ADMIN, note=note, periods=rows[:begun + 1], later=rows[begun + 1:],
            reports=views,
        )


def _report_views(s: Session, actor: CurrentUser, reports: list[MonevReport],
                  evals: dict[int, MonevEvaluation]) -> list[ReportView]:
    cfg = get_settings()
    ids = [r.id for r in reports]
    files = s.exec(select(MonevEvidence, StoredFile).join(StoredFile, StoredFile.id == MonevEvidence.file_id)
                   .where(MonevEvidence.report_id.in_(ids))).all()  # type: ignore[union-attr]
    user_ids = {r.filed_by for r in reports} | {e.evaluated_by for e in evals.values()}
    users = {u.id: u for u in s.exec(select(User).where(User.id.in_(user_ids)))}  # type: ignore[union-attr]
    out = []
    for r in reports:
        ev = evals.get(r.id or 0)
        view = ReportView(
            id=r.id or 0, period_no=r.period_no,
            period=f"Periode {r.period_no}: {_d(r.period_start)} – {_d(r.period_end)}",
            side=r.side, side_label=rules.SIDE_LABELS[rules.Side(r.side)], progress=r.progress,
            outputs=r.outputs, problems=r.problems, follow_up=r.follow_up, who=_name(users.get(r.filed_by)),
            when=format_datetime(r.filed_at, cfg.timezone, cfg.tz_label),
            evidence=[EvidenceRow(f.id or 0, f.original_name, size_label(f.size)) for e, f in files
                      if e.report_id == r.id],
            evaluated=ev is not None, can_evaluate=ev is None and actor.role == Role.ADMIN,
        )
        if ev is not None:
            given = json.loads(ev.scores or "{}")
            view.overall, view.overall_label = ev.overall, rules.OVERALL_LABELS.get(ev.overall, "")
            view.recommendation = ev.recommendation
            view.recommendation_label = rules.RECOMMENDATION_LABELS.get(ev.recommendation, ev.recommendation)
            view.eval_note, view.eval_who = ev.note, _name(users.get(ev.evaluated_by))
            view.eval_when = format_datetime(ev.evaluated_at, cfg.timezone, cfg.tz_label)
            view.scores = [ScoreRow(k, label, int(given.get(k, 0)), rules.SCALE_LABELS.get(int(given.get(k, 0)), "–"))
                           for k, label in rules.CRITERIA]
        out.append(view)
    return out


# --- lists ----------------------------------------------------------------------------------


@dataclass
class AgreementItem:
    id: int
    judul: str
    mitra: str
    berlaku: str
    status: str
    status_label: str
    todo: str  # e.g. "Laporan periode 2 terlambat (jatuh tempo 30 Juni 2026)"
    late: bool


def my_agreements(actor: CurrentUser | None) -> list[AgreementItem]:
    """"Kerja sama saya": the applicant's own agreements, or those involving an OPD officer's OPD."""
    actor = _signed_in(actor)
    if actor.role not in (Role.PEMOHON, Role.OPD):
        return []
    now = today()
    with session_scope() as s:
        q = select(Agreement)
        if actor.role == Role.OPD:
            if actor.opd_id is None:
                return []
            linked = select(ApplicationOpd.application_id).where(ApplicationOpd.opd_id == actor.opd_id)
            q = q.where(or_(Agreement.opd_id == actor.opd_id,
                            Agreement.application_id.in_(linked)))  # type: ignore[union-attr]
        else:
            mine = select(Application.id).where(or_(Application.ppksd1_id == actor.id,
                                                    Application.ppksd2_id == actor.id))
            q = q.where(Agreement.application_id.in_(mine))  # type: ignore[union-attr]
        out = []
        for ag in s.exec(q.order_by(Agreement.berlaku_sampai.desc())):  # type: ignore[attr-defined]
            facts = agreement_facts(s, ag)
            side = monev_side(actor.viewer, facts)
            if not side:
                continue
            todo, late = _todo(s, ag, side, now) if ag.status == "BERLAKU" and side in expected_sides(ag, facts) \
                else ("", False)
            out.append(AgreementItem(ag.id or 0, ag.judul, ag.mitra_nama,
                                     f"{_d(ag.berlaku_mulai)} – {_d(ag.berlaku_sampai)}",
                                     ag.status, AGREEMENT_STATUS_LABELS.get(ag.status, ag.status), todo, late))
        return out


def _todo(s: Session, ag: Agreement, side: str, now: date) -> tuple[str, bool]:
    filed = set(s.exec(select(MonevReport.period_no).where(MonevReport.agreement_id == ag.id,
                                                           MonevReport.side == side)))
    waiting = [p for p in rules.open_periods(_periods(ag), now) if p.no not in filed]
    if not waiting:
        return "", False
    p = waiting[0]
    late = rules.is_overdue(p, now)
    word = "terlambat" if late else "perlu diisi"
    return f"Laporan periode {p.no} {word} (jatuh tempo {_d(p.due)})", late


@dataclass
class OverdueRow:
    agreement_id: int
    judul: str
    mitra: str
    side: str
    side_label: str
    periods: str  # "1, 2"
    oldest_due: str
    days_late: int
    people: str  # who should file


def overdue(actor: CurrentUser | None, on: date | None = None, ip: str = "") -> list[OverdueRow]:
    """For admins: reports past their due date, one row per agreement and side, most late first."""
    actor = _signed_in(actor)
    if actor.role != Role.ADMIN:
        with session_scope() as log_s:
            audit.record(log_s, "AKSES_DITOLAK", actor.id, "agreement", "", ip, "daftar monev terlambat")
        raise Forbidden()
    now = on or today()
    with session_scope() as s:
        out = []
        for ag in s.exec(select(Agreement).where(Agreement.status == "BERLAKU")):
            late = rules.overdue_periods(_periods(ag), now)
            if not late:
                continue
            facts = agreement_facts(s, ag)
            filed = {(r.side, r.period_no) for r in s.exec(select(MonevReport).where(
                MonevReport.agreement_id == ag.id))}
            for side in expected_sides(ag, facts):
                missing = [p for p in late if (side, p.no) not in filed]
                if not missing:
                    continue
                people = s.exec(select(User).where(User.id.in_(side_people(s, ag, facts, side)))).all()  # type: ignore[union-attr]
                out.append(OverdueRow(
                    ag.id or 0, ag.judul, ag.mitra_nama, side, rules.SIDE_LABELS[rules.Side(side)],
                    ", ".join(str(p.no) for p in missing), _d(missing[0].due),
                    (now - missing[0].due).days,
                    ", ".join(f"{_name(u)} ({role_label(u.role)})" for u in people) or "–"))
        return sorted(out, key=lambda r: (-r.days_late, r.agreement_id, r.side))


# --- evidence downloads (called by services.files) ------------------------------------------


def is_evidence(s: Session, file_id: int) -> bool:
    return s.exec(select(MonevEvidence.report_id).where(MonevEvidence.file_id == file_id)).first() is not None


def evidence_access(s: Session, actor: CurrentUser, file_id: int) -> bool | None:
    """None: not a monev evidence file. Otherwise whether this person may download it:
    staff, or the side that filed the report (within an agreement they may see)."""
    rows = s.exec(select(MonevReport).join(MonevEvidence, MonevEvidence.report_id == MonevReport.id)
                  .where(MonevEvidence.file_id == file_id)).all()
    if not rows:
        return None
    from ..domain.permissions import can_view_agreement

    for report in rows:
        ag = s.get(Agreement, report.agreement_id)
        if ag is None:
            continue
        facts = agreement_facts(s, ag)
        if can_view_agreement(actor.viewer, facts) and _may_read(actor, facts, report.side):
            return True
    return False
