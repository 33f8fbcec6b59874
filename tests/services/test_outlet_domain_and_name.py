"""One outlet per site and per name (issue 23, item 1): the domain is stored normalised, derived from
the URL when not given, and a name we hold already is refused, naming the outlet that has it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.capture.addresses import domain_candidates, outlet_domain
from claims.errors import InvalidInput
from claims.models import Outlet
from claims.selectors.captures import outlet_for_url
from claims.selectors.outlet_names import outlet_of_name, outlets_alike
from claims.services.outlets import outlet_create, outlet_update

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("domain", "url", "stored"),
    [
        ("www.Al-Akhbar.com", "", "al-akhbar.com"),
        ("https://m.haaretz.com/news/1", "", "haaretz.com"),
        ("al-akhbar.com.", "", "al-akhbar.com"),
        ("english.al-akhbar.com", "", "english.al-akhbar.com"),
        ("", "https://www.memri.org:8443/reports/", "memri.org"),
        ("", "http://127.0.0.2:8123/", "127.0.0.2"),
        ("", "", ""),
    ],
)
def test_the_domain_is_stored_normalised_or_read_from_the_url(domain, url, stored):
    outlet = outlet_create(name="Levant Daily Ledger", domain=domain, url=url)

    assert Outlet.objects.get(pk=outlet.pk).domain == stored


def test_the_url_keeps_its_port():
    outlet = outlet_create(name="Levant Daily Ledger", url="http://127.0.0.2:8123/")

    assert Outlet.objects.get(pk=outlet.pk).url == "http://127.0.0.2:8123/"


def test_a_domain_that_is_no_host_name_is_refused_and_nothing_is_written(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="is not a host name") as refused:
        outlet_create(name="Levant Daily Ledger", domain="levant daily")

    assert refused.value.field == "domain"


def test_an_update_normalises_the_domain_and_derives_it_when_it_is_left_blank():
    outlet = outlet_create(name="Levant Daily Ledger")

    outlet_update(outlet=outlet, domain="WWW.Ledger.example")
    assert Outlet.objects.get(pk=outlet.pk).domain == "ledger.example"

    outlet_update(outlet=outlet, domain="", url="https://amp.levant-ledger.example/")
    assert Outlet.objects.get(pk=outlet.pk).domain == "levant-ledger.example"

    outlet_update(outlet=outlet, url="https://other.example/")  # a domain given is kept
    assert Outlet.objects.get(pk=outlet.pk).domain == "levant-ledger.example"


def test_capture_finds_the_outlet_by_plain_equality_with_what_the_service_stored():
    held = outlet_create(name="Al-Akhbar", domain="https://www.al-akhbar.com/")

    assert outlet_for_url("https://m.al-akhbar.com/Politics/1?utm_source=x") == held
    assert outlet_for_url("https://english.al-akhbar.com/node/2") == held  # by the registered domain
    assert outlet_for_url("https://al-akhbar.org/") is None


@given(
    st.sampled_from(["", "www.", "m.", "amp.", "mobile.", "WWW."]),
    st.sampled_from(["al-akhbar.com", "Haaretz.com", "almanar.com.lb", "127.0.0.5"]),
    st.sampled_from(["", ":8080", ":443"]),
    st.sampled_from(["https://", "http://"]),
)
def test_a_domain_written_any_way_is_the_key_capture_reads_from_a_url_of_that_site(prefix, host, port, scheme):
    stored = outlet_domain(f"{prefix}{host}{port}")

    assert stored == outlet_domain("", url=f"{scheme}{prefix}{host}{port}/a/b")
    assert stored in domain_candidates(f"{scheme}{prefix}{host}{port}/story")


def test_a_second_outlet_of_a_name_we_hold_is_refused_naming_the_first(nothing_changes):
    held = outlet_create(name="Levant Daily Ledger", domain="ledger.example")

    for name in ("Levant Daily Ledger", "levant daily ledger", "Levant-Daily Ledger "):
        with nothing_changes(), pytest.raises(InvalidInput) as refused:
            outlet_create(name=name)
        assert refused.value.field == "name"
        assert refused.value.message.startswith(
            f"An outlet named “Levant Daily Ledger” is recorded already (id {held.pk}, slug {held.slug}, "
            "ledger.example). Use that outlet"
        )


def test_a_name_that_is_an_alias_of_an_outlet_we_hold_is_refused_too():
    held = outlet_create(name="Al-Akhbar", aliases=["Akhbar", "الأخبار"])

    with pytest.raises(InvalidInput, match="“akhbar” is another name of Al-Akhbar, recorded already"):
        outlet_create(name="akhbar")
    with pytest.raises(InvalidInput, match=f"id {held.pk}"):
        outlet_create(name="الأخبار")


def test_renaming_to_a_name_we_hold_is_refused_but_an_outlet_keeps_its_own(nothing_changes):
    outlet_create(name="Al-Manar")
    other = outlet_create(name="Al-Mayadeen")

    with nothing_changes(), pytest.raises(InvalidInput, match="Al-Manar"):
        outlet_update(outlet=Outlet.objects.get(pk=other.pk), name="al manar")
    outlet_update(outlet=Outlet.objects.get(pk=other.pk), name="Al Mayadeen")  # its own name, respelled

    assert Outlet.objects.get(pk=other.pk).name == "Al Mayadeen"


def test_names_alike_are_not_the_same_name():
    outlet_create(name="Al-Akhbar")

    assert outlet_of_name("Al-Akhabar") is None  # a transliteration: offered, not refused
    assert outlet_create(name="Al-Akhabar (Egypt)").pk


def test_outlets_alike_are_found_by_a_transliteration_of_the_name_or_by_the_site():
    akhbar = outlet_create(name="Al-Akhbar", aliases=["Akhbar"], domain="al-akhbar.com")
    english = outlet_create(name="Al-Akhbar English", domain="english.al-akhbar.com")
    outlet_create(name="Asharq Al-Awsat", domain="aawsat.com")

    by_name = outlets_alike(name="al-Akhabar", domain="")
    by_site = outlets_alike(name="Levant Wire", domain="al-akhbar.com")

    assert [(a.outlet, a.by_name, a.by_domain) for a in by_name] == [(akhbar, True, False)]
    assert [a.outlet for a in by_site] == [akhbar, english]
    assert outlets_alike(name="", domain="") == []
