"""File types by content and the rules for uploaded names (DESIGN §7 "Uploads").

The sample builders here make real, small files of every allowed type; the service and
route suites import them.
"""

import io
import struct
import zipfile
import zlib

import pytest

from sikerja_app.domain import filetypes as ft

# --- real small files -----------------------------------------------------------------------


def make_pdf(text: str = "Surat Penawaran") -> bytes:
    """A minimal valid PDF (one page, one line of text) with a correct xref table."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _zip(entries: list[tuple[str, bytes | str]], stored_first: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(entries):
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored_first and i == 0 else None)
    return buf.getvalue()


_CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
_RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'


def make_docx(order: str = "word") -> bytes:
    doc = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>Kesepakatan Bersama</w:t></w:r></w:p></w:body></w:document>")
    entries: list[tuple[str, bytes | str]] = [("[Content_Types].xml", _CT), ("_rels/.rels", _RELS)]
    if order == "late":  # valid too: the document part after several others
        entries += [("docProps/app.xml", "<a/>"), ("docProps/core.xml", "<c/>"), ("customXml/item1.xml", "<i/>"),
                    ("customXml/itemProps1.xml", "<p/>")]
    entries.append(("word/document.xml", doc))
    return _zip(entries)


def make_xlsx() -> bytes:
    return _zip([("[Content_Types].xml", _CT), ("_rels/.rels", _RELS),
                 ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
                 ("xl/worksheets/sheet1.xml", "<worksheet/>")])


def make_odt(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    return _zip([("mimetype", mimetype),
                 ("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                                 'office:1.0"><office:body><office:text/></office:body></office:document-content>'),
                 ("META-INF/manifest.xml", "<manifest/>")], stored_first=True)


def make_png() -> bytes:
    """A real 1×1 pixel PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x0d\x5c\x63")) + chunk(b"IEND", b""))


def make_jpg() -> bytes:
    """A JPEG/JFIF header, a comment and a body ending in EOI."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    comment = b"Si KERJA"
    com = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return b"\xff\xd8" + app0 + com + bytes(range(256)) * 4 + b"\xff\xd9"


def make_elf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 300


def make_pe() -> bytes:
    return b"MZ\x90\x00" + b"\x00" * 56 + struct.pack("<I", 64) + b"PE\x00\x00" + b"\x00" * 300


SAMPLES = {
    "PDF": (make_pdf, "laporan.pdf"),
    "DOCX": (make_docx, "rancangan.docx"),
    "ODT": (make_odt, "rancangan.odt"),
    "XLSX": (make_xlsx, "anggaran.xlsx"),
    "JPG": (make_jpg, "foto.jpg"),
    "PNG": (make_png, "bagan.png"),
}


# --- the type ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(SAMPLES))
def test_every_allowed_type_is_recognised_by_content(code: str) -> None:
    build, _ = SAMPLES[code]
    data = build()
    assert ft.detect_type(data) is ft.BY_CODE[code]
    assert ft.detect_type(io.BytesIO(data)) is ft.BY_CODE[code]


def test_docx_with_entries_in_another_order_is_still_docx() -> None:
    # the case the `filetype` package gets wrong (it reports a plain ZIP)
    assert ft.detect_type(make_docx(order="late")) is ft.DOCX


@pytest.mark.parametrize("data", [
    make_elf(),
    make_pe(),
    b"#!/bin/sh\nrm -rf /\n",
    b"<html><script>alert(1)</script></html>",
    b"GIF89a\x01\x00\x01\x00",
    b"%PD",  # too short for the signature
    b"",
    _zip([("word/evil.exe", make_pe())]),  # "word/" alone is not a Word document
    _zip([("a.txt", "halo")]),
    _zip([("[Content_Types].xml", _CT), ("word/document.xml", "<w/>"), ("xl/workbook.xml", "<x/>")]),  # both
    make_odt("application/vnd.oasis.opendocument.spreadsheet"),
    _zip([("mimetype", "application/vnd.oasis.opendocument.text")]),  # no content.xml
    b"PK\x03\x04" + b"\x00" * 200,  # a ZIP header with nothing behind it
    make_docx()[:-30],  # truncated: no central directory
], ids=["elf", "pe", "script", "html", "gif", "short", "empty", "zip-word-prefix", "zip", "docx+xlsx", "ods",
        "odt-no-content", "broken-zip", "truncated-docx"])
def test_other_content_is_not_an_allowed_type(data: bytes) -> None:
    assert ft.detect_type(data) is None


def test_sniff_head_decides_early() -> None:
    assert ft.sniff_head(make_pdf()[:8]) is ft.PDF
    assert ft.sniff_head(make_png()[:8]) is ft.PNG
    assert ft.sniff_head(make_jpg()[:8]) is ft.JPG
    assert ft.sniff_head(make_docx()[:8]) is ft.ZIP_PENDING
    assert ft.sniff_head(make_elf()[:8]) is None
    assert ft.sniff_head(make_pe()[:8]) is None


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "laporan.pdf", "Surat Penawaran (final) v2.pdf", "اتفاقية التعاون.pdf", "Surat 📄 Penawaran.pdf",
    "Kesepakatan Bersama – Universitas Mulawarman.docx", "产品目录.xlsx", "👨‍👩‍👧 keluarga.png",
    "a" * 251 + ".pdf",
])
def test_names_in_any_script_are_accepted(name: str) -> None:
    assert ft.check_filename(name) == ""
    assert ft.safe_display_name(name) == name


@pytest.mark.parametrize(("name", "message"), [
    ("", ft.MSG_NAME_EMPTY),
    ("   ", ft.MSG_NAME_EMPTY),
    ("../laporan.pdf", ft.MSG_NAME_PATH),
    ("../../etc/passwd", ft.MSG_NAME_PATH),
    ("..\\..\\windows\\laporan.pdf", ft.MSG_NAME_PATH),
    ("folder/laporan.pdf", ft.MSG_NAME_PATH),
    ("..", ft.MSG_NAME_PATH),
    ("laporan\x00.pdf", ft.MSG_NAME_CONTROL),
    ("laporan\n.pdf", ft.MSG_NAME_CONTROL),
    ("laporan\x1b[31m.pdf", ft.MSG_NAME_CONTROL),
    ("foto\u202egpj.exe", ft.MSG_NAME_CONTROL),  # shows as "fotoexe.jpg"
    ("a" * 5000 + ".pdf", ft.MSG_NAME_LONG),
    ("a" * 252 + ".pdf", ft.MSG_NAME_LONG),
])
def test_bad_names_are_refused_in_indonesian(name: str, message: str) -> None:
    assert ft.check_filename(name) == message


def test_safe_display_name_strips_what_cannot_be_shown() -> None:
    assert ft.safe_display_name("C:\\Users\\rina\\laporan.pdf") == "laporan.pdf"
    assert ft.safe_display_name("../../laporan.pdf") == "laporan.pdf"
    assert ft.safe_display_name("  laporan \t akhir\n.pdf ") == "laporan akhir .pdf"
    assert ft.safe_display_name("foto\u202egpj.exe") == "fotogpj.exe"
    assert ft.safe_display_name("") == "berkas"
    assert ft.safe_display_name("...") == "berkas"
    long = ft.safe_display_name("a" * 5000 + ".pdf")
    assert len(long) == 255 and long.endswith(".pdf")
    # decomposed and composed forms are shown and stored the same way
    assert ft.safe_display_name("Laporan Pe\u0301ndamping.pdf") == "Laporan P\u00e9ndamping.pdf"


def test_extension_must_agree_with_content() -> None:
    assert ft.check_extension_matches("laporan.pdf", ft.PDF) == ""
    assert ft.check_extension_matches("LAPORAN.PDF", ft.PDF) == ""
    assert ft.check_extension_matches("foto.jpeg", ft.JPG) == ""
    assert ft.check_extension_matches("foto.JPG", ft.JPG) == ""
    wrong = ft.check_extension_matches("laporan.docx", ft.PDF)
    assert wrong.startswith("Ekstensi berkas tidak sesuai dengan isinya")
    assert ".pdf" in wrong
    assert ft.check_extension_matches("rancangan.pdf", ft.DOCX).startswith("Ekstensi berkas tidak sesuai")
    assert ft.check_extension_matches("laporan", ft.PDF) == ft.MSG_NAME_NO_EXT
    assert ft.check_extension_matches(".pdf", ft.PDF) == ft.MSG_NAME_NO_EXT
    # an executable renamed .pdf: its content is no allowed type at all
    assert ft.check_extension_matches("laporan.pdf", ft.detect_type(make_elf())) == ft.MSG_NOT_ALLOWED


def test_extension_allowed_before_any_content() -> None:
    assert ft.check_extension_allowed("laporan.pdf") == ""
    assert ft.check_extension_allowed("program.exe") == ft.MSG_NOT_ALLOWED
    assert ft.check_extension_allowed("laporan") == ft.MSG_NAME_NO_EXT


@pytest.mark.parametrize(("name", "fallback"), [
    ("laporan.pdf", "laporan.pdf"),
    ("اتفاقية التعاون.pdf", "berkas.pdf"),
    ("Surat 📄 Penawaran.pdf", "Surat Penawaran.pdf"),
    ('Surat "resmi"; x=1.pdf', "Surat _resmi_ x_1.pdf"),
    ("Pénawaran Ñ.docx", "Penawaran N.docx"),
    ("tanpa ekstensi", "tanpa ekstensi"),
])
def test_ascii_fallback_name(name: str, fallback: str) -> None:
    result = ft.ascii_fallback_name(name)
    assert result == fallback
    assert result.isascii() and '"' not in result and "\\" not in result
