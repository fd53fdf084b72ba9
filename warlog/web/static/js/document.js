// One document: the reader with every event's quote and mentions marked, and its events.
// Clicking a marked quote picks out its events in the list; the list links to event pages.
import { el, externalLink } from "./dom.js";
import { category, dateLabel, dot, getJSON, page, typeLabel } from "./api.js";
import { markLegend, renderReader } from "./reader.js";

const root = document.getElementById("document");
const selected = location.hash.slice(1) || null;

function pick(ids) {
  for (const item of document.querySelectorAll("#event-list li")) {
    item.classList.toggle("picked", ids.includes(item.dataset.event));
  }
  const first = document.querySelector("#event-list li.picked");
  if (first) first.scrollIntoView({ block: "nearest" });
}

getJSON(`/api/documents/${encodeURIComponent(page.doc_id)}`).then((data) => {
  const doc = data.document;
  document.getElementById("title").textContent = doc.title || doc.doc_id;
  document.getElementById("meta").replaceChildren(
    `${doc.publisher || "unknown publisher"} · published ${doc.published || "unknown"}`
      + (doc.published_from ? ` (from ${doc.published_from})` : "") + ` · ${doc.format} · `,
    doc.url ? externalLink(doc.url) : (doc.source || ""),
    ` · document ${doc.doc_id}`);
  markLegend(document.getElementById("marks-legend"), data.marks);
  const reader = document.getElementById("reader");
  const first = renderReader(reader, doc.text, data.marks, { selected });
  reader.addEventListener("click", (event) => {
    const span = event.target.closest("[data-events]");
    if (span) pick(span.dataset.events.split(" "));
  });
  document.getElementById("count").textContent = `(${data.events.length})`;
  document.getElementById("event-list").replaceChildren(...data.events.map((rec) => el("li", { "data-event": rec.event_id },
    dot(category(rec)),
    el("a", { href: `/events/${rec.event_id}`, text: typeLabel(rec) }),
    el("span", { class: "muted", text: ` · ${dateLabel(rec.date)}${rec.location ? ` · ${rec.location.name}` : ""} · ${rec.modality}` }))));
  if (selected) { pick([selected]); if (first) first.scrollIntoView({ block: "center" }); }
  root.dataset.state = "ready";
}).catch((error) => {
  root.dataset.state = "error";
  document.getElementById("title").textContent = `Could not load the document: ${error.message}`;
});
