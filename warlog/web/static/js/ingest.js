// Ingest through the page: paste text or upload files, with the server's token. Progress shows
// the upload (bytes sent) and then the extraction (documents stored), polled from the job.
import { el } from "./dom.js";

const tokenInput = document.getElementById("token");
const box = document.getElementById("progress");
const bar = document.getElementById("bar");
const text = document.getElementById("progress-text");
const result = document.getElementById("result");
tokenInput.value = sessionStorage.getItem("warlog-token") || "";
tokenInput.addEventListener("change", () => sessionStorage.setItem("warlog-token", tokenInput.value));

function show(fraction, message) {
  box.hidden = false;
  if (fraction === null) bar.removeAttribute("value"); else bar.value = fraction;
  text.textContent = message;
}

// XMLHttpRequest, not fetch: only it reports upload progress
function send(url, body, contentType) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Authorization", `Bearer ${tokenInput.value}`);
    if (contentType) xhr.setRequestHeader("Content-Type", contentType);
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) show(e.loaded / e.total, `Uploading: ${Math.round((100 * e.loaded) / e.total)}%`);
    });
    xhr.addEventListener("load", () => {
      if (xhr.status === 202) resolve(xhr.response);
      else {
        const detail = xhr.response && xhr.response.detail;
        reject(new Error(`${xhr.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`));
      }
    });
    xhr.addEventListener("error", () => reject(new Error("the server could not be reached")));
    xhr.send(body);
  });
}

async function follow(job) {
  for (;;) {
    show(job.total ? job.done / job.total : null,
      `${job.status === "queued" ? "Waiting" : "Extracting"}: ${job.done} of ${job.total} documents, ${job.events} events`);
    if (job.status === "done" || job.status === "failed") break;
    await new Promise((r) => setTimeout(r, 500));
    const response = await fetch(`/api/jobs/${job.id}`, { headers: { Authorization: `Bearer ${tokenInput.value}` } });
    job = await response.json();
  }
  if (job.status === "failed") {
    show(0, `Failed: ${job.error}`);
  } else {
    show(1, `Done: ${job.added} added, ${job.replaced} replaced, ${job.unchanged} unchanged; ${job.events} events stored`);
  }
  result.replaceChildren(
    ...job.doc_ids.map((id) => el("li", {}, el("a", { href: `/documents/${id}`, text: `document ${id}` }))),
    ...job.problems.map((p) => el("li", { class: "error", text: `skipped: ${p}` })));
  box.dataset.state = job.status;
}

async function run(submit) {
  result.replaceChildren();
  box.dataset.state = "running";
  try {
    await follow(await submit());
  } catch (error) {
    show(0, error.message);
    box.dataset.state = "failed";
  }
}

document.getElementById("paste-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = {};
  for (const [k, v] of form.entries()) if (v) body[k] = v;
  run(() => send("/api/ingest/text", JSON.stringify(body), "application/json"));
});

document.getElementById("upload-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  if (!form.get("published")) form.delete("published");
  run(() => send("/api/ingest/files", form, null));
});
