// The filtered events, sortable and paged; the downloads hold exactly the filtered rows (all
// pages), written by the same code as `warlog export`.
import { el } from "./dom.js";
import { actorLinks, category, dateLabel, dot, fail, getJSON, typeLabel, withFilters } from "./api.js";

const table = document.getElementById("events");
const status = document.getElementById("status");
const params = new URLSearchParams(location.search);
const sort = params.get("sort") || "date";
const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
const LIMIT = 50;
const COLUMNS = [
  ["date", "Date"], ["type", "Type"], [null, "Actor"], [null, "Acted on"], ["location", "Location"],
  ["country", "Country"], ["fatalities", "Dead"], ["modality", "Modality"], [null, "Quote"],
];

const form = document.querySelector("form.filters");
if (form && params.get("sort")) {
  const keep = document.createElement("input");
  Object.assign(keep, { type: "hidden", name: "sort", value: sort });
  form.append(keep);
}
for (const link of document.querySelectorAll(".downloads a")) {
  link.href = withFilters("/api/export", { format: link.dataset.format });
}

function header() {
  const row = table.tHead.rows[0];
  for (const [key, label] of COLUMNS) {
    if (!key) { row.append(el("th", { text: label })); continue; }
    const active = sort.replace(/^-/, "") === key;
    const next = active && !sort.startsWith("-") ? `-${key}` : key;
    const arrow = active ? (sort.startsWith("-") ? " ▼" : " ▲") : "";
    row.append(el("th", { "aria-sort": active ? (sort.startsWith("-") ? "descending" : "ascending") : null },
      el("a", { href: withFilters("/table", { sort: next }), text: label + arrow })));
  }
}

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function row(rec) {
  const loc = rec.location || {};
  return el("tr", { "data-event": rec.event_id },
    el("td", { class: "nowrap", text: dateLabel(rec.date) }),
    el("td", {}, dot(category(rec)), typeLabel(rec)),
    el("td", {}, actorLinks(rec.actors)),
    el("td", {}, actorLinks(rec.recipients)),
    el("td", { text: loc.name || "–" }),
    el("td", { text: loc.country || "" }),
    el("td", { class: "num", text: rec.fatalities ? String(rec.fatalities.best) : "" }),
    el("td", { text: rec.modality }),
    el("td", { class: "quote" }, el("a", { href: `/events/${rec.event_id}`, title: rec.quote, text: clip(rec.quote, 140) })));
}

function pager(total) {
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  const link = (o) => withFilters("/table", { sort: params.get("sort"), offset: o || null });
  if (offset > 0) prev.href = link(Math.max(0, offset - LIMIT)); else prev.removeAttribute("href");
  if (offset + LIMIT < total) next.href = link(offset + LIMIT); else next.removeAttribute("href");
  document.getElementById("range").textContent = total
    ? `${(offset + 1).toLocaleString("en")}–${Math.min(offset + LIMIT, total).toLocaleString("en")} of ${total.toLocaleString("en")}`
    : "no events";
}

header();
Promise.all([
  getJSON(withFilters("/api/events", { sort, offset, limit: LIMIT })),
  getJSON(withFilters("/api/stats")),
]).then(([data, stats]) => {
  table.tBodies[0].replaceChildren(...data.events.map(row));
  pager(data.total);
  status.textContent = `${data.total.toLocaleString("en")} events, ${stats.filtered.located.toLocaleString("en")} on the map`;
  table.dataset.total = String(data.total);
  table.dataset.located = String(stats.filtered.located);
  table.dataset.state = "ready";
}).catch((error) => { table.dataset.state = "error"; fail(status, error); });
