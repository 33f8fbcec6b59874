"""claims.language: ISO 639-1 codes from text, and the texts that are in no language."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.language import detect_language, language_refusal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hezbollah claimed responsibility for the drone attack on al-Tanf base", "en"),
        ("أعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة على قاعدة التنف", "ar"),
        ("حزب‌الله مسئولیت حمله پهپادی به پایگاه التنف را بر عهده گرفت", "fa"),
        ("Le Hezbollah a revendiqué l'attaque contre la base d'al-Tanf", "fr"),
    ],
)
def test_languages_are_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "2021-10-20 12:00", "!!! ??? …", "١٢٣٤"])
def test_a_text_with_no_letters_is_in_no_language(text: str) -> None:
    assert detect_language(text) is None
    assert language_refusal(text) is not None


def test_a_word_mixing_scripts_is_refused() -> None:
    # "Неzbollah": a Cyrillic Н and е in a Latin word.
    assert "mixes letters of two scripts" in language_refusal("\u041d\u0435zbollah claimed the attack")


def test_words_of_two_scripts_side_by_side_are_fine() -> None:
    assert language_refusal("Hezbollah (حزب الله) claimed the attack") is None


@given(st.text(max_size=300))
def test_detection_never_fails_and_answers_a_code_or_none(text: str) -> None:
    found = detect_language(text)
    assert found is None or (len(found) == 2 and found.isalpha() and found.islower())
