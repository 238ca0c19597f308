// patronage explorer: the view state (kept in the URL hash, see state.js) and the wiring of
// search, filters, time, graph, timeline, pair view and evidence.

import { h, clear, api, idPath, fmtDate, querySpans } from "./dom.js";
import { downloadView } from "./downloads.js";
import { Graph } from "./graph.js";
import { renderProfile, renderEvidence, renderTieList } from "./panels.js";
import { renderResults, PAGE } from "./results.js";
import { bindSearch } from "./search.js";
import { emptyState, parseHash, toHash, MODALITIES } from "./state.js";
import { mergeTies, describeTie } from "./ties.js";
import { TieTable } from "./table.js";
import { TimeBar } from "./timebar.js";
import { renderRecords, eventItems, relationItems, quoteItems } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const CAP = 40;

let view = emptyState();
let appliedKey = null;
let generation = 0;
const loaded = { net: null, side: null, results: null };
const data = { meta: null, nodes: new Map(), order: [], ties: [], cap: CAP, items: [], pair: null, shownEv: null, opener: null };
const names = new Map();

const graph = new Graph($("graph"), { onNode: (n) => navigate({ focus: n.id }), onTie: (t) => openTie(t) });
const tieTable = new TieTable($("tie-table"), (t) => openTie(t));

function status(message, isError) {
  const el = $("status");
  el.textContent = message || "";
  el.classList.toggle("error", Boolean(isError));
  el.hidden = !message;
}

// ---- state and history ----------------------------------------------------------------------

/** Go to a view: a new history entry (or the current one replaced), then show it. */
function navigate(patch, { replace = false } = {}) {
  const next = { ...view, ...patch };
  if (next.focus === next.actor) next.focus = null;
  const hash = toHash(next);
  const url = hash || window.location.pathname;
  if (replace) history.replaceState(null, "", url);
  else if (hash !== window.location.hash) history.pushState(null, "", url);
  return apply(next);
}

function fromLocation() {
  const { state, problems } = parseHash(window.location.hash);
  status(problems.length ? `Parts of this link were not understood and are left out: ${problems.join(", ")}.` : "", true);
  return apply(state);
}

async function apply(state) {
  const key = toHash(state);
  if (key === appliedKey) return;
  appliedKey = key;
  const gen = ++generation;
  const live = () => gen === generation;
  view = state;
  syncControls(state);
  try {
    await loadResults(state, live);
  } catch (err) {
    if (live()) status(`The search failed: ${err.message}`, true);
  }
  if (!live()) return;
  if (!state.actor) { showStart(); return; }
  try {
    const ids = await Promise.all([state.actor, ...(state.pair || [])].map(resolveActor));
    if (!live()) return;
    if (!ids[0]) { showUnknown(state.actor); return; }
    const pair = state.pair && ids[1] && ids[2] ? [ids[1], ids[2]] : null;
    if (ids[0] !== state.actor || (state.pair && String(pair) !== String(state.pair))) {
      appliedKey = null;
      await navigate({ actor: ids[0], pair }, { replace: true });
      return;
    }
    $("empty").hidden = true;
    await loadNetwork(state, live);
    if (!live()) return;
    await loadSide(state, live);
    if (!live()) return;
    if (state.ev !== data.shownEv) {
      if (state.ev) await showEvidence(state.ev);
      else resetEvidence();
    }
  } catch (err) {
    if (live()) status(`Something went wrong: ${err.message}`, true);
  }
}

/** An actor id for an id or a name in the URL, through the search (so an unknown one is no error). */
async function resolveActor(text) {
  if (names.has(text)) return names.get(text);
  const found = await api("/api/search", { q: text.slice(0, 200), limit: 10 });
  const exact = found.results.find((r) => r.actor_id.toLowerCase() === text.toLowerCase());
  const id = exact ? exact.actor_id : !text.includes("/") && found.results.length ? found.results[0].actor_id : null;
  names.set(text, id);
  return id;
}

function syncControls(state) {
  $("depth").value = String(state.depth);
  $("type").value = state.types[0] || "";
  for (const key of ["sign", "polarity", "modality"]) $(key).value = state[key];
  const conf = $("confidence");
  if (![...conf.options].some((o) => o.value === state.conf)) {
    conf.append(h("option", { value: state.conf }, `≥ ${Math.round(Number(state.conf) * 100)}%`));
  }
  conf.value = state.conf;
  timebar.show(state.from, state.to);
  const table = state.tab === "table";
  $("as-table").setAttribute("aria-pressed", String(table));
  $("as-cards").setAttribute("aria-pressed", String(!table));
  $("tie-table-wrap").hidden = !table;
  $("edge-list").hidden = table;
}

// ---- full search results ----------------------------------------------------------------------

async function loadResults(state, live) {
  const panel = $("results");
  document.querySelector(".layout").classList.toggle("with-results", Boolean(state.search));
  panel.hidden = !state.search;
  if (!state.search) { loaded.results = null; return; }
  const key = JSON.stringify([state.search, state.soff]);
  if (key === loaded.results) return;
  const q = state.search;
  const [found, page] = await Promise.all([api("/api/search", { q, limit: 20 }), api("/api/sentences", { q, limit: PAGE, offset: state.soff })]);
  if (!live()) return;
  const fresh = !loaded.results || JSON.parse(loaded.results)[0] !== q;
  loaded.results = key;
  renderResults(panel, { q, actors: found.results, page,
    onActor: (a) => navigate({ ...emptyState(), actor: a.actor_id, depth: view.depth }),
    onSentence: (hit) => showSentence(hit, q, document.activeElement),
    onPage: (offset) => navigate({ soff: offset }),
    onClose: () => navigate({ search: null, soff: 0 }) });
  if (fresh) $("results-title").focus({ preventScroll: true });
  panel.scrollIntoView({ block: "nearest" });
}

// ---- empty, start and unknown states ------------------------------------------------------

function showBlank(title, text) {
  graph.setData([], [], null);
  loaded.net = loaded.side = null;
  data.nodes = new Map();
  data.ties = [];
  data.items = [];
  $("empty").hidden = false;
  $("empty-title").textContent = title;
  $("empty-text").textContent = text;
  $("graph-title").textContent = "Network";
  $("edge-count").textContent = "";
  $("more").hidden = true;
  $("graph-truncated").hidden = true;
  for (const el of document.querySelectorAll(".exports button")) el.disabled = true;
  clear($("edge-list")).append(h("li", { class: "muted" }, "Ties of the actor you pick, strongest first."));
  tieTable.render([], data.nodes, null);
  clear($("profile")).append(h("p", { class: "eyebrow" }, "Actor"), h("p", { class: "muted" }, "Pick an actor to see roles, ties and quotes."));
  renderRecords($("timeline"), $("event-list"), [], { onPick: () => {}, empty: "Events of the actor you pick, in date order." });
  $("timeline-title").textContent = "Timeline";
  $("timeline-count").textContent = "";
  $("pair-close").hidden = true;
  resetEvidence();
}

function showStart() {
  showBlank("Start with a name", "Search an actor above to draw who they back, shelter, meet or oppose, each tie linked to the sentence it came from.");
}

function showUnknown(text) {
  showBlank(`No actor “${text}” in this store`, "Check the spelling, search above, or start with one of the most mentioned actors:");
}

// ---- network --------------------------------------------------------------------------------

function networkParams(state) {
  return { as_of: state.to, from: state.from, types: state.types.join(",") || null, sign: state.sign || null,
    polarity: state.polarity || "any", modality: state.modality || null, min_confidence: state.conf || null };
}

async function loadNetwork(state, live) {
  const key = JSON.stringify([state.actor, state.depth, state.expand, networkParams(state)]);
  if (key !== loaded.net) {
    const roots = [[state.actor, state.depth], ...state.expand.map((id) => [id, 1])];
    const answers = await Promise.all(roots.map(([actor, depth]) =>
      api("/api/network", { actor, depth, ...networkParams(state) }).catch((err) => (actor === state.actor ? Promise.reject(err) : null))));
    if (!live()) return;
    const nodes = new Map();
    const edges = new Map();
    for (const answer of answers.filter(Boolean)) {
      for (const n of answer.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      for (const e of answer.edges) edges.set(e.id, e);
    }
    data.nodes = nodes;
    data.edges = [...edges.values()];
    data.truncated = answers.some((a) => a && a.truncated);
    data.cap = CAP;
    loaded.net = key;
    drawNetwork(state, true);
  } else {
    drawNetwork(state, false);
  }
}

/** The nodes shown: the strongest `cap`, and always the centre, the focus, the expanded and the pair. */
function shownNodes(state) {
  const keep = new Set([state.actor, state.focus, ...state.expand, ...(state.pair || [])].filter(Boolean));
  const all = [...data.nodes.values()];
  const shown = all.filter((n, i) => i < data.cap || keep.has(n.id));
  return { shown, hidden: all.length - shown.length };
}

function drawNetwork(state, fresh) {
  const { shown, hidden } = shownNodes(state);
  const ids = new Set(shown.map((n) => n.id));
  const ties = mergeTies(data.edges.filter((e) => ids.has(e.source) && ids.has(e.target)));
  for (const t of ties) t.title = describeTie(t, data.nodes);
  data.ties = ties;
  if (fresh || graph.nodes.size !== shown.length) graph.setData(shown, ties, state.actor);
  graph.setFocus(state.focus || state.actor);
  const selected = state.pair ? ties.find((t) => t.id === [...state.pair].sort().join("\u0001")) : null;
  graph.highlight(selected ? selected.id : null);
  renderTieList($("edge-list"), ties, data.nodes, selected ? selected.id : null, openTie);
  tieTable.render(ties, data.nodes, selected ? selected.id : null);
  for (const el of document.querySelectorAll(".exports button")) el.disabled = false;
  $("more").hidden = hidden === 0;
  $("more").textContent = `Show ${Math.min(CAP, hidden)} more of ${hidden} hidden`;
  $("graph-truncated").hidden = !data.truncated;
  $("graph-truncated").textContent = "The store holds more ties than are drawn: the strongest are shown.";
  $("edge-count").textContent = `${ties.length} ${ties.length === 1 ? "tie" : "ties"} · ${shown.length} actors`;
  const center = data.nodes.get(state.actor);
  const added = state.expand.length ? ` + ties of ${state.expand.length} more` : "";
  $("graph-title").textContent = center ? `Network of ${center.name}${added}` : "Network";
  if (!ties.length) $("graph-truncated").hidden = true;
}

function openTie(tie) {
  const first = tie.ids[0];
  navigate({ pair: [tie.a, tie.b], ev: first ? first.id : null });
}

// ---- profile, timeline and pair view ---------------------------------------------------------

function nameOf(id) {
  return (data.nodes.get(id) || { name: id }).name;
}

async function loadSide(state, live) {
  const key = JSON.stringify([state.focus || state.actor, state.pair, networkParams(state)]);
  if (key === loaded.side) return;
  const focus = state.focus || state.actor;
  const [profile] = await Promise.all([
    api(`/api/actor/${idPath(focus)}`, { as_of: state.to }),
    state.pair ? loadPair(state) : loadTimeline(state),
  ]);
  if (!live()) return;
  loaded.side = key;
  const actions = [];
  if (focus !== state.actor) {
    actions.push([`Centre the graph on ${profile.name}`, () => navigate({ actor: focus, focus: null, expand: [], pair: null, ev: null })]);
    if (!state.expand.includes(focus)) actions.push(["Add their ties to the graph", () => navigate({ expand: [...state.expand, focus] })]);
    actions.push([`Their record with ${nameOf(state.actor)}`, () => navigate({ pair: [state.actor, focus], ev: null })]);
  }
  if (state.expand.length) actions.push(["Remove added ties", () => navigate({ expand: [] })]);
  renderProfile($("profile"), profile, actions, briefFor(state, focus, profile.name));
  graph.setFocus(focus);
  paintRecords(state);
}

/** The events the view lists: those between the pair, or the focused actor's under the filters. */
function eventParams(state) {
  if (state.pair) return { actor: state.pair[0], other: state.pair[1], from: state.from, to: state.to, min_confidence: state.conf || null };
  const eventTypes = new Set((data.meta ? data.meta.event_types : []).map((t) => t.type));
  return { actor: state.focus || state.actor, sign: state.sign || null, polarity: state.polarity || null,
    modality: state.modality || null, from: state.from, to: state.to,
    type: state.types.filter((t) => eventTypes.has(t)).join(",") || null, min_confidence: state.conf || null };
}

/** The address of the cited dossier on `actor` as of the view's date (and on its relation, if it shows one). */
function briefFor(state, actor, name) {
  const relations = new Set((data.meta ? data.meta.relations : []).map((r) => r.relation));
  const relation = state.types.find((t) => relations.has(t));
  const params = new URLSearchParams({ actor });
  if (relation) params.set("relation", relation);
  if (state.to) params.set("as_of", state.to);
  params.set("format", "html");
  const when = state.to ? ` as of ${fmtDate(state.to)}` : "";
  return { href: `/api/report?${params}`, title: `Everything the store says about ${name}${when}, each statement with its source sentence` };
}

async function loadTimeline(state) {
  const page = await api("/api/events", { ...eventParams(state), limit: Math.min(500, data.meta ? data.meta.max_rows : 200) });
  data.pair = null;
  data.items = eventItems(page.events);
  data.title = `Timeline of ${nameOf(state.focus || state.actor)}`;
  data.count = page.total > page.events.length ? `${page.events.length} of ${page.total} events` : `${page.total} ${page.total === 1 ? "event" : "events"}`;
}

async function loadPair(state) {
  const [a, b] = state.pair;
  const found = await api("/api/pair", { a, b, from: state.from, to: state.to });
  if (state.conf) found.events = found.events.filter((e) => (e.confidence || 0) >= Number(state.conf));
  const items = [...eventItems(found.events), ...relationItems(found.relations), ...quoteItems(found.quotes)];
  items.sort((x, y) => (x.date || "9999").localeCompare(y.date || "9999"));
  data.pair = found;
  data.items = items;
  data.title = `${found.a.name} ↔ ${found.b.name}`;
  const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  data.count = [n(found.events.length, "event", "events"), n(found.relations.length, "relation statement", "relation statements"),
    n(found.quotes.length, "quote", "quotes")].join(" · ");
}

function paintRecords(state) {
  $("timeline-title").textContent = data.title;
  $("timeline-count").textContent = data.count;
  $("pair-close").hidden = !state.pair;
  const empty = state.pair ? "Nothing between these two actors for these dates." : "No events for this actor and these filters.";
  renderRecords($("timeline"), $("event-list"), data.items, { onPick: pick, empty, lanes: Boolean(state.pair) });
}

// ---- evidence -------------------------------------------------------------------------------

function pick(item) {
  data.opener = document.activeElement;
  if (item.id) navigate({ ev: item.id }, { replace: true });
  else showQuote(item);
}

function pagerFor(key) {
  const at = data.items.findIndex((item) => item.key === key);
  if (at < 0) return null;
  return { at, total: data.items.length, label: data.pair ? data.title : "", go: (i) => pick(data.items[i]) };
}

async function showEvidence(id) {
  const ev = await api(`/api/evidence/${idPath(id)}`);
  if (ev.event) ev.event.sign = ev.event.sign || (data.items.find((i) => i.id === id) || {}).sign || "neutral";
  data.shownEv = id;
  renderEvidence($("evidence"), ev, pagerFor(id), closeEvidence);
  reveal();
}

function showQuote(item) {
  const q = item.quote;
  const a = data.pair && data.pair.articles[q.evidence.doc_id];
  const link = a && a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  const sentence = q.evidence.sentence || "";
  const at = sentence.indexOf(q.text);
  renderEvidence($("evidence"), { kind: "quote", quote: q, date: item.date, sentence,
    highlights: at >= 0 ? [{ role: "quote", start: at, end: at + q.text.length }] : [],
    article: a ? { ...a, link } : null }, pagerFor(item.key), closeEvidence);
  data.shownEv = null;
  reveal();
}

function showSentence(hit, q, opener) {
  data.opener = opener || $("q");
  if (hit.event_ids && hit.event_ids.length) {
    showEvidence(hit.event_ids[0]).catch((err) => status(err.message, true));
    return;
  }
  renderEvidence($("evidence"), { kind: "sentence", sentence: hit.sentence, highlights: querySpans(hit.sentence, q),
    article: { title: hit.title, date: hit.date, link: hit.url && /^https?:\/\//i.test(hit.url) ? hit.url : null } }, null, closeEvidence);
  reveal();
}

/** Bring the evidence to the eye and to the keyboard: the sticky side panel, or the phone's sheet. */
function reveal() {
  const el = $("evidence");
  el.classList.add("open");
  el.scrollIntoView({ block: "nearest" });
  el.focus({ preventScroll: true });
}

function resetEvidence() {
  const el = $("evidence");
  el.classList.remove("open");
  data.shownEv = null;
  clear(el).append(h("p", { class: "eyebrow" }, "Evidence"),
    h("p", { class: "muted" }, "Click a tie in the graph, a connection or a point on the timeline to read the source sentence."));
}

function closeEvidence() {
  const opener = data.opener;
  if (view.ev) navigate({ ev: null }, { replace: true }); else resetEvidence();
  resetEvidence();
  if (opener && opener.isConnected) opener.focus();
}

// ---- downloads --------------------------------------------------------------------------------

function download(kind) {
  downloadView(kind, { name: nameOf(view.actor), tableRows: () => tieTable.sorted(), events: eventParams(view),
    nodes: [...graph.nodes.values()], ties: graph.ties, title: $("graph-title").textContent, svg: $("graph"),
    onError: (err) => status(err.message, true) });
}

// ---- controls ---------------------------------------------------------------------------------

const timebar = new TimeBar({
  row: $("time-row"), fromInput: $("from"), toInput: $("to"), lo: $("time-lo"), hi: $("time-hi"),
  histogram: $("histogram"), label: $("time-label"), reset: $("time-reset"), outliers: $("outliers"),
  outliersLabel: $("outliers-label"), outliersText: $("outliers-text"),
}, debounceNav((range) => navigate(range)));

function debounceNav(fn) {
  let timer = null;
  return (arg) => { clearTimeout(timer); timer = setTimeout(() => fn(arg), 250); };
}

async function loadMeta() {
  const meta = await api("/api/meta");
  data.meta = meta;
  const c = meta.counts;
  $("stats").textContent = `${c.articles} articles · ${c.actors} actors · ${c.events} events · ${c.relations} relations`;
  const select = $("type");
  if (meta.event_types.length) {
    select.append(h("optgroup", { label: "Event types (PLOVER)" },
      meta.event_types.map((t) => h("option", { value: t.type }, `${t.type} (${t.count})`))));
  }
  if (meta.relations.length) {
    select.append(h("optgroup", { label: "Relations" },
      meta.relations.map((r) => h("option", { value: r.relation }, `${r.relation.replace(/_/g, " ")} (${r.count})`))));
  }
  $("modality").append(...MODALITIES.map((m) => h("option", { value: m }, m)));
  const top = meta.top_actors.slice(0, 6);
  if (top.length) {
    $("q").placeholder = `Search an actor or a phrase: ${top.slice(0, 3).map((a) => a.name).join(", ")}…`;
    $("try").append(...top.map((a) =>
      h("button", { type: "button", class: "try-actor", onclick: () => { $("q").value = a.name; navigate({ ...emptyState(), actor: a.actor_id, depth: view.depth }); } },
        h("span", { class: `dot-kind k-${a.kind || "other"}` }), a.name)));
  }
  timebar.setData(meta.time || {}, meta.dates);
}

function bindControls() {
  $("depth").addEventListener("change", (ev) => navigate({ depth: Number(ev.target.value) }));
  $("type").addEventListener("change", (ev) => navigate({ types: ev.target.value ? [ev.target.value] : [] }));
  for (const key of ["sign", "polarity", "modality"]) $(key).addEventListener("change", (ev) => navigate({ [key]: ev.target.value }));
  $("confidence").addEventListener("change", (ev) => navigate({ conf: ev.target.value }));
  $("recenter").addEventListener("click", () => graph.resetView());
  $("more").addEventListener("click", () => { data.cap += CAP; drawNetwork(view, true); });
  $("pair-close").addEventListener("click", () => navigate({ pair: null, ev: null }));
  for (const kind of ["ties", "events", "gexf", "svg", "png"]) $(`dl-${kind}`).addEventListener("click", () => download(kind));
  $("as-cards").addEventListener("click", () => navigate({ tab: "" }, { replace: true }));
  $("as-table").addEventListener("click", () => navigate({ tab: "table" }, { replace: true }));
  // skip links move focus without touching the hash, which holds the view
  for (const link of document.querySelectorAll(".skip")) {
    link.addEventListener("click", (ev) => {
      ev.preventDefault();
      const target = $(link.getAttribute("href").slice(1));
      const first = target.querySelector("#edge-list:not([hidden]) button, #tie-table-wrap:not([hidden]) .row-open, button");
      (first || target).focus();
    });
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && $("evidence").classList.contains("open") && $("evidence").contains(document.activeElement)) closeEvidence();
  });
  window.addEventListener("popstate", fromLocation);
  window.addEventListener("hashchange", fromLocation);
}

async function main() {
  bindSearch({
    onActor: (actor) => navigate({ ...emptyState(), actor: actor.actor_id, depth: view.depth }),
    onSentence: (hit, q) => showSentence(hit, q),
    onAll: (q) => navigate({ search: q, soff: 0 }),
    onError: (err) => status(`The search failed: ${err.message}`, true),
  });
  bindControls();
  try {
    await loadMeta();
  } catch (err) {
    status(`The store could not be read: ${err.message}`, true);
  }
  await fromLocation();
}

main();
