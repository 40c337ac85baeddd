"""Monev pages: /register/[rid]/monev (periods, the report form, the admin's evaluation, results)
and /admin/monev (reports past due)."""

import reflex as rx

from .. import routes
from ..components.files import file_picker
from ..components.layout import field_error, page
from ..domain import monev as rules
from ..state.monev import MonevState as S
from ..state.monev import OverdueState as O

STATE_COLORS = (("BELUM_DIBUKA", "gray"), ("TERBUKA", "blue"), ("TERLAMBAT", "red"), ("DILAPORKAN", "amber"),
                ("DINILAI", "green"))
REC_COLORS = (("LANJUTKAN", "green"), ("PERLUAS", "blue"), ("HENTIKAN", "red"))


def _side_cell(p: rx.Var, c: rx.Var) -> rx.Component:
    return rx.flex(
        rx.text(c.label, weight="medium", size="2", min_width="130px"),
        rx.badge(c.state_label, color_scheme=rx.match(c.state, *STATE_COLORS, "gray"), size="2"),
        rx.cond(c.can_file, rx.button(rx.icon("file-pen-line"), "Isi laporan", size="2",
                                      id="lapor-" + p.period_no.to_string(), on_click=S.start_report(p.period_no)),
                rx.fragment()),
        rx.cond(c.report_id > 0, rx.link("Lihat laporan", href="#laporan-" + c.report_id.to_string(), size="2"),
                rx.fragment()),
        gap="2", align="center", wrap="wrap", width="100%",
        id="periode-" + p.period_no.to_string() + "-" + c.side,
    )


def _period(p: rx.Var) -> rx.Component:
    return rx.card(rx.vstack(
        rx.hstack(rx.heading("Periode " + p.period_no.to_string(), size="3", as_="h3"),
                  rx.text(p.start + " – " + p.end, size="2", color_scheme="gray"), wrap="wrap", align="baseline"),
        rx.text("Jatuh tempo " + p.due, size="1", color_scheme="gray"),
        rx.foreach(p.sides, lambda c: _side_cell(p, c)),
        spacing="2", width="100%"), width="100%", class_name="periode-monev")


def _textarea(label: str, key: str, value: rx.Var, on_change) -> rx.Component:  # noqa: ANN001
    error = S.form_errors.get(key, "")
    return rx.vstack(
        rx.el.label(label, rx.text.span(" *", color_scheme="red"), html_for="laporan-" + key, class_name="label"),
        rx.text_area(id="laporan-" + key, value=value, on_change=on_change, rows="4", width="100%", size="3",
                     debounce_timeout=400, aria_invalid=rx.cond(error != "", "true", "false")),
        field_error(error, "laporan-" + key),
        spacing="1", width="100%", class_name=rx.cond(error != "", "field-invalid", ""),
    )


def _report_form() -> rx.Component:
    return rx.cond(S.form_period > 0, rx.card(rx.vstack(
        rx.heading("Laporan periode " + S.form_period.to_string() + " – " + S.my_side_label, size="4", as_="h2"),
        rx.text("Laporan yang sudah dikirim tidak dapat diubah. Admin Bagian Kerja Sama akan menilainya.",
                size="2", color_scheme="gray"),
        _textarea("Kemajuan pelaksanaan", "progress", S.progress, S.set_progress),
        _textarea("Keluaran (output) yang dicapai", "outputs", S.outputs, S.set_outputs),
        _textarea("Permasalahan yang dihadapi (tulis \u201cTidak ada\u201d bila tidak ada)", "problems", S.problems,
                  S.set_problems),
        _textarea("Rencana tindak lanjut", "follow_up", S.follow_up, S.set_follow_up),
        rx.el.fieldset(
            rx.el.legend("Berkas bukti dukung", rx.text.span(" *", color_scheme="red"), class_name="label"),
            rx.text("Foto kegiatan, daftar hadir, laporan kegiatan, dsb. PDF, DOCX, ODT, XLSX, JPG atau PNG; "
                    "paling besar 20 MB per berkas.", size="1", color_scheme="gray"),
            rx.vstack(rx.foreach(S.evidence, lambda e: rx.hstack(
                rx.icon("paperclip", size=16), rx.text(e.name, size="2", class_name="wrap-anywhere"),
                rx.text(e.size, size="1", color_scheme="gray"),
                rx.button("Hapus", size="1", variant="ghost", color_scheme="red",
                          on_click=S.remove_evidence(e.file_id), aria_label="Hapus " + e.name),
                align="center", class_name="bukti-terpilih")), spacing="1", width="100%", id="daftar-bukti"),
            file_picker("berkas-BUKTI", "Pilih berkas bukti"),
            rx.el.progress(id="progres-BUKTI", max=100, value=0, hidden=True, width="100%"),
            rx.button(rx.icon("upload"), "Unggah bukti", size="3", variant="soft", id="unggah-bukti",
                      on_click=rx.call_script("sikerjaUpload('berkas-BUKTI', 'progres-BUKTI', 'BUKTI')",
                                              callback=S.upload_done)),
            field_error(S.form_errors.get("evidence", ""), "bukti"),
            border="none", padding="0", margin="0", width="100%", id="bukti",
        ),
        rx.cond(S.form_errors.get("umum", "") != "",
                rx.callout(S.form_errors.get("umum", ""), icon="triangle-alert", color_scheme="red",
                           id="galat-laporan", role="alert"), rx.fragment()),
        rx.flex(
            rx.button(rx.icon("send"), "Kirim laporan", size="3", id="kirim-laporan", on_click=S.submit_report),
            rx.button("Batal", size="3", variant="soft", color_scheme="gray", on_click=S.cancel_report),
            gap="3", wrap="wrap"),
        spacing="3", width="100%"), width="100%", id="form-laporan"), rx.fragment())


def _radio_row(name: str, options: tuple[tuple[int, str], ...] | list[tuple[str, str]], current: rx.Var,
               handler) -> rx.Component:  # noqa: ANN001
    return rx.flex(*[
        rx.el.label(
            rx.el.input(type="radio", name=name, value=str(value), checked=current == str(value),
                        on_change=handler(str(value)), id=f"{name}-{value}"),
            rx.text(f"{value} {text}" if isinstance(value, int) else text, size="2"),
            class_name="opt-row", html_for=f"{name}-{value}")
        for value, text in options], gap="1", wrap="wrap", role="radiogroup")


def _criterion(key: str, label: str) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(label, class_name="label"),
        _radio_row(f"nilai-{key}", rules.SCALE, S.scores.get(key, ""), lambda v, k=key: S.set_score(k, v)),
        field_error(S.eval_errors.get(key, ""), f"nilai-{key}"),
        border="none", padding="0", margin="0", width="100%", id=f"kriteria-{key}",
    )


def _evaluation_form() -> rx.Component:
    return rx.cond(S.eval_report_id > 0, rx.card(rx.vstack(
        rx.heading(S.eval_title, size="4", as_="h2"),
        rx.text("Skala setiap kriteria: 1 Kurang, 2 Cukup, 3 Baik, 4 Sangat baik. Semua isian wajib.", size="2",
                color_scheme="gray"),
        *[_criterion(key, label) for key, label in rules.CRITERIA],
        rx.divider(),
        rx.el.fieldset(
            rx.el.legend("Nilai keseluruhan (1–5)", class_name="label"),
            _radio_row("nilai-keseluruhan", rules.OVERALL, S.overall, S.set_overall),
            field_error(S.eval_errors.get("overall", ""), "nilai-keseluruhan"),
            border="none", padding="0", margin="0", width="100%"),
        rx.el.fieldset(
            rx.el.legend("Rekomendasi", class_name="label"),
            _radio_row("rekomendasi", [(r.value, lbl) for r, lbl in rules.RECOMMENDATION_LABELS.items()],
                       S.recommendation, S.set_recommendation),
            field_error(S.eval_errors.get("recommendation", ""), "rekomendasi"),
            border="none", padding="0", margin="0", width="100%"),
        rx.el.label("Catatan evaluasi", rx.text.span(" *", color_scheme="red"), html_for="catatan-evaluasi",
                    class_name="label"),
        rx.text_area(id="catatan-evaluasi", value=S.eval_note, on_change=S.set_eval_note, rows="4", width="100%",
                     size="3", debounce_timeout=300),
        field_error(S.eval_errors.get("note", ""), "catatan-evaluasi"),
        rx.cond(S.eval_errors.length() > 0,
                rx.callout("Lengkapi penilaian: setiap kriteria, nilai keseluruhan, rekomendasi dan catatan.",
                           icon="triangle-alert", color_scheme="red", id="galat-penilaian", role="alert"),
                rx.fragment()),
        rx.flex(
            rx.button(rx.icon("check"), "Simpan penilaian", size="3", color_scheme="green", id="simpan-penilaian",
                      on_click=S.submit_evaluation),
            rx.button("Batal", size="3", variant="soft", color_scheme="gray", on_click=S.cancel_evaluation),
            gap="3", wrap="wrap"),
        spacing="3", width="100%"), width="100%", id="form-penilaian"), rx.fragment())


def _result(r: rx.Var) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text("Hasil evaluasi:", weight="bold"),
            rx.badge("Nilai " + r.overall.to_string() + " – " + r.overall_label, size="2", color_scheme="teal"),
            rx.badge("Rekomendasi: " + r.recommendation_label, size="2",
                     color_scheme=rx.match(r.recommendation, *REC_COLORS, "gray")),
            wrap="wrap", align="center"),
        rx.text(r.eval_note, white_space="pre-wrap", class_name="wrap-anywhere", size="2"),
        rx.text(r.eval_who + " · " + r.eval_when, size="1", color_scheme="gray"),
        rx.el.details(
            rx.el.summary("Nilai per kriteria"),
            rx.el.dl(rx.foreach(r.scores, lambda sc: rx.fragment(
                rx.el.dt(sc.label), rx.el.dd(sc.value.to_string() + " – " + sc.value_label))), class_name="kv"),
        ),
        id="hasil-" + r.id.to_string(), class_name="hasil-evaluasi", width="100%", padding="12px 16px",
        border_radius="10px", background="var(--teal-2)", border="1px solid var(--teal-6)",
    )


def _report(r: rx.Var) -> rx.Component:
    def part(title: str, text: rx.Var) -> rx.Component:
        return rx.vstack(rx.text(title, weight="bold", size="2"),
                         rx.text(text, white_space="pre-wrap", class_name="wrap-anywhere", size="2"), spacing="0",
                         width="100%")

    return rx.card(rx.vstack(
        rx.hstack(rx.heading(r.side_label, size="3", as_="h3"), rx.spacer(),
                  rx.cond(r.evaluated, rx.badge("Sudah dinilai", color_scheme="green"),
                          rx.badge("Menunggu penilaian", color_scheme="amber")), width="100%", wrap="wrap"),
        rx.text(r.period, size="2"),
        rx.text("Dilaporkan oleh " + r.who + " · " + r.when, size="1", color_scheme="gray"),
        part("Kemajuan pelaksanaan", r.progress),
        part("Keluaran (output)", r.outputs),
        part("Permasalahan", r.problems),
        part("Rencana tindak lanjut", r.follow_up),
        rx.text("Bukti dukung", weight="bold", size="2"),
        rx.vstack(rx.foreach(r.evidence, lambda e: rx.hstack(
            rx.icon("paperclip", size=14, flex_shrink="0"),
            rx.link(e.name, href="/berkas/" + e.file_id.to_string(), is_external=True,
                    class_name="wrap-anywhere bukti-unduh"),
            rx.text("(" + e.size + ")", size="1", color_scheme="gray"), align="center", spacing="1")),
            spacing="1"),
        rx.cond(r.evaluated, _result(r), rx.fragment()),
        rx.cond(r.can_evaluate, rx.button(rx.icon("clipboard-check"), "Nilai laporan ini", size="3",
                                          id="nilai-laporan-" + r.id.to_string(),
                                          on_click=S.start_evaluation(r.id)), rx.fragment()),
        spacing="2", width="100%"), width="100%", id="laporan-" + r.id.to_string(),
        class_name="laporan-monev laporan-" + r.side + "-" + r.period_no.to_string())


def monev_page() -> rx.Component:
    body = rx.vstack(
        rx.cond(S.is_staff,
                rx.link("‹ Kembali ke register", href=routes.REGISTER + "/" + S.agreement_id.to_string()),
                rx.link("‹ Kembali ke Pengajuan", href=routes.PENGAJUAN)),
        rx.text("Monitoring dan evaluasi", size="2", color_scheme="gray"),
        rx.heading(S.judul, size="5", as_="h1", class_name="wrap-anywhere", id="judul-kerja-sama"),
        rx.el.dl(
            rx.el.dt("Mitra"), rx.el.dd(S.mitra),
            rx.el.dt("Nomor"), rx.el.dd(rx.cond(S.nomor != "", S.nomor, "–")),
            rx.el.dt("OPD pelaksana"), rx.el.dd(S.opd),
            rx.el.dt("Masa berlaku"), rx.el.dd(S.berlaku),
            rx.el.dt("Status"), rx.el.dd(S.status_label),
            rx.el.dt("Laporan"), rx.el.dd("setiap " + S.months.to_string() + " bulan"),
            class_name="kv",
        ),
        rx.cond(S.my_side != "", rx.text("Anda melapor sebagai: ", rx.text.strong(S.my_side_label), size="2"),
                rx.fragment()),
        rx.cond(S.note != "", rx.callout(S.note, icon="info", color_scheme="gray", id="catatan-monev"),
                rx.fragment()),
        rx.heading("Periode laporan", size="4", as_="h2"),
        rx.cond(S.periods.length() == 0, rx.text("Tidak ada periode laporan.", color_scheme="gray"),
                rx.fragment()),
        rx.grid(rx.foreach(S.periods, _period), columns={"initial": "1", "md": "2"}, spacing="3", width="100%",
                id="periode"),
        rx.cond(S.later.length() > 0, rx.el.details(
            rx.el.summary("Periode berikutnya (" + S.later.length().to_string() + ")", class_name="label"),
            rx.grid(rx.foreach(S.later, _period), columns={"initial": "1", "md": "2"}, spacing="3", width="100%",
                    margin_top="8px"),
            width="100%", id="periode-berikutnya"), rx.fragment()),
        _report_form(),
        rx.heading("Laporan dan hasil evaluasi", size="4", as_="h2"),
        rx.cond(S.reports.length() == 0, rx.text("Belum ada laporan.", color_scheme="gray"), rx.fragment()),
        rx.vstack(rx.foreach(S.reports, _report), spacing="3", width="100%", id="laporan"),
        _evaluation_form(),
        spacing="4", width="100%",
    )
    return page(rx.cond(S.error != "", rx.callout(S.error, icon="triangle-alert", color_scheme="red",
                                                  id="galat-muat"), body))


def overdue_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.text("Laporan monev yang melewati tanggal jatuh tempo, per kerja sama dan pihak pelapor.", size="2",
                    color_scheme="gray"),
            rx.cond(O.rows.length() == 0, rx.text("Tidak ada laporan yang terlambat.", color_scheme="gray",
                                                  id="tidak-ada-terlambat"), rx.fragment()),
            rx.foreach(O.rows, lambda r: rx.link(rx.card(rx.vstack(
                rx.hstack(rx.text(r.judul, weight="bold", class_name="wrap-anywhere"), rx.spacer(),
                          rx.badge(r.days_late.to_string() + " hari terlambat", color_scheme="red"), width="100%",
                          wrap="wrap"),
                rx.text(r.mitra, size="2"),
                rx.text(r.side_label + " · periode " + r.periods + " · jatuh tempo " + r.oldest_due, size="2"),
                rx.text("Pelapor: " + r.people, size="1", color_scheme="gray"),
                spacing="1", width="100%"), width="100%"),
                href=routes.REGISTER + "/" + r.agreement_id.to_string() + "/monev", underline="none",
                color="inherit", width="100%", class_name="monev-terlambat")),
            spacing="3", width="100%", id="daftar-terlambat",
        ),
        title="Laporan monev terlambat",
    )


def agreement_list(rows: rx.Var, role: rx.Var) -> rx.Component:
    """"Kerja sama saya" (applicant) / "Kerja sama OPD saya" (OPD pelaksana) on /pengajuan, each one tap
    from its monev page."""
    return rx.vstack(
        rx.heading(rx.cond(role == "OPD", "Kerja sama OPD saya", "Kerja sama saya"), size="4", as_="h2"),
        rx.cond(rows.length() == 0,
                rx.text(rx.cond(role == "OPD", "Belum ada kerja sama yang melibatkan OPD Anda.",
                                "Belum ada kerja sama yang ditandatangani."), color_scheme="gray", size="2"),
                rx.fragment()),
        rx.foreach(rows, lambda a: rx.link(rx.card(rx.vstack(
            rx.hstack(rx.text(a["judul"], weight="bold", class_name="wrap-anywhere"), rx.spacer(),
                      rx.badge(a["status_label"], color_scheme=rx.cond(a["status"] == "BERLAKU", "green", "gray")),
                      width="100%", wrap="wrap"),
            rx.text(a["mitra"] + " · berlaku " + a["berlaku"], size="2", color_scheme="gray"),
            rx.cond(a["todo"] != "", rx.text(a["todo"], size="2", weight="medium",
                                             color_scheme=rx.cond(a["late"] != "", "red", "amber")), rx.fragment()),
            rx.text("Buka monev ›", size="2", color_scheme="teal"),
            spacing="1", width="100%"), width="100%"), href=a["href"], underline="none", color="inherit",
            width="100%", class_name="kerja-sama-saya")),
        spacing="2", width="100%", id="kerja-sama-saya",
    )
