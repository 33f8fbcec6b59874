"""CSV: one row per appearance, claim columns on the first row of each claim."""

from datetime import date

from claims.models import Appearance, Citation, Claim
from claims.selectors.chains import claim_chain
from tests.factories import make_actor, make_event, make_outlet
from tests.importing.helpers import import_file

HEADER = (
    "external_ref,text,kind,subject,event,review_state,outlet,published_on,url,appearance_ref,cites,citation_kind\n"
)


def write(tmp_path, body: str):
    path = tmp_path / "claims.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_rows_of_one_claim_become_its_chain(db, tmp_path) -> None:
    make_actor("Hezbollah", slug="hezbollah")
    make_event("Drone attack on al-Tanf", slug="tanf", date=date(2021, 10, 20))
    make_outlet("Al-Akhbar", slug="al-akhbar")
    make_outlet("Levant Wire", slug="levant-wire")
    path = write(
        tmp_path,
        "tanf-1,Hezbollah was behind the attack,attribution,hezbollah,tanf,published,al-akhbar,2021-10-21,"
        "https://al-akhbar.com/1,akh,,\n"
        ",,,,,,levant-wire,2021-10-22,,wire,akh,republished\n"
        ",,,,,,Levant Wire,2021-10-23,,,wire,quoted\n"
        "tanf-2,Another claim,,,,,,,,,,\n",
    )

    run = import_file(path)

    assert run.ok, run.stderr
    claim = Claim.objects.get(external_ref="tanf-1")
    assert (claim.subject.slug, claim.event.slug, claim.review_state) == ("hezbollah", "tanf", "published")
    chain = claim_chain(claim)
    assert len(chain.nodes) == 3
    assert sorted(e.kind for e in chain.edges) == ["quoted", "republished"]
    assert Appearance.objects.get(external_ref="tanf-1/akh").url == "https://al-akhbar.com/1"
    assert Claim.objects.get(external_ref="tanf-2").appearance_count == 0


def test_a_bad_row_spoils_its_claim_only_and_is_reported_at_its_line(db, tmp_path) -> None:
    make_outlet("Al-Akhbar", slug="al-akhbar")
    path = write(
        tmp_path,
        "one,First claim,,,,,al-akhbar,2021-10-21,,,,\n"
        ',,,,,,al-akhbar,"21 Oct 2021",,,,\n'
        "two,Second claim,,,,,al-akhbar,2021-10-21,,,,\n"
        "three,Third claim,,,,,unknown-daily,2021-10-21,,,,\n"
        "four,Fourth claim,,,,,,,https://lost.example,,,\n",
    )

    run = import_file(path)

    assert not run.ok
    errors = [line for line in run.stderr.splitlines() if line.startswith("line ")]
    assert errors == [
        "line 3 (one): published_on '21 Oct 2021' is not a date (YYYY-MM-DD)",
        'line 5 (three): appearance #1: Unknown outlet "unknown-daily": no outlet has this slug or name. '
        'Add it to the record\'s "outlets" to create it.',
        "line 6 (four): outlet is required on a row that describes an appearance",
    ]
    assert list(Claim.objects.values_list("external_ref", flat=True)) == ["two"]


def test_a_quoted_field_over_several_lines_keeps_the_line_count(db, tmp_path) -> None:
    make_outlet("Al-Akhbar", slug="al-akhbar")
    path = write(
        tmp_path,
        'one,"A claim\nover two lines",,,,,al-akhbar,2021-10-21,,,,\ntwo,Bad date,,,,,al-akhbar,2021-13-01,,,,\n',
    )

    run = import_file(path)

    assert "line 4 (two): published_on '2021-13-01' is not a date (YYYY-MM-DD)" in run.stderr
    assert Claim.objects.get(external_ref="one").text == "A claim\nover two lines"


def test_a_file_without_a_text_column_is_refused(db, tmp_path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("external_ref,outlet\nx,y\n", encoding="utf-8")

    run = import_file(path)

    assert not run.ok
    assert "line 1: the header row must name the columns, text among them" in run.stderr
    assert not Citation.objects.exists() and not Claim.objects.exists()
