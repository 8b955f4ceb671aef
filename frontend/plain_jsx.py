"""Build the pages without Emotion, Reflex's CSS-in-JS runtime.

Reflex compiles every element through ``jsx`` from ``@emotion/react``, which
only does more than React's ``createElement`` for an element with a ``css``
prop: the styles Reflex makes of ``style=`` and style-like props. The portal
styles everything in its stylesheets (theme.css, prefs.css, kiosk.css), so
Emotion's runtime (about 8 KB compressed on every first visit, and the empty
``<style>`` elements it adds, which the content security policy has to allow)
buys nothing. This plugin points ``@emotion/react`` at a module whose ``jsx``
is React's ``createElement``; tests/unit/test_plain_jsx.py fails when a
component passes a style prop again.
"""

from __future__ import annotations

from pathlib import Path

from reflex_base.plugins.base import Plugin

_VITE_CONFIG = "vite.config.js"
_MODULE = "utils/plain-jsx.js"
_ALIASES = "    alias: ["
_ALIAS = '      { find: /^@emotion\\/react$/, replacement: fileURLToPath(new URL("./' + _MODULE + '", import.meta.url)) },'
_SOURCE = """// @emotion/react for the portal's build (frontend/plain_jsx.py): no CSS-in-JS.
import { createElement } from "react";

export const jsx = createElement;
"""


def with_alias(vite_config: str) -> str:
    """Vite's config with ``@emotion/react`` resolved to the plain module."""
    if _ALIAS in vite_config:
        return vite_config
    if _ALIASES not in vite_config:
        msg = f"{_VITE_CONFIG} has no `{_ALIASES.strip()}` list for this plugin to extend"
        raise RuntimeError(msg)
    return vite_config.replace(_ALIASES, _ALIASES + "\n" + _ALIAS, 1)


class PlainJsx(Plugin):
    """See the module's description."""

    def get_static_assets(self, **context) -> list[tuple[Path, str]]:
        return [(Path(_MODULE), _SOURCE)]

    def pre_compile(self, **context) -> None:
        context["add_modify_task"](_VITE_CONFIG, with_alias)
