// Events per day or ISO week, stacked by event type, drawn as SVG. A bar links to the table of
// its period.
import { clear, svg } from "./dom.js";
import { colour, fail, getJSON, legend, withFilters } from "./api.js";

const chart = document.getElementById("chart");
const status = document.getElementById("status");
const params = new URLSearchParams(location.search);
const interval = params.get("interval") === "day" ? "day" : "week";
const DAY = 86400000;
const SPAN = { day: 1, week: 7 };

for (const which of ["day", "week"]) {
  const link = document.getElementById(`by-${which}`);
  link.href = withFilters("/timeline", { interval: which });
  if (which === interval) link.setAttribute("aria-current", "true");
}
// keep the interval when the filter form is applied
const form = document.querySelector("form.filters");
if (form) {
  const keep = document.createElement("input");
  Object.assign(keep, { type: "hidden", name: "interval", value: interval });
  form.append(keep);
}

const time = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function niceStep(max) {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || power;
}

function draw(data) {
  const periods = data.periods;
  const width = Math.max(chart.clientWidth, 600);
  const height = 360;
  const m = { top: 12, right: 16, bottom: 36, left: 44 };
  const first = time(periods[0].start);
  const last = time(periods[periods.length - 1].start) + SPAN[interval] * DAY;
  const totals = periods.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const x = (ms) => m.left + ((ms - first) / (last - first)) * (width - m.left - m.right);
  const y = (v) => height - m.bottom - (v / top) * (height - m.top - m.bottom);
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `Events per ${interval}, stacked by type` });
  for (let v = 0; v <= top; v += step) {
    root.append(svg("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: m.left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end", text: String(v) }));
  }
  const years = new Date(first).getUTCFullYear();
  const lastYear = new Date(last).getUTCFullYear();
  const spanDays = (last - first) / DAY;
  const ticks = [];
  if (spanDays > 400) {
    for (let yr = years; yr <= lastYear + 1; yr += 1) ticks.push([Date.UTC(yr, 0, 1), String(yr)]);
  } else {
    const d = new Date(first);
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); t <= last; ) {
      const dt = new Date(t);
      ticks.push([t, dt.toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" })]);
      t = Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1);
    }
  }
  for (const [t, label] of ticks) {
    if (t < first || t > last) continue;
    root.append(svg("line", { x1: x(t), x2: x(t), y1: height - m.bottom, y2: height - m.bottom + 5, class: "axis" }),
      svg("text", { x: x(t), y: height - m.bottom + 18, class: "tick", "text-anchor": "middle", text: label }));
  }
  root.append(svg("line", { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom, class: "axis" }));
  const barWidth = Math.max(2, x(first + SPAN[interval] * DAY) - x(first) - 1);
  periods.forEach((p, i) => {
    const start = time(p.start);
    const end = iso(start + (SPAN[interval] - 1) * DAY);
    const link = svg("a", { href: withFilters("/table", { since: p.start, until: end }), class: "bar" });
    let base = 0;
    for (const cat of data.categories) {
      const n = p.counts[cat];
      if (!n) continue;
      const rect = svg("rect", { x: x(start), width: barWidth, y: y(base + n), height: y(base) - y(base + n) });
      rect.style.fill = colour(cat);
      link.append(rect);
      base += n;
    }
    const lines = data.categories.filter((c) => p.counts[c]).map((c) => `${c}: ${p.counts[c]}`);
    link.append(svg("title", { text: `${interval === "week" ? `week of ${p.start}` : p.start}: ${totals[i]} events\n${lines.join("\n")}` }));
    root.append(link);
  });
  clear(chart).append(root);
  chart.dataset.bars = String(periods.length);
  chart.dataset.events = String(totals.reduce((a, b) => a + b, 0));
}

getJSON(withFilters("/api/timeline", { interval })).then((data) => {
  const counts = {};
  for (const p of data.periods) for (const [c, n] of Object.entries(p.counts)) counts[c] = (counts[c] || 0) + n;
  const dated = Object.values(counts).reduce((a, b) => a + b, 0);
  status.textContent = `${dated.toLocaleString("en")} dated events` + (data.undated ? `; ${data.undated} undated not shown` : "");
  legend(document.getElementById("legend"), data.categories, counts);
  if (data.periods.length) draw(data);
  chart.dataset.state = "ready";
}).catch((error) => { chart.dataset.state = "error"; fail(status, error); });
