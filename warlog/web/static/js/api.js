// What every page shares: its data block, the filter query string, JSON from the API, labels.
import { el } from "./dom.js";

export const page = JSON.parse(document.getElementById("page-data").textContent);

// the filter part of the page's query string (the names of the API's filters)
export const filters = new URLSearchParams(page.filters);

export function withFilters(path, extra = {}) {
  // without extras, the server's own spelling: the URL a page preloads is the URL it fetches
  if (!Object.values(extra).some((v) => v !== null && v !== undefined && v !== "")) {
    return page.filters ? `${path}?${page.filters}` : path;
  }
  const params = new URLSearchParams(filters);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail
        : (body.detail || []).map((e) => `${(e.loc || []).slice(1).join(".")}: ${e.msg}`).join("; ");
    } catch (e) { /* not JSON */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

export function colour(category) {
  return page.palette[category] || page.palette.Other || "#777";
}

export function category(rec) {
  return rec.acled_event_type || "Other";
}

export function typeLabel(rec) {
  return rec.acled_sub_event_type || rec.acled_event_type || rec.plover_type;
}

export function actorNames(refs) {
  return (refs || []).map((a) => a.canonical || a.name);
}

export function actorKey(ref) {
  return ref.actor_id || ref.canonical || ref.name;
}

export function actorLinks(refs) {
  const out = [];
  (refs || []).forEach((a, i) => {
    if (i) out.push(", ");
    out.push(el("a", { href: `/actors/${encodeURIComponent(actorKey(a))}`, text: a.canonical || a.name }));
  });
  return out.length ? out : ["–"];
}

export function dateLabel(date) {
  if (!date || !date.start) return "undated";
  return date.end && date.end !== date.start ? `${date.start} – ${date.end}` : date.start;
}

export function dot(category) {
  const d = el("span", { class: "dot", "aria-hidden": "true" });
  d.style.background = colour(category);
  return d;
}

export function legend(list, categories, counts) {
  list.replaceChildren(...categories
    .filter((c) => !counts || counts[c])
    .map((c) => el("li", {}, dot(c), c, counts ? el("span", { class: "count", text: ` ${counts[c]}` }) : null)));
}

export function fail(status, error) {
  status.textContent = `Could not load: ${error.message}`;
  status.classList.add("error");
}

export function ready(node) {
  node.dataset.state = "ready";
}
