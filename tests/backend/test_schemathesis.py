"""Property-based tests of the reference API from its own OpenAPI document
(schemathesis): for any input the schema allows - and many it does not -
no server error, and every response matches the documented schema. On each
database, with a database of its own (the random writes stay out of the other
tests' way)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from backend.app import create_app
from backend.settings import load_settings
from tests.api_helpers import log_in
from tests.conftest import DATABASES, fresh_settings

# Its own SQLite database, made when the module is collected: schemathesis reads the schema then.
_DATA = Path(tempfile.mkdtemp(prefix="schemathesis-"))
APP = create_app(dataclasses.replace(load_settings(), data_dir=_DATA, database_url=f"sqlite:///{_DATA / 'portal.db'}"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="session", params=DATABASES)
def fuzzed_app(request, tmp_path_factory):
    """The app the cases call: the one above on SQLite, a second one on a PostgreSQL database of its own."""
    if request.param == "sqlite":
        return APP
    return create_app(fresh_settings(request.param, tmp_path_factory.mktemp("schemathesis"), request))


@pytest.fixture(scope="session")
def token(fuzzed_app) -> dict[str, str]:
    return log_in(TestClient(fuzzed_app), "13600136000")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_responses_match_the_schema(case, fuzzed_app, token):
    if case.path.startswith("/me"):
        # A logged-in caller reaches the account routes' real code, not only their 401.
        case.headers = {**(case.headers or {}), **token}
    # Schema-valid input may still be refused: a resident ID's check digit or a
    # phone number cannot be written in JSON Schema. The refusal must be a 4xx
    # with field errors, which the other checks hold it to.
    case.call_and_validate(app=fuzzed_app, excluded_checks=[positive_data_acceptance])
