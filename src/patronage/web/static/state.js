// The view state of the explorer and its place in the URL hash, so that a view can be shared,
// reloaded, and walked through with Back and Forward. Reading a hash never throws: what cannot be
// understood is left out and named, so the page can say so.

export const MODALITIES = ["actual", "offered", "intended", "conditional", "hypothetical", "reported"];
const SIGNS = ["positive", "negative", "neutral"];
const POLARITIES = ["asserted", "negated"];
const DATE = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const CONFIDENCE = /^(0(\.[0-9]{1,2})?|1(\.0{1,2})?)$/;
const TYPE = /^[A-Za-z][A-Za-z0-9_\- ]{0,39}$/;
const MAX_ID = 200;

/** The view nobody has asked for anything yet. */
export function emptyState() {
  return { actor: null, depth: 1, types: [], sign: "", polarity: "", modality: "", from: null, to: null,
    focus: null, pair: null, expand: [], ev: null, tab: "", conf: "", search: null, soff: 0 };
}

const okId = (v) => typeof v === "string" && v.length > 0 && v.length <= MAX_ID;

/** The state a hash describes, and the names of the parts that were left out. */
export function parseHash(hash) {
  const state = emptyState();
  const problems = [];
  let params;
  try {
    params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  } catch (err) {
    return { state, problems: ["the whole link"] };
  }
  const one = (key, check, set) => {
    if (!params.has(key)) return;
    const value = params.get(key);
    if (check(value)) set(value); else problems.push(key);
  };
  one("actor", okId, (v) => { state.actor = v; });
  one("depth", (v) => ["1", "2", "3"].includes(v), (v) => { state.depth = Number(v); });
  one("sign", (v) => SIGNS.includes(v), (v) => { state.sign = v; });
  one("polarity", (v) => POLARITIES.includes(v), (v) => { state.polarity = v; });
  one("modality", (v) => MODALITIES.includes(v), (v) => { state.modality = v; });
  one("conf", (v) => CONFIDENCE.test(v), (v) => { state.conf = v; });
  one("from", (v) => DATE.test(v), (v) => { state.from = v; });
  one("to", (v) => DATE.test(v), (v) => { state.to = v; });
  one("focus", okId, (v) => { state.focus = v; });
  one("ev", okId, (v) => { state.ev = v; });
  one("tab", (v) => v === "table", (v) => { state.tab = v; });
  one("search", (v) => v.trim().length > 0 && v.length <= 200, (v) => { state.search = v; });
  one("soff", (v) => /^[0-9]{1,5}$/.test(v) && Number(v) <= 10000, (v) => { state.soff = Number(v); });
  if (!state.search) state.soff = 0;
  const types = params.getAll("types");
  if (types.length) {
    const good = types.filter((t) => TYPE.test(t)).slice(0, 20);
    if (good.length !== types.length) problems.push("types");
    state.types = [...new Set(good)];
  }
  const expand = params.getAll("expand");
  state.expand = [...new Set(expand.filter(okId))].slice(0, 20);
  if (state.expand.length !== expand.length) problems.push("expand");
  const pair = params.getAll("pair");
  if (pair.length) {
    if (pair.length === 2 && pair.every(okId) && pair[0] !== pair[1]) state.pair = pair;
    else problems.push("pair");
  }
  if (state.from && state.to && state.from.slice(0, state.to.length) > state.to) {
    problems.push("from");
    state.from = null;
  }
  if (!state.actor) {
    // nothing to draw without an actor: a pair alone centres on its first actor
    if (state.pair) state.actor = state.pair[0];
    else if (state.focus || state.expand.length) { problems.push("focus"); state.focus = null; state.expand = []; }
  }
  return { state, problems };
}

/** The hash of a state: only what differs from the empty state, in a fixed order. */
export function toHash(state) {
  const params = new URLSearchParams();
  const empty = emptyState();
  if (state.actor) params.set("actor", state.actor);
  if (state.depth !== empty.depth) params.set("depth", String(state.depth));
  for (const t of state.types) params.append("types", t);
  for (const key of ["sign", "polarity", "modality", "conf", "from", "to"]) if (state[key]) params.set(key, state[key]);
  if (state.focus && state.focus !== state.actor) params.set("focus", state.focus);
  for (const id of state.expand) params.append("expand", id);
  if (state.pair) for (const id of state.pair) params.append("pair", id);
  if (state.ev) params.set("ev", state.ev);
  if (state.tab) params.set("tab", state.tab);
  if (state.search) params.set("search", state.search);
  if (state.search && state.soff) params.set("soff", String(state.soff));
  const text = params.toString();
  return text ? `#${text}` : "";
}
