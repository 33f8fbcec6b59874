"""The Arabic and Persian catalogues: complete, compiled, and current with the code and templates."""

import gettext
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command

LANGUAGES = ["ar", "fa"]
LOCALE = Path(settings.BASE_DIR) / "locale"
# Where makemessages looks for strings, as the Makefile runs it: the project's own code and templates.
IGNORED = [".venv", "tests", "bench", "staticfiles", "seeds", "locale", "media"]
SOURCES = ["claims", "templates", "provenance", "locale"]


def catalogue(language: str, root: Path = LOCALE):
    with open(root / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language)


def msgids(language: str, root: Path = LOCALE) -> set:
    return {(m.context, m.id) for m in catalogue(language, root) if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    untranslated = [
        m.id
        for m in catalogue(language)
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_strings_have_every_form_of_the_language(language):
    forms = catalogue(language).num_plurals
    assert forms == {"ar": 6, "fa": 2}[language]
    for m in catalogue(language):
        if isinstance(m.id, tuple):
            assert len(m.string) == forms and all(m.string), m.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_one_written(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for m in catalogue(language):
        if not m.id or isinstance(m.id, tuple):
            continue
        key = f"{m.context}\x04{m.id}" if m.context else m.id
        assert compiled._catalog.get(key) == m.string, m.id


def test_the_catalogues_hold_every_string_the_code_marks(tmp_path, monkeypatch):
    """A string marked for translation and missing from the catalogues (makemessages not run)
    or a catalogue string no longer in the code fails here. makemessages writes into the
    `locale` folder of the tree it reads, so it reads a copy. It needs GNU gettext's xgettext:
    without it the test is skipped, or fails where REQUIRE_GETTEXT is set (CI)."""
    if shutil.which("xgettext") is None:
        message = "GNU gettext is not installed (apt-get install gettext): the catalogues' extraction cannot run"
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail(message)
        pytest.skip(message)
    base = Path(settings.BASE_DIR)
    for part in SOURCES:
        shutil.copytree(base / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)

    call_command(
        "makemessages", locale=LANGUAGES, no_location=True, no_obsolete=True, ignore_patterns=IGNORED, verbosity=0
    )

    for language in LANGUAGES:
        assert msgids(language, tmp_path / "locale") == msgids(language)
