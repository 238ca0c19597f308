// Label placement for the graph: each label takes the first of a few places around its node (or
// along its tie) that overlaps no label placed before it and no node, most important labels first.
// A label with no free place is hidden ("crowded") and shown when its node is hovered or focused;
// the node's title and the connections list still name it.

const GAP = 3;

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function hitsCircle(box, c) {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.h));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

function measure(el) {
  el.classList.remove("crowded");
  const box = el.getBBox();
  return { w: box.width, h: box.height };
}

/** Place node labels (centre, focus, then the most connected first) and tie labels (strongest first). */
export function placeLabels(nodes, ties, radius, center, focus) {
  const sizes = new Map();
  for (const n of nodes) sizes.set(n.labelEl, measure(n.labelEl));
  for (const t of ties) sizes.set(t.labelEl, measure(t.labelEl));
  const circles = nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, r: radius(n) + 2 }));
  const placed = [];
  const free = (box, own) => !placed.some((p) => overlaps(box, p)) && !circles.some((c) => c.id !== own && hitsCircle(box, c));
  const rank = (n) => (n.id === center ? 2 : n.id === focus ? 1 : 0);
  const order = [...nodes].sort((a, b) => rank(b) - rank(a) || b.degree - a.degree);
  for (const n of order) {
    const { w, h } = sizes.get(n.labelEl);
    const r = radius(n);
    const spots = [
      { x: n.x - w / 2, y: n.y + r + GAP },
      { x: n.x - w / 2, y: n.y - r - GAP - h },
      { x: n.x + r + GAP + 2, y: n.y - h / 2 },
      { x: n.x - r - GAP - 2 - w, y: n.y - h / 2 },
    ].map((p) => ({ ...p, w, h }));
    const spot = spots.find((b) => free(b, n.id)) || spots.find((b) => !placed.some((p) => overlaps(b, p)));
    setPlace(n.labelEl, spot, n.x, n.y);
    if (spot) placed.push(spot);
  }
  for (const t of [...ties].sort((a, b) => b.weight - a.weight)) {
    const [a, b] = t.ends;
    const { w, h } = sizes.get(t.labelEl);
    const spots = [0.5, 0.36, 0.64, 0.25, 0.75].map((f) => {
      const x = a.x + (b.x - a.x) * f, y = a.y + (b.y - a.y) * f;
      return { x: x - w / 2, y: y - h / 2, w, h };
    });
    // over a node rather than nowhere, as long as no other label is there
    const spot = spots.find((box) => free(box, null)) || spots.slice(0, 1).find((box) => !placed.some((p) => overlaps(box, p)));
    setPlace(t.labelEl, spot, 0, 0);
    if (spot) placed.push(spot);
  }
}

function setPlace(el, spot, ox, oy) {
  if (!spot) {
    el.classList.add("crowded");
    return;
  }
  el.setAttribute("x", (spot.x - ox).toFixed(1));
  el.setAttribute("y", (spot.y - oy).toFixed(1));
}
