"""Makes `ministry-letterhead.docx`, the example Word template of a fictional ministry: its
emblem and name in the header, its address in the footer, the page of Ukrainian official
documents (A4, margins 30 mm left, 10 mm right, 20 mm top and bottom), Times New Roman text
and dark green headings. Any Word document made in Word serves as well; this one is made with
python-docx so that it can be rebuilt: `python3 examples/letterhead/make_letterhead.py`.
"""

import struct
import zlib
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
NAME = "МІНІСТЕРСТВО ЦИВІЛЬНОГО КОНТРОЛЮ НАД СЕКТОРОМ БЕЗПЕКИ"
ADDRESS = "вул. Прикладна, 1, м. Київ, 01001 · тел. (044) 000-00-00 · info@example.gov.ua"
GREEN = RGBColor(0x1B, 0x4D, 0x3E)


def emblem(size=96):
    """A green disc with a gold ring, as a PNG (no imaging library needed)."""
    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            r = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            if r > c:
                row += bytes([255, 255, 255])
            elif r > c * 0.82:
                row += bytes([0xC9, 0xA2, 0x27])
            else:
                row += bytes([0x1B, 0x4D, 0x3E])
        rows.append(bytes(row))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def main():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    for level, size in [(1, 16), (2, 14), (3, 12)]:
        heading = document.styles[f"Heading {level}"]
        heading.font.name = "Times New Roman"
        heading.font.size = Pt(size)
        heading.font.color.rgb = GREEN

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run().add_picture(BytesIO(emblem()), width=Mm(14))
    name = section.header.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = name.add_run(NAME)
    run.bold = True
    run.font.size = Pt(11)
    run.font.color.rgb = GREEN

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run(ADDRESS)
    run.font.size = Pt(8)

    # The body is replaced by the report; this line only shows what the template is for.
    document.add_paragraph("Бланк для звітів, створених програмою oversight.")
    document.save(HERE / "ministry-letterhead.docx")


if __name__ == "__main__":
    main()
