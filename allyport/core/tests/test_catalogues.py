"""The translation catalogues: complete, in step with the code, compiled.

The completeness tests fail, naming each entry, for a language whose translation is
unfinished; scripts/messages.sh refreshes and compiles (docs/ARCHITECTURE.md,
"Languages")."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from allyport.core import catalogues

LOCALES = catalogues.catalogue_locales()
SHOWN = 40


def _report(locale: str, found: list[str]) -> str:
    listed = "\n  ".join(found[:SHOWN])
    more = f"\n  ... and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    return f"{locale}: {len(found)} entries are not ready:\n  {listed}{more}"


def test_the_ten_languages_have_a_catalogue_each() -> None:
    assert len(settings.LANGUAGES) == 10
    assert sorted(LOCALES) == sorted(
        ["en", "de", "es", "fr", "it", "ja", "ko", "pt_BR", "zh_Hans", "zh_Hant"]
    )
    missing = [locale for locale in LOCALES if not catalogues.po_path(locale).exists()]
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated_and_none_is_fuzzy(locale: str) -> None:
    found = catalogues.problems(catalogues.po_path(locale))
    assert not found, _report(locale, found)


@pytest.mark.parametrize("locale", [locale for locale in LOCALES if locale != "en"])
def test_every_catalogue_holds_the_strings_of_the_code(locale: str) -> None:
    english = catalogues.msgids(catalogues.po_path("en"))
    theirs = catalogues.msgids(catalogues.po_path(locale))
    missing = sorted(msgid for _ctx, msgid, _plural in english - theirs)
    stale = sorted(msgid for _ctx, msgid, _plural in theirs - english)
    assert not missing and not stale, (
        f"{locale}: run scripts/messages.sh; {len(missing)} missing {missing[:20]}, "
        f"{len(stale)} stale {stale[:20]}"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_committed_mo_is_compiled_from_its_po(locale: str) -> None:
    po = catalogues.po_path(locale)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run scripts/messages.sh --compile-only"
    assert catalogues.mo_translations(mo) == catalogues.compiled_translations(po), (
        f"{mo} is older than its .po: run scripts/messages.sh --compile-only"
    )


def test_makemessages_leaves_no_diff(tmp_path: Path) -> None:
    """The committed catalogues hold exactly the strings marked in the code (CI runs
    it, so a string marked without refreshing the catalogues fails here)."""
    assert shutil.which("xgettext"), "GNU gettext is needed: apt-get install gettext"
    copy = tmp_path / "locale"
    shutil.copytree(catalogues.locale_root() / "en", copy / "en")
    before = catalogues.po_path("en").read_bytes()
    catalogues.refresh(["en"], root=copy)
    assert catalogues.po_path("en").read_bytes() == before, "the refresh wrote the real catalogue"
    assert catalogues.po_path("en", copy).read_bytes() != before, "the copy was not refreshed"
    fresh = catalogues.msgids(catalogues.po_path("en", copy))
    committed = catalogues.msgids(catalogues.po_path("en"))
    assert sorted(m for _c, m, _p in fresh - committed) == [], "run scripts/messages.sh"
    assert sorted(m for _c, m, _p in committed - fresh) == [], "run scripts/messages.sh"


def test_english_speaks_the_source_strings() -> None:
    with translation.override("en"):
        assert translation.gettext("Skip to content") == "Skip to content"
    po = polib.pofile(str(catalogues.po_path("en")))
    assert po.metadata["Language"] == "en" and not po.metadata_is_fuzzy


# -- The checker, on small fabricated catalogues --------------------------------


def _catalogue(tmp_path: Path, entries: list[polib.POEntry]) -> Path:
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    for entry in entries:
        po.append(entry)
    path = tmp_path / "django.po"
    po.save(str(path))
    return path


def test_the_checker_passes_a_finished_catalogue(tmp_path: Path) -> None:
    path = _catalogue(
        tmp_path,
        [
            polib.POEntry(msgid="Save", msgstr="保存"),
            polib.POEntry(
                msgid="Hello %(name)s, see <a href='%(url)s'>{count}</a>",
                msgstr="<a href='%(url)s'>{count}</a> をご覧ください、%(name)s さん",
                flags=["python-format"],
            ),
            polib.POEntry(
                msgid="Correct the field marked below.",
                msgid_plural="Correct the %(n)s fields marked below.",
                msgstr_plural={0: "下の %(n)s 個の項目を直してください。"},
                flags=["python-format"],
            ),
            polib.POEntry(msgid="100% done", msgstr="100% 完了"),  # not python-format
        ],
    )
    assert catalogues.problems(path) == []


def test_the_checker_lists_every_unfinished_entry(tmp_path: Path) -> None:
    path = _catalogue(
        tmp_path,
        [
            polib.POEntry(msgid="Save", msgstr=""),
            polib.POEntry(msgid="Cancel", msgstr="取消", flags=["fuzzy"]),
            polib.POEntry(
                msgid="Hello %(name)s", msgstr="こんにちは %(nom)s", flags=["python-format"]
            ),
            polib.POEntry(msgid="Open {title}", msgstr="開く"),
            polib.POEntry(msgid="Read <strong>this</strong>", msgstr="これを読む"),
            polib.POEntry(
                msgid="%(n)s file",
                msgid_plural="%(n)s files",
                msgstr_plural={0: ""},
                flags=["python-format"],
            ),
            polib.POEntry(
                msgid="one case of %(company)s",
                msgid_plural="%(n)s cases of %(company)s",
                msgstr_plural={0: "%(n)s 件"},
                flags=["python-format"],
            ),
        ],
    )
    found = catalogues.problems(path)
    assert found == [
        "untranslated: 'Save'",
        "fuzzy: 'Cancel'",
        "placeholders ['%(name)s'] became ['%(nom)s']: 'Hello %(name)s'",
        "placeholders ['title'] became []: 'Open {title}'",
        "HTML tags ['strong', 'strong'] became []: 'Read <strong>this</strong>'",
        "untranslated: '%(n)s file'",
        "placeholders ['%(company)s', '%(n)s'] became ['%(n)s']: 'one case of %(company)s'",
    ]
    report = _report("xx", found)
    assert report.startswith("xx: 7 entries are not ready:") and "fuzzy: 'Cancel'" in report


def test_the_checker_wants_a_utf8_header(tmp_path: Path) -> None:
    path = tmp_path / "django.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "Save"\nmsgstr "Sichern"\n', encoding="utf-8")
    assert catalogues.problems(path) == [
        "header: Content-Type must say charset=UTF-8",
        "header: Plural-Forms is missing",
    ]
