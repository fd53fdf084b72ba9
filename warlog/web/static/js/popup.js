// An event's summary: the map's popup and the lists that preview events.
import { el, externalLink } from "./dom.js";
import { actorLinks, category, dateLabel, dot, typeLabel } from "./api.js";

export function popupContent(rec) {
  const loc = rec.location;
  const fat = rec.fatalities;
  const source = rec.publisher || rec.source_url || "source document";
  return el("div", { class: "popup" },
    el("h3", {}, dot(category(rec)), typeLabel(rec)),
    el("p", { class: "meta" },
      el("span", { text: dateLabel(rec.date) }),
      loc ? el("span", { text: ` · ${loc.name}${loc.country ? `, ${loc.country}` : ""}` }) : null,
      el("span", { class: `modality m-${rec.modality}`, text: ` · ${rec.modality}` }),
      fat ? el("span", { text: ` · ${fat.best} dead` }) : null),
    el("p", { class: "actors" }, el("strong", { text: "Actor: " }), actorLinks(rec.actors),
      el("br"), el("strong", { text: "On: " }), actorLinks(rec.recipients)),
    el("blockquote", { text: rec.quote }),
    el("p", { class: "source" }, "Source: ",
      rec.source_url ? externalLink(rec.source_url, source) : el("a", { href: `/documents/${rec.doc_id}`, text: source }),
      rec.published_at ? ` (${rec.published_at})` : ""),
    el("p", {}, el("a", { href: `/events/${rec.event_id}`, class: "button", text: "Open the event →" })));
}
