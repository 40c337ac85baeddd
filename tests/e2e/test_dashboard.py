"""The staff dashboard and the printable summary of one application, in a real browser."""

import re

from playwright.sync_api import Browser, expect

from sikerja_app.domain.application_form import NARRATIVE_FIELDS
from tests.e2e.conftest import (
    NEW_APPLICATION_IN_PENAWARAN,
    Server,
    Shots,
    login,
    new_context,
    run_in_server_db,
    wait_hydrated,
)


def test_admin_dashboard_on_desktop_and_phone(server: Server, browser: Browser) -> None:
    shots = Shots("dasbor")
    base = server.url
    run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", "Dasbor"))
    for kind in ("desktop", "phone"):
        ctx = new_context(browser, kind)
        page = ctx.new_page()
        login(page, base, "admin@sikerja.test")
        page.goto(f"{base}/dasbor")
        wait_hydrated(page)
        expect(page.locator("#dasbor-jumlah .kartu-tahap")).to_have_count(12)
        expect(page.locator("#dasbor-total")).not_to_have_text("0")
        penawaran = page.locator('#dasbor-jumlah .kartu-tahap[data-status="PENAWARAN"] .angka-tahap')
        assert int(penawaran.inner_text()) >= 1
        expect(page.locator("#dasbor-tren")).to_contain_text("Januari")
        expect(page.locator("#dasbor-berakhir")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"] + 1, f"{kind}: page scrolls sideways ({width}px)"
        shots(page, f"dasbor-admin-{kind}")
        if kind == "desktop":  # reachable from the user menu
            page.click("#menu-pengguna")
            expect(page.get_by_role("menuitem", name="Dasbor")).to_be_visible()
            page.keyboard.press("Escape")
        ctx.close()


def test_applicant_is_sent_away_from_the_dashboard(server: Server, browser: Browser) -> None:
    ctx = new_context(browser, "phone")
    page = ctx.new_page()
    login(page, server.url, "pemohon1@sikerja.test")
    page.goto(f"{server.url}/dasbor")
    page.wait_for_url(re.compile(r".*/pengajuan/?$"))
    expect(page.locator("#dasbor")).to_have_count(0)
    ctx.close()


def test_print_summary_and_outsider(server: Server, browser: Browser) -> None:
    shots = Shots("cetak-ringkasan")
    base = server.url
    aid = int(run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", "Cetak")).splitlines()[-1])
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    login(page, base, "admin@sikerja.test")
    page.goto(f"{base}/pengajuan/{aid}")
    wait_hydrated(page)
    page.click("#cetak-ringkasan")
    page.wait_for_url(re.compile(rf".*/pengajuan/{aid}/cetak/?$"))
    wait_hydrated(page)
    expect(page.locator("#ringkasan-cetak")).to_contain_text("Kerja Sama Pusat Data Kota Cetak")
    narasi = page.locator("#cetak-narasi")
    for f in NARRATIVE_FIELDS:
        expect(narasi).to_contain_text(f.label)
    expect(page.locator("#cetak-riwayat")).to_contain_text("Diajukan")
    expect(page.locator("#cetak-riwayat")).to_contain_text("Diverifikasi")
    expect(page.locator("#cetak-pembahasan")).to_contain_text("Penawaran")
    expect(page.locator("#cetak-instansi")).to_be_visible()
    expect(page.locator("#tombol-cetak")).to_be_visible()
    shots(page, "ringkasan-layar")
    page.emulate_media(media="print")
    expect(page.locator("#tombol-cetak")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    shots(page, "ringkasan-cetak")
    page.emulate_media(media="screen")
    ctx.close()

    phone = new_context(browser, "phone")
    pg = phone.new_page()
    login(pg, base, "admin@sikerja.test")
    pg.goto(f"{base}/pengajuan/{aid}/cetak")
    wait_hydrated(pg)
    expect(pg.locator("#cetak-narasi")).to_contain_text(NARRATIVE_FIELDS[0].label)
    shots(pg, "ringkasan-ponsel")
    phone.close()

    outsider = new_context(browser, "phone")
    op = outsider.new_page()
    login(op, base, "pemohon3@sikerja.test")
    op.goto(f"{base}/pengajuan/{aid}/cetak")
    wait_hydrated(op)
    expect(op.locator("#galat-muat")).to_contain_text("tidak ditemukan")
    expect(op.locator("#ringkasan-cetak")).to_have_count(0)
    expect(op.locator("body")).not_to_contain_text("Kerja Sama Pusat Data Kota Cetak")
    shots(op, "ringkasan-orang-luar")
    outsider.close()
