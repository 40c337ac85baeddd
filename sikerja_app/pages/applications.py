"""Pengajuan saya, the receipt, and the application detail with its timeline."""

import reflex as rx

from .. import routes
from ..components.display import kv_list, note_box, status_badge
from ..components.layout import field_error, page
from ..state.applications import DetailState as D
from ..state.applications import MyAppsState as M
from ..state.applications import ReceiptState as R
from .monev import agreement_list


def _app_card(r: rx.Var) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(rx.text(r["code"], weight="bold", font_family="monospace"), rx.spacer(),
                          status_badge(r["status"], r["status_label"]), width="100%", align="center",
                          wrap="wrap"),
                rx.text(r["judul"], size="3", class_name="wrap-anywhere"),
                rx.text("Dibuat/diajukan " + r["tanggal"] + " · tahap berubah " + r["berubah"] + " · " + r["peran"],
                        size="1", color_scheme="gray"),
                spacing="1", width="100%",
            ),
            width="100%",
        ),
        href=r["href"], underline="none", color="inherit", width="100%", class_name="kartu-permohonan",
    )


def pending_list(rows: rx.Var, title: str) -> rx.Component:
    """Stages waiting for the viewer's decision, each one tap away."""
    return rx.cond(rows.length() > 0, rx.vstack(
        rx.heading(title, size="4", as_="h2"),
        rx.foreach(rows, lambda p: rx.link(rx.card(rx.hstack(
            rx.icon("circle-alert", color="var(--amber-9)"),
            rx.vstack(rx.text(p["code"] + " · " + p["stage"], weight="bold", size="2"),
                      rx.text(p["judul"], size="2", class_name="wrap-anywhere"),
                      rx.text("Versi terbaru sejak " + p["since"], size="1", color_scheme="gray"), spacing="0"),
            align="start"), width="100%"), href=p["href"], underline="none", color="inherit", width="100%",
            class_name="perlu-tindakan")),
        spacing="2", width="100%", id="perlu-tindakan"), rx.fragment())


def my_apps_page() -> rx.Component:
    return page(
        rx.vstack(
            pending_list(M.pending, "Perlu tindakan saya"),
            rx.cond(M.role == "PEMOHON",
                    rx.button(rx.icon("plus"), "Buat permohonan baru", size="3", on_click=M.new_application,
                              id="buat-permohonan"), rx.fragment()),
            rx.cond((M.rows.length() == 0) & (M.role != "OPD"),
                    rx.text(rx.cond(M.role == "TKKSD", "Belum ada permohonan yang ditugaskan kepada Anda.",
                                    "Anda belum memiliki permohonan."), color_scheme="gray"),
                    rx.vstack(rx.foreach(M.rows, _app_card), width="100%", spacing="3")),
            rx.cond((M.role == "OPD") | (M.agreements.length() > 0), agreement_list(M.agreements, M.role),
                    rx.fragment()),
            spacing="4", width="100%",
        ),
        title="Pengajuan",
    )


def receipt_page() -> rx.Component:
    return page(
        rx.cond(
            R.error != "",
            rx.callout(R.error, icon="triangle-alert", color_scheme="red"),
            rx.card(
                rx.vstack(
                    rx.hstack(rx.icon("circle-check", color="var(--green-9)", size=32),
                              rx.heading("Permohonan berhasil diajukan", size="5", as_="h1"), align="center"),
                    rx.text("Simpan kode registrasi ini untuk melacak permohonan Anda:"),
                    rx.text(R.code, size="8", weight="bold", font_family="monospace", id="kode-registrasi",
                            class_name="wrap-anywhere"),
                    rx.el.dl(
                        rx.el.dt("Judul"), rx.el.dd(R.judul),
                        rx.el.dt("Instansi"), rx.el.dd(R.instansi),
                        rx.el.dt("Pemohon (PPKSD-1)"), rx.el.dd(R.pemohon),
                        rx.el.dt("Waktu pengajuan"), rx.el.dd(R.submitted),
                        rx.el.dt("Status"), rx.el.dd(R.status_label),
                        class_name="kv",
                    ),
                    rx.text("Admin Bagian Kerja Sama akan memverifikasi permohonan. Anda akan mendapat "
                            "pemberitahuan di aplikasi dan email.", color_scheme="gray"),
                    rx.flex(
                        rx.button(rx.icon("printer"), "Cetak tanda terima", variant="soft", size="3",
                                  on_click=rx.call_script("window.print()"), class_name="no-print"),
                        rx.link(rx.button("Lihat permohonan", size="3"), href=routes.PENGAJUAN,
                                class_name="no-print"),
                        gap="3", wrap="wrap",
                    ),
                    spacing="3",
                ),
                max_width="720px",
            ),
        ),
    )


def _timeline() -> rx.Component:
    return rx.vstack(
        rx.foreach(D.timeline, lambda t: rx.hstack(
            rx.box(width="10px", height="10px", border_radius="50%", background="var(--accent-9)",
                   margin_top="6px", flex_shrink="0"),
            rx.vstack(
                rx.text(t["label"], weight="bold"),
                rx.text(t["when"] + " · " + t["who"], size="1", color_scheme="gray"),
                rx.cond(t["note"] != "", rx.text(t["note"], size="2", white_space="pre-wrap",
                                                 class_name="wrap-anywhere"), rx.fragment()),
                spacing="0",
            ),
            spacing="3", align="start")),
        spacing="3", id="riwayat",
    )


def _admin_panel() -> rx.Component:
    can_intake = D.actions.contains("APPROVE_INTAKE")
    return rx.cond(
        (D.role == "ADMIN") & can_intake,
        rx.card(
            rx.vstack(
                rx.heading("Keputusan verifikasi", size="4", as_="h2"),
                rx.text("Setujui untuk membuka tahap Penawaran dan tugaskan anggota TKKSD yang menelaah.",
                        size="2", color_scheme="gray"),
                rx.el.fieldset(
                    rx.el.legend("Anggota TKKSD yang ditugaskan", class_name="label"),
                    rx.foreach(D.tkksd_options, lambda o: rx.el.label(
                        rx.checkbox(checked=D.tkksd_chosen.contains(o[0]),
                                    on_change=lambda _v: D.toggle_tkksd(o[0])),
                        rx.text(o[1]), class_name="opt-row")),
                    field_error(D.tkksd_error, "tkksd"), id="tkksd", border="none", padding="0",
                ),
                rx.button(rx.icon("check"), "Setujui & buka Penawaran", size="3", color_scheme="green",
                          on_click=D.approve, id="setujui"),
                rx.divider(),
                rx.el.label("Catatan untuk pemohon (wajib bila dikembalikan atau ditolak)", html_for="catatan",
                            class_name="label"),
                rx.text_area(value=D.note, on_change=D.set_note, id="catatan", rows="4", width="100%",
                             debounce_timeout=300),
                field_error(D.note_error, "catatan"),
                rx.flex(
                    rx.button(rx.icon("undo-2"), "Kembalikan untuk perbaikan", size="3", color_scheme="orange",
                              variant="soft", on_click=D.return_app, id="kembalikan"),
                    rx.alert_dialog.root(
                        rx.alert_dialog.trigger(rx.button(rx.icon("x"), "Tolak", size="3", color_scheme="red",
                                                          variant="soft", id="tolak")),
                        rx.alert_dialog.content(
                            rx.alert_dialog.title("Tolak permohonan?"),
                            rx.alert_dialog.description("Penolakan bersifat final. Alasan dari kolom catatan "
                                                        "akan dikirim kepada pemohon."),
                            rx.flex(rx.alert_dialog.cancel(rx.button("Batal", variant="soft")),
                                    rx.alert_dialog.action(rx.button("Ya, tolak", color_scheme="red",
                                                                     on_click=D.reject, id="konfirmasi-tolak")),
                                    gap="3", justify="end", margin_top="1em"),
                        ),
                    ),
                    gap="3", wrap="wrap",
                ),
                spacing="3", width="100%",
            ),
            width="100%", class_name="no-print", id="panel-keputusan",
        ),
        rx.fragment(),
    )


def _applicant_actions() -> rx.Component:
    return rx.cond(
        D.is_applicant & D.actions.contains("SUBMIT"),
        rx.link(rx.button(rx.icon("pencil"), "Perbaiki dan ajukan ulang", size="3", id="perbaiki"),
                href=routes.PENGAJUAN + "/" + D.app_id.to_string() + "/ubah"),
        rx.fragment(),
    )


def detail_page() -> rx.Component:
    body = rx.vstack(
        rx.hstack(rx.text(D.code, weight="bold", font_family="monospace", id="kode"), rx.spacer(),
                  status_badge(D.status, D.status_label), width="100%", wrap="wrap", align="center"),
        rx.heading(D.judul, size="5", as_="h1", class_name="wrap-anywhere"),
        rx.text("Urusan: " + D.urusan + " · Diajukan " + D.submitted, size="2", color_scheme="gray"),
        rx.cond(D.admin_note != "",
                note_box(rx.cond(D.status == "DITOLAK", "Alasan penolakan:", "Catatan admin:"), D.admin_note,
                         rx.cond(D.status == "DITOLAK", "red", "orange"), "catatan-admin"),
                rx.fragment()),
        _applicant_actions(),
        rx.cond(D.in_discussion,
                rx.link(rx.button(rx.icon("messages-square"), "Buka pembahasan: dokumen, diskusi, persetujuan",
                                  size="3", id="buka-pembahasan"),
                        href=routes.PENGAJUAN + "/" + D.app_id.to_string() + "/pembahasan"), rx.fragment()),
        rx.cond(D.in_signing,
                rx.link(rx.button(rx.icon("calendar-check"), "Penjadwalan & penandatanganan", size="3",
                                  id="buka-penandatanganan"),
                        href=routes.PENGAJUAN + "/" + D.app_id.to_string() + "/penandatanganan"), rx.fragment()),
        rx.link(rx.button(rx.icon("printer"), "Cetak ringkasan", variant="soft", size="3", id="cetak-ringkasan"),
                href=routes.PENGAJUAN + "/" + D.app_id.to_string() + "/cetak"),
        _admin_panel(),
        rx.tabs.root(
            rx.tabs.list(rx.tabs.trigger("Ringkasan", value="ringkasan"),
                         rx.tabs.trigger("Persiapan", value="persiapan"),
                         rx.tabs.trigger("Riwayat", value="riwayat")),
            rx.tabs.content(rx.vstack(
                rx.heading("Instansi", size="4", as_="h2"), kv_list(D.instansi),
                rx.heading("PPKSD-1", size="4", as_="h2"), kv_list(D.ppksd1),
                rx.text("PPKSD-2: ", rx.text.strong(D.ppksd2)),
                rx.heading("OPD terkait", size="4", as_="h2"),
                rx.el.ul(rx.foreach(D.opd, lambda o: rx.el.li(o))),
                rx.cond(D.tkksd.length() > 0, rx.vstack(
                    rx.heading("Anggota TKKSD yang menelaah", size="4", as_="h2"),
                    rx.el.ul(rx.foreach(D.tkksd, lambda o: rx.el.li(o)))), rx.fragment()),
                rx.text(D.pakta, size="2", color_scheme="gray"),
                spacing="2", padding_y="1em"), value="ringkasan"),
            rx.tabs.content(rx.vstack(rx.foreach(D.narratives, lambda n: rx.vstack(
                rx.heading(n[0], size="3", as_="h3"),
                rx.text(n[1], white_space="pre-wrap", class_name="wrap-anywhere"), spacing="1")),
                spacing="4", padding_y="1em"), value="persiapan"),
            rx.tabs.content(rx.vstack(
                _timeline(),
                rx.heading("Versi yang diajukan", size="4", as_="h2"),
                rx.vstack(rx.foreach(D.versions, lambda v: rx.box(
                    rx.text(v[0], weight="bold"), rx.text(v[1], size="2", color_scheme="gray"))),
                    id="versi", spacing="2"),
                spacing="4", padding_y="1em"), value="riwayat"),
            default_value="ringkasan", width="100%",
        ),
        spacing="3", width="100%",
    )
    return page(rx.cond(D.error != "", rx.callout(D.error, icon="triangle-alert", color_scheme="red", id="galat-muat"),
                        body))
