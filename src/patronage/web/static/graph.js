// The ego-network graph in SVG: one line per tie (see ties.js), a layout computed at once (no
// animation to wait for), stretched to the frame's shape and fitted to it, labels placed where they
// collide with no other label (those that cannot be placed are left to their titles), drag to move a
// node, pan and zoom, and arrow keys to walk the nodes.

import { s, clear } from "./dom.js";
import { placeLabels } from "./labels.js";

const KIND_CLASS = { person: "k-person", country: "k-country", organization: "k-org", group: "k-group" };

function edgeWidth(weight) {
  return 1.6 + 2 * Math.log2(1 + weight);
}

function initials(name) {
  const words = (name || "?").replace(/[^\p{L}\p{N} ]/gu, " ").split(/\s+/).filter(Boolean);
  if (!words.length) return "?";
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

export class Graph {
  constructor(svg, { onNode, onTie }) {
    this.svg = svg;
    this.onNode = onNode;
    this.onTie = onTie;
    this.nodes = new Map();
    this.ties = [];
    this.center = null;
    this.selected = null;
    this.view = { x: 0, y: 0, k: 1 };
    this.root = s("g", { class: "viewport" });
    this.svg.append(this.defs(), this.root);
    this.bindPanZoom();
  }

  defs() {
    const defs = s("defs");
    for (const sign of ["positive", "negative", "neutral", "mixed"]) {
      defs.append(s("marker", { id: `arrow-${sign}`, viewBox: "0 0 10 10", refX: "8", refY: "5", markerWidth: "12",
        markerHeight: "12", orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" },
      s("path", { d: "M0,1 L10,5 L0,9 z", class: `arrow arrow-${sign}` })));
    }
    return defs;
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return { w: box.width || 800, h: box.height || 520 };
  }

  radius(n) {
    return (n.id === this.center ? 24 : 15) + Math.min(9, 2.2 * Math.log2(1 + n.degree));
  }

  /** Draw `nodes` and `ties`, keeping the places of nodes drawn before. */
  setData(nodes, ties, center) {
    const { w, h } = this.size();
    const next = new Map();
    const fresh = [];
    nodes.forEach((n) => {
      const old = this.nodes.get(n.id);
      const node = { ...n, x: old ? old.x : 0, y: old ? old.y : 0, fixed: old ? old.fixed : false, degree: 0 };
      if (!old) fresh.push(node);
      next.set(n.id, node);
    });
    this.ties = ties.filter((t) => next.has(t.a) && next.has(t.b));
    for (const t of this.ties) { next.get(t.a).degree += t.weight; next.get(t.b).degree += t.weight; }
    const firstDraw = !next.has(this.center) || !this.nodes.has(center);
    this.nodes = next;
    this.center = center;
    // new nodes start on a circle around the neighbour already placed (or the centre)
    fresh.forEach((node, i) => {
      const tie = this.ties.find((t) => (t.a === node.id || t.b === node.id) && !fresh.includes(next.get(t.a === node.id ? t.b : t.a)));
      const anchor = tie ? next.get(tie.a === node.id ? tie.b : tie.a) : { x: w / 2, y: h / 2 };
      const angle = (i / Math.max(1, fresh.length)) * Math.PI * 2 + 0.3;
      node.x = anchor.x + Math.cos(angle) * 120;
      node.y = anchor.y + Math.sin(angle) * 120;
    });
    if (firstDraw || fresh.length === nodes.length) {
      const c = next.get(center);
      if (c) { c.x = w / 2; c.y = h / 2; }
    }
    this.layout(fresh.length === nodes.length ? 320 : 160);
    this.draw();
    this.fit();
  }

  /** Force layout run to rest at once: repulsion between all nodes, springs along ties, gravity. */
  layout(steps) {
    const nodes = [...this.nodes.values()];
    if (!nodes.length) return;
    const { w, h } = this.size();
    const ends = this.ties.map((t) => [this.nodes.get(t.a), this.nodes.get(t.b)]);
    const spread = nodes.length > 60 ? 9000 : 16000;
    for (let step = 0; step < steps; step++) {
      const alpha = 1 - step / steps;
      for (const n of nodes) { n.vx = 0; n.vy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        const a = nodes[i];
        for (let j = i + 1; j < nodes.length; j++) {
          const b = nodes[j];
          let dx = b.x - a.x, dy = b.y - a.y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 1) { dx = ((i * 7 + j * 13) % 11) - 5 || 1; dy = ((i * 5 + j * 3) % 7) - 3 || 1; d2 = dx * dx + dy * dy; }
          if (d2 > 490000) continue;
          const d = Math.sqrt(d2), f = (spread * alpha) / d2;
          a.vx -= (dx / d) * f; a.vy -= (dy / d) * f;
          b.vx += (dx / d) * f; b.vy += (dy / d) * f;
        }
      }
      for (const [a, b] of ends) {
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.max(1, Math.hypot(dx, dy));
        const f = ((d - 190) / d) * 0.06 * alpha;
        a.vx += dx * f; a.vy += dy * f;
        b.vx -= dx * f; b.vy -= dy * f;
      }
      for (const n of nodes) {
        if (n.fixed) continue;
        n.vx += (w / 2 - n.x) * 0.006 * alpha;
        n.vy += (h / 2 - n.y) * 0.012 * alpha;
        n.x += Math.max(-40, Math.min(40, n.vx));
        n.y += Math.max(-40, Math.min(40, n.vy));
      }
    }
    this.stretch();
  }

  /** Widen the layout towards the frame's shape, so that a wide screen is used (up to 2.4 times). */
  stretch() {
    const nodes = [...this.nodes.values()].filter((n) => !n.fixed);
    if (nodes.length < 3) return;
    const { w, h } = this.size();
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const bw = Math.max(...xs) - Math.min(...xs) + 1, bh = Math.max(...ys) - Math.min(...ys) + 1;
    const factor = Math.max(1, Math.min(2.4, (w / h) / (bw / bh)));
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    for (const n of nodes) n.x = cx + (n.x - cx) * factor;
  }

  draw() {
    clear(this.root);
    const edgeLayer = s("g", { class: "edges" });
    const labelLayer = s("g", { class: "edge-labels" });
    const nodeLayer = s("g", { class: "nodes" });
    this.root.append(edgeLayer, labelLayer, nodeLayer);
    for (const t of this.ties) {
      const cls = `edge e-${t.sign}${t.negated ? " negated" : ""}${t.unrealised ? " unrealised" : ""}`;
      t.path = s("path", { class: cls, "stroke-width": edgeWidth(t.weight).toFixed(1),
        "marker-end": t.forward ? `url(#arrow-${t.sign})` : null,
        "marker-start": t.backward ? `url(#arrow-${t.sign})` : null, dataset: { tie: t.id } });
      t.hit = s("path", { class: "edge-hit", dataset: { tie: t.id }, onclick: () => this.onTie(t) },
        s("title", { text: t.title || t.label }));
      t.labelEl = s("text", { class: `edge-label l-${t.sign}${t.negated ? " negated" : ""}${t.unrealised ? " unrealised" : ""}`,
        dataset: { tie: t.id } }, t.label);
      edgeLayer.append(t.path, t.hit);
      labelLayer.append(t.labelEl);
    }
    const order = [...this.nodes.values()];
    order.forEach((n, i) => {
      const r = this.radius(n);
      n.el = s("g", { class: `node ${KIND_CLASS[n.kind] || "k-other"}${n.id === this.center ? " center" : ""}`,
        tabindex: n.id === this.center ? "0" : "-1", role: "button", "aria-label": `${n.name}: show their profile and timeline`,
        dataset: { node: n.id } },
      s("title", { text: `${n.name}${n.country ? ` (${n.country})` : ""}` }),
      s("circle", { r: r.toFixed(1) }),
      s("text", { class: "initials", "text-anchor": "middle", dy: "0.35em" }, initials(n.name)));
      n.labelEl = s("text", { class: "node-label", dataset: { node: n.id } }, n.name);
      n.el.append(n.labelEl);
      n.el.addEventListener("keydown", (ev) => this.nodeKey(ev, order, i));
      this.bindDrag(n);
      nodeLayer.append(n.el);
    });
    this.setFocus(this.focus);
    this.highlight(this.selected);
    this.render();
  }

  nodeKey(ev, order, i) {
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      this.onNode(order[i]);
    } else if (ev.key in moves || ev.key === "Home") {
      ev.preventDefault();
      const next = ev.key === "Home" ? 0 : (i + moves[ev.key] + order.length) % order.length;
      order[i].el.setAttribute("tabindex", "-1");
      order[next].el.setAttribute("tabindex", "0");
      order[next].el.focus();
    }
  }

  /** Ring the node whose profile and timeline are shown. */
  setFocus(nodeId) {
    this.focus = nodeId;
    for (const n of this.nodes.values()) n.el && n.el.classList.toggle("focus", n.id === nodeId);
  }

  /** Mark one tie (by id) as selected. */
  highlight(tieId) {
    this.selected = tieId;
    for (const t of this.ties) t.path && t.path.classList.toggle("selected", t.id === tieId);
  }

  render() {
    for (const t of this.ties) {
      const a = this.nodes.get(t.a), b = this.nodes.get(t.b);
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const ra = this.radius(a) + 3, rb = this.radius(b) + 3;
      const x1 = a.x + (dx / d) * ra, y1 = a.y + (dy / d) * ra, x2 = b.x - (dx / d) * rb, y2 = b.y - (dy / d) * rb;
      const line = `M${x1.toFixed(1)},${y1.toFixed(1)} L${x2.toFixed(1)},${y2.toFixed(1)}`;
      t.path.setAttribute("d", line);
      t.hit.setAttribute("d", line);
      t.ends = [a, b];
    }
    for (const n of this.nodes.values()) n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    placeLabels([...this.nodes.values()], this.ties, (n) => this.radius(n), this.center, this.focus);
  }

  /** Zoom and centre so that every node is in view; labels grow back when the graph is zoomed out. */
  fit() {
    const nodes = [...this.nodes.values()];
    if (!nodes.length) return;
    const { w, h } = this.size();
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    // room for the labels beside the outermost nodes
    const padX = 95, padY = 55;
    const x0 = Math.min(...xs) - padX, x1 = Math.max(...xs) + padX, y0 = Math.min(...ys) - padY, y1 = Math.max(...ys) + padY;
    const k = Math.max(0.2, Math.min(1.4, w / (x1 - x0), h / (y1 - y0)));
    this.view = { k, x: w / 2 - ((x0 + x1) / 2) * k, y: h / 2 - ((y0 + y1) / 2) * k };
    this.applyView();
  }

  applyView() {
    const { k } = this.view;
    this.root.setAttribute("transform", `translate(${this.view.x.toFixed(1)},${this.view.y.toFixed(1)}) scale(${k.toFixed(3)})`);
    // text stays at least ~11 px on screen however far the graph is zoomed out
    const scale = Math.min(3, Math.max(1, 0.9 / k)).toFixed(2);
    if (this.root.style.getPropertyValue("--label-scale") !== scale) {
      this.root.style.setProperty("--label-scale", scale);
      if (this.nodes.size) this.render();
    }
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
        n.el.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
      };
      const up = () => {
        n.el.removeEventListener("pointermove", move);
        n.el.removeEventListener("pointerup", up);
        if (moved) this.render(); else this.onNode(n);
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
      const k = Math.max(0.2, Math.min(3, this.view.k * (ev.deltaY < 0 ? 1.1 : 1 / 1.1)));
      this.view.x = px - ((px - this.view.x) * k) / this.view.k;
      this.view.y = py - ((py - this.view.y) * k) / this.view.k;
      this.view.k = k;
      this.applyView();
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".node, .edge-hit")) return;
      const start = { x: ev.clientX - this.view.x, y: ev.clientY - this.view.y };
      const move = (mv) => { this.view.x = mv.clientX - start.x; this.view.y = mv.clientY - start.y; this.applyView(); };
      const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
    });
  }

  /** Lay the graph out afresh (dragged nodes let go) and fit it to the frame. */
  resetView() {
    for (const n of this.nodes.values()) n.fixed = false;
    this.layout(200);
    this.render();
    this.fit();
  }
}
