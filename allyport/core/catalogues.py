"""The translation catalogues: refreshed from the code, checked, compiled.

`scripts/messages.sh` (`manage.py catalogues`) runs `makemessages` for the ten
languages of `settings.LANGUAGES`, makes the English catalogue complete (each
msgstr is its msgid: English is the source language) and compiles every `.po`
into the `.mo` Django reads, with polib, so neither a fresh clone nor a server
needs GNU gettext at run time; only `makemessages` needs `xgettext`. The compiled
`.mo` files are committed; a test checks they match their `.po`.

`problems()` is the checker the catalogue tests use: an entry untranslated,
fuzzy, or whose placeholders (`%(name)s`, `%s`, `{name}`) or HTML tags differ
from its msgid's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from contextlib import chdir
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils.translation import to_locale

# What makemessages does not read: tools, generated files and third-party code.
IGNORED = [
    ".venv/*",
    "var/*",
    "e2e/*",
    "bench/*",
    "staticfiles/*",
    "build/*",
    "node_modules/*",
]
SOURCE_LANGUAGE = "en"

_PRINTF = re.compile(r"%(?:\((\w+)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?([diouxXeEfFgGcrsa%])")
_BRACES = re.compile(r"\{(\w*)\}")
_TAG = re.compile(r"</?([a-zA-Z][\w-]*)")


def locale_root() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def catalogue_locales() -> list[str]:
    """The locale folder names of settings.LANGUAGES: en, de, ..., pt_BR, zh_Hant."""
    return [to_locale(code) for code, _name in settings.LANGUAGES]


def po_path(locale: str, root: Path | None = None) -> Path:
    return (root or locale_root()) / locale / "LC_MESSAGES" / "django.po"


def refresh(locales: Iterable[str], root: Path | None = None) -> None:
    """Run makemessages for `locales` from the project folder, into `root` (the
    project's locale folder unless given: tests refresh a copy)."""
    base = Path(settings.BASE_DIR)
    target = root or locale_root()
    # makemessages writes each source file's strings into the nearest `locale` folder
    # it walks past, whatever LOCALE_PATHS says: skipping the project's own sends them
    # all to `target`, so a refresh of a copy leaves the committed catalogues alone.
    own = f"{locale_root().resolve().relative_to(base.resolve()).as_posix()}/*"
    with chdir(base), override_settings(LOCALE_PATHS=[str(target)]):
        call_command(
            "makemessages",
            locale=list(locales),
            no_location=True,
            no_obsolete=True,
            ignore_patterns=[*IGNORED, own],
            verbosity=0,
        )


def fill_source_language(path: Path) -> None:
    """English is written in the code: its catalogue says each string as it is."""
    po = polib.pofile(str(path), wrapwidth=79)
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    po.metadata_is_fuzzy = []
    po.metadata["Language"] = SOURCE_LANGUAGE
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save(str(path))


def compile_catalogue(path: Path) -> Path:
    """Write the `.mo` next to the `.po` (fuzzy and untranslated entries left out,
    as msgfmt does)."""
    mo = path.with_suffix(".mo")
    po = polib.pofile(str(path))
    po.save_as_mofile(str(mo))
    return mo


def msgids(path: Path) -> set[tuple[str | None, str, str]]:
    """The strings a catalogue holds (context, singular, plural), without its header."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural)
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


def compiled_translations(path: Path) -> dict[tuple[str | None, str], object]:
    """What a `.po` says once compiled, to compare with its committed `.mo`."""
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in polib.pofile(str(path)).translated_entries()
    }


def mo_translations(path: Path) -> dict[tuple[str | None, str], object]:
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in polib.mofile(str(path))
        if entry.msgid
    }


# -- The checker ---------------------------------------------------------------


def _printf(text: str) -> Counter[str]:
    return Counter(
        f"%({name})" + kind if name else "%" + kind
        for name, kind in _PRINTF.findall(text)
        if kind != "%"
    )


def _braces(text: str) -> Counter[str]:
    return Counter(_BRACES.findall(text))


def _tags(text: str) -> Counter[str]:
    return Counter(tag.lower() for tag in _TAG.findall(text))


def _kinds(text: str, python_format: bool) -> list[tuple[str, Counter[str]]]:
    found = [("placeholders", _braces(text)), ("HTML tags", _tags(text))]
    return ([("placeholders", _printf(text))] if python_format else []) + found


def _mismatch(source: str, translation: str, python_format: bool) -> str | None:
    """What differs between a msgid and its translation, if anything."""
    for (kind, wanted), (_kind, got) in zip(
        _kinds(source, python_format), _kinds(translation, python_format), strict=True
    ):
        if wanted != got:
            return f"{kind} {sorted(wanted.elements())} became {sorted(got.elements())}"
    return None


def _plural_mismatch(entry: polib.POEntry, form: str, python_format: bool) -> str | None:
    """A plural form may leave out what only one msgid says (English's singular often
    omits the count; a language with one form may too) but must keep what both say
    and add nothing (an unknown name fails at run time)."""
    for (kind, one), (_k, many), (_f, got) in zip(
        _kinds(entry.msgid, python_format),
        _kinds(entry.msgid_plural, python_format),
        _kinds(form, python_format),
        strict=True,
    ):
        required, allowed = set(one) & set(many), set(one) | set(many)
        if not required <= set(got) <= allowed:
            return f"{kind} {sorted(allowed)} became {sorted(got)}"
    return None


def entry_problems(entry: polib.POEntry) -> list[str]:
    label = repr(entry.msgid if len(entry.msgid) <= 70 else entry.msgid[:67] + "...")
    if entry.msgctxt:
        label = f"{label} (context {entry.msgctxt!r})"
    if "fuzzy" in entry.flags:
        return [f"fuzzy: {label}"]
    python_format = "python-format" in entry.flags
    if entry.msgid_plural:
        forms = [entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural)]
        if not forms or not all(form.strip() for form in forms):
            return [f"untranslated: {label}"]
        found = [_plural_mismatch(entry, form, python_format) for form in forms]
        return [f"{problem}: {label}" for problem in found if problem][:1]
    if not entry.msgstr.strip():
        return [f"untranslated: {label}"]
    problem = _mismatch(entry.msgid, entry.msgstr, python_format)
    return [f"{problem}: {label}"] if problem else []


def problems(path: Path) -> list[str]:
    """Every entry of the catalogue at `path` that is not ready to ship."""
    po = polib.pofile(str(path))
    found = []
    if "charset=UTF-8" not in po.metadata.get("Content-Type", ""):
        found.append("header: Content-Type must say charset=UTF-8")
    if "nplurals=" not in po.metadata.get("Plural-Forms", ""):
        found.append("header: Plural-Forms is missing")
    for entry in po:
        if not entry.obsolete:
            found += entry_problems(entry)
    return found
