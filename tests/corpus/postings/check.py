#!/usr/bin/env python3
"""Validate the labelled job-posting corpus and print its make-up.

Checks every `labels.json` under `train/` and `holdout/`: each entry names a
file that exists, every field is present with the right type, enumerations
hold, salaries are well formed, no file is labelled twice and no file sits in
a split without a label. Prints counts per source, profession, country and
format for each split. Exits non-zero when any check fails.

Usage: python3 tests/corpus/postings/check.py
"""

import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ("train", "holdout")
FIELDS = (
    "file", "format", "source", "licence", "built_from", "profession", "country",
    "title", "company", "location", "remote", "salary", "employment_type",
)
FORMATS = {"text", "html"}
PERIODS = {"year", "month", "day", "hour"}
EMPLOYMENT = {None, "full_time", "part_time", "contract", "freelance", "internship"}
PROFESSIONS = {
    "software", "data", "nursing", "health", "finance", "sales", "marketing", "education",
    "design", "operations", "hr", "legal", "trades", "hospitality", "science",
}
# ISO 3166-1 alpha-2 codes, plus INTL (remote across several countries) and XX (not stated).
COUNTRY = re.compile(r"^([A-Z]{2}|INTL)$")


def source_key(source):
    """Group a file's source to the public origin it was copied from."""
    if "news.ycombinator.com" in source:
        return "Hacker News 'Who is hiring?'"
    if "jobs.nhs.uk" in source:
        return "NHS Jobs"
    if "usajobs.gov" in source:
        return "USAJOBS"
    match = re.match(r"github (\S+?):", source)
    if match:
        return match.group(1)
    match = re.match(r"https?://(?:www\.)?([^/]+)", source)
    return match.group(1) if match else source.split(" ")[0]


def check_entry(entry, split_dir, errors):
    """Append a message to `errors` for every problem with one label entry."""
    name = entry.get("file", "<no file>")
    where = f"{os.path.basename(split_dir)}/{name}"
    missing = [f for f in FIELDS if f not in entry]
    if missing:
        errors.append(f"{where}: missing fields {missing}")
        return
    extra = set(entry) - set(FIELDS)
    if extra:
        errors.append(f"{where}: unknown fields {sorted(extra)}")
    if not os.path.isfile(os.path.join(split_dir, name)):
        errors.append(f"{where}: file does not exist")
    if entry["format"] not in FORMATS:
        errors.append(f"{where}: format {entry['format']!r} not in {sorted(FORMATS)}")
    elif not name.endswith(".txt" if entry["format"] == "text" else ".html"):
        errors.append(f"{where}: extension does not match format {entry['format']}")
    for field in ("source", "licence", "title", "profession", "country"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            errors.append(f"{where}: {field} must be a non-empty string")
    if entry["profession"] not in PROFESSIONS:
        errors.append(f"{where}: profession {entry['profession']!r} not in {sorted(PROFESSIONS)}")
    if isinstance(entry["country"], str) and not COUNTRY.match(entry["country"]):
        errors.append(f"{where}: country {entry['country']!r} is not an ISO code, INTL or XX")
    for field in ("company", "location", "built_from"):
        value = entry[field]
        if value is not None and (not isinstance(value, str) or not value.strip()):
            errors.append(f"{where}: {field} must be null or a non-empty string")
    if entry["format"] == "text" and entry["built_from"] is not None:
        errors.append(f"{where}: text postings are copied, so built_from must be null")
    if not isinstance(entry["remote"], bool):
        errors.append(f"{where}: remote must be true or false")
    if entry["employment_type"] not in EMPLOYMENT:
        errors.append(f"{where}: employment_type {entry['employment_type']!r} is not allowed")
    salary = entry["salary"]
    if salary is not None:
        if not isinstance(salary, dict) or set(salary) != {"min", "max", "currency", "period"}:
            errors.append(f"{where}: salary must be null or {{min, max, currency, period}}")
        else:
            lo, hi = salary["min"], salary["max"]
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lo, hi)):
                errors.append(f"{where}: salary min/max must be numbers")
            elif lo <= 0 or lo > hi:
                errors.append(f"{where}: salary needs 0 < min <= max, got {lo}..{hi}")
            if not re.match(r"^[A-Z]{3}$", str(salary["currency"])):
                errors.append(f"{where}: salary currency must be an ISO 4217 code")
            if salary["period"] not in PERIODS:
                errors.append(f"{where}: salary period {salary['period']!r} not in {sorted(PERIODS)}")


def table(title, counter):
    """Print a counter as an aligned two-column table, largest first."""
    print(f"  {title}:")
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"    {count:4d}  {key}")


def main():
    errors = []
    seen = {}
    totals = Counter()
    for split in SPLITS:
        split_dir = os.path.join(HERE, split)
        path = os.path.join(split_dir, "labels.json")
        try:
            with open(path, encoding="utf-8") as handle:
                labels = json.load(handle)
        except (OSError, ValueError) as err:
            errors.append(f"{split}/labels.json: {err}")
            continue
        if not isinstance(labels, list):
            errors.append(f"{split}/labels.json: must be a JSON array")
            continue
        names = Counter(e.get("file") for e in labels if isinstance(e, dict))
        for name, count in names.items():
            if count > 1:
                errors.append(f"{split}/{name}: labelled {count} times")
            if name in seen:
                errors.append(f"{split}/{name}: also in {seen[name]}")
            seen[name] = split
        for entry in labels:
            if not isinstance(entry, dict):
                errors.append(f"{split}/labels.json: every entry must be an object")
                continue
            check_entry(entry, split_dir, errors)
        on_disk = {f for f in os.listdir(split_dir) if f != "labels.json"}
        for name in sorted(on_disk - set(names)):
            errors.append(f"{split}/{name}: file has no label")

        entries = [e for e in labels if isinstance(e, dict) and all(f in e for f in FIELDS)]
        totals[split] = len(entries)
        print(f"== {split}: {len(entries)} files")
        table("format", Counter(e["format"] for e in entries))
        table("source", Counter(source_key(e["source"]) for e in entries))
        table("profession", Counter(e["profession"] for e in entries))
        table("country", Counter(e["country"] for e in entries))
        print("  fields stated: company {}/{}, location {}/{}, salary {}/{}, remote {}, employment type {}".format(
            sum(e["company"] is not None for e in entries), len(entries),
            sum(e["location"] is not None for e in entries), len(entries),
            sum(e["salary"] is not None for e in entries), len(entries),
            sum(e["remote"] for e in entries),
            sum(e["employment_type"] is not None for e in entries)))
    print(f"== total: {sum(totals.values())} files ({', '.join(f'{k} {v}' for k, v in totals.items())})")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for message in errors:
            print(f"  - {message}")
        return 1
    print("all labels valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
