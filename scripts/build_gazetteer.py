#!/usr/bin/env python3
"""Write the posting parser's world gazetteer (crates/engine/src/posting/world_places.txt).

The hand-written `places.txt` names the countries, regions and the cities the team met in
postings; postings from elsewhere name towns nobody listed ("Bracknell", "Mbabane",
"Guadalajara"). This script adds every populated place of at least 15,000 people and every
first-level division (state, province, region) from two GeoNames dumps:

  cities15000.txt       GeoNames' cities of 15,000 people or more (tab-separated)
  admin1CodesASCII.txt  GeoNames' first-level administrative divisions

GeoNames publishes them under the Creative Commons Attribution licence; the written file says so
in its header. The committed file was written from the copies kept in two public repositories
(github CliveEvans/lucene-spike, cities15000.txt of June 2012; github
ikolomiets/geonames-cities-parser, admin1CodesASCII.txt), with Debian's wamerican 2020.12.07 and
the tuning split as it stood in session 15 (1,311 files).

A name is left out when it would read as something else on a line of its own:
  * it is one word that, without its accents, the system word list (`/usr/share/dict/words`,
    Debian's `wamerican`) holds in lower case, an English word ("Reading", "Mobile", "Split",
    "Police", "Côme"), or that the tuning split of the posting corpus
    (`tests/corpus/postings/train`) writes in lower case, a word of some language there ("Pará",
    "Registro", "Nacional"); e-mail and web addresses are not read for words;
  * it is shorter than four letters ("Of", "Ede", "Bar");
  * it holds a digit or a character that is not a letter, space, full stop, hyphen or
    apostrophe;
  * it is a division whose name is only a direction or a kind of division ("Eastern Region",
    "Central Province", "Capital District", "East End"), which many countries share;
  * it is a division of a country with fewer than 20 such towns: the parishes and districts of
    small states ("Saint Peter", "Christ Church", "German") read as other things.

A Japanese city that GeoNames writes with its "-shi" ("city") suffix only ("Nagoya-shi") is also
listed without it ("Nagoya"), the way postings write it.

Usage:
  python3 scripts/build_gazetteer.py <cities15000.txt> <admin1CodesASCII.txt> \
      [crates/engine/src/posting/world_places.txt]
"""

import glob
import os
import re
import sys
import unicodedata

MIN_POPULATION = 15000
MIN_TOWNS_FOR_DIVISIONS = 20
GENERIC_DIVISION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "upper", "lower", "middle", "capital", "federal", "national", "city", "region", "province",
    "district", "territory", "area", "state", "end", "coast", "island", "islands", "interior",
    "centre", "center", "centrale", "of", "the", "and",
}
WORD_LIST = "/usr/share/dict/words"
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpus", "postings", "train")
ADDRESS = re.compile(r"\S+@\S+|\S*://\S+|\bwww\.\S+")
NAME = re.compile(r"^[^\W\d_][\w'’ .-]*$")


def fold(name):
    """Lower case without accents, for comparing a name with the word lists (the parser's own
    folding keeps accents, so the file keeps each spelling GeoNames gives)."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lower_case_words():
    """Words written in lower case, folded: the word list's lower-case entries (its capitalised
    entries are names) and the words the tuning postings write in lower case."""
    with open(WORD_LIST, encoding="utf-8") as handle:
        words = {fold(w) for w in handle if w.strip() and w.strip()[0].islower()}
    for path in glob.glob(os.path.join(CORPUS, "*.txt")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            # Addresses are not words: "recrutement.nantes@…", "www.nagoya-u.ac.jp".
            text = ADDRESS.sub(" ", handle.read())
            words.update(fold(w) for w in re.findall(r"(?<![\w'’-])[^\W\d_A-Z][\w'’]*", text)
                         if w[0].islower())
    return words


def usable(name, common):
    """Whether a place name can stand alone on a line without reading as something else."""
    name = name.strip()
    letters = sum(c.isalpha() for c in name)
    if letters < 4 or not NAME.match(name) or any(c.isdigit() for c in name):
        return False
    if " " not in name and "-" not in name and fold(name) in common:
        return False
    return True


def without_city_suffix(name, country):
    """A Japanese city's name without the "-shi" ("city") that GeoNames writes on some of them:
    "Nagoya-shi" is written "Nagoya" in postings. Nothing for other names."""
    if country == "JP" and name.endswith("-shi") and len(name) > 4:
        return [name[: -len("-shi")]]
    return []


def dominant(sizes):
    """The country whose town of a name is at least three times any other country's, if any."""
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return None


def tab_country(country):
    """A tab and the country code, or nothing when no one country is meant."""
    return "\t" + country if country else ""


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    cities_path, admin_path = sys.argv[1], sys.argv[2]
    out_path = sys.argv[3] if len(sys.argv) == 4 else "crates/engine/src/posting/world_places.txt"
    common = lower_case_words()

    # name as written, lower case -> (name, {country: largest population of a town so named})
    towns = {}
    towns_per_country = {}
    with open(cities_path, encoding="utf-8") as handle:
        for row in handle:
            cols = row.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] != "P" or int(cols[14] or 0) < MIN_POPULATION:
                continue
            country, population = cols[8], int(cols[14])
            towns_per_country[country] = towns_per_country.get(country, 0) + 1
            for name in {cols[1], cols[2]} | set(without_city_suffix(cols[1], country)):
                if usable(name, common):
                    _, sizes = towns.setdefault(name.lower(), (name, {}))
                    sizes[country] = max(sizes.get(country, 0), population)

    divisions = {}
    with open(admin_path, encoding="utf-8") as handle:
        for row in handle:
            cols = row.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            country = cols[0].split(".")[0]
            if towns_per_country.get(country, 0) < MIN_TOWNS_FOR_DIVISIONS:
                continue
            for name in {cols[1], cols[2]}:
                generic = all(w in GENERIC_DIVISION_WORDS for w in fold(name).split())
                if usable(name, common) and not generic:
                    _, countries = divisions.setdefault(name.lower(), (name, set()))
                    countries.add(country)

    # A division that shares its name with a town of another country ("Victoria", the Australian
    # state, and Victoria in Canada) leaves the name without a country.
    ambiguous = {
        key
        for key, (_, countries) in divisions.items()
        if key in towns and countries != {dominant(towns[key][1])}
    }

    with open(out_path, "w", encoding="utf-8") as out:
        out.write(
            "# Towns and first-level divisions of the world, from GeoNames (geonames.org, Creative\n"
            "# Commons Attribution licence): populated places of 15,000 people or more\n"
            "# (cities15000.txt) and states, provinces and regions (admin1CodesASCII.txt).\n"
            "# Written by scripts/build_gazetteer.py; names that read as English words on their own\n"
            "# line are left out. Do not edit by hand: add hand-checked names to places.txt.\n"
            "# After a tab, the country the name stands for: the only one, or the one whose town of\n"
            "# that name is at least three times the size of any other's.\n"
        )
        out.write("# world towns (GeoNames)\n")
        for key in sorted(towns):
            name, sizes = towns[key]
            country = None if key in ambiguous else dominant(sizes)
            out.write(name + tab_country(country) + "\n")
        out.write("# world divisions (GeoNames)\n")
        for key in sorted(divisions):
            if key not in towns:
                name, countries = divisions[key]
                only = next(iter(countries)) if len(countries) == 1 else None
                out.write(name + tab_country(only) + "\n")
    print(f"{len(towns)} towns, {len(set(divisions) - set(towns))} more divisions -> {out_path}")


if __name__ == "__main__":
    main()
