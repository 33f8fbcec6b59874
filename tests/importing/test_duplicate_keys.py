"""A record that gives a key twice, at any depth, is a bad line naming the key; nothing of it is
written, and the records around it land. The CSV equivalent, a column named twice, refuses the file."""

import json

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.choices import ReviewState
from claims.json_input import DuplicateKey, UnreadableJson, read_json
from claims.models import Appearance, Claim
from tests.importing.helpers import import_file

pytestmark = pytest.mark.django_db

OUTLET = '{"slug": "al-akhbar", "name": "Al-Akhbar", "kind": "newspaper"}'
APPEARANCE = '{"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21"}'


def line(ref: str, *, top: str = "", appearance: str = APPEARANCE, outlet: str = OUTLET) -> str:
    """A record as text, so that a key can be written twice (no JSON library writes that)."""
    return (
        f'{{"external_ref": "{ref}", "text": "Claim {ref}", "review_state": "draft"{top}, '
        f'"outlets": [{outlet}], "appearances": [{appearance}]}}'
    )


def test_a_key_given_twice_at_any_depth_is_a_bad_line_naming_the_key(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text(
        "\n".join(
            [
                line("good-1"),
                line("state-twice", top=', "review_state": "published"'),
                line(
                    "in-appearance",
                    appearance='{"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21", '
                    '"published_on": "2021-10-22"}',
                ),
                line("in-outlet", outlet='{"slug": "x", "name": "X", "reliability": "F", "reliability": "A"}'),
                line("good-2"),
            ]
        )
        + "\n",
        encoding="utf-8",
    )

    run = import_file(path)

    assert not run.ok
    assert 'line 2 (state-twice): the key "review_state" is given twice in one object' in run.stderr
    assert 'line 3 (in-appearance): the key "published_on" is given twice' in run.stderr
    assert 'line 4 (in-outlet): the key "reliability" is given twice' in run.stderr
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {"good-1", "good-2"}
    assert set(Claim.objects.values_list("review_state", flat=True)) == {ReviewState.DRAFT}
    assert Appearance.objects.count() == 2


def test_a_string_holding_quote_colon_is_not_taken_for_a_key(tmp_path):
    path = tmp_path / "claims.jsonl"
    quoted = orjson.dumps({"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21",
                           "excerpt": 'He said "yes": the room did it. "Again" : twice.'}).decode()  # fmt: skip
    path.write_text(line("quoted", appearance=quoted) + "\n", encoding="utf-8")

    run = import_file(path)

    assert run.ok, run.stderr
    assert Appearance.objects.get().excerpt == 'He said "yes": the room did it. "Again" : twice.'


def test_a_csv_header_naming_a_column_twice_refuses_the_file(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text("text,review_state,review_state\nA claim,draft,published\n", encoding="utf-8")

    run = import_file(path)

    assert not run.ok
    assert 'line 1: the header row names the column "review_state" twice' in run.stderr
    assert not Claim.objects.exists()


# Any JSON document, then the same with one object's key written twice.
keys = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6)
scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8)
documents = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20
)


def with_key_twice(document: object, data: st.DataObject) -> tuple[str, str] | None:
    """The document as text with one of its objects giving a key twice, and that key (None: no object)."""
    objects = []
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict) and item:
            objects.append(item)
        stack.extend(item.values() if isinstance(item, dict) else item if isinstance(item, list) else [])
    if not objects:
        return None
    target = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(target)))
    marker = "\x00twice\x00"  # a key no generated text holds, replaced by the repeat once written
    target[marker] = data.draw(scalars)
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
    return text.replace(json.dumps(marker), json.dumps(key), 1), key


@settings(max_examples=300, deadline=None)
@given(documents)
def test_a_document_without_a_repeated_key_reads_as_the_standard_library_reads_it(document):
    text = json.dumps(document, ensure_ascii=False)

    assert read_json(text) == json.loads(text) == read_json(text.encode())


@settings(max_examples=300, deadline=None)
@given(documents, st.data())
def test_a_repeated_key_anywhere_is_refused_and_named(document, data):
    built = with_key_twice(document, data)
    if built is None:
        return
    text, key = built

    with pytest.raises(DuplicateKey) as refused:
        read_json(text)
    assert refused.value.key == key
    with pytest.raises(UnreadableJson):
        read_json(text.encode())
