// A document's text with its marks (quotes, triggers, actors, recipients, places, dates,
// attributions). Marks may nest and overlap: the text is cut at every mark boundary and each
// piece carries the classes of all marks that cover it. Text goes in as text nodes only.
import { el } from "./dom.js";

export const KINDS = {
  quote: "event quote", trigger: "trigger", actor: "actor", recipient: "acted on",
  place: "place", date: "date", attribution: "attribution",
};

export function markLegend(list, marks) {
  const present = new Set(marks.map((m) => m.kind));
  list.replaceChildren(...Object.entries(KINDS).filter(([k]) => present.has(k))
    .map(([k, label]) => el("li", {}, el("span", { class: `swatch k-${k}`, "aria-hidden": "true" }), label)));
}

export function renderReader(container, text, marks, { selected = null } = {}) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const pieces = [];
  let firstSelected = null;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    if (!covering.length) { pieces.push(piece); continue; }
    const kinds = [...new Set(covering.map((m) => m.kind))];
    const events = [...new Set(covering.filter((m) => m.kind === "quote").flatMap((m) => m.events))];
    const span = el("span", {
      class: kinds.map((k) => `k-${k}`).join(" "),
      title: covering.filter((m) => m.kind !== "quote" || covering.length === 1)
        .map((m) => `${KINDS[m.kind]}: ${m.label}`).join("\n"),
      "data-events": events.join(" ") || null,
    }, piece);
    if (selected && covering.some((m) => m.kind === "quote" && m.events.includes(selected))) {
      span.classList.add("selected");
      if (!firstSelected) firstSelected = span;
    }
    pieces.push(span);
  }
  container.replaceChildren(...pieces.map((p) => (typeof p === "string" ? document.createTextNode(p) : p)));
  return firstSelected;
}
