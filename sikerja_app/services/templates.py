"""DOCX files of the document outlines (domain/templates.py), built with python-docx."""

import io
import re
from functools import cache

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..config import get_settings
from ..domain.templates import Template, Wilayah, templates

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_FIELD = re.compile(r"(\[[^\]]+\])")


def wilayah() -> Wilayah:
    s = get_settings()
    return Wilayah(nama=s.region_name, kepala=s.region_head, singkat=s.region_short)


def all_templates() -> dict[str, Template]:
    return templates(wilayah())


def _runs(par: Paragraph, text: str, bold: bool = False) -> None:
    """Text with line breaks and tabs; [fields] highlighted for the applicant to fill in."""
    for li, line in enumerate(text.split("\n")):
        if li:
            par.add_run().add_break()
        for part in _FIELD.split(line):
            if not part:
                continue
            run = par.add_run(part)
            run.bold = bold
            if _FIELD.fullmatch(part):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _signature(doc, text: str) -> None:  # noqa: ANN001 - python-docx Document
    left, right = text.split("|", 1)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, value in zip(table.rows[0].cells, (left, right), strict=True):
        par = cell.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(par, value)


def build_docx(tpl: Template, region_name: str) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    props = doc.core_properties
    props.title = f"Templat {tpl.title}"
    props.author = "Si KERJA"
    props.subject = f"Kerja Sama Daerah {region_name}"
    props.language = "id-ID"

    note = doc.add_paragraph()
    run = note.add_run("Petunjuk: ini kerangka dokumen dari Si KERJA. Ganti setiap isian bertanda kurung siku "
                       "dan berlatar kuning, sesuaikan pasal dengan kebutuhan, lalu hapus petunjuk ini.")
    run.italic = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    number = 0
    for kind, text in tpl.blocks:
        number = number + 1 if kind == "num" else 0
        if kind == "sign":
            _signature(doc, text)
            continue
        par = doc.add_paragraph()
        if kind in ("title", "center", "h"):
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(par, text, bold=kind != "center")
            if kind == "h":
                par.paragraph_format.space_before = Pt(12)
                par.paragraph_format.keep_with_next = True
        elif kind == "li":
            par.paragraph_format.left_indent = Cm(0.75)
            par.paragraph_format.first_line_indent = Cm(-0.5)
            _runs(par, "•\t" + text)
        elif kind == "num":
            par.paragraph_format.left_indent = Cm(0.75)
            par.paragraph_format.first_line_indent = Cm(-0.75)
            _runs(par, f"{number}.\t" + text)
        else:
            par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if "\t:" in text:  # "Nomor\t: …" lines of a letter: the colons line up
                par.alignment = WD_ALIGN_PARAGRAPH.LEFT
                par.paragraph_format.tab_stops.add_tab_stop(Cm(3))
            _runs(par, text)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    frun = footer.add_run(f"Templat Si KERJA – Kerja Sama Daerah {region_name}")
    frun.font.size = Pt(8)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@cache
def docx_bytes(kind: str) -> bytes | None:
    """The DOCX of one outline, or None for an unknown kind. Configuration does not change while
    running, so each file is built once."""
    tpl = all_templates().get(kind)
    return build_docx(tpl, get_settings().region_name) if tpl else None
