"""Measurements the browser tests run inside the page (as functions for ``page.evaluate``).

With them, the polling helpers the tests share. They read the page as a user meets it: bounding boxes of the labels drawn, the element that has
the keyboard focus, and the colours of every piece of visible text over what lies behind it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

#: where the browser tests leave screenshots of the main flows (a build folder git ignores)
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

#: labels drawn, how many overlap another, node labels shown, and the share of the frame's width used
LABELS = """() => {
  const svg = document.getElementById("graph");
  const frame = svg.getBoundingClientRect();
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const boxes = [...svg.querySelectorAll(".node-label, .edge-label")].filter(shown).map((e) => e.getBoundingClientRect());
  const cross = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const overlapping = boxes.filter((a, i) => boxes.some((b, j) => i !== j && cross(a, b))).length;
  const nodes = [...svg.querySelectorAll(".node circle")].map((e) => e.getBoundingClientRect());
  const used = (Math.max(...nodes.map((r) => r.right)) - Math.min(...nodes.map((r) => r.left))) / frame.width;
  return { labels: boxes.length, overlapping, node_labels: [...svg.querySelectorAll(".node-label")].filter(shown).length,
           used_width: used };
}"""

#: a name for the focused element, stable while the page is unchanged ("BODY" when nothing has focus)
FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "BODY";
  if (!el.dataset.probe) el.dataset.probe = String(document.querySelectorAll("[data-probe]").length + 1);
  return `${el.tagName}#${el.id}.${el.getAttribute("class") || ""}[${el.dataset.probe}]`;
}"""

#: the focused element's box, 6 px wider all round and clipped to the viewport (null when it has none)
FOCUSED_BOX = """() => {
  const r = document.activeElement.getBoundingClientRect();
  const x = Math.max(0, r.left - 6), y = Math.max(0, r.top - 6);
  const w = Math.min(window.innerWidth, r.right + 6) - x, h = Math.min(window.innerHeight, r.bottom + 6) - y;
  return w > 2 && h > 2 ? { x, y, width: w, height: h } : null;
}"""

#: focus the element FOCUSED_NAME named again (by its probe number)
REFOCUS = """(name) => {
  const probe = name.slice(name.lastIndexOf("[") + 1, -1);
  const el = document.querySelector(`[data-probe="${probe}"]`);
  if (el) el.focus();
}"""

#: [how many pieces of visible text were checked, those under 4.5:1 with their ratio]
CONTRAST = """() => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
  const backdrop = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(e);
    let bg = [255, 255, 255];
    for (const e of chain.reverse()) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) bg = over(c, bg);
    }
    return bg;
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const failures = [];
  let checked = 0;
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || seen.has(el) || el.closest(".sr-only, [disabled], title, option, script, style")) continue;
    seen.add(el);
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === "hidden") continue;
    let fg, bg;
    if (el instanceof SVGElement) {
      fg = parse(cs.fill);
      const circle = el.classList.contains("initials") ? el.parentElement.querySelector("circle") : null;
      bg = circle ? parse(getComputedStyle(circle).fill).slice(0, 3) : backdrop(el.closest("svg").parentElement);
    } else {
      fg = parse(cs.color);
      bg = backdrop(el);
    }
    if (!fg) continue;
    fg = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    checked += 1;
    if (ratio < 4.5) failures.push(`${el.tagName}.${el.getAttribute("class") || ""} "${text.slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return [checked, failures];
}"""


def until(check: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
    """Poll ``check`` until it is truthy (the page's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            assert value, what
            return value
        time.sleep(0.05)


def nodes(page: Any, ok: Callable[[int], bool]) -> int:
    """The number of graph nodes drawn, once ``ok`` of it."""
    return int(
        until(lambda: (lambda n: ok(n) and n or None)(page.locator("#graph .node").count()), "nodes drawn")
    )


def view_hash(page: Any) -> dict[str, list[str]]:
    """The view in the page's URL hash (read in the page: ``page.url`` lags same-document moves)."""
    return parse_qs(page.evaluate("() => window.location.hash").lstrip("#"))


def title(page: Any, text: str) -> None:
    """Wait until the graph's title reads ``text``."""
    until(lambda: page.locator("#graph-title").inner_text() == text, f"title {text!r}")


def shot(page: Any, name: str) -> None:
    """A full-page screenshot in :data:`SHOTS` (named in the README)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
