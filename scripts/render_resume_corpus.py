#!/usr/bin/env python3
"""Render the real-resume corpus (tests/corpus/resumes/) to PDF and DOCX.

Usage:
    pip install -r scripts/requirements-corpus.txt    # i.e. pip install reportlab python-docx
    python3 scripts/render_resume_corpus.py [--corpus tests/corpus/resumes] [--check] [--new-only]

For every `NN-first-last.json` (JSON Resume; NN has two or more digits, taken in
numeric order) in `train/` and `holdout/`, writes
next to it `<stem>.<layout>.pdf` and `<stem>.<layout>.docx` for the two layouts
assigned to that file (see `LAYOUT_PAIRS`). Layouts:

* `one-col-caps`  one column; headings in CAPITALS (EXPERIENCE, EDUCATION, ...);
                  employer on one line and position on the next, dates on the
                  right of the employer line; dates as `Jan 2019 – Present`;
                  bullets `•`.
* `one-col-title` one column; Title Case headings with synonyms (Work History /
                  Professional Experience / Employment, ...); dates on the left
                  (`01/2019 – Current`); bullets `-` (PDF) or Word list bullets.
* `two-col`       sidebar (contact, skills, languages, education, certificates)
                  and main column (summary, experience, projects, ...). PDF: two
                  reportlab frames; DOCX: a borderless two-column table. Dates as
                  `January 2019 – Present`.
* `compact`       `Title — Company | Location | 2019-01 – Present` on one line
                  (year only, `2019 – Now`, for every other file); bullets `•`.

Dates that cannot be parsed (`Ongoing`, `Jun 15, 2026`, ...) are printed as the
person wrote them. A missing end date of a job is printed as the layout's word
for "present". Fields that are absent are left out; nothing is invented.

PDFs use the standard Helvetica font when every character of the resume fits
in it, otherwise DejaVu Sans (subset, embedded) from
/usr/share/fonts/truetype/dejavu (Debian: fonts-dejavu-core), or WenQuanYi Zen
Hei (Debian: fonts-wqy-zenhei) for Chinese, Japanese or Korean text. Output is
deterministic except for the timestamps that the libraries write.

`--check` also runs `pdftotext` (poppler-utils) on every PDF and fails if the
name, e-mail, phone, an employer, a position or a school is missing from the text layer.

`--new-only` renders only the JSON files that have no PDF yet (files added to a
split) and leaves every existing render untouched; a file's layouts depend only
on its position in its split, so the result is the same as a full re-render.

This script installs nothing itself.
"""
import argparse
import glob
import html
import json
import os
import re
import subprocess
import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, HRFlowable, NextPageTemplate,
                                PageTemplate, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)

LAYOUTS = ["one-col-caps", "one-col-title", "two-col", "compact"]
# Six pairs; each layout is in three of them, so each layout renders half the files.
LAYOUT_PAIRS = [
    ("one-col-caps", "one-col-title"),
    ("two-col", "compact"),
    ("one-col-caps", "two-col"),
    ("one-col-title", "compact"),
    ("one-col-caps", "compact"),
    ("one-col-title", "two-col"),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
MON["sept"] = 9

# ---------------------------------------------------------------- helpers

def txt(v):
    """A field as clean one-line text ('' when absent or not text)."""
    if v is None or isinstance(v, (dict, list)):
        return ""
    s = str(v)
    s = re.sub(r"<br\s*/?>", " ", s, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def items(v):
    """A list field as a list of dicts/strings, tolerating a single object or junk."""
    if isinstance(v, list):
        return [x for x in v if isinstance(x, (dict, str)) and x]
    if isinstance(v, dict):
        return [v]
    return []


def parse_date(s):
    """-> (year, month|None) or None when not a recognisable date."""
    s = txt(s)
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})?)?)?(?:T.*)?", s)
    if m:
        mo = int(m.group(2)) if m.group(2) else None
        return (int(m.group(1)), mo if mo and 1 <= mo <= 12 else None)
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{4})", s)
    if m and 1 <= int(m.group(1)) <= 12:
        return (int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"([A-Za-z]{3,9})\.?[\s,-]+(\d{4})", s)
    if m:
        word = m.group(1).lower()
        mo = MON.get(word[:4]) or MON.get(word[:3])
        if mo and (len(word) <= 4 or MONTHS[mo - 1].lower().startswith(word)):
            return (int(m.group(2)), mo)
    return None


def fmt_date(s, style):
    p = parse_date(s)
    if p is None:
        return txt(s)
    y, mo = p
    if style == "year" or mo is None:
        return str(y)
    return {"mon": f"{MONTHS[mo - 1][:3]} {y}", "month": f"{MONTHS[mo - 1]} {y}",
            "mm/yyyy": f"{mo:02d}/{y}", "yyyy-mm": f"{y}-{mo:02d}"}[style]


def date_range(start, end, style, present, dash=" – ", ongoing=True):
    a, b = fmt_date(start, style), fmt_date(end, style)
    if a and not b and ongoing:
        b = present
    if a and b:
        return a + dash + b
    return a or b


def employer(w):
    return txt(w.get("name")) or txt(w.get("company")) or txt(w.get("organization"))


def location_line(b):
    loc = b.get("location")
    if isinstance(loc, str):
        return txt(loc)
    if not isinstance(loc, dict):
        return ""
    parts = [txt(loc.get(k)) for k in ("city", "region")]
    cc = txt(loc.get("countryCode")) or txt(loc.get("country"))
    parts.append(cc)
    out = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out)


def skill_groups(r):
    out = []
    for s in items(r.get("skills")):
        if isinstance(s, str):
            out.append((txt(s), []))
            continue
        kws = [txt(k) for k in items(s.get("keywords")) if isinstance(k, str) and txt(k)]
        name = txt(s.get("name"))
        if name or kws:
            out.append((name, kws))
    return out


def certificates(r):
    return items(r.get("certificates")) or items(r.get("certifications"))


def profiles(b):
    out = []
    for p in items(b.get("profiles")):
        if isinstance(p, dict):
            u = txt(p.get("url")) or txt(p.get("username"))
            if u:
                out.append(u)
    return out

# ---------------------------------------------------------------- document model
# A document is a list of blocks; each renderer (PDF, DOCX) draws every kind.
#   ("name", text)                    ("contact", text)
#   ("h", text)                       ("p", text)
#   ("lr", left, right, bold_left)    left text with right-aligned text (dates on the right)
#   ("dl", dates, text, bold)         dates on the left, text to their right
#   ("line", text, bold, italic)      ("bullet", text, char)
#   ("rule",)                         ("gap",)

HEAD = {
    "one-col-caps": {"summary": ["SUMMARY"], "work": ["EXPERIENCE"], "volunteer": ["VOLUNTEER EXPERIENCE"],
                     "education": ["EDUCATION"], "skills": ["SKILLS"], "certificates": ["CERTIFICATIONS"],
                     "projects": ["PROJECTS"], "languages": ["LANGUAGES"], "awards": ["AWARDS"],
                     "publications": ["PUBLICATIONS"], "interests": ["INTERESTS"]},
    "one-col-title": {"summary": ["Professional Summary", "Profile", "About Me"],
                      "work": ["Work History", "Professional Experience", "Employment"],
                      "volunteer": ["Volunteer Work", "Volunteering"],
                      "education": ["Education & Training", "Academic Background", "Education"],
                      "skills": ["Technical Skills", "Core Competencies", "Skills"],
                      "certificates": ["Licenses & Certifications", "Certifications", "Certificates"],
                      "projects": ["Selected Projects", "Projects", "Personal Projects"],
                      "languages": ["Languages", "Language Skills"],
                      "awards": ["Honors & Awards", "Awards"], "publications": ["Publications"],
                      "interests": ["Interests", "Hobbies & Interests"]},
    "two-col": {"summary": ["Profile"], "work": ["Experience"], "volunteer": ["Volunteering"],
                "education": ["Education"], "skills": ["Skills"], "certificates": ["Certifications"],
                "projects": ["Projects"], "languages": ["Languages"], "awards": ["Awards"],
                "publications": ["Publications"], "interests": ["Interests"], "contact": ["Contact"]},
    "compact": {"summary": ["Summary"], "work": ["Experience"], "volunteer": ["Volunteer"],
                "education": ["Education"], "skills": ["Skills & Tools"], "certificates": ["Certifications"],
                "projects": ["Projects"], "languages": ["Languages"], "awards": ["Awards"],
                "publications": ["Publications"], "interests": ["Interests"]},
}
DATE_STYLE = {"one-col-caps": "mon", "one-col-title": "mm/yyyy", "two-col": "month", "compact": "yyyy-mm"}
PRESENT = {"one-col-caps": "Present", "one-col-title": "Current", "two-col": "Present", "compact": "Present"}


class Builder:
    def __init__(self, r, layout, variant):
        self.r, self.layout, self.v = r, layout, variant
        self.style = DATE_STYLE[layout]
        self.present = PRESENT[layout]
        if layout == "compact" and variant % 2:
            self.style, self.present = "year", "Now"
        self.bullet = "-" if layout == "one-col-title" else "•"

    def head(self, key):
        names = HEAD[self.layout][key]
        return names[self.v % len(names)]

    def dr(self, o, ongoing=True):
        return date_range(o.get("startDate"), o.get("endDate"), self.style, self.present, ongoing=ongoing)

    # ---- sections
    def header(self):
        b = self.r.get("basics") or {}
        out = [("name", txt(b.get("name")))]
        if txt(b.get("label")):
            out.append(("line", txt(b.get("label")), False, True))
        return out

    def contact_items(self):
        b = self.r.get("basics") or {}
        loc = b.get("location") if isinstance(b.get("location"), dict) else {}
        addr = txt(loc.get("address")) if loc else ""
        vals = [txt(b.get("email")), txt(b.get("phone")), location_line(b)]
        if addr:
            vals[2] = ", ".join(x for x in (addr, vals[2]) if x)
        vals.append(txt(b.get("url")) or txt(b.get("website")))
        vals += profiles(b)
        return [v for v in vals if v]

    def summary(self):
        s = txt((self.r.get("basics") or {}).get("summary"))
        return [("h", self.head("summary")), ("p", s)] if s else []

    def work_like(self, key):
        entries = [w for w in items(self.r.get(key)) if isinstance(w, dict)]
        if not entries:
            return []
        out = [("h", self.head(key))]
        for w in entries:
            out += self.entry(txt(w.get("position")), employer(w), txt(w.get("location")), self.dr(w))
            if txt(w.get("summary")) or txt(w.get("description")):
                out.append(("p", txt(w.get("summary")) or txt(w.get("description"))))
            for h in items(w.get("highlights")):
                if txt(h):
                    out.append(("bullet", txt(h), self.bullet))
            out.append(("gap",))
        return out

    def entry(self, title, org, loc, dates):
        L = self.layout
        if L == "one-col-caps":
            out = [("lr", org or title, dates, True)]
            second = title if org else ""
            if second or loc:
                out.append(("lr", second, loc, False))
            return out
        if L == "one-col-title":
            out = [("dl", dates, title or org, True)]
            rest = ", ".join(x for x in ((org if title else ""), loc) if x)
            if rest:
                out.append(("dl", "", rest, False))
            return out
        if L == "two-col":
            out = []
            if title:
                out.append(("line", title, True, False))
            rest = " · ".join(x for x in (org, loc) if x)
            if rest:
                out.append(("line", rest, not title, False))
            if dates:
                out.append(("line", dates, False, True))
            return out
        # compact: Title — Company | Location | dates
        first = " — ".join(x for x in (title, org) if x)
        return [("line", " | ".join(x for x in (first, loc, dates) if x), True, False)]

    def education(self, side=False):
        entries = [e for e in items(self.r.get("education")) if isinstance(e, dict)]
        if not entries:
            return []
        out = [("h", self.head("education"))]
        for e in entries:
            inst = txt(e.get("institution"))
            st, area = txt(e.get("studyType")), txt(e.get("area"))
            degree = ", ".join(x for x in (st, area) if x)
            dates = self.dr(e, ongoing=False)
            score = txt(e.get("score")) or txt(e.get("gpa"))
            L = self.layout
            if L == "one-col-caps":
                out.append(("lr", inst or degree, dates, True))
                if inst and degree:
                    out.append(("line", degree, False, False))
            elif L == "one-col-title":
                deg = " in ".join(x for x in (st, area) if x)
                out.append(("dl", dates, deg or inst, True))
                if deg and inst:
                    out.append(("dl", "", inst, False))
            elif L == "two-col":
                if inst:
                    out.append(("line", inst, True, False))
                if degree:
                    out.append(("line", degree, not inst, False))
                if dates:
                    out.append(("line", dates, False, True))
            else:
                first = " — ".join(x for x in (degree, inst) if x)
                out.append(("line", " | ".join(x for x in (first, dates) if x), True, False))
            if score:
                out.append(("line", "Score: " + score, False, False))
            courses = [txt(c) for c in items(e.get("courses")) if txt(c)]
            if courses and not side:
                out.append(("line", "Courses: " + ", ".join(courses), False, False))
            out.append(("gap",))
        return out

    def skills(self):
        groups = skill_groups(self.r)
        if not groups:
            return []
        out = [("h", self.head("skills"))]
        L = self.layout
        if L == "compact":
            out.append(("p", " | ".join((f"{n}: {', '.join(k)}" if n and k else (n or ", ".join(k))) for n, k in groups)))
        elif L == "two-col":
            for n, k in groups:
                if n:
                    out.append(("line", n, True, False))
                if k:
                    out.append(("line", ", ".join(k), False, False))
        elif L == "one-col-title":
            for n, k in groups:
                out.append(("bullet", (f"{n} — {', '.join(k)}" if n and k else (n or ", ".join(k))), self.bullet))
        else:
            for n, k in groups:
                out.append(("line", (f"{n}: {', '.join(k)}" if n and k else (n or ", ".join(k))), False, False))
        return out

    def simple_list(self, key, fields):
        entries = items(self.r.get(key))
        if key == "certificates":
            entries = certificates(self.r)
        if not entries:
            return []
        out = [("h", self.head(key))]
        for e in entries:
            if isinstance(e, str):
                out.append(("bullet", txt(e), self.bullet))
                continue
            main, extra, date = fields(e)
            line = " — ".join(x for x in (main, extra) if x)
            if date:
                line += f" ({date})" if line else date
            if line and self.layout == "two-col":
                out.append(("line", line, False, False))
            elif line:
                out.append(("bullet", line, self.bullet))
        return out

    def certificates(self):
        return self.simple_list("certificates", lambda c: (txt(c.get("name")) or txt(c.get("title")),
                                                           txt(c.get("issuer")) or txt(c.get("authority")),
                                                           fmt_date(c.get("date"), self.style)))

    def languages(self):
        return self.simple_list("languages", lambda l: (txt(l.get("language")) or txt(l.get("name")),
                                                        txt(l.get("fluency")) or txt(l.get("level")), ""))

    def awards(self):
        return self.simple_list("awards", lambda a: (txt(a.get("title")), txt(a.get("awarder")),
                                                     fmt_date(a.get("date"), self.style)))

    def publications(self):
        return self.simple_list("publications", lambda p: (txt(p.get("name")), txt(p.get("publisher")),
                                                           fmt_date(p.get("releaseDate"), self.style)))

    def interests(self):
        return self.simple_list("interests", lambda i: (txt(i.get("name")),
                                                        ", ".join(txt(k) for k in items(i.get("keywords")) if txt(k)), ""))

    def projects(self):
        entries = [p for p in items(self.r.get("projects")) if isinstance(p, dict)]
        if not entries:
            return []
        out = [("h", self.head("projects"))]
        for p in entries:
            name = txt(p.get("name"))
            dates = date_range(p.get("startDate"), p.get("endDate"), self.style, self.present, ongoing=False)
            if self.layout == "one-col-caps":
                out.append(("lr", name, dates, True))
            elif self.layout == "one-col-title":
                out.append(("dl", dates, name, True))
            else:
                out.append(("line", " | ".join(x for x in (name, dates) if x), True, False))
            if txt(p.get("description")):
                out.append(("p", txt(p.get("description"))))
            for h in items(p.get("highlights")):
                if txt(h):
                    out.append(("bullet", txt(h), self.bullet))
            if txt(p.get("url")):
                out.append(("line", txt(p.get("url")), False, False))
            out.append(("gap",))
        return out

    # ---- whole documents
    def one_column(self):
        out = self.header()
        out.append(("contact", " | ".join(self.contact_items())))
        out.append(("rule",))
        for part in (self.summary(), self.work_like("work"), self.education(), self.skills(),
                     self.certificates(), self.projects(), self.languages(), self.work_like("volunteer"),
                     self.awards(), self.publications(), self.interests()):
            out += part
        return out

    def two_columns(self):
        side = [("h", self.head("contact"))] + [("line", c, False, False) for c in self.contact_items()]
        side_parts = [self.skills(), self.languages(), self.education(side=True), self.certificates()]
        main = self.header() + [("rule",)]
        main_parts = [self.summary(), self.work_like("work"), self.projects(), self.work_like("volunteer"),
                      self.awards(), self.publications(), self.interests()]
        return side, side_parts, main, main_parts

# ---------------------------------------------------------------- PDF

FONT = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def pick_fonts(text):
    try:
        text.encode("cp1252")
        return {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}
    except UnicodeEncodeError:
        pass
    if CJK.search(text) and os.path.exists(WQY):
        # Chinese, Japanese or Korean text: DejaVu Sans has no CJK glyphs. WenQuanYi Zen Hei
        # (Debian: fonts-wqy-zenhei) covers CJK, Hangul and Latin; it has one weight only.
        if "WQYZenHei" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("WQYZenHei", WQY, subfontIndex=0))
        return {"regular": "WQYZenHei", "bold": "WQYZenHei", "italic": "WQYZenHei"}
    if os.path.exists(DEJAVU + "DejaVuSans.ttf"):
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU + "DejaVuSans.ttf"))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", DEJAVU + "DejaVuSans-Bold.ttf"))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Oblique", DEJAVU + "DejaVuSans-Oblique.ttf"))
        return {"regular": "DejaVuSans", "bold": "DejaVuSans-Bold", "italic": "DejaVuSans-Oblique"}
    print("warning: DejaVu Sans not found; characters outside cp1252 may not render", file=sys.stderr)
    return {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}


def esc(s):
    return html.escape(s, quote=False)


def pdf_styles(F, small=False):
    base = 8.5 if small else 9.5
    mk = lambda name, **kw: ParagraphStyle(name, fontName=kw.pop("font", F["regular"]), fontSize=kw.pop("size", base),
                                           leading=kw.pop("leading", base * 1.25), **kw)
    return {
        "name": mk("name", font=F["bold"], size=20 if not small else 18, leading=24, spaceAfter=2),
        "contact": mk("contact", spaceAfter=4),
        "h": mk("h", font=F["bold"], size=base + 2, leading=(base + 2) * 1.3, spaceBefore=8, spaceAfter=3),
        "p": mk("p", spaceAfter=3),
        "line": mk("line"),
        "bold": mk("bold", font=F["bold"]),
        "italic": mk("italic", font=F["italic"]),
        "right": mk("right", alignment=TA_RIGHT),
        "bullet": mk("bullet", leftIndent=12, bulletIndent=2),
    }


def pdf_flowables(blocks, S, width, F):
    out = []
    for b in blocks:
        k = b[0]
        if k == "name":
            out.append(Paragraph(esc(b[1]), S["name"]))
        elif k == "contact":
            out.append(Paragraph(esc(b[1]), S["contact"]))
        elif k == "h":
            out.append(Paragraph(esc(b[1]), S["h"]))
        elif k == "p":
            out.append(Paragraph(esc(b[1]), S["p"]))
        elif k == "line":
            st = S["bold"] if b[2] else S["italic"] if b[3] else S["line"]
            out.append(Paragraph(esc(b[1]), st))
        elif k == "bullet":
            out.append(Paragraph(esc(b[1]), S["bullet"], bulletText=b[2]))
        elif k in ("lr", "dl"):
            if k == "lr":
                left = Paragraph(esc(b[1]), S["bold"] if b[3] else S["italic"])
                right = Paragraph(esc(b[2]), S["right"])
                cols = [width * 0.7, width * 0.3]
                row = [left, right]
            else:
                left = Paragraph(esc(b[1]), S["line"])
                right = Paragraph(esc(b[2]), S["bold"] if b[3] else S["line"])
                cols = [width * 0.27, width * 0.73]
                row = [left, right]
            t = Table([row], colWidths=cols)
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(t)
        elif k == "rule":
            out.append(HRFlowable(width="100%", thickness=0.6, color=colors.grey, spaceBefore=2, spaceAfter=4))
        elif k == "gap":
            out.append(Spacer(1, 4))
    return out


def render_pdf(blocks_or_cols, path, layout, variant, alltext):
    F = pick_fonts(alltext)
    page = A4 if variant % 2 == 0 else LETTER
    margin = 1.8 * cm
    meta = dict(title="Resume", author="", creator="render_resume_corpus.py", subject="")
    if layout != "two-col":
        doc = SimpleDocTemplate(path, pagesize=page, leftMargin=margin, rightMargin=margin,
                                topMargin=margin, bottomMargin=margin, **meta)
        S = pdf_styles(F, small=layout == "compact")
        doc.build(pdf_flowables(blocks_or_cols, S, doc.width, F))
        return
    side, side_parts, main, main_parts = blocks_or_cols
    W, H = page
    gutter = 0.6 * cm
    side_w = (W - 2 * margin) * 0.32
    main_w = W - 2 * margin - side_w - gutter
    frame_h = H - 2 * margin
    S = pdf_styles(F, small=True)
    # Fill the sidebar with whole sections while they fit on the first page; the rest go to the main column.
    side_flow = pdf_flowables(side, S, side_w, F)
    used = sum(f.wrap(side_w, frame_h)[1] + 6 for f in side_flow)
    overflow = []
    for part in side_parts:
        fl = pdf_flowables(part, S, side_w, F)
        h = sum(f.wrap(side_w, frame_h)[1] + 6 for f in fl)
        if not overflow and used + h < frame_h * 0.97:
            side_flow += fl
            used += h
        else:
            overflow += part
    main_flow = pdf_flowables(main + [x for p in main_parts for x in p] + overflow, S, main_w, F)
    doc = BaseDocTemplate(path, pagesize=page, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin, **meta)
    first = PageTemplate(id="first", frames=[
        Frame(margin, margin, side_w, frame_h, id="side", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(margin + side_w + gutter, margin, main_w, frame_h, id="main", leftPadding=0, rightPadding=0,
              topPadding=0, bottomPadding=0)],
        onPage=lambda c, d: (c.setStrokeColor(colors.lightgrey),
                             c.line(margin + side_w + gutter / 2, margin, margin + side_w + gutter / 2, H - margin)))
    later = PageTemplate(id="later", frames=[
        Frame(margin + side_w + gutter, margin, main_w, frame_h, id="main2", leftPadding=0, rightPadding=0,
              topPadding=0, bottomPadding=0)])
    doc.addPageTemplates([first, later])
    doc.build(side_flow + [NextPageTemplate("later"), FrameBreak()] + main_flow)

# ---------------------------------------------------------------- DOCX


def docx_new(layout, variant):
    d = Document()
    sec = d.sections[0]
    if variant % 2 == 0:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    else:
        sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(1.8))
    st = d.styles["Normal"]
    st.font.name = ["Calibri", "Arial", "Georgia", "Cambria"][variant % 4]
    st.font.size = Pt(10 if layout != "compact" else 9.5)
    st.paragraph_format.space_after = Pt(1)
    d.core_properties.author = ""
    d.core_properties.title = "Resume"
    return d


def docx_blocks(container, blocks, layout, text_width_cm):
    """container: Document or table cell."""
    for b in blocks:
        k = b[0]
        if k == "name":
            p = container.add_paragraph()
            r = p.add_run(b[1])
            r.bold, r.font.size = True, Pt(20)
        elif k == "contact":
            container.add_paragraph(b[1])
        elif k == "h":
            p = container.add_paragraph()
            r = p.add_run(b[1])
            r.bold, r.font.size = True, Pt(12)
            r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
            p.paragraph_format.space_before = Pt(8)
            p.paragraph_format.space_after = Pt(2)
        elif k == "p":
            container.add_paragraph(b[1])
        elif k == "line":
            p = container.add_paragraph()
            r = p.add_run(b[1])
            r.bold, r.italic = b[2], b[3]
        elif k == "bullet":
            if layout == "compact":
                p = container.add_paragraph(f"{b[2]} {b[1]}")
                p.paragraph_format.left_indent = Cm(0.4)
            else:
                container.add_paragraph(b[1], style="List Bullet")
        elif k == "lr":
            p = container.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(text_width_cm), WD_TAB_ALIGNMENT.RIGHT)
            r = p.add_run(b[1])
            r.bold, r.italic = b[3], not b[3]
            if b[2]:
                p.add_run("\t" + b[2])
        elif k == "dl":
            p = container.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
            p.paragraph_format.left_indent = Cm(4.2)
            p.paragraph_format.first_line_indent = Cm(-4.2)
            if b[1]:
                p.add_run(b[1])
            r = p.add_run("\t" + b[2])
            r.bold = b[3]
        elif k == "rule":
            p = container.add_paragraph()
            pPr = p._p.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            bottom = OxmlElement("w:bottom")
            for a, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "999999")):
                bottom.set(qn(a), v)
            bdr.append(bottom)
            pPr.append(bdr)
        elif k == "gap":
            pass


def render_docx(blocks_or_cols, path, layout, variant):
    d = docx_new(layout, variant)
    text_w = (21.0 if variant % 2 == 0 else 21.59) - 3.6
    if layout != "two-col":
        docx_blocks(d, blocks_or_cols, layout, text_w)
    else:
        side, side_parts, main, main_parts = blocks_or_cols
        t = d.add_table(rows=1, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        widths = (Cm(text_w * 0.32), Cm(text_w * 0.68))
        for i, c in enumerate(t.rows[0].cells):
            c.width = widths[i]
        left, right = t.rows[0].cells
        docx_blocks(left, side + [x for p in side_parts for x in p], layout, text_w * 0.32)
        docx_blocks(right, main + [x for p in main_parts for x in p], layout, text_w * 0.68)
        for c in (left, right):  # drop the empty first paragraph each new cell has
            first = c.paragraphs[0]
            if not first.text and len(c.paragraphs) > 1:
                first._p.getparent().remove(first._p)
    d.save(path)

# ---------------------------------------------------------------- driver


def flatten_text(r):
    out = []

    def walk(o):
        if isinstance(o, dict):
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif isinstance(o, str):
            out.append(o)
    walk(r)
    return " ".join(out)


def check_pdf(path, r):
    try:
        t = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        return [f"pdftotext failed: {e}"]
    norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
    T = norm(t)
    b = r.get("basics") or {}
    want = [txt(b.get("name")), txt(b.get("email")), txt(b.get("phone"))]
    want += [employer(w) for w in items(r.get("work")) if isinstance(w, dict)]
    want += [txt(w.get("position")) for w in items(r.get("work")) if isinstance(w, dict)]
    want += [txt(e.get("institution")) for e in items(r.get("education")) if isinstance(e, dict)]
    missing = []
    for w in want:
        if not w:
            continue
        # long strings may wrap over lines: compare the first 25 characters
        if norm(w)[:25] not in T:
            missing.append(w)
    return missing


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(here, "..", "tests", "corpus", "resumes"))
    ap.add_argument("--check", action="store_true", help="check the PDF text layer with pdftotext")
    ap.add_argument("--all-layouts", action="store_true",
                    help="render every layout for every file (for a scratch copy of a split, to "
                         "measure the parser on more layouts of the training files; not for the "
                         "committed corpus)")
    ap.add_argument("--new-only", action="store_true",
                    help="render only the JSON files that have no rendered file yet; keep the others as they are")
    a = ap.parse_args()
    problems = 0
    counts = {l: 0 for l in LAYOUTS}
    for split in ("train", "holdout"):
        if not os.path.isdir(os.path.join(a.corpus, split)):
            continue
        # NN-first-last.json with two or more digits (train/ passed 99), in numeric order so that
        # 100-... comes after 99-... and every earlier file keeps its position (and its layouts)
        files = sorted(glob.glob(os.path.join(a.corpus, split, "[0-9][0-9]*-*.json")),
                       key=lambda p: (int(os.path.basename(p).split("-", 1)[0]), p))
        if not a.new_only:
            for old in glob.glob(os.path.join(a.corpus, split, "*.pdf")) + glob.glob(os.path.join(a.corpus, split, "*.docx")):
                os.remove(old)
        for i, f in enumerate(files):
            if a.new_only and glob.glob(glob.escape(f[:-5]) + ".*.pdf"):
                continue  # already rendered; its layouts depend only on its position i
            with open(f, encoding="utf-8") as fh:
                r = json.load(fh)
            stem = f[:-5]
            alltext = flatten_text(r)
            for layout in (LAYOUTS if a.all_layouts else LAYOUT_PAIRS[i % len(LAYOUT_PAIRS)]):
                variant = i
                bld = Builder(r, layout, variant)
                model = bld.two_columns() if layout == "two-col" else bld.one_column()
                pdf, docx_path = f"{stem}.{layout}.pdf", f"{stem}.{layout}.docx"
                render_pdf(model, pdf, layout, variant, alltext)
                render_docx(model, docx_path, layout, variant)
                counts[layout] += 1
                if a.check:
                    miss = check_pdf(pdf, r)
                    if miss:
                        problems += 1
                        print(f"{os.path.relpath(pdf, a.corpus)}: not in text layer: {miss}", file=sys.stderr)
    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(a.corpus, "*", "*.pdf")) +
                glob.glob(os.path.join(a.corpus, "*", "*.docx")))
    print("rendered:", ", ".join(f"{k} {v}" for k, v in counts.items()), f"| {total / 1e6:.1f} MB")
    if problems:
        print(f"{problems} PDF(s) with missing text", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
