// DOM and API helpers. Data only ever reaches the page through textContent and
// attribute setters: nothing here (or anywhere in the app) parses data as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Create an HTML element: h("li", {class: "x", onclick: fn}, child, "text", ...). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Create an SVG element the same way. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      el.textContent = String(value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Remove every child of an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** GET a JSON API route; rejects with the server's message on an error shape. */
export async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch (err) {
    throw new Error(`the server answered ${response.status} without JSON`);
  }
  if (!response.ok || !body.ok) throw new Error(body.error || `error ${response.status}`);
  return body;
}

/** Encode an actor or event id as one path segment series (ids contain "/"). */
export function idPath(id) {
  return id.split("/").map(encodeURIComponent).join("/");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2015-10-20" -> "20 Oct 2015", "2024-12" -> "Dec 2024", "2013" -> "2013". */
export function fmtDate(value) {
  if (!value) return "undated";
  const [y, m, d] = value.split("-");
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y;
}

/** A date string as a fractional year, for placing it on an axis (middle of its span). */
export function dateToYear(value) {
  if (!value) return null;
  const [y, m, d] = value.split("-").map(Number);
  if (!m) return y + 0.5;
  if (!d) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}

/** Human label for an edge or event sign. */
export function signLabel(sign) {
  return { positive: "cooperative", negative: "hostile", neutral: "neutral" }[sign] || sign || "";
}

/** Split a sentence into plain and highlighted pieces, as DOM nodes. */
export function highlighted(sentence, spans) {
  const out = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > sentence.length) continue;
    if (span.start > at) out.push(document.createTextNode(sentence.slice(at, span.start)));
    out.push(h("mark", { class: `hl hl-${span.role}`, title: span.role }, sentence.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < sentence.length) out.push(document.createTextNode(sentence.slice(at)));
  return out;
}

/** Debounce a function by `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Spans of `q` in `text` where a word begins (as the server's search matches), role "query". */
export function querySpans(text, q) {
  const needle = String(q || "").trim().toLowerCase();
  if (!needle) return [];
  const low = String(text || "").toLowerCase();
  const out = [];
  for (let at = low.indexOf(needle), guard = 0; at >= 0 && guard < 50; at = low.indexOf(needle, at + 1), guard++) {
    const before = at === 0 ? "" : low[at - 1];
    if (!/\w/.test(needle[0]) || !before || !/[\p{L}\p{N}_]/u.test(before)) {
      out.push({ role: "query", start: at, end: at + needle.length });
      at += needle.length - 1;
    }
  }
  return out;
}
