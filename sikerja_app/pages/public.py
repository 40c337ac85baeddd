"""Beranda and the public menus whose content arrives with their own issue."""

import reflex as rx

from .. import routes
from ..components.layout import page
from ..config import get_settings


def beranda() -> rx.Component:
    s = get_settings()
    steps = (
        ("1", "Lengkapi profil", "Isi biodata dan data instansi sekali saja; setiap permohonan terisi otomatis."),
        ("2", "Ajukan permohonan", "Tiga langkah: Pemohon, Petugas, Persiapan. Draf tersimpan otomatis."),
        ("3", "Pembahasan", "Penawaran, Kesepakatan Bersama, lalu Perjanjian Kerja Sama bersama TKKSD."),
        ("4", "Penandatanganan", "Jadwal meja ke meja atau tatap muka, lalu tercatat di register."),
    )
    return page(
        rx.vstack(
            rx.heading("Sistem Informasi Kerja Sama Daerah", size="7", as_="h1"),
            rx.text(f"Layanan Bagian Kerja Sama Sekretariat Daerah {s.region_name} untuk mengajukan, "
                    "membahas, menandatangani dan memantau kerja sama daerah secara daring.", size="4"),
            rx.flex(
                rx.link(rx.button("Ajukan kerja sama", size="3"), href=routes.PENGAJUAN),
                rx.link(rx.button("Lacak permohonan", size="3", variant="outline"), href=routes.LACAK),
                gap="3", wrap="wrap",
            ),
            rx.grid(
                *[rx.card(rx.vstack(rx.badge(f"Langkah {n}", size="2"), rx.heading(t, size="4", as_="h2"),
                                    rx.text(d, color_scheme="gray"), spacing="2"))
                  for n, t, d in steps],
                columns={"initial": "1", "sm": "2", "lg": "4"}, spacing="3", width="100%",
            ),
            spacing="4", padding_y="1em",
        ),
    )


def informasi() -> rx.Component:
    from .informasi import informasi_page

    return informasi_page()


def statistik() -> rx.Component:
    from .statistik import statistik_page

    return statistik_page()


def faq() -> rx.Component:
    from .faq import faq_page

    return faq_page()
