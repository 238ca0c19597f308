// One tie per pair of actors: the network's edges (events and relations, either way) merged, with
// their counts, their sign and how sure they are (negated, reported or intended records marked).

const pretty = (rel, kind) => (kind === "event" ? rel : String(rel || "").replace(/_/g, " "));

/** The records of the pair `a`–`b` in an order that reads well: strongest first. */
function byWeight(a, b) {
  return b.weight - a.weight || a.relation.localeCompare(b.relation);
}

/** Merge edges into ties keyed by their sorted pair of ends. */
export function mergeTies(edges) {
  const ties = new Map();
  for (const e of edges) {
    const [a, b] = [e.source, e.target].sort();
    const id = `${a}\u0001${b}`;
    if (!ties.has(id)) ties.set(id, { id, a, b, records: [] });
    ties.get(id).records.push(e);
  }
  return [...ties.values()].map(finish).sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id));
}

function finish(tie) {
  const records = tie.records.sort(byWeight);
  const weight = records.reduce((n, e) => n + e.weight, 0);
  const signs = new Set(records.filter((e) => e.event_polarity !== "negated").map((e) => e.polarity));
  const negated = records.every((e) => e.event_polarity === "negated");
  const unrealised = records.some((e) => e.modality && e.modality !== "actual");
  const forward = records.some((e) => e.source === tie.a);
  const backward = records.some((e) => e.source === tie.b);
  const names = [...new Set(records.map((e) => pretty(e.relation, e.kind)))];
  const ids = records.flatMap((e) => (e.evidence_ids || []).map((id) => ({ id, edge: e })));
  const first = records.map((e) => e.first_seen).filter(Boolean).sort()[0] || null;
  const last = records.map((e) => e.last_seen).filter(Boolean).sort().pop() || null;
  let sign = signs.size === 1 ? [...signs][0] : signs.size ? "mixed" : "neutral";
  if (signs.size === 2 && signs.has("neutral")) sign = [...signs].find((x) => x !== "neutral");
  const head = names.length > 2 ? `${names[0]} +${names.length - 1}` : names.join(" · ");
  const label = `${negated ? "not " : ""}${head}${unrealised ? "?" : ""}${weight > 1 ? ` ×${weight}` : ""}`;
  return { ...tie, records, weight, sign, negated, unrealised, forward, backward, names, ids, first, last, label };
}

/** A tie's records summed up in words, for titles and screen readers. */
export function describeTie(tie, nodes) {
  const name = (id) => (nodes.get(id) || { name: id }).name;
  const parts = tie.records.map((e) => {
    const flags = [e.event_polarity === "negated" ? "negated" : "", e.modality && e.modality !== "actual" ? e.modality : ""]
      .filter(Boolean).join(", ");
    return `${name(e.source)} → ${name(e.target)}: ${pretty(e.relation, e.kind)} ×${e.weight}${flags ? ` (${flags})` : ""}`;
  });
  return parts.join("; ");
}
