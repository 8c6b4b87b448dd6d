#!/usr/bin/env python3
"""Validate the seed job catalog (assets/catalog/jobs.json).

Usage: python3 scripts/check_catalog.py [path/to/jobs.json]

Exits non-zero and lists every problem found; otherwise prints summary counts
per profession group, experience level, job type, work arrangement and currency.
Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter
from datetime import date
from urllib.parse import urlparse

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "catalog", "jobs.json")

KEYS = {
    "title", "company", "location", "remote", "work_arrangement", "job_type",
    "experience_level", "salary_range", "description", "responsibilities",
    "requirements", "preferred", "benefits", "application_url", "posted_date",
    "expires_date",
}
SALARY_KEYS = {"min", "max", "currency", "period"}
ARRANGEMENTS = {"remote", "hybrid", "on_site"}
JOB_TYPES = {"full_time", "part_time", "contract", "freelance", "internship"}
LEVELS = {"entry", "mid", "senior", "lead", "executive"}
CURRENCIES = {"USD", "EUR", "GBP", "CAD", "INR", "AUD"}
PERIODS = {"year", "month", "hour"}
LIST_SIZES = {
    "responsibilities": (4, 7),
    "requirements": (4, 8),
    "preferred": (2, 5),
    "benefits": (3, 6),
}
DESC_WORDS = (120, 300)
DESC_PARAGRAPHS = (2, 4)
POSTED_RANGE = (date(2026, 9, 1), date(2026, 11, 28))
MIN_POSTINGS = 160
MIN_GROUPS = 12
MIN_PER_GROUP = 10

# Ordered: first matching group wins, so specific phrases come before generic ones.
PROFESSIONS = [
    ("education", r"\b(teacher|instructional|tutor|professor|lecturer|curriculum|teaching|faculty|educator)\b"),
    ("design", r"\b(designer|design lead|product design|graphic design|ux|ui|design director|head of design|visual|illustrator|art director)\b"),
    ("sales", r"\b(sales|account executive|sdr|bdr|business development|account manager)\b"),
    ("customer_support", r"\b(customer|support|client success|help ?desk|technical account|implementation specialist)\b"),
    ("hr_recruiting", r"\b(recruit\w*|talent|people|hr|human resources|hrbp|payroll|compensation|benefits|learning and development|l&d)\b"),
    ("legal", r"\b(counsel|attorney|lawyer|paralegal|legal|solicitor|compliance|privacy|contracts manager|rechtsanwalt)\b"),
    ("marketing", r"\b(marketing|seo|content|growth|brand|copywriter|social media|communications|demand generation|lifecycle|pr)\b"),
    ("product_management", r"\b(product manager|product owner|product lead|head of product|vp of product|director of product|chief product|group product)\b"),
    ("finance_accounting", r"\b(accountant|accounting|cpa|fp&a|financial|finance|auditor|audit|controller|tax|treasury|bookkeeper|cfo|payable|receivable)\b"),
    ("data", r"\b(data|machine learning|ml|analytics|analyst|bi|scientist|mlops|ai engineer|statistic\w*)\b"),
    ("healthcare", r"\b(nurse|rn|nursing|medical|physical therapist|therapist|physiotherap\w*|pharmacist|pharmacy|clinical|physician|dental|radiolog\w*|sonographer|phlebotomist|care)\b"),
    ("software_engineering", r"\b(engineer|developer|devops|sre|site reliability|security|architect|programmer|cto|engineering|infrastructure)\b"),
    ("operations_supply_chain", r"\b(operations|logistics|supply chain|project manager|program manager|warehouse|procurement|fleet|dispatcher|planner|buyer|fulfillment|coordinator|scrum)\b"),
]


def profession_of(title):
    t = title.lower()
    for name, pattern in PROFESSIONS:
        if re.search(pattern, t):
            return name
    return "unclassified"


def parse_date(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"not a YYYY-MM-DD string: {value!r}")
    return date.fromisoformat(value)


def check_string(errors, where, key, value):
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: {key} must be a non-empty string")
        return False
    if value != value.strip():
        errors.append(f"{where}: {key} has leading/trailing whitespace")
    return True


def check_job(i, job, errors):
    where = f"#{i}"
    if not isinstance(job, dict):
        errors.append(f"{where}: not an object")
        return
    title = job.get("title")
    where = f"#{i} {title!r} @ {job.get('company')!r}"

    keys = set(job)
    if keys != KEYS:
        missing, extra = KEYS - keys, keys - KEYS
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
        if extra:
            errors.append(f"{where}: unexpected keys {sorted(extra)}")

    for key in ("title", "company", "location", "description"):
        check_string(errors, where, key, job.get(key))

    remote = job.get("remote")
    arrangement = job.get("work_arrangement")
    if not isinstance(remote, bool):
        errors.append(f"{where}: remote must be a boolean")
    if arrangement not in ARRANGEMENTS:
        errors.append(f"{where}: bad work_arrangement {arrangement!r}")
    elif isinstance(remote, bool) and remote != (arrangement == "remote"):
        errors.append(f"{where}: remote={remote} inconsistent with work_arrangement={arrangement!r}")
    if job.get("job_type") not in JOB_TYPES:
        errors.append(f"{where}: bad job_type {job.get('job_type')!r}")
    if job.get("experience_level") not in LEVELS:
        errors.append(f"{where}: bad experience_level {job.get('experience_level')!r}")

    salary = job.get("salary_range")
    if salary is not None:
        if not isinstance(salary, dict) or set(salary) != SALARY_KEYS:
            errors.append(f"{where}: salary_range must be null or have exactly {sorted(SALARY_KEYS)}")
        else:
            lo, hi = salary["min"], salary["max"]
            numeric = all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi))
            if not numeric:
                errors.append(f"{where}: salary min/max must be whole numbers")
            elif lo <= 0 or lo > hi:
                errors.append(f"{where}: salary needs 0 < min <= max (got {lo}..{hi})")
            if salary["currency"] not in CURRENCIES:
                errors.append(f"{where}: bad currency {salary['currency']!r}")
            if salary["period"] not in PERIODS:
                errors.append(f"{where}: bad salary period {salary['period']!r}")

    desc = job.get("description")
    if isinstance(desc, str):
        words = len(desc.split())
        if not DESC_WORDS[0] <= words <= DESC_WORDS[1]:
            errors.append(f"{where}: description has {words} words (want {DESC_WORDS[0]}-{DESC_WORDS[1]})")
        paragraphs = [p for p in desc.split("\n\n") if p.strip()]
        if not DESC_PARAGRAPHS[0] <= len(paragraphs) <= DESC_PARAGRAPHS[1]:
            errors.append(f"{where}: description has {len(paragraphs)} paragraphs (want {DESC_PARAGRAPHS[0]}-{DESC_PARAGRAPHS[1]})")

    for key, (lo, hi) in LIST_SIZES.items():
        value = job.get(key)
        if not isinstance(value, list):
            errors.append(f"{where}: {key} must be a list")
            continue
        if not lo <= len(value) <= hi:
            errors.append(f"{where}: {key} has {len(value)} items (want {lo}-{hi})")
        for n, item in enumerate(value):
            check_string(errors, where, f"{key}[{n}]", item)
        if len({str(v).strip().lower() for v in value}) != len(value):
            errors.append(f"{where}: {key} has duplicate items")

    url = job.get("application_url")
    if check_string(errors, where, "application_url", url):
        parsed = urlparse(url)
        host = parsed.hostname or ""
        if parsed.scheme != "https" or not (host == "example" or host.endswith(".example")):
            errors.append(f"{where}: application_url must be https on an .example domain: {url!r}")

    posted = expires = None
    try:
        posted = parse_date(job.get("posted_date"))
        if not POSTED_RANGE[0] <= posted <= POSTED_RANGE[1]:
            errors.append(f"{where}: posted_date {posted} outside {POSTED_RANGE[0]}..{POSTED_RANGE[1]}")
    except ValueError as exc:
        errors.append(f"{where}: posted_date {exc}")
    if job.get("expires_date") is not None:
        try:
            expires = parse_date(job.get("expires_date"))
        except ValueError as exc:
            errors.append(f"{where}: expires_date {exc}")
    if posted and expires and expires <= posted:
        errors.append(f"{where}: expires_date {expires} is not after posted_date {posted}")


def print_counter(title, counter):
    print(f"\n{title}:")
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {str(key):<26} {count}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_PATH
    try:
        with open(path, encoding="utf-8") as fh:
            jobs = json.load(fh)
    except (OSError, ValueError) as exc:
        print(f"cannot load {path}: {exc}")
        return 1
    if not isinstance(jobs, list):
        print("top-level value must be a JSON array")
        return 1

    errors = []
    if len(jobs) < MIN_POSTINGS:
        errors.append(f"only {len(jobs)} postings (want >= {MIN_POSTINGS})")

    seen = {}
    for i, job in enumerate(jobs):
        check_job(i, job, errors)
        if isinstance(job, dict):
            key = (str(job.get("title", "")).strip().lower(), str(job.get("company", "")).strip().lower())
            if key in seen:
                errors.append(f"#{i}: duplicate title+company {key} (first at #{seen[key]})")
            else:
                seen[key] = i
    urls = Counter(j.get("application_url") for j in jobs if isinstance(j, dict))
    for url, n in urls.items():
        if n > 1:
            errors.append(f"application_url used {n} times: {url}")

    dicts = [j for j in jobs if isinstance(j, dict)]
    professions = Counter(profession_of(str(j.get("title", ""))) for j in dicts)
    for j in dicts:
        if profession_of(str(j.get("title", ""))) == "unclassified":
            errors.append(f"title not matched by any profession keyword: {j.get('title')!r}")
    big_groups = [g for g, n in professions.items() if g != "unclassified" and n >= MIN_PER_GROUP]
    if len(big_groups) < MIN_GROUPS:
        errors.append(f"only {len(big_groups)} profession groups with >= {MIN_PER_GROUP} postings (want >= {MIN_GROUPS})")

    print(f"{path}: {len(jobs)} postings")
    print_counter("Profession group (by title keyword)", professions)
    print_counter("Experience level", Counter(j.get("experience_level") for j in dicts))
    print_counter("Job type", Counter(j.get("job_type") for j in dicts))
    print_counter("Work arrangement", Counter(j.get("work_arrangement") for j in dicts))
    print_counter("Salary currency", Counter((j.get("salary_range") or {}).get("currency", "none") for j in dicts))
    words = [len(str(j.get("description", "")).split()) for j in dicts]
    if words:
        print(f"\nDescription words: min {min(words)}, max {max(words)}, mean {sum(words) / len(words):.0f}")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(f"  - {e}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
