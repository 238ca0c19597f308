// The side panels: actor profile, evidence (the sentence in its place between its neighbours, with a
// pager across the records of a tie) and the list of ties. Data reaches the page only as text (see dom.js).

import { h, clear, fmtDate, signLabel, highlighted } from "./dom.js";

const pretty = (rel) => String(rel || "").toLowerCase().replace(/_/g, " ");

export function chip(text, cls) {
  return h("span", { class: `chip ${cls || ""}` }, text);
}

/** Chips saying how sure a record is: negated, and a modality other than actual. */
export function sureness(polarity, modality) {
  return [polarity === "negated" ? chip("negated", "warn negated") : "",
    modality && modality !== "actual" ? chip(modality, "warn") : ""];
}

/** The actor card: name, kind, country, aliases, roles, what they said, and what to do next;
 *  `brief` is the address of their cited dossier (opened in a new tab). */
export function renderProfile(el, p, actions, brief) {
  clear(el);
  const meta = [p.kind, p.country].filter(Boolean).join(" · ");
  el.append(
    h("p", { class: "eyebrow" }, "Actor"),
    h("h2", { class: "actor-name" }, p.name),
    h("p", { class: "muted" }, meta, p.wikidata ? ` · Wikidata ${p.wikidata}` : ""),
    h("a", { class: "brief", href: brief.href, target: "_blank", rel: "noopener noreferrer", title: brief.title },
      "Brief: a cited dossier ↗"),
  );
  if (actions.length) {
    el.append(h("div", { class: "actions" }, actions.map(([label, fn]) => h("button", { type: "button", class: "ghost", onclick: fn }, label))));
  }
  if (p.aliases && p.aliases.length) el.append(h("p", { class: "aliases" }, "Also: ", p.aliases.join(", ")));
  const stat = (n, one, many) => h("div", {}, h("dt", {}, n === 1 ? one : many), h("dd", {}, String(n)));
  el.append(h("dl", { class: "stats-row" }, stat(p.events.length, "event", "events"),
    stat(p.relations.length, "relation", "relations"), stat(p.quotes.length, "quote", "quotes")));
  if (p.roles.length) {
    el.append(h("h3", {}, "Roles"), h("ul", { class: "roles" }, p.roles.map((r) =>
      h("li", {}, h("strong", {}, r.title), r.of ? ` of ${r.of}` : "",
        h("span", { class: "muted" }, ` ${r.start ? fmtDate(r.start) : "?"} – ${r.end ? fmtDate(r.end) : "now"}`)))));
  }
  if (p.quotes.length) {
    const who = (q) => {
      const conf = q.speaker_confidence == null ? "confidence unknown" : `confidence ${Math.round(q.speaker_confidence * 100)}%`;
      const as = q.speaker_text ? `as “${q.speaker_text}”, ` : "";
      return h("span", { class: q.speaker_confidence != null && q.speaker_confidence < 0.5 ? "muted warn" : "muted" }, ` (${as}${conf})`);
    };
    el.append(h("h3", {}, "Said"), h("ul", { class: "quotes" }, p.quotes.slice(0, 5).map((q) =>
      h("li", {}, h("q", {}, q.text), q.cue ? h("span", { class: "muted" }, ` — ${q.cue}`) : "", who(q)))));
  }
}

function articleBlock(a) {
  return h("div", { class: "article" },
    h("p", { class: "article-title", id: "evidence-title" }, a.title || "(untitled article)"),
    h("p", { class: "muted" }, [fmtDate(a.date), a.source].filter(Boolean).join(" · "),
      a.link ? " · " : "",
      a.link ? h("a", { href: a.link, target: "_blank", rel: "noopener noreferrer" }, "open article ↗") : ""));
}

/** The evidence panel for one event, relation statement, quote or sentence; `pager` is a
 *  {at, total, go(i), label} across the records of one tie, or null. */
export function renderEvidence(el, ev, pager, onClose) {
  clear(el);
  const top = h("div", { class: "ev-top" }, h("p", { class: "eyebrow" }, `Evidence · ${ev.kind}`),
    h("button", { type: "button", class: "ghost close", "aria-label": "Close the evidence", onclick: onClose }, "Close"));
  el.append(top);
  const head = h("div", { class: "ev-head" });
  if (ev.kind === "event") {
    const e = ev.event;
    head.append(chip(e.type, `sign-${e.sign}${e.polarity === "negated" ? " struck" : ""}`), e.cameo ? chip(`CAMEO ${e.cameo}`, "plain") : "",
      ...e.context.map((c) => chip(c, "plain")), ...sureness(e.polarity, e.modality));
    el.append(head, h("p", { class: "ev-who" }, e.source ? e.source.name : "?", h("span", { class: "arrow-txt" }, " → "),
      e.target ? e.target.name : "?", h("span", { class: "muted" }, ` · ${fmtDate(e.date)}`)));
  } else if (ev.kind === "relation") {
    const r = ev.relation;
    head.append(chip(pretty(r.relation), `sign-${r.polarity}`), chip(signLabel(r.polarity), "plain"));
    el.append(head, h("p", { class: "ev-who" }, r.source.name, h("span", { class: "arrow-txt" }, " → "), r.target.name,
      h("span", { class: "muted" }, ` · ${fmtDate(r.date)}`)));
  } else if (ev.kind === "quote") {
    const q = ev.quote;
    head.append(chip(q.direct ? "direct quote" : "reported speech", "plain"), q.cue ? chip(q.cue, "plain") : "");
    el.append(head, h("p", { class: "ev-who" }, q.speaker ? q.speaker.name : "unattributed",
      h("span", { class: "muted" }, ` · ${fmtDate(ev.date)}`)));
  }
  // the sentences before and after, muted, so the highlighted one reads in its place
  const around = ev.context || {};
  el.append(h("div", { class: "passage" },
    around.before ? h("p", { class: "context", id: "evidence-before" }, around.before) : "",
    h("blockquote", { class: "sentence", id: "evidence-sentence" }, highlighted(ev.sentence || "", ev.highlights || [])),
    around.after ? h("p", { class: "context", id: "evidence-after" }, around.after) : ""));
  if (ev.highlights && ev.highlights.some((x) => x.role !== "query")) {
    el.append(h("p", { class: "hl-legend" }, h("mark", { class: "hl hl-source" }, "source"), " ",
      h("mark", { class: "hl hl-target" }, "target"), " ", h("mark", { class: "hl hl-trigger" }, "event word")));
  }
  if (ev.article) el.append(articleBlock(ev.article));
  if (pager && pager.total > 1) {
    const go = (i) => pager.go(Math.max(0, Math.min(pager.total - 1, i)));
    el.append(h("div", { class: "pager", role: "group", "aria-label": "Records of this tie" },
      h("button", { type: "button", class: "ghost", disabled: pager.at === 0, onclick: () => go(pager.at - 1) }, "‹ Previous"),
      h("span", { class: "muted" }, `record ${pager.at + 1} of ${pager.total}${pager.label ? ` · ${pager.label}` : ""}`),
      h("button", { type: "button", class: "ghost", disabled: pager.at >= pager.total - 1, onclick: () => go(pager.at + 1) }, "Next ›")));
  }
}

/** The list of ties, strongest first: the keyboard's way into the graph. */
export function renderTieList(el, ties, nodes, selected, onTie) {
  clear(el);
  if (!ties.length) {
    el.append(h("li", { class: "muted" }, "No connections for these filters."));
    return;
  }
  const name = (id) => (nodes.get(id) || { name: id }).name;
  for (const t of ties) {
    const arrow = t.forward && t.backward ? " ↔ " : t.forward ? " → " : " ← ";
    el.append(h("li", {},
      h("button", { type: "button", class: `edge-item${t.id === selected ? " on" : ""}`, dataset: { tie: t.id }, title: t.title, onclick: () => onTie(t) },
        h("span", { class: `swatch sw-${t.sign}${t.negated ? " negated" : ""}` }),
        h("span", { class: "ei-who" }, name(t.a), h("span", { class: "arrow-txt" }, arrow), name(t.b)),
        h("span", { class: `ei-rel${t.negated ? " struck" : ""}` }, t.names.join(", "), t.unrealised ? " ?" : ""),
        h("span", { class: "ei-n" }, `×${t.weight}`),
        h("span", { class: "ei-date" }, t.last ? fmtDate(t.last) : ""))));
  }
}
