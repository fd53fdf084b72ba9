// Stored documents, a page at a time.
import { el } from "./dom.js";
import { fail, getJSON } from "./api.js";

const table = document.getElementById("documents");
const status = document.getElementById("status");
const params = new URLSearchParams(location.search);
const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
const LIMIT = 100;

getJSON(`/api/documents?limit=${LIMIT}&offset=${offset}`).then((data) => {
  table.tBodies[0].replaceChildren(...data.documents.map((d) => el("tr", {},
    el("td", { class: "nowrap", text: d.published || "?" }),
    el("td", {}, el("a", { href: `/documents/${d.doc_id}`, text: d.title || d.doc_id })),
    el("td", { text: d.publisher || "" }),
    el("td", { text: d.genre || "" }),
    el("td", { class: "muted", text: d.url || d.source || "" }),
    el("td", { class: "num", text: String(d.event_count) }))));
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  if (offset > 0) prev.href = `?offset=${Math.max(0, offset - LIMIT)}`; else prev.removeAttribute("href");
  if (offset + LIMIT < data.total) next.href = `?offset=${offset + LIMIT}`; else next.removeAttribute("href");
  document.getElementById("range").textContent = data.total ? `${offset + 1}–${Math.min(offset + LIMIT, data.total)} of ${data.total}` : "";
  status.textContent = `${data.total.toLocaleString("en")} documents`;
  table.dataset.state = "ready";
}).catch((error) => { table.dataset.state = "error"; fail(status, error); });
