"""Monev pages: one agreement's periods and reports, and the admin's list of overdue reports.

Thin: each handler resolves the signed-in user again and the services check the record.
"""

import asyncio
import re

import reflex as rx

from ..domain import monev as rules
from ..services import monev
from ..services.errors import ServiceError
from .auth import AuthState

_RID = re.compile(r"^/register/(\d{1,12})(?:/|$)")
MAX_FIELD = rules.MAX_TEXT + 10


def rid_from_path(path: str) -> int:
    """The agreement id in /register/<id>/…; 0 when the path has none."""
    m = _RID.match(path or "")
    return int(m.group(1)) if m else 0


class MonevState(AuthState):
    agreement_id: int = 0
    judul: str = ""
    mitra: str = ""
    nomor: str = ""
    opd: str = ""
    berlaku: str = ""
    status: str = ""
    status_label: str = ""
    months: int = 0
    my_side: str = ""
    my_side_label: str = ""
    is_staff: bool = False
    can_evaluate: bool = False
    note: str = ""
    periods: list[monev.PeriodRow] = []
    later: list[monev.PeriodRow] = []
    reports: list[monev.ReportView] = []
    error: str = ""
    # The report form
    form_period: int = 0
    progress: str = ""
    outputs: str = ""
    problems: str = ""
    follow_up: str = ""
    evidence: list[monev.EvidenceRow] = []
    form_errors: dict[str, str] = {}
    # The evaluation form
    eval_report_id: int = 0
    scores: dict[str, str] = {}
    overall: str = ""
    recommendation: str = ""
    eval_note: str = ""
    eval_errors: dict[str, str] = {}

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        self.agreement_id = rid_from_path(self.router.url.path)
        self._reset_form()
        self._reset_evaluation()
        await self._refresh(user)
        return None

    async def _refresh(self, user=None) -> None:  # noqa: ANN001
        user = user or await self._require()
        try:
            v = await asyncio.to_thread(monev.periods, user, self.agreement_id, self._ip())
        except ServiceError as exc:
            self.error, self.periods, self.later, self.reports = exc.message, [], [], []
            self.judul = self.mitra = self.nomor = self.opd = self.berlaku = ""
            self.my_side, self.can_evaluate, self.is_staff = "", False, False
            return
        self.error = ""
        for name in ("judul", "mitra", "nomor", "opd", "berlaku", "status", "status_label", "months", "my_side",
                     "my_side_label", "is_staff", "can_evaluate", "note", "periods", "later", "reports"):
            setattr(self, name, getattr(v, name))

    def _reset_form(self) -> None:
        self.form_period, self.progress, self.outputs, self.problems, self.follow_up = 0, "", "", "", ""
        self.evidence, self.form_errors = [], {}

    def _reset_evaluation(self) -> None:
        self.eval_report_id, self.scores, self.overall, self.recommendation, self.eval_note = 0, {}, "", "", ""
        self.eval_errors = {}

    # --- the report form ------------------------------------------------------------------
    async def start_report(self, period_no: int):
        """Open the form for one of the periods this person may file now."""
        user = await self._require("PEMOHON", "OPD")
        await self._refresh(user)
        fileable = {p.period_no for p in self.periods for c in p.sides if c.can_file}
        try:
            wanted = int(period_no)
        except (TypeError, ValueError):
            wanted = 0
        if wanted not in fileable:
            return rx.toast.error("Periode ini tidak dapat dilaporkan.")
        if self.form_period != wanted:
            self._reset_form()
            self.form_period = wanted
        return rx.scroll_to("form-laporan")

    def cancel_report(self) -> None:
        self._reset_form()

    def set_progress(self, value: str) -> None:
        self.progress = str(value)[:MAX_FIELD]
        self.form_errors = {k: v for k, v in self.form_errors.items() if k != "progress"}

    def set_outputs(self, value: str) -> None:
        self.outputs = str(value)[:MAX_FIELD]
        self.form_errors = {k: v for k, v in self.form_errors.items() if k != "outputs"}

    def set_problems(self, value: str) -> None:
        self.problems = str(value)[:MAX_FIELD]
        self.form_errors = {k: v for k, v in self.form_errors.items() if k != "problems"}

    def set_follow_up(self, value: str) -> None:
        self.follow_up = str(value)[:MAX_FIELD]
        self.form_errors = {k: v for k, v in self.form_errors.items() if k != "follow_up"}

    async def upload_done(self, result: dict):
        """Callback of the upload script: keep the uploaded evidence until the report is sent."""
        await self._require("PEMOHON", "OPD")
        if not isinstance(result, dict) or not result.get("ok"):
            message = str((result or {}).get("error") or "Unggahan gagal.")[:300] if isinstance(result, dict) \
                else "Unggahan gagal."
            self.form_errors = {**self.form_errors, "evidence": message}
            return rx.toast.error(message)
        try:
            file_id = int(result.get("file_id") or 0)
        except (TypeError, ValueError):
            file_id = 0
        if file_id <= 0 or any(e.file_id == file_id for e in self.evidence):
            return None
        if len(self.evidence) >= rules.MAX_EVIDENCE:
            return rx.toast.error(f"Paling banyak {rules.MAX_EVIDENCE} berkas bukti per laporan.")
        name = str(result.get("name", ""))[:255] or "berkas"
        try:
            size = monev.size_label(int(result.get("size") or 0))
        except (TypeError, ValueError):
            size = ""
        self.evidence = [*self.evidence, monev.EvidenceRow(file_id, name, size)]
        self.form_errors = {k: v for k, v in self.form_errors.items() if k != "evidence"}
        return None

    def remove_evidence(self, file_id: int) -> None:
        self.evidence = [e for e in self.evidence if e.file_id != file_id]

    async def submit_report(self):
        user = await self._require("PEMOHON", "OPD")
        try:
            await asyncio.to_thread(
                monev.file_report, user, self.agreement_id, self.form_period, self.progress, self.outputs,
                self.problems, self.follow_up, [e.file_id for e in self.evidence], self._ip())
        except ServiceError as exc:
            self.form_errors = dict(exc.errors) or {"umum": exc.message}
            return rx.toast.error(exc.message)
        period = self.form_period
        self._reset_form()
        await self._refresh(user)
        return rx.toast.success(f"Laporan periode {period} terkirim.")

    # --- the evaluation (admin) -----------------------------------------------------------
    @rx.var
    def eval_title(self) -> str:
        r = next((r for r in self.reports if r.id == self.eval_report_id), None)
        return f"Penilaian laporan {r.side_label}, periode {r.period_no}" if r else ""

    async def start_evaluation(self, report_id: int):
        await self._require("ADMIN")
        try:
            wanted = int(report_id)
        except (TypeError, ValueError):
            wanted = 0
        if not any(r.id == wanted and r.can_evaluate for r in self.reports):
            return rx.toast.error("Laporan ini tidak dapat dinilai.")
        if self.eval_report_id != wanted:
            self._reset_evaluation()
            self.eval_report_id = wanted
        return rx.scroll_to("form-penilaian")

    def cancel_evaluation(self) -> None:
        self._reset_evaluation()

    def set_score(self, key: str, value: str) -> None:
        if key in rules.CRITERIA_LABELS:
            self.scores = {**self.scores, key: str(value)[:2]}
            self.eval_errors = {k: v for k, v in self.eval_errors.items() if k != key}

    def set_overall(self, value: str) -> None:
        self.overall = str(value)[:2]
        self.eval_errors = {k: v for k, v in self.eval_errors.items() if k != "overall"}

    def set_recommendation(self, value: str) -> None:
        self.recommendation = str(value)[:12]
        self.eval_errors = {k: v for k, v in self.eval_errors.items() if k != "recommendation"}

    def set_eval_note(self, value: str) -> None:
        self.eval_note = str(value)[:rules.MAX_NOTE + 10]
        self.eval_errors = {k: v for k, v in self.eval_errors.items() if k != "note"}

    async def submit_evaluation(self):
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(monev.evaluate, user, self.eval_report_id, dict(self.scores), self.overall,
                                    self.recommendation, self.eval_note, self._ip())
        except ServiceError as exc:
            self.eval_errors = dict(exc.errors) or {"umum": exc.message}
            return rx.toast.error(exc.message)
        self._reset_evaluation()
        await self._refresh(user)
        return rx.toast.success("Penilaian tersimpan. Pelapor diberi tahu.")


class OverdueState(AuthState):
    """/admin/monev: reports past their due date, per agreement and side."""

    rows: list[monev.OverdueRow] = []

    async def load(self):
        user = await self._guard("ADMIN")
        if user is None:
            return self._to_login()
        self.rows = await asyncio.to_thread(monev.overdue, user, None, self._ip())
        return None
