// The side panels: actor profile, evidence, the connections list and the timeline.

import { h, s, clear, fmtDate, dateToYear, signLabel, highlighted } from "./dom.js";

const pretty = (rel) => String(rel || "").toLowerCase().replace(/_/g, " ");

function chip(text, cls) {
  return h("span", { class: `chip ${cls || ""}` }, text);
}

/** The actor card: name, kind, country, aliases, roles, and what they said. */
export function renderProfile(el, p) {
  clear(el);
  const meta = [p.kind, p.country].filter(Boolean).join(" · ");
  el.append(
    h("p", { class: "eyebrow" }, "Actor"),
    h("h2", { class: "actor-name" }, p.name),
    h("p", { class: "muted" }, meta, p.wikidata ? ` · Wikidata ${p.wikidata}` : ""),
  );
  if (p.aliases && p.aliases.length) el.append(h("p", { class: "aliases" }, "Also: ", p.aliases.join(", ")));
  const stat = (n, one, many) => h("div", {}, h("dt", {}, n === 1 ? one : many), h("dd", {}, String(n)));
  const stats = h("dl", { class: "stats-row" }, stat(p.events.length, "event", "events"),
    stat(p.relations.length, "relation", "relations"), stat(p.quotes.length, "quote", "quotes"));
  el.append(stats);
  if (p.roles.length) {
    el.append(h("h3", {}, "Roles"), h("ul", { class: "roles" }, p.roles.map((r) =>
      h("li", {}, h("strong", {}, r.title), r.of ? ` of ${r.of}` : "",
        h("span", { class: "muted" }, ` ${r.start ? fmtDate(r.start) : "?"} – ${r.end ? fmtDate(r.end) : "now"}`)))));
  }
  if (p.quotes.length) {
    // how sure the attribution is: the words the text uses for the speaker and the confidence
    const who = (q) => {
      const conf = q.speaker_confidence == null ? "confidence unknown" : `confidence ${Math.round(q.speaker_confidence * 100)}%`;
      const as = q.speaker_text ? `as “${q.speaker_text}”, ` : "";
      return h("span", { class: q.speaker_confidence != null && q.speaker_confidence < 0.5 ? "muted warn" : "muted" }, ` (${as}${conf})`);
    };
    el.append(h("h3", {}, "Said"), h("ul", { class: "quotes" }, p.quotes.slice(0, 5).map((q) =>
      h("li", {}, h("q", {}, q.text), q.cue ? h("span", { class: "muted" }, ` — ${q.cue}`) : "", who(q)))));
  }
}

/** The evidence panel for one event or relation statement (an /api/evidence answer). */
export function renderEvidence(el, ev, context) {
  clear(el);
  const head = h("div", { class: "ev-head" });
  if (ev.kind === "event") {
    const e = ev.event;
    head.append(chip(e.type, `sign-${e.sign}`), e.cameo ? chip(`CAMEO ${e.cameo}`, "plain") : "",
      ...e.context.map((c) => chip(c, "plain")), e.polarity !== "asserted" ? chip(e.polarity, "warn") : "",
      e.modality && e.modality !== "actual" ? chip(e.modality, "warn") : "");
    el.append(h("p", { class: "eyebrow" }, "Evidence · event"), head,
      h("p", { class: "ev-who" }, e.source ? e.source.name : "?", h("span", { class: "arrow-txt" }, " → "),
        e.target ? e.target.name : "?", h("span", { class: "muted" }, ` · ${fmtDate(e.date)}`)));
  } else if (ev.kind === "relation") {
    const r = ev.relation;
    head.append(chip(pretty(r.relation), `sign-${r.polarity}`), chip(signLabel(r.polarity), "plain"));
    el.append(h("p", { class: "eyebrow" }, "Evidence · relation"), head,
      h("p", { class: "ev-who" }, r.source.name, h("span", { class: "arrow-txt" }, " → "), r.target.name,
        h("span", { class: "muted" }, ` · ${fmtDate(r.date)}`)));
  } else {
    el.append(h("p", { class: "eyebrow" }, "Sentence"));
  }
  el.append(h("blockquote", { class: "sentence", id: "evidence-sentence" }, highlighted(ev.sentence || "", ev.highlights || [])));
  if (ev.highlights && ev.highlights.length) {
    el.append(h("p", { class: "hl-legend" }, h("mark", { class: "hl hl-source" }, "source"), " ",
      h("mark", { class: "hl hl-target" }, "target"), " ", h("mark", { class: "hl hl-trigger" }, "event word")));
  }
  const a = ev.article;
  if (a) {
    el.append(h("div", { class: "article" },
      h("p", { class: "article-title", id: "evidence-title" }, a.title || "(untitled article)"),
      h("p", { class: "muted" }, [fmtDate(a.date), a.source].filter(Boolean).join(" · "),
        a.link ? " · " : "",
        a.link ? h("a", { href: a.link, target: "_blank", rel: "noopener noreferrer" }, "open article ↗") : "")));
  }
  if (context) el.append(context);
}

/** An edge's summary and the list of its evidence items, to switch between them. */
export function edgeContext(edge, nodes, current, onPick) {
  const ids = edge.evidence_ids || [];
  const box = h("div", { class: "edge-ctx" },
    h("p", { class: "muted" }, `${nodes.get(edge.source).name} → ${nodes.get(edge.target).name}: ${pretty(edge.relation)}, `,
      `${edge.weight} ${edge.weight === 1 ? "record" : "records"}`,
      edge.first_seen ? `, ${fmtDate(edge.first_seen)}` : "",
      edge.last_seen && edge.last_seen !== edge.first_seen ? ` – ${fmtDate(edge.last_seen)}` : ""));
  if (ids.length > 1) {
    box.append(h("div", { class: "pager" }, ids.slice(0, 20).map((id, i) =>
      h("button", { class: id === current ? "page on" : "page", onclick: () => onPick(id) }, String(i + 1)))));
  }
  return box;
}

/** The accessible, readable list of the graph's edges. */
export function renderEdgeList(el, edges, nodes, selected, onEdge) {
  clear(el);
  if (!edges.length) {
    el.append(h("li", { class: "muted" }, "No connections for these filters."));
    return;
  }
  const sorted = [...edges].sort((a, b) => b.weight - a.weight || a.relation.localeCompare(b.relation));
  for (const e of sorted) {
    el.append(h("li", {},
      h("button", { class: `edge-item${e.id === selected ? " on" : ""}`, dataset: { edge: e.id }, onclick: () => onEdge(e) },
        h("span", { class: `swatch sw-${e.polarity}` }),
        h("span", { class: "ei-who" }, nodes.get(e.source).name, h("span", { class: "arrow-txt" }, " → "), nodes.get(e.target).name),
        h("span", { class: "ei-rel" }, e.kind === "event" ? e.relation : pretty(e.relation)),
        h("span", { class: "ei-n" }, `×${e.weight}`),
        h("span", { class: "ei-date" }, e.last_seen ? fmtDate(e.last_seen) : ""))));
  }
}

/** The timeline: a dot per event along a date axis, and a list below it. */
export function renderTimeline(svg, list, events, asOf, onEvent) {
  clear(svg);
  clear(list);
  const dated = events.filter((e) => e.date);
  if (!events.length) {
    list.append(h("li", { class: "muted" }, "No events for this actor and these filters."));
    return;
  }
  const width = svg.getBoundingClientRect().width || 900;
  const height = 96, pad = 28;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (dated.length) {
    const years = dated.map((e) => dateToYear(e.date));
    let lo = Math.floor(Math.min(...years)), hi = Math.ceil(Math.max(...years));
    if (hi - lo < 2) { lo -= 1; hi += 1; }
    const x = (y) => pad + ((y - lo) / (hi - lo)) * (width - 2 * pad);
    svg.append(s("line", { class: "axis", x1: pad, x2: width - pad, y1: 64, y2: 64 }));
    const step = Math.max(1, Math.ceil((hi - lo) / 12));
    for (let y = lo; y <= hi; y += step) {
      svg.append(s("line", { class: "tick", x1: x(y), x2: x(y), y1: 60, y2: 68 }),
        s("text", { class: "tick-label", x: x(y), y: 84, "text-anchor": "middle" }, String(y)));
    }
    if (asOf) {
      const ax = x(dateToYear(asOf));
      svg.append(s("line", { class: "asof-line", x1: ax, x2: ax, y1: 8, y2: 70 }),
        s("text", { class: "asof-label", x: ax + 4, y: 16 }, `as of ${fmtDate(asOf)}`));
    }
    const stacks = new Map();
    for (const e of dated) {
      const px = Math.round(x(dateToYear(e.date)) / 8) * 8;
      const level = stacks.get(px) || 0;
      stacks.set(px, level + 1);
      const later = asOf && e.date.slice(0, asOf.length) > asOf;
      svg.append(s("circle", { class: `dot sign-${e.sign}${later ? " later" : ""}`, cx: px, cy: 52 - level * 13, r: 5.5,
        tabindex: "0", role: "button", "aria-label": `${e.type} on ${fmtDate(e.date)}`, onclick: () => onEvent(e) },
      s("title", { text: `${fmtDate(e.date)} · ${e.type}: ${e.source ? e.source.name : "?"} → ${e.target ? e.target.name : "?"}` })));
    }
  }
  for (const e of events) {
    const later = asOf && e.date && e.date.slice(0, asOf.length) > asOf;
    list.append(h("li", { class: later ? "later" : "" },
      h("button", { class: "event-item", dataset: { event: e.event_id }, onclick: () => onEvent(e) },
        h("span", { class: "ev-date" }, fmtDate(e.date)),
        h("span", { class: `chip sign-${e.sign}` }, e.type),
        h("span", { class: "ev-line" }, e.source ? e.source.name : "?", h("span", { class: "arrow-txt" }, " → "),
          e.target ? e.target.name : "?"),
        h("span", { class: "ev-snippet" }, e.evidence.sentence || ""))));
  }
}
