// The search box: actors whose names start a word with what is typed, and article sentences that
// hold it, the match highlighted, then a way to all the results; arrow keys move through the
// suggestions (aria-activedescendant).

import { h, clear, api, debounce, highlighted, querySpans } from "./dom.js";

const $ = (id) => document.getElementById(id);

/** Wire the search box; `onActor(actor)`, `onSentence(hit, q)` or `onAll(q)` (the full results) when
 *  a suggestion is chosen. */
export function bindSearch({ onActor, onSentence, onAll, onError }) {
  const input = $("q");
  const list = $("suggest");
  let suggestions = [];
  let active = -1;
  let query = "";

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const choose = (item) => {
    close();
    if (item.kind === "actor") {
      input.value = item.data.name;
      onActor(item.data);
    } else if (item.kind === "all") {
      onAll(query);
    } else {
      onSentence(item.data, query);
    }
  };

  const paint = () => {
    clear(list);
    suggestions.forEach((item, i) => {
      const li = item.kind === "all"
        ? h("li", { role: "option", id: `sg-${i}`, class: "sg-all" }, `All results for “${query}” →`)
        : item.kind === "actor"
        ? h("li", { role: "option", id: `sg-${i}`, class: "sg-actor" },
          h("span", { class: `dot-kind k-${item.data.kind || "other"}` }),
          h("span", { class: "sg-name" }, highlighted(item.data.name, querySpans(item.data.name, query))),
          h("span", { class: "sg-meta" }, [item.data.kind, item.data.country].filter(Boolean).join(" · "),
            ` · ${item.data.mentions} mentions`))
        : h("li", { role: "option", id: `sg-${i}`, class: "sg-sentence" },
          h("span", { class: "sg-snippet" }, highlighted(item.data.sentence, querySpans(item.data.sentence, query))),
          h("span", { class: "sg-meta" }, item.data.title || "", item.data.event_ids && item.data.event_ids.length ? " · event" : ""));
      if (i === active) li.classList.add("active");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(item); });
      if (item.kind === "sentence" && (i === 0 || suggestions[i - 1].kind !== "sentence")) {
        list.append(h("li", { class: "sg-group", role: "presentation" }, "In articles"));
      }
      list.append(li);
    });
    if (!suggestions.length) list.append(h("li", { class: "sg-empty", role: "presentation" }, `Nothing starts a word with “${query}”.`));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `sg-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const run = debounce(async (q) => {
    if (!q.trim()) { close(); return; }
    let found;
    try {
      found = await api("/api/search", { q: q.slice(0, 200), limit: 8 });
    } catch (err) {
      onError(err);
      return;
    }
    if (input.value !== q) return;
    query = q.trim();
    suggestions = [...found.results.map((d) => ({ kind: "actor", data: d })),
      ...found.sentences.slice(0, 8).map((d) => ({ kind: "sentence", data: d }))];
    if (suggestions.length) suggestions.push({ kind: "all", data: null });
    active = suggestions.length ? 0 : -1;
    paint();
  }, 140);

  input.addEventListener("input", () => run(input.value));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!suggestions.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
      paint();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (suggestions[active]) choose(suggestions[active]);
    } else if (ev.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 120));
}
