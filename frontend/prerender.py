"""Prerender a template of every page with a path parameter.

React Router prerenders the app's static paths at build time (``prerender:
true``); a path with a parameter (``/en/services/:service_id``) would get only
the empty single-page fallback. This plugin adds one path per such page,
with a placeholder for the parameter (``/en/services/__service_id__``), so
its whole frame - header, navigation, footer, the regions the server fills -
is in the build, and frontend/page_server.py answers each address from it.
"""

from __future__ import annotations

import json
import re

from reflex_base.plugins.base import Plugin

_CONFIG = "react-router.config.js"
_EXPORT = re.compile(r"^export default (\{.*\});\s*$", re.S)


def placeholder(name: str) -> str:
    """What the path parameter ``name`` is prerendered as: ``__service_id__``."""
    return f"__{name}__"


def template_route(route: str) -> str:
    """A route with each parameter replaced by its placeholder: ``en/services/__service_id__``."""
    return re.sub(r"\[(\w+)\]", lambda match: placeholder(match.group(1)), route.strip("/"))


def template_paths(routes: list[str]) -> list[str]:
    """The placeholder paths of the routes that have parameters."""
    return sorted("/" + template_route(route) for route in routes if "[" in route)


def with_template_paths(config_js: str, paths: list[str]) -> str:
    """React Router's config with ``paths`` prerendered beside the static ones."""
    found = _EXPORT.match(config_js)
    if found is None:
        msg = f"{_CONFIG} is not the single JSON export this plugin extends: {config_js[:200]!r}"
        raise RuntimeError(msg)
    config = json.loads(found.group(1))
    if config.get("prerender") is not True:
        return config_js  # not a production export: nothing is prerendered
    del config["prerender"]
    return (
        f"const config = {json.dumps(config)};\n"
        f"const templates = {json.dumps(paths)};\n"
        "config.prerender = async ({ getStaticPaths }) => [...getStaticPaths(), ...templates];\n"
        "export default config;\n"
    )


class RecordTemplates(Plugin):
    """Adds the placeholder paths to React Router's prerender list."""

    def pre_compile(self, **context) -> None:
        paths = template_paths([page.route for page in context["unevaluated_pages"]])
        context["add_modify_task"](_CONFIG, lambda config_js: with_template_paths(config_js, paths))
