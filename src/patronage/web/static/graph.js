// The ego-network graph: a small force layout drawn in SVG, with drag, pan, zoom,
// click-to-expand on nodes and click-for-evidence on edges.

import { s, clear, signLabel } from "./dom.js";

const KIND_CLASS = { person: "k-person", country: "k-country", organization: "k-org", group: "k-group" };

function edgeWidth(weight) {
  return 1.6 + 2.2 * Math.log2(1 + weight);
}

function initials(name) {
  const words = (name || "?").replace(/[^\p{L}\p{N} ]/gu, " ").split(/\s+/).filter(Boolean);
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

export class Graph {
  constructor(svg, { onNode, onEdge }) {
    this.svg = svg;
    this.onNode = onNode;
    this.onEdge = onEdge;
    this.nodes = new Map();
    this.edges = [];
    this.center = null;
    this.selectedEdge = null;
    this.view = { x: 0, y: 0, k: 1 };
    this.alpha = 0;
    this.frame = null;
    this.root = s("g", { class: "viewport" });
    this.svg.append(this.defs(), this.root);
    this.bindPanZoom();
  }

  defs() {
    const defs = s("defs");
    for (const sign of ["positive", "negative", "neutral"]) {
      defs.append(s("marker", { id: `arrow-${sign}`, viewBox: "0 0 10 10", refX: "8", refY: "5", markerWidth: "13",
        markerHeight: "13", orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" },
        s("path", { d: "M0,1 L10,5 L0,9 z", class: `arrow arrow-${sign}` })));
    }
    return defs;
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return { w: box.width || 800, h: box.height || 520 };
  }

  /** Replace the drawn network, keeping the positions of nodes already placed. */
  setData(nodes, edges, center) {
    const { w, h } = this.size();
    const next = new Map();
    nodes.forEach((n, i) => {
      const old = this.nodes.get(n.id);
      const angle = (i / Math.max(1, nodes.length)) * Math.PI * 2;
      const anchor = old || this.nodes.get(center) || { x: w / 2, y: h / 2 };
      next.set(n.id, { ...n, x: old ? old.x : anchor.x + Math.cos(angle) * 90, y: old ? old.y : anchor.y + Math.sin(angle) * 90,
        vx: 0, vy: 0, fixed: false, degree: 0 });
    });
    this.nodes = next;
    this.edges = edges.filter((e) => next.has(e.source) && next.has(e.target));
    for (const e of this.edges) {
      next.get(e.source).degree += e.weight;
      next.get(e.target).degree += e.weight;
    }
    this.center = center;
    const c = next.get(center);
    if (c && !this.placed) {
      c.x = w / 2;
      c.y = h / 2;
    }
    this.placed = true;
    this.assignCurves();
    this.draw();
    this.kick(1);
  }

  /** Several edges between one pair are drawn as arcs fanned out around the straight line. */
  assignCurves() {
    const groups = new Map();
    for (const e of this.edges) {
      const key = [e.source, e.target].sort().join("\u0000");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const group of groups.values()) {
      group.forEach((e, i) => {
        const offset = (i - (group.length - 1) / 2) * 46;
        // arcs are measured from the pair's sorted direction, so opposite edges do not overlap
        e.bend = e.source < e.target ? offset : -offset;
      });
    }
  }

  radius(n) {
    return (n.id === this.center ? 26 : 17) + Math.min(10, 2.5 * Math.log2(1 + n.degree));
  }

  draw() {
    clear(this.root);
    this.edgeLayer = s("g", { class: "edges" });
    this.labelLayer = s("g", { class: "edge-labels" });
    this.nodeLayer = s("g", { class: "nodes" });
    this.root.append(this.edgeLayer, this.labelLayer, this.nodeLayer);
    for (const e of this.edges) {
      const title = `${this.nodes.get(e.source).name} → ${this.nodes.get(e.target).name}: ${e.relation} ` +
        `(${signLabel(e.polarity)}, ×${e.weight})`;
      e.path = s("path", { class: `edge e-${e.polarity}`, "stroke-width": edgeWidth(e.weight).toFixed(1),
        "marker-end": `url(#arrow-${e.polarity})`, dataset: { edge: e.id } });
      e.hit = s("path", { class: "edge-hit", tabindex: "0", role: "button", "aria-label": title,
        dataset: { edge: e.id }, onclick: () => this.onEdge(e), onkeydown: (ev) => ev.key === "Enter" && this.onEdge(e) },
      s("title", { text: title }));
      // event types keep PLOVER's capitals; relation names read as words
      const name = e.kind === "event" ? e.relation : e.relation.replace(/_/g, " ");
      e.label = s("text", { class: `edge-label l-${e.polarity}`, "text-anchor": "middle" },
        e.weight > 1 ? `${name} ×${e.weight}` : name);
      this.edgeLayer.append(e.path, e.hit);
      this.labelLayer.append(e.label);
    }
    for (const n of this.nodes.values()) {
      const r = this.radius(n);
      n.el = s("g", { class: `node ${KIND_CLASS[n.kind] || "k-other"}${n.id === this.center ? " center" : ""}`,
        tabindex: "0", role: "button", "aria-label": `${n.name}: show and expand`, dataset: { node: n.id } },
      s("title", { text: `${n.name}${n.country ? ` (${n.country})` : ""} — click to expand` }),
      s("circle", { r: r.toFixed(1) }),
      s("text", { class: "initials", "text-anchor": "middle", dy: "0.35em" }, initials(n.name)),
      s("text", { class: "node-label", "text-anchor": "middle", dy: (r + 15).toFixed(1) }, n.name));
      n.el.addEventListener("keydown", (ev) => ev.key === "Enter" && this.onNode(n));
      this.bindDrag(n);
      this.nodeLayer.append(n.el);
    }
    this.highlight(this.selectedEdge);
  }

  /** Ring the node whose profile and timeline are shown. */
  setFocus(nodeId) {
    this.focus = nodeId;
    for (const n of this.nodes.values()) n.el.classList.toggle("focus", n.id === nodeId);
  }

  /** Mark one edge (by id) as selected. */
  highlight(edgeId) {
    this.selectedEdge = edgeId;
    for (const e of this.edges) e.path.classList.toggle("selected", e.id === edgeId);
  }

  kick(alpha) {
    this.alpha = Math.max(this.alpha, alpha);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.tick());
  }

  tick() {
    this.frame = null;
    const nodes = [...this.nodes.values()];
    const { w, h } = this.size();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = b.x - a.x, dy = b.y - a.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; d2 = 1; }
        const f = (14000 * this.alpha) / d2;
        const d = Math.sqrt(d2);
        a.vx -= (dx / d) * f; a.vy -= (dy / d) * f;
        b.vx += (dx / d) * f; b.vy += (dy / d) * f;
      }
    }
    const seen = new Set();
    for (const e of this.edges) {
      const key = [e.source, e.target].sort().join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      const a = this.nodes.get(e.source), b = this.nodes.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
      const f = ((d - 210) / d) * 0.05 * this.alpha;
      a.vx += dx * f; a.vy += dy * f;
      b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const n of nodes) {
      n.vx += (w / 2 - n.x) * 0.004 * this.alpha;
      n.vy += (h / 2 - n.y) * 0.007 * this.alpha;
      if (n.fixed) { n.vx = 0; n.vy = 0; continue; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x += Math.max(-30, Math.min(30, n.vx));
      n.y += Math.max(-30, Math.min(30, n.vy));
    }
    if (!this.userMoved) this.fit(0.12);
    this.render();
    this.alpha *= 0.97;
    if (this.alpha > 0.02) this.kick(0);
  }

  /** Zoom and centre so that every node is in view (until the user pans or zooms). */
  fit(step) {
    const nodes = [...this.nodes.values()];
    if (!nodes.length) return;
    const { w, h } = this.size();
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const pad = 70;
    const x0 = Math.min(...xs) - pad, x1 = Math.max(...xs) + pad, y0 = Math.min(...ys) - pad, y1 = Math.max(...ys) + pad;
    const k = Math.max(0.35, Math.min(1.15, w / (x1 - x0), (h - 30) / (y1 - y0)));
    const target = { k, x: w / 2 - ((x0 + x1) / 2) * k, y: (h - 30) / 2 - ((y0 + y1) / 2) * k };
    for (const key of ["k", "x", "y"]) this.view[key] += (target[key] - this.view[key]) * step;
    this.applyView();
  }

  render() {
    for (const e of this.edges) {
      const a = this.nodes.get(e.source), b = this.nodes.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
      const nx = -dy / d, ny = dx / d;
      const mx = (a.x + b.x) / 2 + nx * e.bend, my = (a.y + b.y) / 2 + ny * e.bend;
      // end the arrow at the target's rim, along the tangent of the curve
      const tx = b.x - mx, ty = b.y - my, td = Math.max(1, Math.hypot(tx, ty));
      const rb = this.radius(b) + 3;
      const ex = b.x - (tx / td) * rb, ey = b.y - (ty / td) * rb;
      const d1 = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
      e.path.setAttribute("d", d1);
      e.hit.setAttribute("d", d1);
      // the label sits on the curve's midpoint (a quadratic's middle is halfway to its control point)
      e.label.setAttribute("x", ((a.x + b.x) / 4 + mx / 2).toFixed(1));
      e.label.setAttribute("y", ((a.y + b.y) / 4 + my / 2 - 4).toFixed(1));
    }
    for (const n of this.nodes.values()) n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
  }

  toGraph(ev) {
    const box = this.svg.getBoundingClientRect();
    return { x: (ev.clientX - box.left - this.view.x) / this.view.k, y: (ev.clientY - box.top - this.view.y) / this.view.k };
  }

  bindDrag(n) {
    n.el.addEventListener("pointerdown", (ev) => {
      ev.stopPropagation();
      const start = { x: ev.clientX, y: ev.clientY };
      let moved = false;
      n.el.setPointerCapture(ev.pointerId);
      const move = (mv) => {
        if (Math.hypot(mv.clientX - start.x, mv.clientY - start.y) > 4) moved = true;
        if (!moved) return;
        const p = this.toGraph(mv);
        n.fixed = true; n.x = p.x; n.y = p.y;
        this.kick(0.3);
      };
      const up = () => {
        n.el.removeEventListener("pointermove", move);
        n.el.removeEventListener("pointerup", up);
        if (!moved) this.onNode(n);
      };
      n.el.addEventListener("pointermove", move);
      n.el.addEventListener("pointerup", up);
    });
  }

  bindPanZoom() {
    this.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const box = this.svg.getBoundingClientRect();
      const px = ev.clientX - box.left, py = ev.clientY - box.top;
      const k = Math.max(0.3, Math.min(3, this.view.k * (ev.deltaY < 0 ? 1.1 : 1 / 1.1)));
      this.view.x = px - ((px - this.view.x) * k) / this.view.k;
      this.view.y = py - ((py - this.view.y) * k) / this.view.k;
      this.view.k = k;
      this.userMoved = true;
      this.applyView();
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".node, .edge-hit")) return;
      const start = { x: ev.clientX - this.view.x, y: ev.clientY - this.view.y };
      this.userMoved = true;
      const move = (mv) => { this.view.x = mv.clientX - start.x; this.view.y = mv.clientY - start.y; this.applyView(); };
      const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
    });
  }

  applyView() {
    this.root.setAttribute("transform", `translate(${this.view.x.toFixed(1)},${this.view.y.toFixed(1)}) scale(${this.view.k.toFixed(3)})`);
  }

  /** Back to the initial zoom and position. */
  resetView() {
    this.userMoved = false;
    for (const n of this.nodes.values()) n.fixed = false;
    this.kick(0.6);
  }
}
