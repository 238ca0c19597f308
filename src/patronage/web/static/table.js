// The relation table: one row per tie of the view (the ties the graph draws), with its actors, its
// relations and event types, sign, number of records, first and last date. Each header is a button
// that sorts by its column (again: the other way round); a row, or the button in its first cell,
// opens that tie's evidence. The order is the reader's, kept while the page lives, not in the URL.

import { h, clear, fmtDate, signLabel } from "./dom.js";

const byText = (a, b) => a.localeCompare(b, undefined, { sensitivity: "base" });

/** The columns: key (also the cells' class), header, the value sorted on, and the first direction. */
const COLUMNS = [
  { key: "who", label: "Actors", value: (r) => r.who, first: "ascending", cmp: byText },
  { key: "rel", label: "Relations and events", value: (r) => r.relations, first: "ascending", cmp: byText },
  { key: "sign", label: "Sign", value: (r) => r.sign, first: "ascending", cmp: byText },
  { key: "records", label: "Records", value: (r) => r.records, first: "descending", cmp: (a, b) => a - b },
  { key: "first", label: "First seen", value: (r) => r.first_seen, first: "descending", cmp: byText },
  { key: "last", label: "Last seen", value: (r) => r.last_seen, first: "descending", cmp: byText },
];

/** The columns of the table's CSV. */
export const TIE_COLUMNS = ["actor_a", "actor_a_id", "direction", "actor_b", "actor_b_id", "relations", "sign", "records",
  "negated", "unrealised", "first_seen", "last_seen"];

/** A tie as a row of plain values: what the table shows and what its CSV holds. */
export function tieRow(tie, nodes) {
  const name = (id) => (nodes.get(id) || { name: id }).name;
  const arrow = tie.forward && tie.backward ? "↔" : tie.forward ? "→" : "←";
  return {
    tie,
    who: `${name(tie.a)} ${arrow} ${name(tie.b)}`,
    actor_a: name(tie.a), actor_a_id: tie.a, direction: arrow, actor_b: name(tie.b), actor_b_id: tie.b,
    relations: tie.names.join(", "),
    sign: tie.negated ? "negated" : signLabel(tie.sign),
    records: tie.weight,
    negated: tie.negated,
    unrealised: tie.unrealised,
    first_seen: tie.first,
    last_seen: tie.last,
  };
}

export class TieTable {
  /** `table` is an empty <table>; `onTie(tie)` opens a tie's evidence. */
  constructor(table, onTie) {
    this.table = table;
    this.onTie = onTie;
    this.sort = { key: "records", dir: "descending" };
    this.rows = [];
    this.selected = null;
    this.body = h("tbody");
    this.heads = COLUMNS.map((c) => h("th", { scope: "col", class: c.key },
      h("button", { type: "button", class: "sort", onclick: () => this.sortBy(c) }, c.label)));
    table.append(h("caption", { class: "sr-only" }, "Ties of the view; the column headers sort the rows"),
      h("thead", {}, h("tr", {}, this.heads)), this.body);
  }

  /** Show `ties` (of nodes `nodes`), `selected` (a tie id) marked. */
  render(ties, nodes, selected) {
    this.rows = ties.map((t) => tieRow(t, nodes));
    this.selected = selected;
    this.paint();
  }

  /** The rows in the order shown. */
  sorted() {
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const sign = this.sort.dir === "ascending" ? 1 : -1;
    // empty values (an undated tie) last whichever the direction; ties in the data's own order
    const blank = (v) => v === null || v === undefined || v === "";
    return this.rows.map((r, i) => [r, i]).sort(([a, i], [b, j]) => {
      const x = col.value(a), y = col.value(b);
      if (blank(x) || blank(y)) return blank(x) - blank(y) || i - j;
      return sign * col.cmp(x, y) || i - j;
    }).map(([r]) => r);
  }

  sortBy(col) {
    const again = this.sort.key === col.key;
    const other = { ascending: "descending", descending: "ascending" };
    this.sort = { key: col.key, dir: again ? other[this.sort.dir] : col.first };
    this.paint();
  }

  paint() {
    this.heads.forEach((th, i) => {
      const on = COLUMNS[i].key === this.sort.key;
      if (on) th.setAttribute("aria-sort", this.sort.dir); else th.removeAttribute("aria-sort");
    });
    clear(this.body);
    if (!this.rows.length) {
      this.body.append(h("tr", {}, h("td", { colspan: String(COLUMNS.length), class: "muted" }, "No connections for these filters.")));
      return;
    }
    const when = (value) => (value ? h("time", { datetime: value }, fmtDate(value)) : h("span", { class: "muted" }, "undated"));
    for (const r of this.sorted()) {
      const t = r.tie;
      this.body.append(h("tr", { class: t.id === this.selected ? "on" : null, dataset: { tie: t.id }, title: t.title, onclick: () => this.onTie(t) },
        h("td", { class: "who" }, h("button", { type: "button", class: "row-open" }, r.who)),
        h("td", { class: `rel${t.negated ? " struck" : ""}` }, r.relations, t.unrealised ? " ?" : ""),
        h("td", { class: "sign" }, h("span", { class: `swatch sw-${t.sign}${t.negated ? " negated" : ""}` }), ` ${r.sign}`),
        h("td", { class: "records" }, String(r.records)),
        h("td", { class: "first" }, when(r.first_seen)),
        h("td", { class: "last" }, when(r.last_seen))));
    }
  }
}
