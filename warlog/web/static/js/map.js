// The map: country borders from world-atlas drawn by Leaflet (no tile server), the filtered
// events clustered by Supercluster, each cluster a ring showing its mix of event types.
import { el } from "./dom.js";
import { actorNames, colour, dateLabel, dot, fail, getJSON, typeLabel, withFilters } from "./api.js";
import { popupContent } from "./popup.js";

const MAX_ZOOM = 13; // beyond it events at one place would sit on top of each other: list them instead
const mapNode = document.getElementById("map");
const status = document.getElementById("status");

const map = L.map(mapNode, { preferCanvas: true, minZoom: 2, maxZoom: MAX_ZOOM, worldCopyJump: true });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Borders: Natural Earth, via world-atlas");
map.setView([30, 35], 3);
// borders in a pane of their own under the markers' pane: a later, detailed redraw never covers them
map.createPane("borders").style.zIndex = 350;
const bordersRenderer = L.canvas({ pane: "borders" });
const markers = L.layerGroup().addTo(map);
let index = null;
let categories = [];

// Borders at 1:110m for the first paint (100 kB), at 1:50m once the map is zoomed in.
const DETAIL_ZOOM = 5;
let borders = null;
let detailed = false;

function drawBorders(topo) {
  const countries = topojson.feature(topo, topo.objects.countries);
  const layer = L.geoJSON(countries, {
    interactive: false,
    pane: "borders",
    renderer: bordersRenderer,
    style: { color: "#9aa3ad", weight: 0.7, fillColor: "#f6f3ec", fillOpacity: 1 },
  }).addTo(map);
  if (borders) map.removeLayer(borders);
  borders = layer;
  performance.mark("borders-drawn");
}

function detailBorders() {
  if (detailed || map.getZoom() < DETAIL_ZOOM) return null;
  detailed = true;
  return getJSON("/vendor/countries-50m.json").then(drawBorders).catch(() => { detailed = false; });
}

function buildIndex(points) {
  categories = points.categories;
  const keys = categories.map((_, j) => `k${j}`);
  const n = points.total;
  const features = new Array(n);
  for (let i = 0; i < n; i += 1) {
    features[i] = {
      type: "Feature",
      properties: { id: points.id[i], c: points.category[i] },
      geometry: { type: "Point", coordinates: [points.lon[i], points.lat[i]] },
    };
  }
  index = new Supercluster({
    radius: 48,
    maxZoom: MAX_ZOOM - 1,
    // counts per category as plain numbers: Supercluster copies cluster properties shallowly,
    // so numbers can be added in place where an array would be shared
    map: (p) => { const k = {}; for (const key of keys) k[key] = 0; k[keys[p.c]] = 1; return k; },
    reduce: (acc, p) => { for (const key of keys) acc[key] += p[key]; },
  });
  index.load(features);
}

function fitToPoints(points) {
  if (!points.total) return;
  let [s, w, n, e] = [90, 180, -90, -180];
  for (let i = 0; i < points.total; i += 1) {
    s = Math.min(s, points.lat[i]); n = Math.max(n, points.lat[i]);
    w = Math.min(w, points.lon[i]); e = Math.max(e, points.lon[i]);
  }
  map.fitBounds([[s, w], [n, e]], { padding: [40, 40], maxZoom: 8, animate: false });
}

function clusterIcon(props) {
  const count = props.point_count;
  const size = Math.round(30 + 12 * Math.log10(count));
  const stops = [];
  let done = 0;
  categories.forEach((cat, j) => {
    const v = props[`k${j}`];
    if (!v) return;
    const from = (done / count) * 360;
    done += v;
    stops.push(`${colour(cat)} ${from}deg ${(done / count) * 360}deg`);
  });
  const ring = el("div", { class: "cluster" }, el("span", { text: count.toLocaleString("en") }));
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  ring.style.width = `${size}px`;
  ring.style.height = `${size}px`;
  return L.divIcon({ html: ring, className: "cluster-icon", iconSize: [size, size] });
}

function clusterTitle(props) {
  const parts = categories.map((c, j) => (props[`k${j}`] ? `${c} ${props[`k${j}`]}` : null)).filter(Boolean);
  return `${props.point_count} events: ${parts.join(", ")}`;
}

function render() {
  if (!index) return;
  const b = map.getBounds();
  const zoom = Math.round(map.getZoom());
  const found = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
  markers.clearLayers();
  let shown = 0;
  let singles = 0;
  for (const f of found) {
    const [lon, lat] = f.geometry.coordinates;
    if (f.properties.cluster) {
      shown += f.properties.point_count;
      const m = L.marker([lat, lon], { icon: clusterIcon(f.properties), title: clusterTitle(f.properties), keyboard: true });
      m.on("click", () => openCluster(f, lat, lon));
      markers.addLayer(m);
    } else {
      shown += 1;
      singles += 1;
      const cat = categories[f.properties.c];
      const m = L.circleMarker([lat, lon], {
        radius: 7, weight: 1.5, color: "#fff", fillColor: colour(cat), fillOpacity: 0.95, className: "point",
      });
      m.on("click", () => openEvent(f.properties.id, lat, lon));
      markers.addLayer(m);
    }
  }
  mapNode.dataset.shown = String(shown);
  mapNode.dataset.singles = String(singles);
}

async function openEvent(id, lat, lon) {
  const popup = L.popup({ maxWidth: 380 }).setLatLng([lat, lon]).setContent(el("p", { text: "Loading…" })).openOn(map);
  try {
    popup.setContent(popupContent(await getJSON(`/api/events/${encodeURIComponent(id)}`)));
  } catch (error) {
    popup.setContent(el("p", { class: "error", text: error.message }));
  }
}

async function openCluster(f, lat, lon) {
  const id = f.properties.cluster_id;
  const zoom = Math.round(map.getZoom());
  const expansion = index.getClusterExpansionZoom(id);
  if (expansion <= MAX_ZOOM - 1 && expansion > zoom) {
    map.setView([lat, lon], expansion);
    return;
  }
  // events at (nearly) one place: list them
  const leaves = index.getLeaves(id, 12);
  const popup = L.popup({ maxWidth: 420 }).setLatLng([lat, lon]).setContent(el("p", { text: "Loading…" })).openOn(map);
  const records = await Promise.all(leaves.map((l) => getJSON(`/api/events/${encodeURIComponent(l.properties.id)}`)));
  const places = [...new Set(records.map((r) => r.location && r.location.name))];
  const box = el("div", { class: "popup stacked" },
    el("h3", { text: `${f.properties.point_count} events here` }),
    el("ul", {}, records.map((r) => el("li", {},
      dot(r.acled_event_type || "Other"),
      el("a", { href: `/events/${r.event_id}`, text: `${dateLabel(r.date)} · ${typeLabel(r)}` }),
      el("span", { class: "muted", text: ` ${actorNames(r.actors).join(", ") || ""}` })))),
    places.length === 1 && places[0]
      ? el("a", { href: withFilters("/table", { location: places[0] }), text: `All of them in the table (${places[0]})` })
      : null);
  popup.setContent(box);
}

function legendControl(points) {
  const counts = new Array(points.categories.length).fill(0);
  for (const c of points.category) counts[c] += 1;
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => el("ul", { class: "legend map-legend" },
    points.categories.map((c, j) => (counts[j] ? el("li", {}, dot(c), `${c} `, el("span", { class: "count", text: counts[j].toLocaleString("en") })) : null)));
  control.addTo(map);
}

const coarse = getJSON("/vendor/countries-110m.json").then(drawBorders);
// /map?focus=<event id>: centre on that event and open its popup (the event page links here)
function focusOn(data, id) {
  const i = data.id.indexOf(id);
  if (i < 0) return;
  map.setView([data.lat[i], data.lon[i]], 6, { animate: false });
  openEvent(id, data.lat[i], data.lon[i]);
}

const points = getJSON(withFilters("/api/points")).then((data) => {
  performance.mark("points-loaded");
  buildIndex(data);
  performance.mark("points-indexed");
  fitToPoints(data);
  const focus = new URLSearchParams(location.search).get("focus");
  if (focus) focusOn(data, focus);
  render();
  legendControl(data);
  mapNode.dataset.points = String(data.total);
  return data;
});
map.on("moveend", render);
map.on("zoomend", detailBorders);

Promise.all([coarse, points]).then(async ([, data]) => {
  await detailBorders(); // when the first view is already close (a focused event, a small area)
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark("map-ready");
    mapNode.dataset.state = "ready";
  }));
  getJSON(withFilters("/api/stats")).then((stats) => {
    const total = stats.filtered.events;
    status.textContent = `${data.total.toLocaleString("en")} events on the map`
      + (total > data.total ? `; ${(total - data.total).toLocaleString("en")} of the ${total.toLocaleString("en")} filtered events have no place` : "");
  });
}).catch((error) => {
  mapNode.dataset.state = "error";
  fail(status, error);
});
