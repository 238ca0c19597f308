// The time control: a from–to brush over a histogram of dated facts per month, two month inputs,
// and a switch that reaches the outlying years (left out by default: one article mentioning 1775
// must not squeeze the years that hold the data into a few pixels).

import { s, clear, fmtDate } from "./dom.js";

/** "YYYY-MM" months from `lo` to `hi`, both included. */
export function monthsBetween(lo, hi) {
  const out = [];
  let [y, m] = lo.split("-").map(Number);
  const [hy, hm] = hi.split("-").map(Number);
  m = m || 1;
  for (let guard = 0; guard < 20000 && (y < hy || (y === hy && m <= (hm || 12))); guard++) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

export class TimeBar {
  /** `els`: the row, the two month inputs, the two range thumbs, the histogram svg, the label,
   *  the reset button and the outlier checkbox; `onChange({from, to})` when the user sets a range. */
  constructor(els, onChange) {
    this.els = els;
    this.onChange = onChange;
    this.counts = new Map();
    this.months = [];
    this.from = null;
    this.to = null;
    const thumb = (el, which) => {
      el.addEventListener("input", () => this.fromThumb(which));
      el.addEventListener("keydown", (ev) => this.keyStep(ev, el, which));
    };
    thumb(els.lo, "from");
    thumb(els.hi, "to");
    for (const [el, which] of [[els.fromInput, "from"], [els.toInput, "to"]]) {
      el.addEventListener("change", () => this.fromInput(el, which));
    }
    els.reset.addEventListener("click", () => this.emit(null, null));
    els.outliers.addEventListener("change", () => { this.build(); this.show(this.from, this.to); });
  }

  /** The store's months (from /api/meta `time`), and its full and core spans. */
  setData(time, dates) {
    this.counts = new Map((time.months || []).map(([m, n]) => [m, n]));
    this.full = dates.min && dates.max ? [dates.min.slice(0, 7), dates.max.slice(0, 7)] : null;
    this.core = time.core ? [time.core.min, time.core.max] : this.full;
    if (this.full && this.full[0].length === 4) this.full[0] += "-01";
    if (this.full && this.full[1].length === 4) this.full[1] += "-12";
    const outlying = this.full && this.core && (this.full[0] < this.core[0] || this.full[1] > this.core[1]);
    this.els.outliersLabel.hidden = !outlying;
    if (outlying) this.els.outliersText.textContent = `include ${this.full[0].slice(0, 4)}–${this.full[1].slice(0, 4)}`;
    this.els.row.hidden = !this.full;
    this.build();
  }

  span() {
    return this.els.outliers.checked ? this.full : this.core;
  }

  build() {
    const span = this.span();
    if (!span) return;
    this.months = monthsBetween(span[0], span[1]);
    const last = String(this.months.length - 1);
    for (const el of [this.els.lo, this.els.hi]) { el.min = "0"; el.max = last; }
    for (const el of [this.els.fromInput, this.els.toInput]) { el.min = span[0]; el.max = span[1]; }
    this.drawHistogram();
  }

  drawHistogram() {
    const svg = clear(this.els.histogram);
    const n = this.months.length;
    const peak = Math.max(1, ...this.months.map((m) => this.counts.get(m) || 0));
    svg.setAttribute("viewBox", `0 0 ${n} 40`);
    svg.setAttribute("preserveAspectRatio", "none");
    this.months.forEach((m, i) => {
      const c = this.counts.get(m) || 0;
      if (c) svg.append(s("rect", { class: "bar", x: i + 0.1, width: 0.8, y: 40 - (36 * c) / peak, height: (36 * c) / peak }));
    });
    this.shade = s("rect", { class: "window", x: 0, y: 0, width: n, height: 40 });
    svg.append(this.shade);
  }

  /** Show a range (dates as the URL holds them) without telling anyone. */
  show(from, to) {
    this.from = from;
    this.to = to;
    const span = this.span();
    if (!span) return;
    // a date outside the core switches the outliers on, so that it can be shown
    const outside = (d) => d && (d.slice(0, 7) < this.core[0] || d.slice(0, 7) > this.core[1]);
    if (!this.els.outliers.checked && (outside(from) || outside(to))) {
      this.els.outliers.checked = true;
      this.build();
    }
    const index = (d, end) => {
      if (!d) return end ? this.months.length - 1 : 0;
      const month = d.length === 4 ? `${d}-${end ? "12" : "01"}` : d.slice(0, 7);
      const at = this.months.indexOf(month);
      if (at >= 0) return at;
      return month < this.months[0] ? 0 : this.months.length - 1;
    };
    const lo = index(from, false), hi = index(to, true);
    this.els.lo.value = String(lo);
    this.els.hi.value = String(hi);
    this.els.fromInput.value = from ? this.months[lo] : "";
    this.els.toInput.value = to ? this.months[hi] : "";
    this.els.lo.setAttribute("aria-valuetext", from ? fmtDate(this.months[lo]) : "earliest");
    this.els.hi.setAttribute("aria-valuetext", to ? fmtDate(this.months[hi]) : "latest");
    if (this.shade) {
      this.shade.setAttribute("x", String(lo));
      this.shade.setAttribute("width", String(Math.max(0.5, hi - lo + 1)));
    }
    this.els.label.textContent = from || to
      ? `${from ? fmtDate(from) : "earliest"} – ${to ? fmtDate(to) : "latest"}` : "all dates";
    this.els.reset.disabled = !from && !to;
  }

  fromThumb(which) {
    let lo = Number(this.els.lo.value), hi = Number(this.els.hi.value);
    if (lo > hi) {
      if (which === "from") { lo = hi; this.els.lo.value = String(lo); } else { hi = lo; this.els.hi.value = String(hi); }
    }
    const last = this.months.length - 1;
    this.emit(lo > 0 ? this.months[lo] : null, hi < last ? this.months[hi] : null);
  }

  /** Arrow keys step a month (the range input's own step), Page Up and Page Down a year. */
  keyStep(ev, el, which) {
    if (ev.key !== "PageUp" && ev.key !== "PageDown") return;
    ev.preventDefault();
    const step = ev.key === "PageUp" ? 12 : -12;
    el.value = String(Math.max(0, Math.min(this.months.length - 1, Number(el.value) + step)));
    this.fromThumb(which);
  }

  fromInput(el, which) {
    const value = el.value && /^[0-9]{4}-[0-9]{2}$/.test(el.value) ? el.value : null;
    let { from, to } = this;
    if (which === "from") from = value; else to = value;
    if (from && to && from > to) [from, to] = [to, from];
    this.emit(from, to);
  }

  emit(from, to) {
    this.show(from, to);
    this.onChange({ from, to });
  }
}
