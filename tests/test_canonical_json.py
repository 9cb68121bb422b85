"""The fast serializer must write exactly the reference text: verifying the hash chain
re-serializes every stored payload, including ones written before the fast path existed."""
from __future__ import annotations

import math

from hypothesis import given, settings, strategies as st

from store.events import canonical_json, reference_json

_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _values, max_size=8))
def test_same_text_as_the_reference(payload: dict) -> None:
    assert canonical_json(payload) == reference_json(payload)


def test_the_cases_where_the_two_encoders_differ() -> None:
    for payload in ({"confidence": 1e-05}, {"x": 2e16}, {"x": math.nan}, {"x": -math.inf},
                    {"n": 2 ** 65}, {1: "int key"}, {"q": "a\u2028b\x00\x7f é 漢"}, {"b": [0.92, None, True]}):
        assert canonical_json(payload) == reference_json(payload)
