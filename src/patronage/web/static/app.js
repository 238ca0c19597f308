// patronage explorer: wiring of search, filters, graph, timeline and evidence.

import { h, clear, api, idPath, fmtDate, debounce } from "./dom.js";
import { Graph } from "./graph.js";
import { renderProfile, renderEvidence, edgeContext, renderEdgeList, renderTimeline } from "./panels.js";

const $ = (id) => document.getElementById(id);

const state = {
  meta: null, actor: null, focus: null, expanded: [], asOf: null, depth: 1, type: "", typeIsEvent: true,
  sign: "", months: [], nodes: new Map(), edges: [], selectedEdge: null, events: [],
};

const graph = new Graph($("graph"), { onNode: (n) => focusNode(n), onEdge: (e) => showEdge(e) });

function status(message, isError) {
  const el = $("status");
  el.textContent = message || "";
  el.classList.toggle("error", Boolean(isError));
  el.hidden = !message;
}

async function guarded(task) {
  try {
    status("");
    return await task();
  } catch (err) {
    status(err.message, true);
    return null;
  }
}

// ---- overview and controls --------------------------------------------------------------

function monthsBetween(lo, hi) {
  const out = [];
  let [y, m] = lo.split("-").map(Number);
  const [hy, hm] = hi.split("-").map(Number);
  m = m || 1;
  while (y < hy || (y === hy && m <= (hm || 12))) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

async function loadMeta() {
  const meta = await api("/api/meta");
  state.meta = meta;
  const c = meta.counts;
  $("stats").textContent = `${c.articles} articles · ${c.actors} actors · ${c.events} events · ${c.relations} relations`;
  const select = $("type");
  if (meta.event_types.length) {
    select.append(h("optgroup", { label: "Event types (PLOVER)" },
      meta.event_types.map((t) => h("option", { value: t.type, dataset: { kind: "event" } }, `${t.type} (${t.count})`))));
  }
  if (meta.relations.length) {
    select.append(h("optgroup", { label: "Relations" },
      meta.relations.map((r) => h("option", { value: r.relation, dataset: { kind: "relation" } },
        `${r.relation.replace(/_/g, " ")} (${r.count})`))));
  }
  const tryBox = $("try");
  if (meta.top_actors.length) {
    tryBox.append(h("span", { class: "muted" }, "Most mentioned: "), ...meta.top_actors.slice(0, 6).map((a) =>
      h("button", { type: "button", class: "try-actor", onclick: () => { $("q").value = a.name; selectActor(a.actor_id); } },
        h("span", { class: `dot-kind k-${a.kind || "other"}` }), a.name)));
  }
  if (meta.dates.min && meta.dates.max) {
    state.months = monthsBetween(meta.dates.min.slice(0, 7), meta.dates.max.slice(0, 7));
    const slider = $("asof");
    slider.min = "0";
    slider.max = String(state.months.length);
    slider.value = slider.max;
    $("asof-min").textContent = fmtDate(state.months[0]);
    $("asof-max").textContent = fmtDate(state.months[state.months.length - 1]);
  } else {
    $("asof-row").hidden = true;
  }
  updateAsOfLabel();
}

function updateAsOfLabel() {
  $("asof-label").textContent = state.asOf ? `as of ${fmtDate(state.asOf)}` : "all dates";
  $("asof-reset").disabled = !state.asOf;
}

// ---- search -----------------------------------------------------------------------------

let suggestions = [];
let active = -1;

function closeSuggest() {
  $("suggest").hidden = true;
  $("q").setAttribute("aria-expanded", "false");
  active = -1;
}

function choose(item) {
  closeSuggest();
  if (item.kind === "actor") {
    $("q").value = item.data.name;
    selectActor(item.data.actor_id);
  } else {
    const hit = item.data;
    renderEvidence($("evidence"), { kind: "sentence", sentence: hit.sentence, highlights: [],
      article: { title: hit.title, date: hit.date, link: hit.url && /^https?:\/\//i.test(hit.url) ? hit.url : null } });
  }
}

function paintSuggest() {
  const list = clear($("suggest"));
  suggestions.forEach((item, i) => {
    const li = item.kind === "actor"
      ? h("li", { role: "option", id: `sg-${i}`, class: "sg-actor" },
        h("span", { class: `dot-kind k-${item.data.kind || "other"}` }), h("span", { class: "sg-name" }, item.data.name),
        h("span", { class: "sg-meta" }, [item.data.kind, item.data.country].filter(Boolean).join(" · "),
          ` · ${item.data.mentions} mentions`))
      : h("li", { role: "option", id: `sg-${i}`, class: "sg-sentence" },
        h("span", { class: "sg-snippet" }, item.data.sentence), h("span", { class: "sg-meta" }, item.data.title || ""));
    if (i === active) li.classList.add("active");
    li.setAttribute("aria-selected", i === active ? "true" : "false");
    li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(item); });
    if (item.kind === "sentence" && (i === 0 || suggestions[i - 1].kind !== "sentence")) {
      list.append(h("li", { class: "sg-group", role: "presentation" }, "In articles"));
    }
    list.append(li);
  });
  if (!suggestions.length) list.append(h("li", { class: "sg-empty", role: "presentation" }, "No actor or sentence matches."));
  list.hidden = false;
  $("q").setAttribute("aria-expanded", "true");
}

const runSearch = debounce(async (q) => {
  if (!q.trim()) { closeSuggest(); return; }
  const found = await guarded(() => api("/api/search", { q: q.slice(0, 200), limit: 8 }));
  if (!found || $("q").value !== q) return;
  suggestions = [...found.results.map((d) => ({ kind: "actor", data: d })),
    ...found.sentences.slice(0, 5).map((d) => ({ kind: "sentence", data: d }))];
  active = suggestions.length ? 0 : -1;
  paintSuggest();
}, 140);

function bindSearch() {
  const input = $("q");
  input.addEventListener("input", () => runSearch(input.value));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!suggestions.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
      paintSuggest();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (suggestions[active]) choose(suggestions[active]);
    } else if (ev.key === "Escape") {
      closeSuggest();
    }
  });
  input.addEventListener("blur", () => setTimeout(closeSuggest, 120));
}

// ---- actor, network, timeline, evidence ----------------------------------------------------

function filters() {
  return { as_of: state.asOf, types: state.type || null, sign: state.sign || null };
}

async function selectActor(actorId) {
  state.actor = actorId;
  state.focus = actorId;
  state.expanded = [];
  state.selectedEdge = null;
  history.replaceState(null, "", `#actor=${encodeURIComponent(actorId)}`);
  $("empty").hidden = true;
  await guarded(loadAll);
}

/** The network first (the timeline's title names a node of it), then the profile and timeline. */
async function loadAll() {
  await loadNetwork();
  await Promise.all([loadProfile(), loadTimeline()]);
}

async function loadNetwork() {
  if (!state.actor) return;
  const roots = [[state.actor, state.depth], ...state.expanded.map((id) => [id, 1])];
  const answers = await Promise.all(roots.map(([actor, depth]) => api("/api/network", { actor, depth, ...filters() })));
  const nodes = new Map();
  const edges = new Map();
  for (const answer of answers) {
    for (const n of answer.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of answer.edges) edges.set(e.id, e);
  }
  state.nodes = nodes;
  state.edges = [...edges.values()];
  graph.setData([...nodes.values()], state.edges, state.actor);
  graph.setFocus(state.focus);
  $("graph-truncated").hidden = !answers.some((a) => a.truncated);
  renderLists();
  const center = nodes.get(state.actor);
  $("graph-title").textContent = center ? `Network of ${center.name}` : "Network";
}

function renderLists() {
  renderEdgeList($("edge-list"), state.edges, state.nodes, state.selectedEdge, showEdge);
  const nodeList = clear($("node-list"));
  for (const n of state.nodes.values()) {
    nodeList.append(h("li", {}, h("button", { dataset: { node: n.id }, onclick: () => focusNode(n) }, n.name)));
  }
  $("edge-count").textContent = `${state.edges.length} ${state.edges.length === 1 ? "tie" : "ties"} · ${state.nodes.size} actors`;
}

async function loadProfile() {
  if (!state.focus) return;
  const profile = await api(`/api/actor/${idPath(state.focus)}`, { as_of: state.asOf });
  renderProfile($("profile"), profile);
}

async function loadTimeline() {
  if (!state.focus) return;
  const params = { actor: state.focus, sign: state.sign || null, limit: Math.min(500, state.meta ? state.meta.max_rows : 200) };
  if (state.type && state.typeIsEvent) params.type = state.type;
  const page = await api("/api/events", params);
  state.events = page.events;
  const name = state.nodes.get(state.focus) ? state.nodes.get(state.focus).name : "";
  $("timeline-title").textContent = name ? `Timeline of ${name}` : "Timeline";
  $("timeline-count").textContent = page.total > page.events.length
    ? `${page.events.length} of ${page.total} events` : `${page.total} ${page.total === 1 ? "event" : "events"}`;
  renderTimeline($("timeline"), $("event-list"), state.events, state.asOf, (e) => showEvidence(e.event_id));
}

async function focusNode(n) {
  state.focus = n.id;
  graph.setFocus(n.id);
  if (n.id !== state.actor && !state.expanded.includes(n.id)) state.expanded.push(n.id);
  await guarded(loadAll);
}

async function showEvidence(id, edge) {
  await guarded(async () => {
    const ev = await api(`/api/evidence/${idPath(id)}`);
    const context = edge ? edgeContext(edge, state.nodes, id, (other) => showEvidence(other, edge)) : null;
    renderEvidence($("evidence"), ev, context);
  });
}

function showEdge(edge) {
  state.selectedEdge = edge.id;
  graph.highlight(edge.id);
  renderEdgeList($("edge-list"), state.edges, state.nodes, state.selectedEdge, showEdge);
  const first = (edge.evidence_ids || [])[0];
  if (first) showEvidence(first, edge);
}

function refresh() {
  if (!state.actor) return;
  guarded(loadAll);
}

function bindControls() {
  $("depth").addEventListener("change", (ev) => { state.depth = Number(ev.target.value); refresh(); });
  $("type").addEventListener("change", (ev) => {
    const option = ev.target.selectedOptions[0];
    state.type = ev.target.value;
    state.typeIsEvent = !option || option.dataset.kind !== "relation";
    refresh();
  });
  $("sign").addEventListener("change", (ev) => { state.sign = ev.target.value; refresh(); });
  const slider = $("asof");
  const apply = debounce(refresh, 200);
  slider.addEventListener("input", () => {
    const i = Number(slider.value);
    state.asOf = i >= state.months.length ? null : state.months[i];
    updateAsOfLabel();
    apply();
  });
  $("asof-reset").addEventListener("click", () => {
    slider.value = slider.max;
    state.asOf = null;
    updateAsOfLabel();
    refresh();
  });
  $("recenter").addEventListener("click", () => graph.resetView());
}

async function main() {
  bindSearch();
  bindControls();
  await guarded(loadMeta);
  const match = /^#actor=(.+)$/.exec(window.location.hash);
  if (match) {
    await selectActor(decodeURIComponent(match[1]));
  }
}

main();
