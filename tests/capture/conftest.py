"""The newsroom's sites, served locally (tests/capture/sites.py), for every capture test."""

from tests.capture.sites import sites  # noqa: F401 (the fixture)
