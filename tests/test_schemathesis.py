"""Schemathesis against /openapi.json: generated valid and invalid requests
for every operation; no 500s, responses match the documented schemas and
status codes, and every error is a JSON ``{"error": <Chinese text>}``."""
from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.api import create_app
from app.kb import Library

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def api_schema(pipeline):
    # No rate limit here: the generator sends far more than a person would.
    app = create_app(Library.single(pipeline), settings=pipeline.settings.model_copy(update={"rate_limit_per_minute": 0}))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# Excluded check: a schema-valid string can still be no question at all
# ("???", control characters); those get a documented 422 with the reason.


def _operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE],
                         ids=["valid", "invalid"])
def test_generated_requests(api_schema, mode):
    calls: list[int] = []
    for operation in _operations(api_schema):
        if mode == schemathesis.GenerationMode.NEGATIVE and not len(operation.body):
            continue  # a path or no input cannot be made invalid JSON-wise

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:
            response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
            calls.append(response.status_code)
            assert response.status_code < 500
            if response.status_code >= 400:
                assert CJK.search(response.json()["error"])

        check()
    assert len(calls) >= 50  # the generator really ran
    if mode == schemathesis.GenerationMode.NEGATIVE:
        assert set(calls) <= {400, 413, 422}
