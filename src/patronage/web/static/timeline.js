// The timeline: records (events, relation statements, quotes) as marks along a date axis and as a
// list below it. One renderer serves an actor's events and the pair view (A ↔ B), where each kind
// of record has its own lane. The marks are for the mouse; the list is the keyboard's way.

import { h, s, clear, fmtDate, dateToYear } from "./dom.js";
import { chip, sureness } from "./panels.js";

const LANES = { event: 0, relation: 1, quote: 2 };

/** Events from /api/events or /api/pair as timeline items. */
export function eventItems(events) {
  return events.map((e) => ({ key: e.event_id, id: e.event_id, kind: "event", date: e.date, label: e.type, sign: e.sign,
    polarity: e.polarity, modality: e.modality, from: e.source ? e.source.name : "?", to: e.target ? e.target.name : "?",
    snippet: e.evidence.sentence || "" }));
}

/** Relation statements from /api/pair as timeline items. */
export function relationItems(relations) {
  return relations.map((r) => ({ key: r.evidence_id, id: r.evidence_id, kind: "relation", date: r.date,
    label: r.relation.replace(/_/g, " "), sign: r.polarity, polarity: "asserted", modality: "actual",
    from: r.source.name, to: r.target.name, snippet: r.evidence.sentence || "" }));
}

/** Quotes from /api/pair as timeline items (their evidence is shown from the item itself). */
export function quoteItems(quotes) {
  return quotes.map((q) => ({ key: q.quote_id, id: null, kind: "quote", date: q.date, label: q.direct ? "quote" : "said",
    sign: "neutral", polarity: "asserted", modality: "actual", from: q.speaker ? q.speaker.name : "?", to: "",
    snippet: q.text, quote: q }));
}

function mark(item, x, y, onPick) {
  const cls = `dot sign-${item.sign}${item.polarity === "negated" ? " negated" : ""}${item.modality && item.modality !== "actual" ? " unrealised" : ""}`;
  const title = s("title", { text: `${fmtDate(item.date)} · ${item.label}${item.polarity === "negated" ? " (negated)" : ""}: ${item.from}${item.to ? ` → ${item.to}` : ""}` });
  const attrs = { class: cls, dataset: { item: item.key }, onclick: () => onPick(item) };
  if (item.kind === "relation") return s("rect", { ...attrs, x: x - 5, y: y - 5, width: 10, height: 10, transform: `rotate(45 ${x} ${y})` }, title);
  if (item.kind === "quote") return s("rect", { ...attrs, x: x - 5, y: y - 5, width: 10, height: 10, rx: 2 }, title);
  return s("circle", { ...attrs, cx: x, cy: y, r: 5.5 }, title);
}

/** Draw `items` on `svg` and list them in `list`; `lanes` gives each kind its own row. */
export function renderRecords(svg, list, items, { onPick, empty, lanes }) {
  clear(svg);
  clear(list);
  if (!items.length) {
    svg.setAttribute("height", "0");
    list.append(h("li", { class: "muted" }, empty));
    return;
  }
  const dated = items.filter((e) => e.date);
  const width = svg.getBoundingClientRect().width || 900;
  const height = lanes ? 130 : 96, pad = 28, axis = height - 32;
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (dated.length) {
    const years = dated.map((e) => dateToYear(e.date));
    let lo = Math.floor(Math.min(...years)), hi = Math.ceil(Math.max(...years));
    if (hi - lo < 2) { lo -= 1; hi += 1; }
    const x = (y) => pad + ((y - lo) / (hi - lo)) * (width - 2 * pad);
    svg.append(s("line", { class: "axis", x1: pad, x2: width - pad, y1: axis, y2: axis }));
    const step = Math.max(1, Math.ceil((hi - lo) / Math.max(2, Math.floor(width / 70))));
    for (let y = lo; y <= hi; y += step) {
      svg.append(s("line", { class: "tick", x1: x(y), x2: x(y), y1: axis - 4, y2: axis + 4 }),
        s("text", { class: "tick-label", x: x(y), y: axis + 20, "text-anchor": "middle" }, String(y)));
    }
    const stacks = new Map();
    for (const item of dated) {
      const px = Math.round(x(dateToYear(item.date)) / 8) * 8;
      const lane = lanes ? LANES[item.kind] : 0;
      const key = `${px}:${lane}`;
      const level = stacks.get(key) || 0;
      stacks.set(key, level + 1);
      const base = lanes ? axis - 14 - lane * 30 : axis - 12;
      svg.append(mark(item, px, base - (lanes ? Math.min(level, 1) * 8 : level * 13), onPick));
    }
  }
  for (const item of items) {
    const negated = item.polarity === "negated";
    list.append(h("li", {},
      h("button", { type: "button", class: "event-item", dataset: { item: item.key }, onclick: () => onPick(item) },
        h("span", { class: "ev-date" }, fmtDate(item.date)),
        h("span", { class: "ev-kind" }, chip(item.label, `sign-${item.sign}${negated ? " struck" : ""}`), ...sureness(item.polarity, item.modality)),
        h("span", { class: "ev-line" }, item.from, item.to ? h("span", { class: "arrow-txt" }, " → ") : "", item.to),
        h("span", { class: "ev-snippet" }, item.snippet))));
  }
}
