// Downloads of the current view, made in the page from what it shows (nothing leaves this machine):
// the relation table's rows as CSV, the graph as GEXF, SVG and PNG. The view's events come as CSV
// from the server (/api/export/events.csv), written by the CLI's own writer.
//
// CSV cells follow the CLI's rule (export/safe.py): text a spreadsheet would run as a formula (it
// starts with = + - @, a tab or a carriage return) gets a leading quote. XML is built through the DOM,
// which escapes markup, after the characters XML 1.0 forbids are dropped (as export/graph.py does).

import { h } from "./dom.js";
import { TIE_COLUMNS } from "./table.js";

const FORMULA = /^[=+\-@\t\r]/;
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SVG_NS = "http://www.w3.org/2000/svg";
const GEXF_NS = "http://gexf.net/1.3";

/** One CSV cell: empty for null, text made spreadsheet-safe, quoted when it holds a comma, quote or line break. */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && FORMULA.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a header of `columns`, a line per row. */
export function csv(columns, rows) {
  return [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((line) => line.map(csvCell).join(",")).join("\n") + "\n";
}

/** Text XML 1.0 can carry: forbidden characters removed, CR as LF. */
export function xmlText(value) {
  return String(value).replace(/\r\n?/g, "\n").replace(XML_FORBIDDEN, "");
}

/** A file name part from an actor's name: lower-case letters, digits and dashes. */
export function slug(text) {
  return String(text || "view").normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "view";
}

/** Offer `blob` as a download named `filename`. */
export function save(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** "2012" → 2012-01-01 (or -12-31 with `end`), "2024-02" → 2024-02-01 (or -29): GEXF wants whole days. */
function day(value, end) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || "");
  if (!m) return null;
  if (!m[2]) return `${m[1]}-${end ? "12-31" : "01-01"}`;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (!m[3]) return `${m[1]}-${m[2]}-${end ? String(last) : "01"}`;
  return Number(m[3]) >= 1 && Number(m[3]) <= last ? value : null;
}

/** The drawn graph as dynamic GEXF 1.3: its actors, and one edge per tie (mutual when both act). */
export function gexf(nodes, ties, description) {
  const doc = document.implementation.createDocument(GEXF_NS, "gexf", null);
  const add = (parent, tag, attrs, text) => {
    const el = doc.createElementNS(GEXF_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) if (value !== null && value !== undefined) el.setAttribute(key, xmlText(value));
    if (text !== undefined) el.textContent = xmlText(text);
    parent.append(el);
    return el;
  };
  const root = doc.documentElement;
  root.setAttribute("version", "1.3");
  const meta = add(root, "meta");
  add(meta, "creator", {}, "patronage explorer");
  add(meta, "description", {}, description);
  const graph = add(root, "graph", { mode: "dynamic", defaultedgetype: "directed", timeformat: "date" });
  const declare = (cls, names) => {
    const block = add(graph, "attributes", { class: cls, mode: "static" });
    for (const [id, type] of names) add(block, "attribute", { id, title: id, type });
  };
  const values = (el, pairs) => {
    const kept = pairs.filter(([, v]) => v !== null && v !== undefined && v !== "");
    if (!kept.length) return;
    const block = add(el, "attvalues");
    for (const [key, value] of kept) add(block, "attvalue", { for: key, value });
  };
  declare("node", [["kind", "string"], ["country", "string"]]);
  declare("edge", [["relation", "string"], ["polarity", "string"], ["negated", "boolean"], ["unrealised", "boolean"],
    ["first_seen", "string"], ["last_seen", "string"]]);
  const nodeBlock = add(graph, "nodes");
  for (const n of nodes) values(add(nodeBlock, "node", { id: n.id, label: n.name || n.id }), [["kind", n.kind], ["country", n.country]]);
  const edgeBlock = add(graph, "edges");
  ties.forEach((t, i) => {
    const [source, target] = t.forward ? [t.a, t.b] : [t.b, t.a];
    const edge = add(edgeBlock, "edge", { id: `e${i}`, source, target, type: t.forward && t.backward ? "mutual" : null,
      label: t.label, weight: String(t.weight), start: day(t.first, false), end: day(t.last, true) });
    values(edge, [["relation", t.names.join(", ")], ["polarity", t.sign], ["negated", String(t.negated)],
      ["unrealised", String(t.unrealised)], ["first_seen", t.first], ["last_seen", t.last]]);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

// the computed look copied onto each shape as presentation attributes, so the file needs no stylesheet
const PAINT = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
  "stroke-opacity", "opacity", "paint-order"];
const TYPE = ["font-family", "font-size", "font-weight", "font-style", "text-decoration", "text-anchor", "dominant-baseline"];

/** The graph's SVG as a standalone file: what is drawn, as it looks, over a white ground. */
export function svgText(svg) {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true);
  const from = [...svg.querySelectorAll("*")], to = [...clone.querySelectorAll("*")];
  from.forEach((el, i) => {
    const out = to[i];
    const style = getComputedStyle(el);
    if (style.display === "none" || el.classList.contains("edge-hit")) { out.remove(); return; }
    if (!["path", "circle", "text", "rect", "line"].includes(el.localName)) return;
    for (const prop of el.localName === "text" ? [...PAINT, ...TYPE] : PAINT) {
      const value = prop === "text-decoration" ? style.textDecorationLine : style.getPropertyValue(prop);
      if (value && value !== "none" && value !== "normal") out.setAttribute(prop, value);
    }
  });
  for (const attr of ["id", "aria-label", "class"]) clone.removeAttribute(attr);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  clone.setAttribute("viewBox", `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.insertBefore(document.createElementNS(SVG_NS, "rect"), clone.firstChild);
  const ground = clone.firstChild;
  for (const [key, value] of [["width", "100%"], ["height", "100%"], ["fill", "#ffffff"]]) ground.setAttribute(key, value);
  const text = new XMLSerializer().serializeToString(clone).replace(XML_FORBIDDEN, "");
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`, width: Math.round(width), height: Math.round(height) };
}

/** A PNG of an SVG file (`scale` pixels per CSS pixel), drawn through an image on a canvas. */
export async function pngBlob({ text, width, height }, scale = 2) {
  const image = new Image();
  await new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error("the graph could not be drawn as an image"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d");
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))), "image/png"));
}

/** Download the view as `kind` (ties, events, gexf, svg or png); `view` holds its actor's `name`, the
 *  table's `tableRows()`, the `events` query, the drawn `nodes` and `ties`, its `title` and `svg`. */
export function downloadView(kind, view) {
  const base = `patronage-${slug(view.name)}`;
  if (kind === "ties") {
    save(`${base}-ties.csv`, new Blob([csv(TIE_COLUMNS, view.tableRows())], { type: "text/csv;charset=utf-8" }));
  } else if (kind === "events") {
    // a same-origin link: the server names the file and writes it with the CLI's writer
    const params = new URLSearchParams(Object.entries(view.events).filter(([, value]) => value));
    const link = h("a", { href: `/api/export/events.csv?${params}`, download: "", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
  } else if (kind === "gexf") {
    save(`${base}.gexf`, new Blob([gexf(view.nodes, view.ties, view.title)], { type: "application/xml" }));
  } else {
    const file = svgText(view.svg);
    if (kind === "svg") save(`${base}.svg`, new Blob([file.text], { type: "image/svg+xml" }));
    else pngBlob(file).then((blob) => save(`${base}.png`, blob)).catch(view.onError);
  }
}
