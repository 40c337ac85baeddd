"""Register of agreements: list for staff, detail, manual entry."""

import reflex as rx

from ..components.display import kv_list
from ..components.forms import select_field, text_field
from ..components.layout import error_summary, field_error, page
from ..config import get_settings
from ..domain.jenis_pemohon import jenis_pemohon_list
from ..domain.reference_files import kabkota_choices, urusan_choices
from ..state.registry import AgreementState as A
from ..state.registry import ManualEntryState as M
from ..state.registry import RegisterListState as R

STATUS_OPTIONS = [("", "Semua status"), ("BERLAKU", "Berlaku"), ("BERAKHIR", "Berakhir"), ("DICABUT", "Dicabut")]
EXPIRING_OPTIONS = [
    ("", "Semua masa berlaku"),
    ("30", "Berakhir ≤ 30 hari"),
    ("90", "Berakhir ≤ 90 hari"),
    ("180", "Berakhir ≤ 180 hari"),
]


def _row(r: rx.Var) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(r.nomor, weight="bold", font_family="monospace", class_name="wrap-anywhere"),
                    rx.spacer(),
                    rx.badge(
                        r.status_label,
                        color_scheme=rx.match(r.status, ("BERLAKU", "green"), ("DICABUT", "red"), "gray"),
                    ),
                    width="100%",
                    wrap="wrap",
                ),
                rx.text(r.judul, class_name="wrap-anywhere"),
                rx.text(
                    r.mitra + " · ttd " + r.tanggal_ttd + " · " + r.berlaku + rx.cond(r.opd != "", " · " + r.opd, ""),
                    size="1",
                    color_scheme="gray",
                ),
                spacing="1",
                width="100%",
            ),
            width="100%",
        ),
        href="/register/" + r.id.to_string(),
        underline="none",
        color="inherit",
        width="100%",
        class_name="baris-register",
    )


def _filter_select(name: str, label: str, options: list[tuple[str, str]], value: rx.Var) -> rx.Component:
    return rx.el.select(
        rx.el.option(label, value=""),
        *[rx.el.option(text, value=val) for val, text in options],
        value=value, on_change=lambda v: R.set_filter(name, v), class_name="native-input", max_width="300px",
        aria_label=label, id=f"saring-{name}",
    )


def _more_filters() -> rx.Component:
    s = get_settings()
    return rx.flex(
        _filter_select("jenis", "Semua jenis mitra",
                       [(j.kode, j.label) for j in jenis_pemohon_list(s.region_name, s.province_name)], R.jenis),
        _filter_select("urusan", "Semua urusan", [(k, f"{k} – {n}") for k, n, _ in urusan_choices()], R.urusan),
        _filter_select("kabkota", "Semua kabupaten/kota", list(kabkota_choices()), R.kabkota),
        rx.el.select(
            rx.el.option("Semua OPD pelaksana", value=""),
            rx.foreach(R.opd_choices, lambda o: rx.el.option(o[1], value=o[0])),
            value=R.opd, on_change=lambda v: R.set_filter("opd", v), class_name="native-input", max_width="300px",
            aria_label="OPD pelaksana", id="saring-opd",
        ),
        gap="2", wrap="wrap", width="100%",
    )


def register_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.cond(
                R.role == "ADMIN",
                rx.flex(
                    rx.link(
                        rx.button(rx.icon("plus"), "Catat kerja sama lama", size="3", variant="soft"),
                        href="/register/baru",
                    ),
                    gap="2",
                    wrap="wrap",
                ),
                rx.fragment(),
            ),
            rx.flex(
                rx.input(
                    placeholder="Cari judul, mitra atau nomor…",
                    value=R.q,
                    on_change=lambda v: R.set_filter("q", v),
                    debounce_timeout=300,
                    size="3",
                    id="cari-register",
                    flex="1",
                    min_width="220px",
                ),
                rx.el.select(
                    *[rx.el.option(t, value=v) for v, t in STATUS_OPTIONS],
                    value=R.status,
                    on_change=lambda v: R.set_filter("status", v),
                    class_name="native-input",
                    max_width="220px",
                    aria_label="Status",
                    id="saring-status",
                ),
                rx.el.select(
                    *[rx.el.option(t, value=v) for v, t in EXPIRING_OPTIONS],
                    value=R.expiring,
                    on_change=lambda v: R.set_filter("expiring", v),
                    class_name="native-input",
                    max_width="240px",
                    aria_label="Masa berlaku",
                    id="saring-berakhir",
                ),
                rx.input(
                    placeholder="Tahun ttd",
                    value=R.year,
                    on_change=lambda v: R.set_filter("year", v),
                    size="3",
                    max_width="140px",
                    input_mode="numeric",
                    debounce_timeout=300,
                    id="saring-tahun",
                ),
                gap="2",
                wrap="wrap",
                width="100%",
            ),
            _more_filters(),
            rx.text(R.total.to_string() + " kerja sama", size="2", color_scheme="gray"),
            rx.vstack(rx.foreach(R.rows, _row), spacing="2", width="100%"),
            rx.hstack(
                rx.button("‹ Sebelumnya", variant="soft", on_click=R.go_page(-1), disabled=R.page <= 1),
                rx.text("Halaman " + R.page.to_string() + " dari " + R.pages.to_string()),
                rx.button("Berikutnya ›", variant="soft", on_click=R.go_page(1), disabled=R.page >= R.pages),
                align="center",
                spacing="3",
            ),
            spacing="3",
            width="100%",
        ),
        title="Register kerja sama",
    )


def agreement_page() -> rx.Component:
    v = A.v
    body = rx.vstack(
        rx.hstack(
            rx.badge(
                v.status_label,
                size="2",
                color_scheme=rx.match(v.status, ("BERLAKU", "green"), ("DICABUT", "red"), "gray"),
                id="status-register",
            ),
            rx.cond(
                (v.status == "BERLAKU") & (v.expires_in_days <= 90),
                rx.badge("Berakhir dalam " + v.expires_in_days.to_string() + " hari", color_scheme="orange"),
                rx.fragment(),
            ),
            wrap="wrap",
        ),
        rx.heading(v.judul, size="5", as_="h1", class_name="wrap-anywhere"),
        rx.cond(
            v.status_note != "", rx.callout("Alasan pencabutan: " + v.status_note, color_scheme="red"), rx.fragment()
        ),
        kv_list(v.fields),
        rx.heading("Dokumen", size="4", as_="h2"),
        rx.cond(v.documents.length() == 0, rx.text("Belum ada dokumen.", color_scheme="gray", size="2"), rx.fragment()),
        rx.foreach(
            v.documents,
            lambda d: rx.link(
                rx.icon("file-text", size=16), d[1], href="/berkas/" + d[0].to_string(), is_external=True
            ),
        ),
        rx.heading("Adendum", size="4", as_="h2"),
        rx.cond(v.addenda.length() == 0, rx.text("Belum ada adendum.", color_scheme="gray", size="2"), rx.fragment()),
        rx.foreach(
            v.addenda,
            lambda a: rx.box(rx.text(a[0], weight="bold", size="2"), rx.text(a[1], size="2"), class_name="pesan"),
        ),
        rx.flex(
            rx.cond(
                v.application_id > 0,
                rx.link(
                    rx.button("Riwayat permohonan", variant="soft", size="3"),
                    href="/pengajuan/" + v.application_id.to_string(),
                ),
                rx.fragment(),
            ),
            rx.link(
                rx.button(rx.icon("clipboard-list"), "Monitoring & evaluasi", size="3", variant="soft"),
                href="/register/" + v.id.to_string() + "/monev",
                id="ke-monev",
            ),
            rx.cond(
                v.may_renew,
                rx.button(rx.icon("refresh-cw"), "Ajukan perpanjangan", size="3", on_click=A.renew, id="perpanjang"),
                rx.fragment(),
            ),
            gap="2",
            wrap="wrap",
        ),
        rx.cond(
            v.may_addendum,
            rx.card(
                rx.vstack(
                    rx.heading("Catat adendum", size="3", as_="h3"),
                    rx.input(
                        type="date",
                        value=A.add_date,
                        on_change=lambda x: A.set_form("add_date", x),
                        size="3",
                        id="adendum-tanggal",
                        aria_label="Tanggal adendum",
                    ),
                    field_error(A.form_errors.get("tanggal", ""), "adendum-tanggal"),
                    rx.text_area(
                        value=A.add_change,
                        on_change=lambda x: A.set_form("add_change", x),
                        rows="3",
                        width="100%",
                        placeholder="Apa yang berubah…",
                        id="adendum-perubahan",
                        debounce_timeout=300,
                    ),
                    field_error(A.form_errors.get("perubahan", ""), "adendum-perubahan"),
                    rx.button("Simpan adendum", size="3", variant="soft", on_click=A.add_addendum, id="simpan-adendum"),
                    spacing="2",
                    width="100%",
                ),
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.cond(
            v.may_revoke,
            rx.card(
                rx.vstack(
                    rx.heading("Cabut kerja sama", size="3", as_="h3"),
                    rx.text_area(
                        value=A.reason,
                        on_change=lambda x: A.set_form("reason", x),
                        rows="2",
                        width="100%",
                        placeholder="Alasan pencabutan…",
                        id="alasan-cabut",
                        debounce_timeout=300,
                    ),
                    field_error(A.form_errors.get("alasan", ""), "alasan-cabut"),
                    rx.alert_dialog.root(
                        rx.alert_dialog.trigger(
                            rx.button("Cabut", color_scheme="red", variant="soft", size="3", id="cabut")
                        ),
                        rx.alert_dialog.content(
                            rx.alert_dialog.title("Cabut kerja sama ini?"),
                            rx.alert_dialog.description("Pencabutan bersifat final; para pihak diberi tahu."),
                            rx.flex(
                                rx.alert_dialog.cancel(rx.button("Batal", variant="soft")),
                                rx.alert_dialog.action(
                                    rx.button("Ya, cabut", color_scheme="red", on_click=A.revoke, id="konfirmasi-cabut")
                                ),
                                gap="3",
                                justify="end",
                                margin_top="1em",
                            ),
                        ),
                    ),
                    spacing="2",
                    width="100%",
                ),
                width="100%",
            ),
            rx.fragment(),
        ),
        spacing="3",
        width="100%",
        max_width="860px",
    )
    return page(
        rx.cond(A.error != "", rx.callout(A.error, icon="triangle-alert", color_scheme="red", id="galat-muat"), body)
    )


def _e(name: str, label: str, hint: str = "", **kw) -> rx.Component:
    return text_field(
        label,
        f"entri-{name}",
        M.entry.get(name, ""),
        lambda v: M.set_entry(name, v),
        M.errors.get(name, ""),
        hint=hint,
        **kw,
    )


def manual_entry_page() -> rx.Component:
    s = get_settings()
    jenis = [(j.kode, j.label) for j in jenis_pemohon_list(s.region_name, s.province_name)]
    return page(
        rx.vstack(
            rx.text(
                "Untuk kerja sama yang ditandatangani sebelum Si KERJA digunakan. Data ini menjadi bagian register, "
                "statistik, pengingat dan monev.",
                color_scheme="gray",
            ),
            error_summary(M.error_list, "entri-"),
            _e("judul", "Judul kerja sama"),
            select_field(
                "Bentuk naskah",
                "entri-bentuk",
                M.entry.get("bentuk", "PKS"),
                lambda v: M.set_entry("bentuk", v),
                [
                    ("PKS", "Perjanjian Kerja Sama"),
                    ("KB", "Kesepakatan Bersama"),
                    ("NOTA_KESEPAKATAN", "Nota Kesepakatan"),
                ],
                M.errors.get("bentuk", ""),
            ),
            _e("mitra_nama", "Nama mitra"),
            select_field(
                "Jenis mitra",
                "entri-mitra_jenis_kode",
                M.entry.get("mitra_jenis_kode", ""),
                lambda v: M.set_entry("mitra_jenis_kode", v),
                jenis,
                M.errors.get("mitra_jenis_kode", ""),
            ),
            select_field(
                "Kabupaten/kota mitra",
                "entri-mitra_kabkota_kode",
                M.entry.get("mitra_kabkota_kode", ""),
                lambda v: M.set_entry("mitra_kabkota_kode", v),
                list(kabkota_choices()),
                M.errors.get("mitra_kabkota_kode", ""),
            ),
            select_field(
                "Urusan",
                "entri-urusan_kode",
                M.entry.get("urusan_kode", ""),
                lambda v: M.set_entry("urusan_kode", v),
                [(k, f"{k} – {n}") for k, n, _ in urusan_choices()],
                M.errors.get("urusan_kode", ""),
            ),
            rx.grid(
                _e("nomor_daerah", "Nomor pihak daerah"),
                _e("nomor_mitra", "Nomor pihak mitra"),
                _e("tanggal_ttd", "Tanggal penandatanganan", type="date"),
                _e("berlaku_mulai", "Berlaku mulai", type="date"),
                _e("berlaku_sampai", "Berlaku sampai", type="date"),
                text_field(
                    "Periode monev (bulan)",
                    "entri-monev_months",
                    M.monev_months,
                    lambda v: M.set_entry("monev_months", v),
                    M.errors.get("monev_months", ""),
                    input_mode="numeric",
                ),
                columns={"initial": "1", "sm": "2"},
                spacing="3",
                width="100%",
            ),
            rx.el.label(
                rx.checkbox(checked=M.confirm_long, on_change=M.set_confirm, id="entri-konfirmasi"),
                "Masa berlaku memang lebih dari 5 tahun",
                class_name="checkbox-row",
            ),
            rx.button("Simpan ke register", size="3", on_click=M.save, id="simpan-entri"),
            spacing="3",
            width="100%",
            max_width="760px",
        ),
        title="Catat kerja sama lama",
    )
