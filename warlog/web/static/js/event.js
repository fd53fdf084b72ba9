// One event: every field with the reason it has its value, and the source document with the
// quote highlighted and the event's actor, place and date mentions marked.
import { el, externalLink } from "./dom.js";
import { actorLinks, dateLabel, dot, category, getJSON, page, typeLabel, withFilters } from "./api.js";
import { markLegend, renderReader } from "./reader.js";

const root = document.getElementById("event");
const id = page.event_id;

function actorWhy(refs) {
  return (refs || []).map((a) => {
    const kb = a.actor_id ? `knowledge base id ${a.actor_id}` : "not in the knowledge base";
    return `"${a.name}" → ${a.canonical || a.name} (${kb}${a.type ? `, ${page.actor_types[a.type]}` : ""})`;
  }).join("; ");
}

function fieldRows(rec) {
  const ev = rec.evidence || {};
  const loc = rec.location;
  const fat = rec.fatalities;
  const att = rec.attribution;
  return [
    ["PLOVER type", `${rec.plover_type}${rec.plover_mode ? ` / ${rec.plover_mode}` : ""}`, ev.plover_type],
    ["ACLED type", rec.acled_event_type ? `${rec.acled_event_type} / ${rec.acled_sub_event_type}` : "none", ev.acled_event_type],
    ["actor", actorLinks(rec.actors), actorWhy(rec.actors) || "no actor found"],
    ["acted on", actorLinks(rec.recipients), actorWhy(rec.recipients) || "no recipient found"],
    ["associated", actorLinks(rec.assoc_actors), actorWhy(rec.assoc_actors)],
    ["place", loc ? `${loc.name}, ${loc.admin1 || "–"}, ${loc.country || "–"} (${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}), geo precision ${loc.geo_precision}` : "unknown", ev.location || (loc ? "" : "no place named")],
    ["date", `${dateLabel(rec.date)} (${rec.date.precision || "unknown"})`, ev.date],
    ["dead", fat ? `${fat.best} (low ${fat.low}, high ${fat.high})` : "not reported", fat && fat.text ? `words '${fat.text}'` : ""],
    ["modality", rec.modality + (att ? `, according to ${(att.sources && att.sources.length ? att.sources : [att]).map((s) => s.source).join("; ")}` : ""), ev.modality + (att ? `; attribution words '${att.text}'` : "")],
    ["sources", rec.group_id ? `${rec.group_sources || 1} independent (group ${rec.group_id})` : "", rec.group_id ? "reports of the same event in other documents, by type, actors, place and date" : ""],
    ["confidence", String(rec.confidence), ""],
    ["merged frames", ev.merged || "", ev.merged ? "these triggers were found to be one event" : ""],
  ].filter(([, value, why], i) => i < 2 || value !== "" || why);
}

function documentHead(doc, rec) {
  const title = doc.title || doc.source || doc.doc_id;
  return [
    el("h2", {}, el("a", { href: `/documents/${doc.doc_id}#${rec.event_id}`, text: title })),
    el("p", { class: "subtitle" },
      `${doc.publisher || "unknown publisher"} · published ${doc.published || "unknown"}`
        + (doc.published_from ? ` (from ${doc.published_from})` : ""),
      doc.url ? [" · ", externalLink(doc.url)] : ""),
  ];
}

Promise.all([getJSON(`/api/events/${encodeURIComponent(id)}`), getJSON(`/api/events/${encodeURIComponent(id)}/source`)])
  .then(([rec, source]) => {
    document.getElementById("headline").replaceChildren(dot(category(rec)), typeLabel(rec),
      el("span", { class: "subtitle", text: ` · ${dateLabel(rec.date)}${rec.location ? ` · ${rec.location.name}` : ""} · ${rec.modality}` }));
    document.getElementById("fields").tBodies[0].replaceChildren(...fieldRows(rec).map(([name, value, why]) =>
      el("tr", {}, el("th", { text: name }), el("td", {}, value), el("td", { class: "why", text: why || "" }))));
    document.getElementById("links").replaceChildren(...[
      el("a", { href: `/api/events/${rec.event_id}`, text: "JSON record" }), " · ",
      rec.location ? [el("a", { href: `/map?focus=${rec.event_id}`, text: "on the map" }), " · "] : [],
      el("a", { href: withFilters("/table", { doc_id: rec.doc_id }), text: "this document's events in the table" }),
    ].flat());
    document.getElementById("doc-head").replaceChildren(...documentHead(source.document, rec));
    markLegend(document.getElementById("marks-legend"), source.marks);
    const quote = renderReader(document.getElementById("reader"), source.document.text, source.marks, { selected: rec.event_id });
    if (quote) quote.scrollIntoView({ block: "center" });
    root.dataset.state = "ready";
  })
  .catch((error) => {
    root.dataset.state = "error";
    document.getElementById("headline").textContent = `Could not load the event: ${error.message}`;
  });
