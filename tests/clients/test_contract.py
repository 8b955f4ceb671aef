"""The clients' own models against the OpenAPI document the reference API
serves: a call to a path that is not there, a field the server does not send,
an optional server field the client needs, or a type that differs - fails."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pydantic import TypeAdapter

import clients
from clients.base import Endpoint

ENDPOINTS: list[tuple[str, Endpoint]] = []
for module_info in pkgutil.iter_modules(clients.__path__):
    module = importlib.import_module(f"clients.{module_info.name}")
    ENDPOINTS += [(f"{module_info.name}.{name}", value) for name, value in vars(module).items() if isinstance(value, Endpoint)]


@pytest.fixture(scope="module")
def openapi(api) -> dict:
    return api.get("/openapi.json").json()


def _resolve(schema: dict, document: dict) -> dict:
    """Follow $ref within its document (the server's components, or a client model's $defs)."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document.get("components", {}).get("schemas", {}).get(name) or document["$defs"][name]
    return schema


def _types(schema: dict, document: dict) -> set[str]:
    """The JSON types a schema allows, ignoring null."""
    schema = _resolve(schema, document)
    if "anyOf" in schema:
        return set().union(*(_types(s, document) for s in schema["anyOf"])) - {"null"}
    if "enum" in schema or "const" in schema:
        return {"string"} if all(isinstance(v, str) for v in schema.get("enum", [schema.get("const")])) else {"any"}
    if "type" not in schema:
        return {"any"}
    types = set(schema["type"]) if isinstance(schema["type"], list) else {schema["type"]}
    return {"number" if t == "integer" else t for t in types} - {"null"}


def _compare(client: dict, client_doc: dict, server: dict, server_doc: dict, where: str, problems: list[str], direction: str) -> None:
    client, server = _resolve(client, client_doc), _resolve(server, server_doc)
    if "anyOf" in client:
        client = next((_resolve(s, client_doc) for s in client["anyOf"] if s.get("type") != "null"), client)
    if "anyOf" in server:
        server = next((_resolve(s, server_doc) for s in server["anyOf"] if s.get("type") != "null"), server)
    client_types, server_types = _types(client, client_doc), _types(server, server_doc)
    if "any" not in client_types and "any" not in server_types and not client_types & server_types:
        problems.append(f"{where}: client {sorted(client_types)} vs server {sorted(server_types)}")
        return
    if client.get("type") == "array" and server.get("type") == "array" and "items" in client and "items" in server:
        _compare(client["items"], client_doc, server["items"], server_doc, f"{where}[]", problems, direction)
    if "properties" in client and "properties" in server:
        for name, sub in client["properties"].items():
            if name not in server["properties"]:
                problems.append(f"{where}.{name}: not in the server's schema")
                continue
            if direction == "response" and name in client.get("required", []) and name not in server.get("required", []):
                problems.append(f"{where}.{name}: the client requires what the server may leave out")
            _compare(sub, client_doc, server["properties"][name], server_doc, f"{where}.{name}", problems, direction)
        if direction == "request":
            for name in server.get("required", []):
                if name not in client["properties"]:
                    problems.append(f"{where}.{name}: required by the server, absent from the client")


def test_every_client_call_exists(openapi):
    missing = [f"{name}: {e.method} {e.path}" for name, e in ENDPOINTS if e.method.lower() not in openapi["paths"].get(e.path, {})]
    assert not missing, missing
    assert len(ENDPOINTS) >= 30


@pytest.mark.parametrize(("name", "endpoint"), ENDPOINTS, ids=[name for name, _ in ENDPOINTS])
def test_client_models_match_the_served_schema(openapi, name, endpoint):
    operation = openapi["paths"][endpoint.path][endpoint.method.lower()]
    problems: list[str] = []
    if endpoint.response is not None:
        status = next(code for code in operation["responses"] if code.startswith("2"))
        server = operation["responses"][status]["content"]["application/json"]["schema"]
        client = TypeAdapter(endpoint.response).json_schema(ref_template="#/$defs/{model}")
        _compare(client, client, server, openapi, name, problems, "response")
    else:
        assert "204" in operation["responses"], f"{name}: the client expects no body"
    if endpoint.body is not None:
        server = operation["requestBody"]["content"]["application/json"]["schema"]
        client = endpoint.body.model_json_schema(ref_template="#/$defs/{model}")
        _compare(client, client, server, openapi, f"{name} body", problems, "request")
    assert not problems, problems
