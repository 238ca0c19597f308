// The full results of a search: the actors it matches, and every sentence that holds it from a word's
// start, a page at a time (the search box shows only the first few). A sentence that gave an event
// opens that event's evidence; any other opens as a sentence of its article.

import { h, clear, fmtDate, highlighted, querySpans } from "./dom.js";

/** Sentences on one page of results. */
export const PAGE = 10;

/** Fill `el` with the results for `q`: `actors` (from /api/search), `page` (from /api/sentences). */
export function renderResults(el, { q, actors, page, onActor, onSentence, onPage, onClose }) {
  clear(el);
  el.append(h("div", { class: "ev-top" },
    h("h2", { id: "results-title", tabindex: "-1" }, `Results for “${q}”`),
    h("button", { type: "button", class: "ghost close", onclick: onClose }, "Close results")));
  if (actors.length) {
    el.append(h("p", { class: "eyebrow" }, "Actors"), h("div", { class: "result-actors" }, actors.map((a) =>
      h("button", { type: "button", class: "try-actor result-actor", onclick: () => onActor(a) },
        h("span", { class: `dot-kind k-${a.kind || "other"}` }), highlighted(a.name, querySpans(a.name, q))))));
  }
  const hits = page.sentences;
  const from = page.offset + 1, to = page.offset + hits.length;
  el.append(h("p", { class: "eyebrow" }, "In articles"));
  if (!hits.length) {
    el.append(h("p", { class: "muted" }, page.offset ? "No more sentences." : `No sentence holds “${q}” at the start of a word.`));
  } else {
    el.append(h("ol", { class: "results", start: String(from) }, hits.map((hit) => h("li", { class: "result" },
      h("button", { type: "button", class: "result-open", onclick: () => onSentence(hit) },
        h("span", { class: "result-sentence" }, highlighted(hit.sentence, querySpans(hit.sentence, q))),
        h("span", { class: "muted small" }, [hit.title || "(untitled article)", fmtDate(hit.date)].join(" · "),
          hit.event_ids && hit.event_ids.length ? ` · ${hit.event_ids.length === 1 ? "an event" : `${hit.event_ids.length} events`}` : ""))))));
  }
  el.append(h("div", { class: "pager", role: "group", "aria-label": "Pages of results" },
    h("button", { type: "button", class: "ghost", disabled: page.offset === 0, onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, "‹ Previous"),
    h("span", { class: "muted range" }, hits.length ? `Sentences ${from}–${to}` : ""),
    h("button", { type: "button", class: "ghost", disabled: page.next_offset === null, onclick: () => onPage(page.next_offset) }, "Next ›")));
}
