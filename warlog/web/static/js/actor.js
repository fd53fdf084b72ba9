// One actor: what the knowledge base says (aliases, memberships, positions), how the texts name
// it, its events on both sides, and the network of who acts on whom around it.
import { el, svg } from "./dom.js";
import { actorLinks, category, colour, dateLabel, dot, getJSON, legend, page, typeLabel, withFilters } from "./api.js";

const root = document.getElementById("actor");
const key = page.key;

function fact(dl, term, ...values) {
  const shown = values.flat(Infinity).filter((v) => v !== null && v !== undefined && v !== "");
  if (!shown.length) return;
  dl.append(el("dt", { text: term }), el("dd", {}, shown));
}

function actorLink(id, name) {
  return el("a", { href: `/actors/${encodeURIComponent(id)}`, text: name || id });
}

function span(start, end) {
  if (!start && !end) return "";
  return ` (${start || "…"} – ${end || "…"})`;
}

function facts(data) {
  const dl = document.getElementById("facts");
  const a = data.actor;
  const kb = data.knowledge_base;
  fact(dl, "type", a.type ? page.actor_types[a.type] : "unknown");
  fact(dl, "country", a.country || "");
  fact(dl, "events", `${a.as_actor} as actor, ${a.as_recipient} acted on` + (a.as_associate ? `, ${a.as_associate} associated` : ""));
  fact(dl, "written as", a.names.map((n, i) => [i ? ", " : "", `${n.name} (${n.count})`]));
  if (!kb) {
    fact(dl, "knowledge base", "not in warlog's knowledge base: named as the text names it");
    return;
  }
  fact(dl, "knowledge base id", el("code", { text: kb.id }));
  fact(dl, "kind", kb.kind.replace(/_/g, " "));
  fact(dl, "aliases", kb.aliases.join(", "));
  fact(dl, "ACLED name", kb.acled_name || "");
  fact(dl, "active", kb.founded || kb.dissolved ? `${kb.founded || "…"} – ${kb.dissolved || "…"}` : "");
  fact(dl, "member of", kb.memberships.map((m, i) => [i ? "; " : "", actorLink(m.parent, m.parent_name), ` as ${m.role}${span(m.start, m.end)}`]));
  fact(dl, "members", kb.members.map((m, i) => [i ? "; " : "", actorLink(m.id, m.name), ` (${m.role})${span(m.start, m.end)}`]));
  fact(dl, "renamed from", kb.renamed.map((r, i) => [i ? "; " : "", actorLink(r.from, r.from_name), ` on ${r.date}`]));
  fact(dl, "positions", kb.positions.map((p, i) => [i ? "; " : "", `${p.title}${p.country ? `, ${p.country}` : ""}${span(p.start, p.end)}`]));
  fact(dl, "notes", kb.notes || "");
}

function eventRows(table, block) {
  table.tBodies[0].replaceChildren(...block.events.map((rec) => el("tr", {},
    el("td", { class: "nowrap", text: dateLabel(rec.date) }),
    el("td", {}, dot(category(rec)), typeLabel(rec)),
    el("td", {}, actorLinks(rec.actors), " → ", actorLinks(rec.recipients)),
    el("td", { text: rec.location ? rec.location.name : "–" }),
    el("td", { text: rec.modality }),
    el("td", { class: "quote" }, el("a", { href: `/events/${rec.event_id}`, text: rec.quote.length > 120 ? `${rec.quote.slice(0, 119)}…` : rec.quote })))));
}

function network(data) {
  const box = document.getElementById("network");
  const { nodes, edges } = data;
  const [width, height] = [720, 520];
  const [cx, cy] = [width / 2, height / 2];
  const [rx, ry] = [190, 200];
  const pos = new Map();
  nodes.forEach((n, i) => {
    if (i === 0) { pos.set(n.key, [cx, cy]); return; }
    const angle = (2 * Math.PI * (i - 1)) / Math.max(1, nodes.length - 1) - Math.PI / 2;
    pos.set(n.key, [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)]);
  });
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Network of actors: who acts on whom" });
  const defs = svg("defs");
  const categories = [...new Set(edges.map((e) => e.category))];
  categories.forEach((cat, i) => {
    const path = svg("path", { d: "M0,0 L10,5 L0,10 z" });
    path.style.fill = colour(cat);
    defs.append(svg("marker", { id: `arrow-${i}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 5,
      markerHeight: 5, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" }, path));
  });
  root.append(defs);
  const seen = new Map(); // parallel edges of one pair bend apart
  for (const e of edges) {
    if (e.source === e.target || !pos.has(e.source) || !pos.has(e.target)) continue;
    const pair = [e.source, e.target].sort().join("\u0000");
    const k = seen.get(pair) || 0;
    seen.set(pair, k + 1);
    const [x1, y1] = pos.get(e.source);
    const [x2, y2] = pos.get(e.target);
    const dx = x2 - x1; const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const bend = (e.source < e.target ? 1 : -1) * (18 + 16 * k);
    const mx = (x1 + x2) / 2 - (dy / len) * bend;
    const my = (y1 + y2) / 2 + (dx / len) * bend;
    // stop short of the target's circle
    const tx = x2 - ((x2 - mx) / Math.hypot(x2 - mx, y2 - my)) * 14;
    const ty = y2 - ((y2 - my) / Math.hypot(x2 - mx, y2 - my)) * 14;
    const path = svg("path", { d: `M${x1},${y1} Q${mx},${my} ${tx},${ty}`, class: "edge",
      "marker-end": `url(#arrow-${categories.indexOf(e.category)})` },
    svg("title", { text: `${label(nodes, e.source)} → ${label(nodes, e.target)}: ${e.events} ${e.category} event${e.events > 1 ? "s" : ""}` }));
    path.style.stroke = colour(e.category);
    path.style.strokeWidth = String(1.5 + 2 * Math.log2(e.events));
    root.append(path);
  }
  nodes.forEach((n, i) => {
    const [x, y] = pos.get(n.key);
    const anchor = x < cx - 5 ? "end" : x > cx + 5 ? "start" : "middle";
    const dx = i === 0 ? 0 : anchor === "end" ? -12 : anchor === "start" ? 12 : 0;
    const dy = i === 0 ? -20 : anchor === "middle" ? (y < cy ? -14 : 22) : 4;
    const text = n.label.length > 30 ? `${n.label.slice(0, 29)}…` : n.label;
    root.append(svg("a", { href: `/actors/${encodeURIComponent(n.key)}`, class: i === 0 ? "node centre" : "node" },
      svg("circle", { cx: x, cy: y, r: i === 0 ? 11 : 8 }),
      svg("title", { text: n.label }),
      svg("text", { x: x + dx, y: y + dy, "text-anchor": i === 0 ? "middle" : anchor, text })));
  });
  box.replaceChildren(root);
  box.dataset.nodes = String(nodes.length);
  box.dataset.edges = String(edges.length);
  legend(document.getElementById("legend"), categories);
}

function label(nodes, keyOf) {
  const n = nodes.find((x) => x.key === keyOf);
  return n ? n.label : keyOf;
}

getJSON(withFilters(`/api/actors/${encodeURIComponent(key)}`)).then((data) => {
  document.getElementById("name").textContent = data.actor.canonical;
  document.getElementById("subtitle").textContent = data.knowledge_base ? data.knowledge_base.id : "named as written";
  facts(data);
  document.getElementById("count-actor").textContent = `(${data.as_actor.total})`;
  document.getElementById("count-recipient").textContent = `(${data.as_recipient.total})`;
  eventRows(document.getElementById("as-actor"), data.as_actor);
  eventRows(document.getElementById("as-recipient"), data.as_recipient);
  network(data.network);
  root.dataset.state = "ready";
}).catch((error) => {
  root.dataset.state = "error";
  document.getElementById("name").textContent = `Could not load the actor: ${error.message}`;
});
