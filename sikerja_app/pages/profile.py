"""Pengaturan: Biodata and Instansi."""

import reflex as rx

from ..components.forms import select_field, text_field
from ..components.layout import error_summary, page
from ..config import get_settings
from ..domain.jenis_pemohon import jenis_pemohon_list
from ..domain.reference_files import kabkota_choices
from ..state.profile import ProfileState as P


def _bio(name: str, label: str, hint: str = "", required: bool = True, **kw) -> rx.Component:
    return text_field(label, f"bio-{name}", P.bio[name], lambda v: P.set_bio(name, v),
                      P.bio_errors.get(name, ""), hint=hint, required=required, **kw)


def _inst(name: str, label: str, hint: str = "", required: bool = True, **kw) -> rx.Component:
    return text_field(label, f"inst-{name}", P.inst[name], lambda v: P.set_inst(name, v),
                      P.inst_errors.get(name, ""), hint=hint, required=required, **kw)


def biodata_form() -> rx.Component:
    kab = list(kabkota_choices())
    return rx.vstack(
        error_summary(P.bio_error_list, "bio-", "ringkasan-galat"),
        rx.grid(
            _bio("nama_lengkap", "Nama lengkap dengan gelar", autocomplete="name"),
            _bio("nama_panggilan", "Nama panggilan", required=False),
            _bio("nik", "NIK", "16 angka sesuai KTP.", input_mode="numeric", max_length=16),
            select_field("Jenis kelamin", "bio-jenis_kelamin", P.bio["jenis_kelamin"],
                         lambda v: P.set_bio("jenis_kelamin", v), [("L", "Laki-laki"), ("P", "Perempuan")],
                         P.bio_errors.get("jenis_kelamin", "")),
            _bio("email", "Email", type="email", autocomplete="email"),
            _bio("telepon", "Telepon pribadi", "Contoh: 0812 3456 7890.", type="tel", autocomplete="tel"),
            select_field("Kabupaten/kota domisili", "bio-kabkota_kode", P.bio["kabkota_kode"],
                         lambda v: P.set_bio("kabkota_kode", v), kab, P.bio_errors.get("kabkota_kode", "")),
            _bio("alamat", "Alamat"),
            _bio("unit_kerja", "Unit kerja"),
            _bio("jabatan", "Jabatan"),
            columns={"initial": "1", "sm": "2"}, spacing="4", width="100%",
        ),
        rx.el.label(rx.checkbox(checked=P.is_asn, on_change=P.set_asn, id="bio-is_asn", size="3"),
                    "Saya Aparatur Sipil Negara (ASN) dan memiliki NIP", class_name="checkbox-row"),
        rx.cond(
            P.is_asn,
            _bio("nomor_pegawai", "NIP", "18 angka tanpa spasi.", input_mode="numeric", max_length=18),
            _bio("nomor_pegawai", "Nomor kepegawaian", "Boleh dikosongkan bila tidak ada.", required=False),
        ),
        rx.hstack(rx.button("Simpan biodata", on_click=P.save_bio, size="3", id="simpan-biodata"),
                  rx.text(P.bio_saved, color_scheme="green"), align="center"),
        spacing="4", width="100%",
    )


def _jenis_options() -> list[tuple[str, str]]:
    s = get_settings()
    return [(j.kode, j.label) for j in jenis_pemohon_list(s.region_name, s.province_name)]


def instansi_form() -> rx.Component:
    return rx.vstack(
        error_summary(P.inst_error_list, "inst-", "ringkasan-galat-instansi"),
        rx.grid(
            _inst("nama", "Nama instansi"),
            select_field("Jenis pemohon", "inst-jenis_kode", P.inst["jenis_kode"],
                         lambda v: P.set_inst("jenis_kode", v), _jenis_options(),
                         P.inst_errors.get("jenis_kode", "")),
            select_field("Kabupaten/kota", "inst-kabkota_kode", P.inst["kabkota_kode"],
                         lambda v: P.set_inst("kabkota_kode", v), list(kabkota_choices()),
                         P.inst_errors.get("kabkota_kode", "")),
            _inst("kode_pos", "Kode pos", input_mode="numeric", max_length=5),
            _inst("alamat", "Alamat instansi"),
            _inst("telepon", "Telepon instansi", type="tel"),
            _inst("email", "Email instansi", type="email"),
            _inst("website", "Website", "Contoh: https://instansi.go.id", required=False, type="url"),
            columns={"initial": "1", "sm": "2"}, spacing="4", width="100%",
        ),
        rx.hstack(rx.button("Simpan data instansi", on_click=P.save_inst, size="3", id="simpan-instansi"),
                  rx.text(P.inst_saved, color_scheme="green"), align="center"),
        spacing="4", width="100%",
    )


def join_form() -> rx.Component:
    return rx.vstack(
        rx.text("Cari instansi Anda bila rekan Anda sudah mendaftarkannya (minimal 3 huruf)."),
        rx.input(placeholder="Nama instansi…", value=P.inst_query, on_change=P.search_inst,
                 debounce_timeout=300, size="3", width="100%", id="cari-instansi"),
        rx.foreach(P.inst_results, lambda r: rx.hstack(
            rx.text(r[1], flex="1"), rx.button("Gabung", on_click=P.join_inst(r[0]), variant="soft"),
            width="100%", align="center", class_name="opt-row")),
        spacing="3", width="100%",
    )


def _instansi_read_only() -> rx.Component:
    """Someone who joined sees the data; only the registrant changes it."""
    return rx.vstack(
        rx.callout("Anda bergabung dengan instansi ini. Datanya hanya dapat diubah oleh pengguna yang "
                   "mendaftarkannya.", icon="info", color_scheme="blue", id="instansi-hanya-baca"),
        rx.el.dl(*[rx.fragment(rx.el.dt(label), rx.el.dd(P.inst[key])) for key, label in (
            ("nama", "Nama instansi"), ("alamat", "Alamat"), ("telepon", "Telepon"), ("email", "Email"),
            ("website", "Website"))], class_name="kv"),
        spacing="3", width="100%",
    )


def _instansi_tab() -> rx.Component:
    pemohon = P.role == "PEMOHON"
    return rx.cond(
        pemohon,
        rx.vstack(
            rx.cond(
                P.has_instansi,
                rx.text("Perubahan data instansi berlaku untuk semua pengguna instansi ini dan "
                        "permohonan berikutnya.", color_scheme="gray"),
                rx.flex(
                    rx.button("Daftarkan instansi baru", size="3", id="mode-baru", on_click=P.set_inst_mode("baru"),
                              variant=rx.cond(P.inst_mode == "baru", "solid", "outline")),
                    rx.button("Gabung instansi yang sudah terdaftar", size="3", id="mode-gabung",
                              on_click=P.set_inst_mode("gabung"),
                              variant=rx.cond(P.inst_mode == "gabung", "solid", "outline")),
                    gap="2", wrap="wrap",
                ),
            ),
            rx.cond(
                (P.inst_mode == "gabung") & ~P.has_instansi,
                join_form(),
                rx.cond(P.can_edit_instansi, instansi_form(), _instansi_read_only()),
            ),
            spacing="4", width="100%",
        ),
        rx.text("Data instansi hanya diisi oleh pemohon."),
    )


def profile_page() -> rx.Component:
    return page(
        rx.tabs.root(
            rx.tabs.list(rx.tabs.trigger("Biodata", value="biodata", id="tab-biodata"),
                         rx.tabs.trigger("Instansi", value="instansi", id="tab-instansi"), size="2"),
            rx.tabs.content(rx.box(biodata_form(), padding_y="1em"), value="biodata"),
            rx.tabs.content(rx.box(_instansi_tab(), padding_y="1em"), value="instansi"),
            value=P.tab, on_change=P.set_tab,
        ),
        title="Pengaturan",
    )
