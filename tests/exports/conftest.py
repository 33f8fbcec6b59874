import pytest

from tests.exports.chains import SampleChain, sample_chain


@pytest.fixture
def sample(db) -> SampleChain:
    return sample_chain()


@pytest.fixture
def draft_sample(db) -> SampleChain:
    return sample_chain(publish=False)
