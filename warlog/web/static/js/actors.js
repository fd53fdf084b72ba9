// Actors of the filtered events, most active first.
import { el } from "./dom.js";
import { fail, getJSON, page, withFilters } from "./api.js";

const table = document.getElementById("actors");
const status = document.getElementById("status");

getJSON(withFilters("/api/actors")).then((data) => {
  table.tBodies[0].replaceChildren(...data.actors.map((a) => el("tr", {},
    el("td", {}, el("a", { href: withFilters(`/actors/${encodeURIComponent(a.key)}`), text: a.canonical || a.key })),
    el("td", { text: a.type ? page.actor_types[a.type] : "" }),
    el("td", { text: a.country || "" }),
    el("td", { class: "num", text: String(a.as_actor) }),
    el("td", { class: "num", text: String(a.as_recipient) }),
    el("td", { class: "muted", text: (a.names || "").split(",").join(", ") }))));
  status.textContent = `${data.actors.length.toLocaleString("en")} actors`;
  table.dataset.state = "ready";
}).catch((error) => { table.dataset.state = "error"; fail(status, error); });
