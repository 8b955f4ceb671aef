/* A region of a page whose HTML the portal's server renders (frontend/served.py).
 *
 * The first response already holds the region's HTML. React leaves the
 * children of an element with dangerouslySetInnerHTML alone while it
 * hydrates, and never writes them itself when that value stays the same, so
 * the server's HTML survives hydration untouched. The live state (`html`,
 * `version`, and `page`, the address it was rendered for) replaces it only
 * when it brings another version for this address: content changed since the
 * page was served. After a client-side navigation the element starts empty
 * (its key is the address) and is filled when the state arrives.
 */
import { createElement, useLayoutEffect, useRef } from "react";
import { useLocation } from "react-router";

const KEEP = { __html: "" };

export function ServedHtml({ element = "div", html, version, page, ...props }) {
  const location = useLocation();
  const here = location.pathname + location.search;
  const ref = useRef(null);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || page !== here || typeof html !== "string" || node.getAttribute("data-version") === version) return;
    node.innerHTML = html;
    node.setAttribute("data-version", version);
  }, [html, version, page, here]);
  return createElement(element, { ...props, key: here, ref, dangerouslySetInnerHTML: KEEP });
}
