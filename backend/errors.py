"""Errors as the API reports them: a code the UI translates, the fields at
fault, never a stack trace.

    {"error": {"code": "validation_failed", "message": "...",
               "fields": [{"field": "phone", "code": "invalid_phone"}]}}
"""

from __future__ import annotations

import logging
import re
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("backend")

# What a 503 asks the client to wait before trying again.
RETRY_AFTER_SECONDS = 2


class FieldError(BaseModel):
    field: str
    code: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[FieldError] = []


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: list[FieldError] | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []
        self.headers = headers


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def overloaded() -> ApiError:
    """503 with ``Retry-After``: the service is saturated now and will answer again soon."""
    return ApiError(503, "overloaded", "the service is busy; try again shortly", headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def _database_busy(exc: Exception) -> bool:
    """A database error that waiting will cure: no pooled connection free in
    time, SQLite's write lock held too long, or any of PostgreSQL's operational
    errors (connection lost, too many connections, lock timeout, deadlock,
    serialisation failure). Not SQLite's other ones ("no such table" is a bug)."""
    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc.orig, sqlite3.OperationalError):
        return "locked" in str(exc.orig) or "busy" in str(exc.orig)
    return True


def field_invalid(field: str, code: str) -> ApiError:
    return ApiError(422, "validation_failed", "invalid input", [FieldError(field=field, code=code)])


# pydantic's error types, as the codes the UI knows.
_FIELD_CODES = {
    "missing": "required",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "greater_than": "out_of_range",
    "greater_than_equal": "out_of_range",
    "less_than": "out_of_range",
    "less_than_equal": "out_of_range",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
    "date_parsing": "invalid_date",
    "date_from_datetime_parsing": "invalid_date",
    "date_type": "invalid_date",
    "time_parsing": "invalid_time",
    "value_error": "invalid",
    "string_pattern_mismatch": "invalid_format",
    "int_parsing": "invalid_format",
    "int_type": "invalid_format",
    "float_parsing": "invalid_format",
    "bool_parsing": "invalid_format",
    "string_type": "invalid_format",
    "json_invalid": "invalid_format",
    "model_attributes_type": "invalid_format",
    "dict_type": "invalid_format",
    "list_type": "invalid_format",
}


def _field_errors(exc: RequestValidationError) -> list[FieldError]:
    fields = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ())]
        if location and location[0] in ("body", "query", "path", "header", "cookie"):
            location = location[1:]  # where in the request, not which field
        error_type = error.get("type", "invalid")
        fields.append(FieldError(field=".".join(location) or "request", code=_FIELD_CODES.get(error_type, error_type)))
    return fields


def _respond(status: int, code: str, message: str, fields: list[FieldError] | None = None, headers: dict | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, fields=fields or []))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _allowed_methods(request: Request) -> set[str]:
    """The methods the API documents for this path: what a 405's Allow must list."""
    path = request.scope.get("path", "")
    allowed: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", template), path):
            allowed |= {method.upper() for method in operations}
    return allowed


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _respond(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _respond(422, "validation_failed", "invalid input", _field_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {400: "invalid_format", 404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 413: "too_large"}
        headers = exc.headers
        if exc.status_code == 405:
            headers = {"Allow": ", ".join(sorted(_allowed_methods(request)))}
        return _respond(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail), headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Never a stack trace to the client; the log names the route, not the user.
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _respond(500, "internal_error", "the service could not complete the request")

    @app.exception_handler(PoolTimeout)
    @app.exception_handler(OperationalError)
    async def _database_error(request: Request, exc: Exception) -> JSONResponse:
        if not _database_busy(exc):
            return await _unexpected(request, exc)
        # The error's text may quote the statement's parameters: only its kind is logged.
        log.warning("database busy (%s) on %s %s", type(exc).__name__, request.method, request.url.path)
        return await _api_error(request, overloaded())
