"""Reminders before an agreement expires or a monev report falls due, and the move to BERAKHIR
(DESIGN §4 "Pelaksanaan and Pelaporan", issue 4 item 5).

``run`` is called by the scheduled loop of ``jobs.py`` on every worker, and may be called twice,
after a restart or by two workers at the same moment: each reminder is one ``AgreementReminder``
row per (agreement, key, person), inserted and flushed before its notification in the same
transaction. Whoever inserts the row first sends; anyone else finds it, or is refused by the
unique constraint and rolls back, so each reminder goes out once.

Days are counted in the deployment's zone (WITA for Samarinda):
- expiry: 90, 60, 30, 7 and 0 days before ``berlaku_sampai``; a run that missed a day sends
  only the nearest threshold not yet passed (first run 55 days before: the 60-day reminder,
  not the 90-day one), once;
- monev: 14 and 0 days before the end of each reporting period (``domain.monev.periods``), to
  each reporting side that has not filed its report for that period;
- on the day after ``berlaku_sampai`` the agreement becomes BERAKHIR, and a linked application
  in PELAKSANAAN moves to BERAKHIR with it.
"""

import logging
import time
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain import monev as monev_rules
from ..domain.dates import BULAN, to_local, utcnow
from ..domain.stages import Action, Actor, Status
from ..models import Agreement, AgreementReminder, Application, MonevReport, User
from . import audit
from .errors import ServiceError
from .notifications import admin_ids, notify
from .transitions import apply_transition

log = logging.getLogger("sikerja.jobs")

EXPIRY_DAYS: tuple[int, ...] = (90, 60, 30, 7, 0)
MONEV_DAYS: tuple[int, ...] = (14, 0)
_ATTEMPTS = 3


def local_today() -> date:
    """Today in the deployment's zone (``SIKERJA_TIMEZONE``), not in UTC."""
    return to_local(utcnow(), get_settings().timezone).date()


def nearest_threshold(days_left: int, levels: tuple[int, ...]) -> int | None:
    """The smallest threshold at or above ``days_left`` (55 → 60); None outside 0..max(levels)."""
    if days_left < 0 or days_left > max(levels):
        return None
    return min(level for level in levels if level >= days_left)


def _tanggal(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _link(agreement_id: int) -> str:
    return f"/register/{agreement_id}"


def _active(s: Session, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    return set(s.exec(select(User.id).where(User.id.in_(ids), User.is_active == True)))  # type: ignore[union-attr]  # noqa: E712


def expiry_people(s: Session, ag: Agreement) -> set[int]:
    """The applicants of the linked application, the admins, the officers of the agreement's OPD."""
    ids = set(admin_ids(s))
    if ag.application_id is not None:
        app = s.get(Application, ag.application_id)
        if app is not None:
            ids |= _active(s, {i for i in (app.ppksd1_id, app.ppksd2_id) if i})
    if ag.opd_id is not None:
        ids |= set(s.exec(select(User.id).where(User.opd_id == ag.opd_id, User.is_active == True)))  # noqa: E712
    return ids


def _send_once(s: Session, agreement_id: int, key: str, people: set[int], text: str, link: str) -> int:
    """One reminder per person and key: the row first (the unique constraint decides), then the notice."""
    sent = 0
    for uid in sorted(people):
        exists = s.exec(select(AgreementReminder.id).where(
            AgreementReminder.agreement_id == agreement_id, AgreementReminder.key == key,
            AgreementReminder.user_id == uid)).first()
        if exists is not None:
            continue
        s.add(AgreementReminder(agreement_id=agreement_id, key=key, user_id=uid))
        s.flush()  # a worker sending the same reminder right now makes this raise IntegrityError
        notify(s, {uid}, text, link)
        sent += 1
    return sent


def _transaction(work: Callable[[Session], int], what: str) -> int:
    """Run ``work`` in its own transaction. A unique-constraint clash (another worker sent the same
    reminder) or a busy database is retried from the start: the retry finds the rows committed
    meanwhile and sends only what is still missing."""
    for attempt in range(_ATTEMPTS):
        try:
            with session_scope() as s:
                return work(s)
        except (IntegrityError, OperationalError):
            if attempt == _ATTEMPTS - 1:
                log.info("Pengingat %s dilewati pada putaran ini (sedang dikerjakan pekerja lain)", what)
                return 0
            time.sleep(0.05 * (attempt + 1))
        except ServiceError as exc:  # the application moved meanwhile; the next run looks again
            log.info("%s dilewati: %s", what, exc.message)
            return 0
    return 0


# --- BERAKHIR ------------------------------------------------------------------------------------


def _expire_one(s: Session, agreement_id: int, day: date) -> int:
    result = s.exec(update(Agreement).where(  # type: ignore[call-overload]
        Agreement.id == agreement_id, Agreement.status == "BERLAKU", Agreement.berlaku_sampai < day,
    ).values(status="BERAKHIR"))
    if result.rowcount != 1:
        return 0  # another worker did it, or it changed meanwhile
    ag = s.get(Agreement, agreement_id)
    assert ag is not None
    s.refresh(ag)
    if ag.application_id is not None:
        app = s.get(Application, ag.application_id)
        if app is not None and app.status == Status.PELAKSANAAN:
            apply_transition(s, app, Action.EXPIRE, Actor.SYSTEM, None, "", "")
    audit.record(s, "PERJANJIAN_BERAKHIR", None, "agreement", agreement_id, "",
                 f"berlaku sampai {ag.berlaku_sampai.isoformat()}")
    notify(s, expiry_people(s, ag), f"Kerja sama \"{ag.judul[:150]}\" telah berakhir "
           f"(berlaku sampai {_tanggal(ag.berlaku_sampai)}).", _link(agreement_id))
    return 1


def expire_due(day: date) -> int:
    """BERLAKU agreements whose last day is before ``day`` become BERAKHIR."""
    with session_scope() as s:
        ids = list(s.exec(select(Agreement.id).where(Agreement.status == "BERLAKU",
                                                     Agreement.berlaku_sampai < day)))
    return sum(_transaction(lambda s, i=i: _expire_one(s, i or 0, day), f"berakhir {i}") for i in ids)


# --- reminders -----------------------------------------------------------------------------------


def _expiry_one(s: Session, agreement_id: int, day: date) -> int:
    ag = s.get(Agreement, agreement_id)
    if ag is None or ag.status != "BERLAKU":
        return 0
    days_left = (ag.berlaku_sampai - day).days
    level = nearest_threshold(days_left, EXPIRY_DAYS)
    if level is None:
        return 0
    when = _tanggal(ag.berlaku_sampai)
    text = (f"Kerja sama \"{ag.judul[:150]}\" berakhir hari ini ({when})." if days_left == 0 else
            f"Kerja sama \"{ag.judul[:150]}\" akan berakhir dalam {days_left} hari ({when}).")
    return _send_once(s, agreement_id, f"BERAKHIR_{level}", expiry_people(s, ag),
                      text + " Ajukan perpanjangan bila kerja sama masih diperlukan.", _link(agreement_id))


def send_expiry_reminders(day: date) -> int:
    with session_scope() as s:
        ids = list(s.exec(select(Agreement.id).where(
            Agreement.status == "BERLAKU", Agreement.berlaku_sampai >= day,
            Agreement.berlaku_sampai <= day + timedelta(days=max(EXPIRY_DAYS)))))
    return sum(_transaction(lambda s, i=i: _expiry_one(s, i or 0, day), f"berakhir {i}") for i in ids)


def _monev_one(s: Session, agreement_id: int, day: date) -> int:
    from . import monev  # the monev service decides who reports on which side
    from .agreement_access import agreement_facts

    ag = s.get(Agreement, agreement_id)
    if ag is None or ag.status != "BERLAKU":
        return 0
    periods = monev_rules.periods(ag.berlaku_mulai, ag.berlaku_sampai,
                                  monev_rules.months_or_default(ag.monev_months))
    due = monev_rules.due_within(periods, day, max(MONEV_DAYS))
    if not due:
        return 0
    facts = agreement_facts(s, ag)
    sent = 0
    for p in due:
        days_left = (p.due - day).days
        level = nearest_threshold(days_left, MONEV_DAYS)
        if level is None:
            continue
        for side in monev.expected_sides(ag, facts):
            filed = s.exec(select(MonevReport.id).where(MonevReport.agreement_id == agreement_id,
                                                        MonevReport.side == side,
                                                        MonevReport.period_no == p.no)).first()
            if filed is not None:
                continue
            when = _tanggal(p.due)
            text = (f"Laporan monev periode {p.no} \"{ag.judul[:150]}\" jatuh tempo hari ini ({when})."
                    if days_left == 0 else
                    f"Laporan monev periode {p.no} \"{ag.judul[:150]}\" jatuh tempo dalam {days_left} hari "
                    f"({when}).")
            sent += _send_once(s, agreement_id, f"MONEV_{p.no}_{side}_{level}",
                               monev.side_people(s, ag, facts, side), text, monev.monev_link(agreement_id))
    return sent


def send_monev_reminders(day: date) -> int:
    with session_scope() as s:
        ids = list(s.exec(select(Agreement.id).where(Agreement.status == "BERLAKU",
                                                     Agreement.berlaku_mulai <= day + timedelta(days=max(MONEV_DAYS)),
                                                     Agreement.berlaku_sampai >= day)))
    return sum(_transaction(lambda s, i=i: _monev_one(s, i or 0, day), f"monev {i}") for i in ids)


def run(today: date | None = None) -> dict[str, int]:
    """One round: expire, then remind. ``today`` is a date in the deployment's zone (default: now)."""
    day = today or local_today()
    return {
        "expired": expire_due(day),
        "expiry_reminders": send_expiry_reminders(day),
        "monev_reminders": send_monev_reminders(day),
    }
