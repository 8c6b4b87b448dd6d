#!/usr/bin/env python3
"""Validate assets/taxonomy/skills.json (the skills taxonomy).

Checks:
  * the file is a JSON array of objects with exactly the keys
    name (str), aliases (list of str), category (str), case_sensitive (bool);
  * category is one of the allowed categories;
  * no empty / whitespace-padded strings;
  * canonical names are unique (case-insensitively);
  * every alias is unique across the whole file and differs from every
    canonical name (case-insensitively), so each alias maps to one entry;
  * aliases do not repeat their own entry's name or each other;
  * no name/alias shorter than 2 characters unless the entry is case_sensitive;
  * names/aliases that are ordinary lower-case English words with a different
    everyday meaning (go, rust, spark, react, ...) only appear in
    case_sensitive entries;
  * at least MIN_ENTRIES entries and MIN_LANGUAGES human languages;
  * the required examples are present exactly as specified.

Prints counts per category. Exit status 1 if any check fails.
Usage: python3 scripts/check_taxonomy.py [path/to/skills.json]
"""
import json
import os
import sys
from collections import Counter

CATEGORIES = {
    "hard_skill",
    "tool",
    "soft_skill",
    "certification",
    "domain",
    "education",
    "language",
}
KEYS = {"name", "aliases", "category", "case_sensitive"}
MIN_ENTRIES = 1600
MIN_LANGUAGES = 40

# Lower-case English words that are also names of skills/tools/languages.
# A name or alias equal to one of these (case-insensitively) would match
# ordinary prose, so it is only allowed in a case_sensitive entry.
AMBIGUOUS_WORDS = set(
    """
    go r c swift rust ruby dart spark excel less make chef puppet ant flask
    react node express spring rails hive pig storm airflow looker notion slack
    asana zoom sketch illustrator canvas blackboard epic helm maven yarn babel
    rollup jest mocha jasmine cucumber postman espresso cypress playwright
    sentry consul vault nomad packer vagrant snowflake segment heap amplitude
    lever greenhouse workable indeed lattice workday buffer drift front
    outreach gong iterable mural maze loom unity blender maya electron ionic
    flutter celery mongoose prettier bootstrap sass gatsby ember angular
    hibernate elixir julia apex delphi pascal lisp elm groovy bash shell ray
    prophet anaconda shiny stripe plaid ramp toast pigment karat pave dice
    handshake glint skyward quip coda obsidian telegram discord box linear
    lean safe waterfall pals soap rag yolo word outlook access teams premiere
    flash torch unreal cadence avid lucid concur banner articulate captivate
    flip prism facets evident nitrogen tally encompass bottomline diligent
    grain otter doodle tome guru clover harvest shortcut aladdin teachable
    delighted attentive fishbowl grasshopper networking monitoring testing
    discovery retention closing stocking agency organization flexible
    federal or um him it as do pt ot pr ad hit spa var
    """.split()
)

# Required examples: name -> (category or None, aliases that must be present,
# required case_sensitive value or None).
REQUIRED = {
    "JavaScript": ("hard_skill", ["JS", "ECMAScript"], None),
    "PostgreSQL": (None, ["Postgres", "psql"], None),
    "Kubernetes": (None, ["k8s"], None),
    "CI/CD": (
        None,
        ["continuous integration", "continuous delivery", "continuous deployment"],
        None,
    ),
    "C++": ("hard_skill", ["cpp"], None),
    "C#": ("hard_skill", ["csharp", "C sharp"], None),
    ".NET": (None, ["dotnet", ".NET Core"], None),
    "ASP.NET": (None, [], None),
    "Node.js": (None, ["Node", "NodeJS"], None),
    "A/B testing": (None, ["split testing", "AB testing"], None),
    "Registered Nurse": ("certification", ["RN"], None),
    "CPA": ("certification", ["Certified Public Accountant"], None),
    "GAAP": (None, ["US GAAP", "Generally Accepted Accounting Principles"], None),
    "SEO": (None, ["search engine optimization", "search engine optimisation"], None),
    "Figma": ("tool", [], None),
    "Go": ("hard_skill", ["Golang"], True),
    "R": ("hard_skill", [], True),
    "C": ("hard_skill", [], True),
    "Amazon Web Services": (None, ["AWS"], None),
    "Google Cloud Platform": (None, ["GCP"], None),
    "Microsoft Excel": ("tool", ["Excel", "MS Excel"], None),
    "Machine Learning": (None, ["ML"], None),
    "Natural Language Processing": (None, ["NLP"], None),
    "TypeScript": ("hard_skill", [], None),
}


def main(path):
    errors = []
    warnings = []

    def err(msg):
        errors.append(msg)

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        print(f"FAIL: cannot load {path}: {exc}")
        return 1
    if not isinstance(data, list):
        print("FAIL: top level must be a JSON array")
        return 1

    names = {}  # casefolded name -> index
    owner = {}  # casefolded string (name or alias) -> (index, kind)
    valid = []

    # Pass 1: shape, types, names.
    for i, e in enumerate(data):
        where = f"entry #{i}"
        if not isinstance(e, dict):
            err(f"{where}: not an object")
            continue
        keys = set(e)
        if keys != KEYS:
            missing, extra = KEYS - keys, keys - KEYS
            err(f"{where}: keys missing={sorted(missing)} extra={sorted(extra)}")
            continue
        name, aliases, cat, cs = e["name"], e["aliases"], e["category"], e["case_sensitive"]
        if not isinstance(name, str) or not name.strip():
            err(f"{where}: name must be a non-empty string")
            continue
        where = f"{where} ({name!r})"
        if name != name.strip():
            err(f"{where}: name has leading/trailing whitespace")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            err(f"{where}: aliases must be a list of strings")
            continue
        if cat not in CATEGORIES:
            err(f"{where}: invalid category {cat!r}")
        if not isinstance(cs, bool):
            err(f"{where}: case_sensitive must be a boolean")
        key = name.casefold()
        if key in names:
            err(f"{where}: duplicate canonical name (also entry #{names[key]})")
        else:
            names[key] = i
            owner[key] = (i, "name")
        valid.append(i)

    # Pass 2: aliases.
    for i in valid:
        e = data[i]
        name, cs = e["name"], e["case_sensitive"] is True
        where = f"entry #{i} ({name!r})"
        own = set()
        for s in [name] + e["aliases"]:
            if len(s.strip()) < 2 and not cs:
                err(f"{where}: {s!r} shorter than 2 characters in a non-case_sensitive entry")
            if s.casefold() in AMBIGUOUS_WORDS and not cs:
                err(f"{where}: {s!r} is an ordinary English word; entry must be case_sensitive")
        for a in e["aliases"]:
            if not a.strip():
                err(f"{where}: empty alias")
                continue
            if a != a.strip():
                err(f"{where}: alias {a!r} has leading/trailing whitespace")
            k = a.casefold()
            if k == name.casefold():
                err(f"{where}: alias {a!r} repeats the name")
                continue
            if k in own:
                err(f"{where}: alias {a!r} listed twice")
                continue
            own.add(k)
            if k in owner:
                j, kind = owner[k]
                err(f"{where}: alias {a!r} collides with the {kind} of entry #{j} ({data[j]['name']!r})")
            else:
                owner[k] = (i, "alias")

    # Required examples.
    by_name = {data[i]["name"]: data[i] for i in valid}
    for rname, (rcat, raliases, rcs) in REQUIRED.items():
        e = by_name.get(rname)
        if e is None:
            err(f"required entry {rname!r} missing (exact name)")
            continue
        if rcat and e["category"] != rcat:
            err(f"required entry {rname!r}: category {e['category']!r}, expected {rcat!r}")
        for a in raliases:
            if a not in e["aliases"]:
                err(f"required entry {rname!r}: alias {a!r} missing")
        if rcs is not None and e["case_sensitive"] is not rcs:
            err(f"required entry {rname!r}: case_sensitive must be {rcs}")
    # ASP.NET must be separate from .NET.
    if ".NET" in by_name and any(a.casefold() == "asp.net" for a in by_name[".NET"]["aliases"]):
        err("ASP.NET must be its own entry, not an alias of .NET")
    # "TS" is ambiguous (Top Secret clearance, TS/SCI...): if present it may
    # only be an alias of TypeScript.
    ts = owner.get("ts")
    if ts is not None and data[ts[0]]["name"] != "TypeScript":
        err(f"'TS' is used by {data[ts[0]]['name']!r}; it may only alias TypeScript")
    elif ts is not None:
        warnings.append("'TS' is an alias of TypeScript; make sure it is unambiguous")

    counts = Counter(data[i]["category"] for i in valid)
    if len(data) < MIN_ENTRIES:
        err(f"only {len(data)} entries; need at least {MIN_ENTRIES}")
    if counts.get("language", 0) < MIN_LANGUAGES:
        err(f"only {counts.get('language', 0)} languages; need at least {MIN_LANGUAGES}")
    missing_cats = CATEGORIES - set(counts)
    if missing_cats:
        err(f"no entries for categories: {sorted(missing_cats)}")

    n_alias = sum(len(data[i]["aliases"]) for i in valid)
    n_cs = sum(1 for i in valid if data[i]["case_sensitive"] is True)
    print(f"{path}: {len(data)} entries, {n_alias} aliases, {n_cs} case_sensitive")
    for cat in sorted(CATEGORIES):
        print(f"  {cat:<14} {counts.get(cat, 0):>5}")
    for w in warnings:
        print(f"WARN: {w}")
    for m in errors:
        print(f"FAIL: {m}")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    default = os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "assets", "taxonomy", "skills.json"
    )
    sys.exit(main(os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)))
