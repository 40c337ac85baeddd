"""Pembahasan: one page per application with the three discussion stages."""

import reflex as rx

from .. import routes
from ..components.files import file_picker
from ..components.layout import page
from ..state.stage import StageState as S

ROUND_LABELS = {"TERBUKA": "Berjalan", "DISETUJUI": "Disetujui", "DILEWATI": "Tidak diperlukan", "BELUM": "Belum"}


def _stage_tabs() -> rx.Component:
    def tab(item: rx.Var) -> rx.Component:
        active = S.stage == item[0]
        count = S.chat_unread.get(item[0], 0)
        return rx.link(
            rx.button(
                rx.text(item[1]),
                rx.badge(rx.match(item[2], *ROUND_LABELS.items(), "Belum"), variant="surface", high_contrast=True,
                         color_scheme=rx.match(item[2], ("DISETUJUI", "green"), ("TERBUKA", "blue"), "gray")),
                rx.cond(count > 0, rx.badge(count.to_string() + " baru", color_scheme="red"), rx.fragment()),
                variant=rx.cond(active, "solid", "outline"), size="3",
            ),
            href=routes.PENGAJUAN + "/" + S.app_id.to_string() + "/pembahasan?tahap=" + item[0],
            id="tab-tahap-" + item[0],
        )
    return rx.flex(rx.foreach(S.stages_nav, tab), gap="2", wrap="wrap", as_="nav")


def _version_row(v: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.badge("Versi " + v.number.to_string(), color_scheme=rx.cond(v.current, "teal", "gray")),
        rx.vstack(
            rx.link(v.name, href="/berkas/" + v.file_id.to_string(), class_name="wrap-anywhere unduh",
                    is_external=True),
            rx.text(v.size + " · " + v.who + " · " + v.when + " · SHA-256 " + v.sha256 + "…",
                    size="1", color_scheme="gray"),
            spacing="0", min_width="0",
        ),
        align="start", spacing="2", width="100%",
    )


def _document(d: rx.Var) -> rx.Component:
    kind = d.kind
    return rx.card(rx.vstack(
        rx.heading(d.label, size="3", as_="h3"),
        rx.text(d.hint, size="2", color_scheme="gray"),
        rx.cond(d.versions.length() == 0, rx.text("Belum diunggah.", color_scheme="orange", size="2"),
                rx.vstack(rx.foreach(d.versions, _version_row), spacing="2", width="100%")),
        rx.cond(S.can_upload, rx.vstack(
            file_picker("berkas-" + kind, "Pilih berkas " + d.label),
            rx.el.progress(id="progres-" + kind, max=100, value=0, hidden=True, width="100%"),
            rx.button(rx.icon("upload"), rx.cond(d.versions.length() == 0, "Unggah", "Unggah versi baru"),
                      size="3", id="unggah-" + kind,
                      on_click=rx.call_script("sikerjaUpload('berkas-" + kind + "', 'progres-" + kind + "', '"
                                              + kind + "')", callback=S.upload_done)),
            rx.text("PDF, DOCX, ODT, XLSX, JPG atau PNG; paling besar 20 MB.", size="1", color_scheme="gray"),
            spacing="2", width="100%"), rx.fragment()),
        spacing="2", width="100%"), width="100%", class_name="dokumen-" + kind)


def _decision_panel() -> rx.Component:
    return rx.cond(S.can_decide, rx.card(rx.vstack(
        rx.heading("Keputusan Anda", size="4", as_="h2"),
        rx.text("Atas: " + S.version_label, size="2", weight="medium", id="versi-diputuskan"),
        rx.text("Periksa versi terbaru setiap dokumen, lalu setujui atau minta revisi.", size="2",
                color_scheme="gray"),
        rx.el.label("Catatan (wajib untuk revisi atau penolakan)", html_for="catatan-keputusan", class_name="label"),
        rx.text_area(id="catatan-keputusan", value=S.decision_note, on_change=S.set_decision_note, rows="3",
                     width="100%", debounce_timeout=300),
        rx.el.label("Dokumen yang perlu direvisi", html_for="dokumen-revisi", class_name="label"),
        rx.el.select(rx.el.option("– Pilih dokumen –", value=""),
                     rx.foreach(S.documents, lambda d: rx.el.option(d.label, value=d.kind)),
                     id="dokumen-revisi", value=S.revision_kind, on_change=S.set_revision_kind,
                     class_name="native-input"),
        rx.cond(S.form_error != "", rx.text(S.form_error, color_scheme="red", id="galat-keputusan", role="alert"),
                rx.fragment()),
        rx.flex(
            rx.button(rx.icon("check"), "Setujui", color_scheme="green", size="3", id="setujui-tahap",
                      on_click=S.decide("SETUJU")),
            rx.button(rx.icon("file-pen"), "Minta revisi", color_scheme="orange", variant="soft", size="3",
                      id="minta-revisi", on_click=S.decide("REVISI")),
            rx.cond(S.decision_options.contains("TOLAK"),
                    rx.button(rx.icon("x"), "Tolak permohonan", color_scheme="red", variant="soft", size="3",
                              id="tolak-tahap", on_click=S.decide("TOLAK")), rx.fragment()),
            rx.cond(S.can_skip,
                    rx.button("Tahap ini tidak diperlukan", variant="outline", size="3", id="lewati-tahap",
                              on_click=S.skip), rx.fragment()),
            gap="2", wrap="wrap"),
        spacing="2", width="100%"), width="100%", id="panel-keputusan-tahap"),
        rx.cond(S.my_decision != "",
                rx.callout("Keputusan Anda atas versi ini sudah tercatat.", icon="check", color_scheme="green"),
                rx.fragment()))


def _decisions() -> rx.Component:
    return rx.vstack(
        rx.heading("Persetujuan", size="4", as_="h2"),
        rx.cond(S.decisions.length() == 0, rx.text("Belum ada keputusan.", color_scheme="gray", size="2"),
                rx.fragment()),
        rx.foreach(S.decisions, lambda d: rx.box(
            rx.hstack(rx.badge(d.label, color_scheme=rx.match(d.decision, ("SETUJU", "green"),
                                                                 ("REVISI", "orange"), "red")),
                      rx.text(d.who + " · " + d.role, weight="bold", size="2"), wrap="wrap"),
            rx.text(d.when + " · atas " + d.version
                    + rx.cond(d.document != "", " · " + d.document, ""), size="1", color_scheme="gray"),
            rx.cond(d.note != "", rx.text(d.note, size="2", white_space="pre-wrap", class_name="wrap-anywhere"),
                    rx.fragment()),
            width="100%", padding_y="6px", border_bottom="1px solid var(--gray-4)")),
        spacing="2", width="100%", id="persetujuan")


def _message(m: rx.Var) -> rx.Component:
    return rx.box(
        rx.text(m.who + " · " + m.role, weight="bold", size="2"),
        rx.text(m.when, size="1", color_scheme="gray"),
        rx.cond(m.body != "", rx.text(m.body, white_space="pre-wrap", class_name="wrap-anywhere"), rx.fragment()),
        rx.cond(m.file_id > 0, rx.link(rx.icon("paperclip", size=14), m.file_name,
                                                  href="/berkas/" + m.file_id.to_string(), is_external=True),
                rx.fragment()),
        class_name=rx.cond(m.mine, "pesan pesan-saya", "pesan"),
    )


def _chat() -> rx.Component:
    open_now = S.app_status == S.stage
    return rx.vstack(
        rx.heading("Diskusi", size="4", as_="h2"),
        rx.text("Pesan tidak dapat diubah atau dihapus: diskusi ini menjadi arsip tahap.", size="1",
                color_scheme="gray"),
        rx.vstack(rx.foreach(S.messages, _message), rx.box(id="akhir-diskusi"), spacing="2", width="100%",
                  id="diskusi"),
        rx.cond(open_now, rx.vstack(
            rx.text_area(id="pesan-baru", value=S.draft_message, on_change=S.set_draft_message, rows="3",
                         width="100%", placeholder="Tulis pesan…", debounce_timeout=150),
            rx.cond(S.pending_file_id > 0, rx.hstack(
                rx.icon("paperclip", size=16), rx.text(S.pending_file_name, size="2", class_name="wrap-anywhere"),
                rx.button("Batal", size="1", variant="ghost", on_click=S.clear_attachment), align="center"),
                rx.fragment()),
            rx.flex(
                file_picker("berkas-LAMPIRAN", "Lampiran pesan"),
                rx.el.progress(id="progres-LAMPIRAN", max=100, value=0, hidden=True),
                rx.button(rx.icon("paperclip"), "Lampirkan", variant="soft", size="3", id="lampirkan",
                          on_click=rx.call_script("sikerjaUpload('berkas-LAMPIRAN', 'progres-LAMPIRAN', 'LAMPIRAN')",
                                                  callback=S.upload_done)),
                rx.button(rx.icon("send"), "Kirim", size="3", id="kirim-pesan", on_click=S.send_message),
                gap="2", wrap="wrap", width="100%"),
            spacing="2", width="100%"),
            rx.text("Diskusi tahap ini sudah ditutup.", size="2", color_scheme="gray")),
        spacing="2", width="100%")


def stage_page() -> rx.Component:
    body = rx.vstack(
        rx.link("‹ Kembali ke permohonan", href=routes.PENGAJUAN + "/" + S.app_id.to_string()),
        rx.text(S.code, weight="bold", font_family="monospace"),
        rx.heading(S.judul, size="5", as_="h1", class_name="wrap-anywhere"),
        _stage_tabs(),
        rx.heading("Tahap " + S.stage_label, size="5", as_="h2", id="judul-tahap"),
        rx.cond(S.round_status == "DILEWATI",
                rx.callout("Tahap ini dinyatakan tidak diperlukan: " + S.skip_reason,
                           color_scheme="gray"), rx.fragment()),
        rx.cond(S.waiting.length() > 0, rx.box(
            rx.text("Menunggu:", weight="bold"), rx.el.ul(rx.foreach(S.waiting, lambda w: rx.el.li(w))),
            id="menunggu", class_name="waiting-box", width="100%"), rx.fragment()),
        rx.grid(rx.foreach(S.documents, _document), columns={"initial": "1", "md": "2"}, spacing="3",
                width="100%"),
        rx.cond(S.form_error != "", rx.text(S.form_error, color_scheme="red", role="alert", id="galat-tahap"),
                rx.fragment()),
        _decision_panel(),
        rx.grid(_chat(), _decisions(), columns={"initial": "1", "md": "2"}, spacing="5", width="100%"),
        spacing="4", width="100%",
    )
    return page(rx.cond(S.error != "", rx.callout(S.error, icon="triangle-alert", color_scheme="red",
                                                  id="galat-muat"), body))
