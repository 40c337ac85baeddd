"""The Reflex app: pages, the plain HTTP routes and the error handler."""

import logging

import reflex as rx

from . import routes
from .api.app import build_api
from .jobs import reminder_loop
from .pages import admin, applications, lacak, login, notifications, profile, public, stage, wizard
from .pages import content_admin as admin_content
from .pages import dashboard as dashboard_pages
from .pages import informasi as informasi_pages
from .pages import monev as monev_pages
from .pages import registry as registry_pages
from .pages import registry_import as registry_import_pages
from .pages import signing as signing_pages
from .state.admin import InboxState
from .state.applications import DetailState, MyAppsState, ReceiptState
from .state.auth import AuthState
from .state.content import AdminFaqState, AdminInfoState, FaqState, InfoPageState, InformasiState
from .state.dashboard import DashboardState, PrintState
from .state.errors import backend_exception_handler
from .state.lacak import LacakState
from .state.login import LoginState, RegisterState
from .state.monev import MonevState, OverdueState
from .state.notifications import NotifState
from .state.profile import ProfileState
from .state.registry import AgreementState, ManualEntryState, RegisterListState
from .state.registry_import import ImportState
from .state.session_binding import SessionBinding
from .state.signing import SigningState
from .state.stage import StageState
from .state.statistik import StatistikState
from .state.wizard import WizardState

# Si KERJA's own log lines (emails in the embedded mode, jobs) go to the server log.
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logging.getLogger("sikerja").setLevel(logging.INFO)

app = rx.App(
    stylesheets=["/sikerja.css"],
    html_lang="id",
    # At the top: at the bottom a toast would cover the phone's action buttons and navigation.
    toaster=rx.toast.provider(position="top-center", close_button=True),
    api_transformer=build_api(),
    backend_exception_handler=backend_exception_handler,
    head_components=[rx.el.meta(name="theme-color", content="#0d5c63"), rx.script(src="/sikerja-upload.js")],
)

app.add_middleware(SessionBinding(), index=0)
app.register_lifespan_task(reminder_loop)


def _t(name: str) -> str:
    return f"{name} – Si KERJA"


_PUBLIC = AuthState.load_public
app.add_page(public.beranda, route=routes.BERANDA, title="Si KERJA – Kerja Sama Daerah", on_load=_PUBLIC)
app.add_page(login.login_page, route=routes.MASUK, title=_t("Masuk"), on_load=LoginState.load)
app.add_page(login.register_page, route=routes.DAFTAR, title=_t("Daftar"), on_load=RegisterState.load)
app.add_page(public.informasi, route=routes.INFORMASI, title=_t("Informasi"), on_load=InformasiState.load)
app.add_page(informasi_pages.info_detail_page, route=routes.INFORMASI_HALAMAN, title=_t("Informasi"),
             on_load=InfoPageState.load)
app.add_page(public.statistik, route=routes.STATISTIK, title=_t("Statistik"), on_load=StatistikState.load)
app.add_page(public.faq, route=routes.FAQ, title=_t("FAQ"), on_load=FaqState.load)
app.add_page(admin_content.admin_info_page, route=routes.ADMIN_INFORMASI, title=_t("Kelola Informasi"),
             on_load=AdminInfoState.load)
app.add_page(admin_content.admin_faq_page, route=routes.ADMIN_FAQ, title=_t("Kelola FAQ"), on_load=AdminFaqState.load)
app.add_page(lacak.lacak_page, route=routes.LACAK, title=_t("Lacak"), on_load=LacakState.load)
app.add_page(profile.profile_page, route=routes.PENGATURAN, title=_t("Pengaturan"), on_load=ProfileState.load)
app.add_page(applications.my_apps_page, route=routes.PENGAJUAN, title=_t("Pengajuan"), on_load=MyAppsState.load)
app.add_page(wizard.wizard_page, route=routes.PENGAJUAN_UBAH, title=_t("Permohonan"), on_load=WizardState.load)
app.add_page(applications.receipt_page, route=routes.PENGAJUAN_TANDA_TERIMA, title=_t("Tanda terima"),
             on_load=ReceiptState.load)
app.add_page(applications.detail_page, route=routes.PENGAJUAN_DETAIL, title=_t("Detail permohonan"),
             on_load=DetailState.load)
app.add_page(admin.inbox_page, route=routes.ADMIN, title=_t("Kotak masuk"), on_load=InboxState.load)
app.add_page(notifications.notifications_page, route=routes.PEMBERITAHUAN, title=_t("Pemberitahuan"),
             on_load=NotifState.load)
app.add_page(stage.stage_page, route=routes.PENGAJUAN_PEMBAHASAN, title=_t("Pembahasan"), on_load=StageState.load)
app.add_page(monev_pages.monev_page, route=routes.REGISTER_MONEV, title=_t("Monev kerja sama"),
             on_load=MonevState.load)
app.add_page(monev_pages.overdue_page, route=routes.ADMIN_MONEV, title=_t("Monev terlambat"),
             on_load=OverdueState.load)
app.add_page(signing_pages.signing_page, route=routes.PENGAJUAN_PENANDATANGANAN, title=_t("Penandatanganan"),
             on_load=SigningState.load)
app.add_page(registry_pages.register_page, route=routes.REGISTER, title=_t("Register"), on_load=RegisterListState.load)
app.add_page(registry_pages.manual_entry_page, route=routes.REGISTER_BARU, title=_t("Catat kerja sama"),
             on_load=ManualEntryState.load)
app.add_page(registry_pages.agreement_page, route=routes.REGISTER_DETAIL, title=_t("Kerja sama"),
             on_load=AgreementState.load)
app.add_page(registry_import_pages.import_page, route=routes.ADMIN_REGISTER_IMPOR, title=_t("Impor register"),
             on_load=ImportState.load)
app.add_page(dashboard_pages.dashboard_page, route=routes.DASBOR, title=_t("Dasbor"), on_load=DashboardState.load)
app.add_page(dashboard_pages.print_page, route=routes.PENGAJUAN_CETAK, title=_t("Ringkasan permohonan"),
             on_load=PrintState.load)
