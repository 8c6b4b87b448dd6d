#!/usr/bin/env python3
"""Validate the offline evaluation set (assets/eval/).

Usage: python3 scripts/check_eval.py [path/to/assets/eval]

Checks that every profile in profiles/NN_<slug>.json follows the profile
contract the service enforces (docs: /api/v1/profiles "Limits"; code:
src/profiles/model.rs), that every entry of postings.json is either a catalog
reference resolving to exactly one posting of assets/catalog/jobs.json or a
pasted text, that each profile has at least two postings in its own field,
and that the set as a whole still exercises the messy traits it was written
for (bare-year dates, expired certifications, missing phone, ...).

Exits non-zero and lists every problem found; otherwise prints a summary.
Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter
from datetime import date

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEFAULT_DIR = os.path.join(ROOT, "assets", "eval")
CATALOG_PATH = os.path.join(ROOT, "assets", "catalog", "jobs.json")

MIN_PROFILES = 12
MIN_POSTINGS = 24
MIN_CATALOG_REFS = 20
MIN_PASTED = 4
MIN_IN_FIELD = 2

# Dates in the set are judged against this day (not today), so the check is stable:
# experiences may not lie after it, and a certification that expired before it is "expired".
AS_OF = (2026, 11, 30)

# Limits of the profile contract (src/profiles/model.rs `limits`).
NAME = 100
BULLET = 300
DESCRIPTION = 2000
PHONE = 50
MAX_EXPERIENCES = 30
MAX_EDUCATION = 10
MAX_PROJECTS = 20
MAX_CERTIFICATIONS = 20
MAX_ACHIEVEMENTS = 20
MAX_TECHNICAL = 100
MAX_SOFT = 50
MAX_LANGUAGES = 20
MAX_TECHNOLOGIES = 50
MAX_CUSTOM_FIELDS = 50
PROFICIENCIES = {"basic", "conversational", "fluent", "native"}
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

PROFILE_KEYS = {"personal_info", "professional_summary", "experiences", "education", "skills", "projects", "custom_fields"}
PERSONAL_KEYS = {"full_name", "email", "phone", "location", "linkedin", "github", "website"}
EXPERIENCE_KEYS = {"id", "title", "company", "location", "start_date", "end_date", "is_current", "description", "achievements"}
EDUCATION_KEYS = {"id", "institution", "degree", "field_of_study", "start_date", "end_date", "gpa", "honors"}
SKILLS_KEYS = {"technical", "soft", "languages", "certifications"}
LANGUAGE_KEYS = {"name", "proficiency"}
CERT_KEYS = {"id", "name", "issuer", "date_obtained", "expiry_date", "credential_id", "verification_url"}
PROJECT_KEYS = {"id", "name", "description", "technologies", "url", "start_date", "end_date"}
# Keys whose service type is not an Option (src/profiles/model.rs): absent is fine, null is not.
NOT_NULL = {"personal_info", "full_name", "email", "experiences", "education", "skills", "projects",
            "custom_fields", "id", "title", "company", "is_current", "achievements",
            "institution", "degree", "honors", "technical", "soft", "languages", "certifications",
            "name", "proficiency", "issuer", "technologies"}

FILE_RE = re.compile(r"^\d{2}_[a-z0-9]+(?:_[a-z0-9]+)*\.json$")
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Postings in each profile's own field (the README table says the same in prose).
IN_FIELD = {
    "01_backend_senior": ["senior-backend-tessary", "pasted-backend-go-rust"],
    "02_frontend_mid": ["frontend-developer-marrowbridge", "senior-frontend-lumenfold"],
    "03_data_student": ["data-analyst-brackenfield", "data-analytics-intern-maplecroft"],
    "04_devops_mid": ["devops-engineer-solvanta", "senior-sre-harbordeck"],
    "05_nurse_return": ["rn-med-surg-saint-aldric", "pasted-er-nurse"],
    "06_finance_senior": ["fpa-analyst-lumenfold", "senior-fpa-manager-vantorra"],
    "07_marketing_seo_mid": ["seo-specialist-trellisbay", "pasted-seo-content-manager"],
    "08_design_lead": ["senior-product-designer-quillpine", "design-lead-mobile-pelliton"],
    "09_sales_ae_mid": ["ae-mid-market-vantorra", "enterprise-ae-quennel"],
    "10_hr_senior": ["hrbp-wattlegrove", "pasted-hr-advisor"],
    "11_teacher_to_instructional_designer": ["instructional-designer-easton-ridge", "pasted-learning-designer"],
    "12_operations_executive": ["vp-operations-trellisbay", "program-manager-last-mile-pelliton"],
    "13_product_manager_mid": ["pm-onboarding-pebblecrest", "apm-pelliton"],
}


def parse_date(value):
    """(year, month, day) with missing parts as 1, like the service; None if malformed."""
    if not isinstance(value, str):
        return None
    m = DATE_RE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 1
    day = int(m.group(3)) if m.group(3) else 1
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return (year, month, day)


def date_kind(value):
    m = DATE_RE.match(value or "")
    if not m:
        return None
    return "YYYY-MM-DD" if m.group(3) else "YYYY-MM" if m.group(2) else "YYYY"


def month_index(parsed):
    return parsed[0] * 12 + parsed[1] - 1


class Checker:
    def __init__(self, where):
        self.where = where
        self.errors = []

    def err(self, path, message):
        self.errors.append(f"{self.where}: {path}: {message}")

    def keys(self, path, obj, allowed):
        if not isinstance(obj, dict):
            self.err(path, "must be an object")
            return False
        extra = set(obj) - allowed
        if extra:
            self.err(path, f"unexpected keys {sorted(extra)}")
        for key in sorted(set(obj) & NOT_NULL):
            if obj[key] is None:
                self.err(f"{path}.{key}", "may be absent but not null (the service's type is not optional)")
        return True

    def text(self, path, value, limit, required=False):
        if value is None:
            if required:
                self.err(path, "is required")
            return
        if not isinstance(value, str):
            self.err(path, "must be a string")
            return
        if required and not value.strip():
            self.err(path, "must not be empty")
        if value != value.strip():
            self.err(path, "has leading/trailing whitespace")
        if len(value) > limit:
            self.err(path, f"is {len(value)} characters (max {limit})")

    def strings(self, path, value, max_items, max_len):
        if value is None:
            return []
        if not isinstance(value, list):
            self.err(path, "must be an array")
            return []
        if len(value) > max_items:
            self.err(path, f"has {len(value)} items (max {max_items})")
        for i, item in enumerate(value):
            self.text(f"{path}[{i}]", item, max_len, required=True)
        return value

    def items(self, path, value, max_items):
        if value is None:
            return []
        if not isinstance(value, list):
            self.err(path, "must be an array")
            return []
        if len(value) > max_items:
            self.err(path, f"has {len(value)} items (max {max_items})")
        return value

    def date(self, path, value, required=False):
        if value is None:
            if required:
                self.err(path, "is required")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.err(path, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return parsed

    def order(self, path, start, end):
        if start and end and end < start:
            self.err(path, "is before the start date")

    def url(self, path, value):
        if value is None:
            return
        if not isinstance(value, str) or not re.match(r"^https://[^/\s?#]+\.[^/\s?#]+(?:[/?#]\S*)?$", value) or len(value) > 500:
            self.err(path, f"{value!r} is not a valid https URL")


def check_profile(path, profile, traits):
    c = Checker(os.path.basename(path))
    if not c.keys("$", profile, PROFILE_KEYS):
        return c.errors

    p = profile.get("personal_info")
    if c.keys("personal_info", p, PERSONAL_KEYS):
        c.text("personal_info.full_name", p.get("full_name"), NAME, required=True)
        email = p.get("email")
        c.text("personal_info.email", email, 254, required=True)
        if isinstance(email, str):
            local, _, domain = email.partition("@")
            if not local or "@" in domain or not re.fullmatch(r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}", domain) or ".." in domain:
                c.err("personal_info.email", f"{email!r} is not a valid address")
            elif not domain.endswith(EMAIL_DOMAINS):
                c.err("personal_info.email", f"{email!r} must use an example.* domain")
        c.text("personal_info.phone", p.get("phone"), PHONE)
        c.text("personal_info.location", p.get("location"), NAME)
        for key in ("linkedin", "github", "website"):
            c.url(f"personal_info.{key}", p.get(key))
        name = p.get("full_name") or ""
        if not name.isascii():
            traits["non-ASCII name"].append(name)
        if not p.get("phone"):
            traits["missing phone"].append(path)

    summary = profile.get("professional_summary")
    c.text("professional_summary", summary, DESCRIPTION)
    if not summary:
        traits["no summary"].append(path)

    ids = Counter()
    spans = []
    for i, x in enumerate(c.items("experiences", profile.get("experiences"), MAX_EXPERIENCES)):
        at = f"experiences[{i}]"
        if not c.keys(at, x, EXPERIENCE_KEYS):
            continue
        ids[x.get("id")] += 1
        c.text(f"{at}.title", x.get("title"), NAME, required=True)
        c.text(f"{at}.company", x.get("company"), NAME, required=True)
        c.text(f"{at}.location", x.get("location"), NAME)
        start = c.date(f"{at}.start_date", x.get("start_date"), required=True)
        end = c.date(f"{at}.end_date", x.get("end_date"))
        current = x.get("is_current", False)
        if not isinstance(current, bool):
            c.err(f"{at}.is_current", "must be a boolean")
        if current and x.get("end_date") is not None:
            c.err(f"{at}.end_date", "must be empty while is_current is true")
        if not current and x.get("end_date") is None:
            c.err(f"{at}.end_date", "is missing for a past job (set is_current or an end date)")
        c.order(f"{at}.end_date", start, end)
        for key, value in (("start_date", start), ("end_date", end)):
            if value and value > AS_OF:
                c.err(f"{at}.{key}", f"lies after {AS_OF}")
        c.text(f"{at}.description", x.get("description"), DESCRIPTION)
        bullets = c.strings(f"{at}.achievements", x.get("achievements"), MAX_ACHIEVEMENTS, BULLET)
        if x.get("description") and not bullets:
            traits["description without achievements"].append(f"{path} {x.get('id')}")
        for b in bullets:
            if isinstance(b, str):
                traits["bullet ending with a period" if b.endswith(".") else "bullet without final period"].append(path)
                if len(b) >= 280:
                    traits["bullet of 280-300 characters"].append(f"{path} {x.get('id')}")
        for raw in (x.get("start_date"), x.get("end_date")):
            if raw and date_kind(raw):
                traits[f"date as {date_kind(raw)}"].append(path)
        if start:
            spans.append((month_index(start), month_index(end) if end else month_index(AS_OF), x.get("id")))

    spans.sort()
    for (s1, e1, id1), (s2, e2, id2) in zip(spans, spans[1:]):
        if s2 < e1:
            traits["overlapping roles"].append(f"{path} {id1}/{id2}")
    reach = None
    for s, e, ident in spans:
        if reach is not None and s - reach >= 12:
            traits["career gap of a year or more"].append(f"{path} before {ident}")
        reach = e if reach is None else max(reach, e)

    education = c.items("education", profile.get("education"), MAX_EDUCATION)
    if not education:
        traits["no education"].append(path)
    for i, x in enumerate(education):
        at = f"education[{i}]"
        if not c.keys(at, x, EDUCATION_KEYS):
            continue
        ids[x.get("id")] += 1
        c.text(f"{at}.institution", x.get("institution"), NAME, required=True)
        c.text(f"{at}.degree", x.get("degree"), NAME, required=True)
        c.text(f"{at}.field_of_study", x.get("field_of_study"), NAME)
        start = c.date(f"{at}.start_date", x.get("start_date"))
        end = c.date(f"{at}.end_date", x.get("end_date"))
        c.order(f"{at}.end_date", start, end)
        gpa = x.get("gpa")
        if gpa is not None and (isinstance(gpa, bool) or not isinstance(gpa, (int, float)) or not 0 <= gpa <= 4):
            c.err(f"{at}.gpa", f"{gpa!r} is not a number in 0..4")
        c.strings(f"{at}.honors", x.get("honors"), MAX_ACHIEVEMENTS, BULLET)

    skills = profile.get("skills")
    if c.keys("skills", skills, SKILLS_KEYS):
        technical = c.strings("skills.technical", skills.get("technical"), MAX_TECHNICAL, NAME)
        soft = c.strings("skills.soft", skills.get("soft"), MAX_SOFT, NAME)
        for kind, values in (("technical", technical), ("soft", soft)):
            folded = Counter(v.casefold() for v in values if isinstance(v, str))
            if any(n > 1 for n in folded.values()):
                traits["duplicated skill (case-insensitive)"].append(f"{path} {kind}")
        languages = c.items("skills.languages", skills.get("languages"), MAX_LANGUAGES)
        if languages:
            traits["spoken languages"].append(path)
        for i, lang in enumerate(languages):
            at = f"skills.languages[{i}]"
            if c.keys(at, lang, LANGUAGE_KEYS):
                c.text(f"{at}.name", lang.get("name"), NAME, required=True)
                if lang.get("proficiency") not in PROFICIENCIES:
                    c.err(f"{at}.proficiency", f"{lang.get('proficiency')!r} not in {sorted(PROFICIENCIES)}")
        for i, x in enumerate(c.items("skills.certifications", skills.get("certifications"), MAX_CERTIFICATIONS)):
            at = f"skills.certifications[{i}]"
            if not c.keys(at, x, CERT_KEYS):
                continue
            ids[x.get("id")] += 1
            c.text(f"{at}.name", x.get("name"), NAME, required=True)
            c.text(f"{at}.issuer", x.get("issuer"), NAME, required=True)
            obtained = c.date(f"{at}.date_obtained", x.get("date_obtained"))
            expiry = c.date(f"{at}.expiry_date", x.get("expiry_date"))
            c.order(f"{at}.expiry_date", obtained, expiry)
            c.text(f"{at}.credential_id", x.get("credential_id"), NAME)
            c.url(f"{at}.verification_url", x.get("verification_url"))
            traits["certification with a date" if x.get("date_obtained") else "certification without a date"].append(path)
            if expiry and expiry < AS_OF:
                traits["expired certification"].append(f"{path} {x.get('id')}")

    for i, x in enumerate(c.items("projects", profile.get("projects"), MAX_PROJECTS)):
        at = f"projects[{i}]"
        if not c.keys(at, x, PROJECT_KEYS):
            continue
        ids[x.get("id")] += 1
        c.text(f"{at}.name", x.get("name"), NAME, required=True)
        c.text(f"{at}.description", x.get("description"), DESCRIPTION, required=True)
        c.strings(f"{at}.technologies", x.get("technologies"), MAX_TECHNOLOGIES, NAME)
        c.url(f"{at}.url", x.get("url"))
        start = c.date(f"{at}.start_date", x.get("start_date"))
        end = c.date(f"{at}.end_date", x.get("end_date"))
        c.order(f"{at}.end_date", start, end)

    for ident, n in ids.items():
        if not isinstance(ident, str) or not ID_RE.match(ident):
            c.err("ids", f"{ident!r} is not 1-64 of [A-Za-z0-9_-] (every item needs a stable id)")
        elif n > 1:
            c.err("ids", f"{ident!r} is used {n} times")

    custom = profile.get("custom_fields")
    if custom is not None:
        if not isinstance(custom, dict):
            c.err("custom_fields", "must be an object")
        else:
            if len(custom) > MAX_CUSTOM_FIELDS:
                c.err("custom_fields", f"has {len(custom)} entries (max {MAX_CUSTOM_FIELDS})")
            for key, value in custom.items():
                if not key.strip() or len(key) > NAME:
                    c.err(f"custom_fields.{key}", "keys must be 1 to 100 characters")
                if not isinstance(value, str):
                    c.err(f"custom_fields.{key}", "values must be strings")
    return c.errors


def check_postings(postings, catalog, errors, base):
    index = Counter((j.get("title"), j.get("company")) for j in catalog)
    ids = Counter()
    refs = Counter()
    counts = Counter()
    for i, posting in enumerate(postings):
        where = f"postings.json #{i}"
        if not isinstance(posting, dict):
            errors.append(f"{where}: not an object")
            continue
        ident = posting.get("id")
        where = f"postings.json #{i} {ident!r}"
        ids[ident] += 1
        if not isinstance(ident, str) or not SLUG_RE.match(ident):
            errors.append(f"{where}: id must be a lowercase slug")
        kinds = [k for k in ("catalog", "file") if k in posting]
        extra = set(posting) - {"id", "catalog", "file"}
        if extra:
            errors.append(f"{where}: unexpected keys {sorted(extra)}")
        if len(kinds) != 1:
            errors.append(f"{where}: needs exactly one of 'catalog' or 'file'")
            continue
        if kinds == ["catalog"]:
            counts["catalog"] += 1
            ref = posting["catalog"]
            if not isinstance(ref, dict) or set(ref) != {"title", "company"}:
                errors.append(f"{where}: catalog must be {{title, company}}")
                continue
            key = (ref["title"], ref["company"])
            refs[key] += 1
            if index[key] != 1:
                errors.append(f"{where}: {key} matches {index[key]} catalog postings (need exactly 1)")
        else:
            counts["pasted"] += 1
            path = os.path.join(base, posting["file"])
            if not os.path.isfile(path):
                errors.append(f"{where}: {posting['file']} does not exist")
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if not isinstance(text, str) or len(text.strip()) < 400:
                errors.append(f"{where}: text must be a whole posting (at least 400 characters)")
                continue
            if not text.splitlines()[0].strip():
                errors.append(f"{where}: text must start with a title line")
            if not re.search(r"(?im)^\s*(requirements|about you|what you.ll need|qualifications)\b", text):
                errors.append(f"{where}: text has no requirements section")
    for ident, n in ids.items():
        if n > 1:
            errors.append(f"postings.json: id {ident!r} is used {n} times")
    for key, n in refs.items():
        if n > 1:
            errors.append(f"postings.json: catalog posting {key} is referenced {n} times")
    if len(postings) < MIN_POSTINGS:
        errors.append(f"postings.json: {len(postings)} postings (need at least {MIN_POSTINGS})")
    if counts["catalog"] < MIN_CATALOG_REFS:
        errors.append(f"postings.json: {counts['catalog']} catalog references (need at least {MIN_CATALOG_REFS})")
    if counts["pasted"] < MIN_PASTED:
        errors.append(f"postings.json: {counts['pasted']} pasted postings (need at least {MIN_PASTED})")
    return set(i for i in ids if isinstance(i, str)), counts


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    errors = []
    traits = {name: [] for name in (
        "date as YYYY", "date as YYYY-MM", "date as YYYY-MM-DD", "career gap of a year or more",
        "overlapping roles", "duplicated skill (case-insensitive)", "bullet ending with a period",
        "bullet without final period", "bullet of 280-300 characters", "description without achievements",
        "non-ASCII name", "missing phone", "no summary", "no education", "certification with a date",
        "certification without a date", "expired certification", "spoken languages",
    )}

    profile_dir = os.path.join(base, "profiles")
    try:
        files = sorted(f for f in os.listdir(profile_dir) if f.endswith(".json"))
    except OSError as exc:
        print(f"cannot list {profile_dir}: {exc}")
        return 1
    for name in files:
        path = os.path.join(profile_dir, name)
        if not FILE_RE.match(name):
            errors.append(f"{name}: file name must be NN_<slug>.json")
        try:
            with open(path, encoding="utf-8") as f:
                profile = json.load(f)
        except (OSError, ValueError) as exc:
            errors.append(f"{name}: cannot parse: {exc}")
            continue
        errors.extend(check_profile(name, profile, traits))
    prefixes = Counter(name[:2] for name in files)
    for prefix, n in prefixes.items():
        if n > 1:
            errors.append(f"profiles: number {prefix} is used by {n} files")
    if len(files) < MIN_PROFILES:
        errors.append(f"profiles: {len(files)} profiles (need at least {MIN_PROFILES})")

    try:
        with open(CATALOG_PATH, encoding="utf-8") as f:
            catalog = json.load(f)
        with open(os.path.join(base, "postings.json"), encoding="utf-8") as f:
            postings = json.load(f)
    except (OSError, ValueError) as exc:
        print(f"cannot load postings or catalog: {exc}")
        return 1
    if not isinstance(postings, list):
        errors.append("postings.json: top-level value must be an array")
        postings = []
    posting_ids, counts = check_postings(postings, catalog, errors, base)

    stems = {name[:-5] for name in files}
    for stem in sorted(stems - set(IN_FIELD)):
        errors.append(f"{stem}.json: not listed in IN_FIELD (which postings are in its field?)")
    for stem, ids in IN_FIELD.items():
        if stem not in stems:
            errors.append(f"IN_FIELD: no profile file {stem}.json")
        missing = [i for i in ids if i not in posting_ids]
        if missing:
            errors.append(f"IN_FIELD[{stem}]: unknown postings {missing}")
        if len(set(ids) - set(missing)) < MIN_IN_FIELD:
            errors.append(f"{stem}: fewer than {MIN_IN_FIELD} postings in its field")

    for trait, hits in traits.items():
        if not hits:
            errors.append(f"set: no profile exercises '{trait}' any more")

    print(f"{base}: {len(files)} profiles, {len(postings)} postings "
          f"({counts['catalog']} catalog, {counts['pasted']} pasted), "
          f"{len(files) * len(postings)} profile x posting pairs")
    print("\nMessy traits (profiles exercising each):")
    for trait, hits in traits.items():
        print(f"  {trait:<38} {len({h.split()[0] for h in hits})}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print(f"  - {e}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
