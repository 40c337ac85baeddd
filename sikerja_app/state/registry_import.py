"""Admin page: import agreements signed before the system existed, from an XLSX or CSV file."""

import asyncio

import reflex as rx

from ..services import registry_import as ri
from ..services.errors import ServiceError
from .auth import AuthState

PREVIEW_ROWS = 100  # valid rows shown before importing; every bad row is shown


class ImportState(AuthState):
    file_name: str = ""
    kind: str = ""
    checked: bool = False
    imported: bool = False
    total: int = 0
    valid_count: int = 0
    valid_rows: list[dict[str, str]] = []
    bad_rows: list[dict[str, str]] = []
    mode: str = ""
    error: str = ""
    mode_error: str = ""
    result: str = ""
    result_ok: bool = False
    _file_id: int = 0  # the admin's own upload; the services check ownership again on every call

    async def load(self):
        user = await self._guard("ADMIN")
        if user is None:
            return self._to_login()
        self._reset()
        return None

    def _reset(self) -> None:
        self._file_id, self.file_name, self.kind, self.checked, self.imported = 0, "", "", False, False
        self.total, self.valid_count, self.valid_rows, self.bad_rows = 0, 0, [], []
        self.mode, self.error, self.mode_error, self.result, self.result_ok = "", "", "", "", False

    def _show(self, report: ri.ImportReport) -> None:
        self.file_name, self.kind, self.total = report.file_name, ri.describe_file(report.kind), report.total
        self.valid_count = len(report.valid)
        self.valid_rows = [{
            "row": str(v.row), "judul": v.judul, "mitra": v.mitra, "bentuk": ri.BENTUK_LABELS.get(v.bentuk, v.bentuk),
            "nomor": f"{v.nomor_daerah} / {v.nomor_mitra}",
            "berlaku": f"{ri.tanggal(v.mulai)} – {ri.tanggal(v.sampai)}",
            "status": ri.STATUS_LABELS.get(v.status, v.status),
        } for v in report.valid[:PREVIEW_ROWS]]
        self.bad_rows = [{"row": str(b.row), "reason": b.reason} for b in report.bad]
        self.checked = True

    async def upload_done(self, result: dict):
        """Callback of the upload script: check the stored file and show the report."""
        user = await self._require("ADMIN")
        self._reset()
        if not isinstance(result, dict) or not result.get("ok"):
            self.error = str((result or {}).get("error") or "Unggahan gagal.")[:300] if isinstance(result, dict) \
                else "Unggahan gagal."
            return None
        try:
            file_id = int(result.get("file_id") or 0)
            report = await asyncio.to_thread(ri.check, user, file_id, self._ip())
        except (ValueError, TypeError):
            self.error = "Unggahan gagal."
            return None
        except ServiceError as exc:
            self.error = exc.message
            return None
        self._file_id = file_id
        self._show(report)
        return None

    def set_mode(self, value: str) -> None:
        self.mode = value if value in ri.MODES else ""
        self.mode_error = ""

    async def confirm(self):
        user = await self._require("ADMIN")
        if not self._file_id or self.imported:
            self.error = "Unggah berkas terlebih dahulu."
            return None
        if self.mode not in ri.MODES:
            self.mode_error = "Pilih cara impor terlebih dahulu."
            return None
        try:
            result = await asyncio.to_thread(ri.run_import, user, self._file_id, self.mode, self._ip())
        except ServiceError as exc:
            self.error = exc.message
            return rx.toast.error(exc.message)
        self._show(result.report)
        self.result, self.result_ok, self.imported = result.message, not result.refused, not result.refused
        if result.refused:
            return rx.toast.warning(result.message)
        return rx.toast.success(result.message)

    def start_over(self) -> None:
        self._reset()

    async def template_csv(self):
        await self._require("ADMIN")
        return rx.download(data=ri.template_csv(), filename="templat-impor-register.csv", mime_type="text/csv")

    async def template_xlsx(self):
        await self._require("ADMIN")
        return rx.download(data=ri.template_xlsx(), filename="templat-impor-register.xlsx",
                           mime_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
