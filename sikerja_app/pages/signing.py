"""Penjadwalan dan penandatanganan: one page per application."""

import reflex as rx

from .. import routes
from ..components.display import status_badge
from ..components.files import file_picker
from ..components.layout import field_error, page
from ..state.signing import SigningState as S


def _err(name: str) -> rx.Var:
    return S.errors.get(name, "")


def _input(label: str, name: str, value: rx.Var, on_change, kind: str = "text", **kw) -> rx.Component:  # noqa: ANN001
    return rx.vstack(
        rx.el.label(label, html_for=f"ttd-{name}", class_name="label"),
        rx.input(
            id=f"ttd-{name}",
            type=kind,
            value=value,
            on_change=on_change,
            size="3",
            width="100%",
            debounce_timeout=300,
            **kw,
        ),
        field_error(_err(name), f"ttd-{name}"),
        spacing="1",
        width="100%",
        class_name=rx.cond(_err(name) != "", "field-invalid", ""),
    )


def _proposal(p: rx.Var) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.badge(rx.cond(p.side == "PEMOHON", "Usulan pemohon", "Usulan protokol")),
            rx.badge(
                p.status_label, color_scheme=rx.match(p.status, ("DITERIMA", "green"), ("TERBUKA", "blue"), "gray")
            ),
            wrap="wrap",
        ),
        rx.text(p.when + " · " + p.place, weight="bold"),
        rx.text(
            "Oleh " + p.who + rx.cond(p.answered != "", " · dijawab " + p.answered, ""), size="1", color_scheme="gray"
        ),
        rx.cond(p.note != "", rx.text(p.note, size="2", white_space="pre-wrap"), rx.fragment()),
        class_name="pesan",
    )


def _schedule_form() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(
                rx.cond(S.v.is_protokol, "Usulkan jadwal lain", "Usulkan jadwal tatap muka"), size="3", as_="h3"
            ),
            rx.grid(
                _input("Tanggal", "tanggal", S.day, lambda v: S.set_field("day", v), kind="date"),
                _input("Jam (WITA)", "jam", S.at, lambda v: S.set_field("at", v), kind="time"),
                columns="2",
                spacing="3",
                width="100%",
            ),
            _input("Tempat", "tempat", S.place, lambda v: S.set_field("place", v), placeholder="Ruang Rapat Wali Kota"),
            _input("Catatan (opsional)", "catatan", S.note, lambda v: S.set_field("note", v)),
            rx.button(rx.icon("send"), "Kirim usulan", size="3", on_click=S.propose, id="kirim-usulan"),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _schedule() -> rx.Component:
    v = S.v
    return rx.vstack(
        rx.heading("Penjadwalan", size="5", as_="h2"),
        rx.cond(
            v.method_label != "",
            rx.text("Cara penandatanganan: ", rx.text.strong(v.method_label), id="cara-ttd"),
            rx.fragment(),
        ),
        rx.cond(
            v.switched,
            rx.callout(
                "Protokol mengalihkan penandatanganan ke meja ke meja. Usulan jadwal tidak dapat dijawab lagi.",
                icon="info",
                color_scheme="orange",
                id="dialihkan",
            ),
            rx.fragment(),
        ),
        rx.cond(
            v.agreed_when != "",
            rx.card(
                rx.vstack(
                    rx.text("Jadwal disepakati", weight="bold"),
                    rx.text(v.agreed_when + " · " + v.agreed_place),
                    rx.link(
                        rx.button(rx.icon("calendar-plus"), "Simpan ke kalender (.ics)", variant="soft", size="3"),
                        href="/jadwal/" + S.app_id.to_string() + ".ics",
                        is_external=True,
                        id="unduh-ics",
                    ),
                    spacing="2",
                ),
                width="100%",
                id="jadwal-disepakati",
            ),
            rx.fragment(),
        ),
        rx.cond(
            v.may_choose,
            rx.card(
                rx.vstack(
                    rx.text("Pilih cara penandatanganan:", weight="bold"),
                    rx.flex(
                        rx.button(
                            "Meja ke meja", size="3", variant="outline", on_click=S.choose("MEJA"), id="pilih-meja"
                        ),
                        rx.button("Tatap muka", size="3", on_click=S.choose("TATAP_MUKA"), id="pilih-tatap-muka"),
                        gap="2",
                        wrap="wrap",
                    ),
                    rx.text(
                        "Meja ke meja: naskah diedarkan untuk ditandatangani masing-masing pihak. Tatap muka: "
                        "diusulkan jadwalnya kepada protokol.",
                        size="2",
                        color_scheme="gray",
                    ),
                    spacing="2",
                ),
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.cond(
            v.may_answer,
            rx.card(
                rx.vstack(
                    rx.text(
                        rx.cond(
                            v.is_protokol,
                            "Usulan pemohon menunggu jawaban Anda.",
                            "Protokol mengusulkan jadwal lain. Terima, atau usulkan jadwal Anda.",
                        ),
                        weight="bold",
                    ),
                    rx.flex(
                        rx.button(
                            rx.icon("check"),
                            "Terima jadwal",
                            color_scheme="green",
                            size="3",
                            on_click=S.accept,
                            id="terima-jadwal",
                        ),
                        rx.cond(
                            v.is_protokol,
                            rx.button(
                                "Tolak & alihkan ke meja ke meja",
                                color_scheme="red",
                                variant="soft",
                                size="3",
                                on_click=S.switch_to_desk,
                                id="alihkan-meja",
                            ),
                            rx.fragment(),
                        ),
                        gap="2",
                        wrap="wrap",
                    ),
                    rx.cond(
                        v.is_protokol,
                        rx.text(
                            "Untuk mengalihkan, tulis alasannya di kolom catatan di bawah.",
                            size="1",
                            color_scheme="gray",
                        ),
                        rx.fragment(),
                    ),
                    spacing="2",
                ),
                width="100%",
                id="jawab-usulan",
            ),
            rx.fragment(),
        ),
        rx.cond(v.may_propose | (v.may_answer & v.is_protokol), _schedule_form(), rx.fragment()),
        rx.cond(
            S.proposals.length() > 0,
            rx.vstack(
                rx.heading("Riwayat usulan", size="3", as_="h3"),
                rx.foreach(S.proposals, _proposal),
                spacing="2",
                width="100%",
                id="riwayat-usulan",
            ),
            rx.fragment(),
        ),
        spacing="3",
        width="100%",
    )


def _copy(c: rx.Var) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.link(c.name, href="/berkas/" + c.file_id.to_string(), is_external=True),
            rx.badge(
                rx.match(c.status, ("VALID", "Valid"), ("DIKEMBALIKAN", "Dikembalikan"), "Diperiksa"),
                color_scheme=rx.match(c.status, ("VALID", "green"), ("DIKEMBALIKAN", "orange"), "blue"),
            ),
            wrap="wrap",
        ),
        rx.text(c.when, size="1", color_scheme="gray"),
        rx.cond(c.reason != "", rx.text("Alasan: " + c.reason, size="2"), rx.fragment()),
        class_name="pesan",
    )


def _check(name: str, label: str, value: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.checkbox(checked=value, on_change=lambda v: S.set_check(name, v), id=f"cek-{name}"),
        rx.text(label),
        class_name="checkbox-row",
    )


def _signing() -> rx.Component:
    v = S.v
    return rx.vstack(
        rx.heading("Penandatanganan", size="5", as_="h2"),
        rx.vstack(rx.foreach(S.copies, _copy), spacing="2", width="100%", id="naskah-ttd"),
        rx.cond(
            v.may_upload_copy,
            rx.card(
                rx.vstack(
                    rx.text("Unggah naskah yang sudah ditandatangani pihak Anda", weight="bold"),
                    _check("paraf", "Paraf di setiap halaman sudah lengkap", S.paraf),
                    _check("meterai", "Meterai sudah ditempel dan ditandatangani", S.meterai),
                    _check("stempel", "Stempel instansi sudah dibubuhkan", S.stempel),
                    field_error(_err("deklarasi"), "deklarasi"),
                    file_picker("berkas-NASKAH", "Naskah bertanda tangan"),
                    rx.el.progress(id="progres-NASKAH", max=100, value=0, hidden=True),
                    rx.button(
                        rx.icon("upload"),
                        "Kirim naskah",
                        size="3",
                        id="kirim-naskah",
                        on_click=rx.call_script(
                            "sikerjaUpload('berkas-NASKAH', 'progres-NASKAH', 'NASKAH')", callback=S.upload_done
                        ),
                    ),
                    field_error(_err("berkas"), "berkas"),
                    spacing="2",
                    width="100%",
                ),
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.cond(
            v.pending_copy_id > 0,
            rx.card(
                rx.vstack(
                    rx.text("Periksa naskah bertanda tangan dari pemohon", weight="bold"),
                    _input(
                        "Alasan bila dikembalikan", "alasan", S.review_reason, lambda x: S.set_field("review_reason", x)
                    ),
                    rx.flex(
                        rx.button("Valid", color_scheme="green", size="3", on_click=S.review(True), id="naskah-valid"),
                        rx.button(
                            "Kembalikan",
                            color_scheme="orange",
                            variant="soft",
                            size="3",
                            on_click=S.review(False),
                            id="naskah-kembalikan",
                        ),
                        gap="2",
                    ),
                    spacing="2",
                    width="100%",
                ),
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.cond(v.may_record, _record_form(), rx.fragment()),
        rx.cond(
            v.agreement_id > 0,
            rx.link(
                rx.button(rx.icon("book-open"), "Lihat di register kerja sama", size="3"),
                href="/register/" + v.agreement_id.to_string(),
                id="ke-register",
            ),
            rx.fragment(),
        ),
        spacing="3",
        width="100%",
    )


def _record_form() -> rx.Component:
    r = S.record
    return rx.card(
        rx.vstack(
            rx.heading("Catat penandatanganan", size="3", as_="h3"),
            rx.el.label("Bentuk naskah", html_for="ttd-bentuk", class_name="label"),
            rx.el.select(
                rx.el.option("Perjanjian Kerja Sama", value="PKS"),
                rx.el.option("Kesepakatan Bersama", value="KB"),
                rx.el.option("Nota Kesepakatan", value="NOTA_KESEPAKATAN"),
                id="ttd-bentuk",
                value=r.get("bentuk", "PKS"),
                on_change=lambda x: S.set_record("bentuk", x),
                class_name="native-input",
            ),
            rx.grid(
                _input(
                    "Nomor pihak daerah",
                    "nomor_daerah",
                    r.get("nomor_daerah", ""),
                    lambda x: S.set_record("nomor_daerah", x),
                ),
                _input(
                    "Nomor pihak mitra",
                    "nomor_mitra",
                    r.get("nomor_mitra", ""),
                    lambda x: S.set_record("nomor_mitra", x),
                ),
                _input(
                    "Tanggal penandatanganan",
                    "tanggal_ttd",
                    r.get("tanggal_ttd", ""),
                    lambda x: S.set_record("tanggal_ttd", x),
                    kind="date",
                ),
                _input(
                    "Berlaku mulai",
                    "berlaku_mulai",
                    r.get("berlaku_mulai", ""),
                    lambda x: S.set_record("berlaku_mulai", x),
                    kind="date",
                ),
                _input(
                    "Berlaku sampai",
                    "berlaku_sampai",
                    r.get("berlaku_sampai", ""),
                    lambda x: S.set_record("berlaku_sampai", x),
                    kind="date",
                ),
                columns={"initial": "1", "sm": "2"},
                spacing="3",
                width="100%",
            ),
            _check("confirm_long", "Saya sudah memeriksa: masa berlaku memang lebih dari 5 tahun", S.confirm_long),
            rx.el.label("OPD pelaksana", html_for="ttd-opd_id", class_name="label"),
            rx.el.select(
                rx.el.option("– Pilih OPD –", value=""),
                rx.foreach(S.opd_choices, lambda o: rx.el.option(o[1], value=o[0].to_string())),
                id="ttd-opd_id",
                value=r.get("opd_id", ""),
                on_change=lambda x: S.set_record("opd_id", x),
                class_name="native-input",
            ),
            field_error(_err("opd_id"), "ttd-opd_id"),
            rx.text("Pindaian naskah yang sudah ditandatangani semua pihak:", weight="bold", size="2"),
            rx.foreach(S.scans, lambda f: rx.text("📎 " + f[1], size="2")),
            file_picker("berkas-PINDAIAN", "Pindaian naskah bertanda tangan"),
            rx.el.progress(id="progres-PINDAIAN", max=100, value=0, hidden=True),
            rx.button(
                rx.icon("upload"),
                "Unggah pindaian",
                variant="soft",
                size="3",
                id="unggah-pindaian",
                on_click=rx.call_script(
                    "sikerjaUpload('berkas-PINDAIAN', 'progres-PINDAIAN', 'PINDAIAN')", callback=S.upload_done
                ),
            ),
            field_error(_err("berkas"), "berkas"),
            rx.button(
                rx.icon("book-check"),
                "Simpan ke register",
                size="3",
                color_scheme="green",
                on_click=S.save_record,
                id="simpan-register",
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        id="form-catat-ttd",
    )


def signing_page() -> rx.Component:
    body = rx.vstack(
        rx.link("‹ Kembali ke permohonan", href=routes.PENGAJUAN + "/" + S.app_id.to_string()),
        rx.hstack(
            rx.text(S.v.code, weight="bold", font_family="monospace"),
            rx.spacer(),
            status_badge(S.v.status, S.v.status_label),
            width="100%",
        ),
        rx.heading(S.v.judul, size="5", as_="h1", class_name="wrap-anywhere"),
        rx.cond(
            S.errors.get("umum", "") != "",
            rx.text(S.errors.get("umum", ""), color_scheme="red", role="alert", id="galat-umum"),
            rx.fragment(),
        ),
        _schedule(),
        rx.cond(S.v.status != "PENJADWALAN", _signing(), rx.fragment()),
        spacing="4",
        width="100%",
        max_width="860px",
    )
    return page(
        rx.cond(S.error != "", rx.callout(S.error, icon="triangle-alert", color_scheme="red", id="galat-muat"), body)
    )
