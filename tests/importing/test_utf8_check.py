"""The whole-file UTF-8 check of an upload agrees with Python's own decoding, wherever the chunks
are cut: the same files refused, and the same first bad byte named."""

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import InvalidInput
from claims.importing.formats import check_utf8

text_and_noise = st.lists(
    st.one_of(st.text(max_size=8).map(lambda t: t.encode()), st.binary(max_size=3)), max_size=12
).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(data=text_and_noise, chunk_size=st.integers(min_value=1, max_value=7))
def test_check_utf8_refuses_what_decoding_refuses_and_names_the_same_byte(data, chunk_size):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        with pytest.raises(InvalidInput) as refused:
            check_utf8(io.BytesIO(data), chunk_size=chunk_size)
        position = int(re.search(r"byte ([\d,]+)", refused.value.message).group(1).replace(",", ""))
        # A character cut at the very end is named by the file's length; any other by its first byte.
        assert position in ({exc.start + 1} if exc.reason != "unexpected end of data" else {len(data)})
    else:
        check_utf8(io.BytesIO(data), chunk_size=chunk_size)
