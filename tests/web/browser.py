"""A headless Chromium for tests, screenshots and the benchmark, driven through driver.mjs
(playwright-core from npm) by one JSON command per line. One browser serves a whole session;
each test opens its own pages."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = Path("/usr/bin/chromium")


class BrowserError(RuntimeError):
    pass


def missing() -> str | None:
    """Why the browser cannot start here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: run `make install` (it installs Debian's chromium)"
    if shutil.which("node") is None:
        return "node is missing: install Node.js (Debian: nodejs npm)"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "node_modules/playwright-core is missing: run `make install` (npm ci)"
    return None


class Browser:
    def __init__(self):
        problem = missing()
        if problem:
            raise BrowserError(problem)
        self.proc = subprocess.Popen(["node", str(HERE / "driver.mjs")], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def call(self, **command) -> dict:
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise BrowserError(f"the browser driver stopped (exit status {self.proc.poll()})")
        answer = json.loads(line)
        if not answer.pop("ok"):
            raise BrowserError(f"{command['op']}: {answer['error']}")
        return answer

    def page(self) -> "Page":
        return Page(self, self.call(op="new_page")["page"])

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()


class Page:
    def __init__(self, browser: Browser, page_id: int):
        self.browser, self.id = browser, page_id

    def _call(self, op: str, **kw) -> dict:
        return self.browser.call(op=op, page=self.id, **kw)

    def goto(self, url: str, wait: str | None = None) -> int | None:
        return self._call("goto", url=url, wait=wait)["status"]

    def wait(self, selector: str, state: str = "attached") -> None:
        self._call("wait", selector=selector, state=state)

    def eval(self, expr: str):
        return self._call("eval", expr=expr)["value"]

    def click(self, selector: str) -> None:
        self._call("click", selector=selector)

    def navigate_by_click(self, selector: str) -> str:
        return self._call("navigate_by_click", selector=selector)["url"]

    def fill(self, selector: str, value: str) -> None:
        self._call("fill", selector=selector, value=value)

    def select(self, selector: str, value: str) -> None:
        self._call("select", selector=selector, value=value)

    def set_files(self, selector: str, files: list[str]) -> None:
        self._call("set_files", selector=selector, files=[str(f) for f in files])

    def download(self, selector: str, path: Path) -> dict:
        return self._call("download", selector=selector, path=str(path))

    def screenshot(self, path: Path, full: bool = False) -> None:
        self._call("screenshot", path=str(path), full=full)

    def log(self) -> dict:
        return self._call("log")

    def close(self) -> None:
        self._call("close_page")
