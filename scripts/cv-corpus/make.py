#!/usr/bin/env python3
"""Makes the CV corpus in crates/scout-ingest/tests/corpus/ (issue 26).

Fictional people written in many styles (styles.py) as HTML, Markdown or
flat ODT (a word processor's own format, with page headers and text frames),
then turned into the files recruiters receive by the tools people use:
Chromium's print to PDF, LibreOffice's HTML import exported to PDF and DOCX,
and Markdown kept as text. Four CVs are also rasterised (pdftoppm) and
printed back as image-only PDFs, which must fail as "no text layer".

The labels (labels.json) are written from the same data the documents are
written from, so they are exact: every field, with the precision the style
writes (a style that writes years only is labelled with years).

The corpus is split by style: DEV styles may be read while the reader is
tuned; HELD_OUT styles are never read, only scored (`scout bench cvs`).
DEV_LATER … DEV_LATER_20 styles were added round by round after tuning
began, each as new development material read before it was tuned for;
they come last so nothing made before changes.

Needs Debian's chromium, libreoffice-writer-nogui, fonts-dejavu,
fonts-liberation and poppler-utils. Deterministic for a given seed and tool
versions; the committed files are what the tests read, so CI needs none
of these tools.

    python3 scripts/cv-corpus/make.py [--only-labels]
"""

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from people import people as make_people  # noqa: E402
from styles import DEV, DEV_LATER, DEV_LATER_2, DEV_LATER_3, DEV_LATER_4, DEV_LATER_5, DEV_LATER_6, DEV_LATER_7, DEV_LATER_8, DEV_LATER_9, DEV_LATER_10, DEV_LATER_11, DEV_LATER_12, DEV_LATER_13, DEV_LATER_14, DEV_LATER_15, DEV_LATER_16, DEV_LATER_17, DEV_LATER_18, DEV_LATER_19, DEV_LATER_20, HELD_OUT  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
OUT = os.path.join(ROOT, "crates/scout-ingest/tests/corpus")
PER_STYLE = 5
CITY_WRITTEN = {"DE": {"Munich": "München", "Cologne": "Köln"}, "ES": {"Seville": "Sevilla"}}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]


def chromium_pdf(src, out):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}",
                        "file://" + src], check=True, capture_output=True, timeout=120)


def libreoffice(src, out, target):
    # HTML is opened as a Writer document; an ODT (flat XML) as itself
    infilter = [] if src.endswith(".fodt") else ["--infilter=HTML (StarWriter)"]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        *infilter, "--convert-to", target, "--outdir", tmp, src],
                       check=True, capture_output=True, timeout=180)
        made = [f for f in os.listdir(tmp) if f.endswith(os.path.splitext(out)[1])]
        shutil.move(os.path.join(tmp, made[0]), out)


def labels_of(p, text, precision):
    def date(ym):
        if ym is None:
            return None
        return ym[:4] if precision == "year" else ym
    return {
        "name": p["name"],
        "email": p["email"],
        "phone": p["phone"] if html.escape(p["phone_written"]) in text or p["phone_written"] in text else "",
        "location": p["city"],
        "title": p["title"],
        "skills": p["skills"],
        "experiences": [{"title": e["title"], "company": e["company"], "start": date(e["start"]),
                         "end": date(e["end"])} for e in p["experiences"]],
        "education": [{"school": e["school"], "degree": e["degree"], "year": e["year"]} for e in p["education"]],
        "languages": [{"name": l["name"], "level": None if precision == "month-nolevel" else l["level"]}
                      for l in p["languages"]],
        "certifications": [c for c in p["certifications"] if html.escape(c) in text or c in text],
        "links": ["https://" + l for l in p["links"] if l in text],
    }


def main():
    only_labels = "--only-labels" in sys.argv
    os.makedirs(os.path.join(OUT, "sources"), exist_ok=True)
    # the first 400 people are the pool of every group up to DEV_LATER_17;
    # later groups draw from 200 more (the same seed goes on: the first 400
    # are unchanged), so that no file made before changes
    pool = make_people(600, seed=26)
    FIRST_POOL = 400
    used = set()
    labels = []
    n = 0
    # DEV_LATER comes last so that the people and files of the first two
    # groups never change; a file already made is not made again
    for split, styles in (("dev", DEV), ("heldout", HELD_OUT), ("dev", DEV_LATER), ("dev", DEV_LATER_2),
                          ("dev", DEV_LATER_3), ("dev", DEV_LATER_4),
                          ("dev", DEV_LATER_5), ("dev", DEV_LATER_6),
                          ("dev", DEV_LATER_7), ("dev", DEV_LATER_8),
                          ("dev", DEV_LATER_9), ("dev", DEV_LATER_10),
                          ("dev", DEV_LATER_11), ("dev", DEV_LATER_12),
                          ("dev", DEV_LATER_13), ("dev", DEV_LATER_14),
                          ("dev", DEV_LATER_15), ("dev", DEV_LATER_16),
                          ("dev", DEV_LATER_17), ("dev", DEV_LATER_18),
                          ("dev", DEV_LATER_19), ("dev", DEV_LATER_20)):
        reach = len(pool) if any(styles is g for g in (DEV_LATER_18, DEV_LATER_19, DEV_LATER_20)) else FIRST_POOL
        for name, write, countries, tools in styles:
            chosen = [p for p in pool[:reach] if p["country"] in countries and p["n"] not in used][:PER_STYLE]
            for p in chosen:
                used.add(p["n"])
                p["city_written"] = CITY_WRITTEN.get(p["country"], {}).get(p["city"], p["city"])
                kind, text, precision = write(p)
                stem = f"{n:02d}-{name}"
                src = os.path.join(OUT, "sources", f"{stem}.{ {'html': 'html', 'fodt': 'fodt'}.get(kind, 'md')}")
                if not os.path.exists(src):
                    with open(src, "w", encoding="utf-8") as f:
                        f.write(text)
                for tool in tools:
                    ext = {"chromium-pdf": "pdf", "lo-pdf": "pdf", "lo-docx": "docx", "text": "md"}[tool]
                    file = f"{stem}.{ext}"
                    out = os.path.join(OUT, file)
                    if not only_labels and not os.path.exists(out):
                        if tool == "chromium-pdf":
                            chromium_pdf(src, out)
                        elif tool == "lo-pdf":
                            libreoffice(src, out, "pdf:writer_pdf_Export")
                        elif tool == "lo-docx":
                            libreoffice(src, out, "docx:MS Word 2007 XML")
                        else:
                            shutil.copy(src, out)
                    labels.append({"file": file, "split": split, "style": name, "tool": tool,
                                   **labels_of(p, text, precision)})
                n += 1
    # image-only scans of four CVs: each must fail as "no text layer"
    scans = [l for l in labels if l["file"].endswith(".pdf")][::11][:4]
    for i, l in enumerate(scans):
        file = f"scan-{i}.pdf"
        if not only_labels and not os.path.exists(os.path.join(OUT, file)):
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1",
                                os.path.join(OUT, l["file"]), os.path.join(tmp, "page")], check=True)
                png = [f for f in os.listdir(tmp) if f.endswith(".png")][0]
                page = os.path.join(tmp, "scan.html")
                with open(page, "w") as f:
                    f.write(f"<html><style>@page {{ size: A4; margin: 0 }} body {{ margin: 0 }}</style>"
                            f"<img src='{png}' style='width:100%'></html>")
                chromium_pdf(page, os.path.join(OUT, file))
        labels.append({"file": file, "split": "scan", "style": "image-only", "tool": "pdftoppm+chromium-pdf",
                       "error": "no_text_layer"})
    with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1)
    print(f"{n} people, {len(labels)} files in {OUT}")


if __name__ == "__main__":
    main()
