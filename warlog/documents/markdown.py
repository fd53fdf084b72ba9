"""Markdown to plain text: drop the markup, keep the words.

Not a Markdown parser: line-based rules that cover what articles written in Markdown use
(headings, emphasis, links, images, quotes, lists, code fences, front matter, HTML comments).
"""
from __future__ import annotations

import re

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_HTML_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~).*$")
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_OR_RULE_RE = re.compile(r"^[ \t]{0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$")
_QUOTE_RE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+")
_REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")

# Inline rules, applied in this order.
_INLINE = [
    (re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])"), ""),  # images go entirely
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <https://autolink>
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes last
]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter ("---" block at the very start) as flat key: value pairs, and the rest."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    fields = {}
    for key, value in _FRONT_KEY_RE.findall(m.group(1)):
        value = value.strip().strip("\"'")
        if value:
            fields[key.lower()] = value
    return fields, text[m.end():]


def markdown_to_text(text: str) -> tuple[str, str | None, dict[str, str]]:
    """Plain text of a Markdown document (text already has "\\n" line breaks), its title (the
    front matter `title`, or the first heading when the document starts with one) and its
    front matter fields."""
    front, text = split_front_matter(text)
    title = front.get("title")
    text = _HTML_COMMENT_RE.sub("", text)
    out = []
    in_fence = False
    prev_blank = True
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:  # code: keep as written
            out.append(line)
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            line = heading.group(1) or ""
            if title is None and not any(o.strip() for o in out):
                title = _inline(line).strip() or None
            # a heading is a paragraph of its own
            if out and out[-1].strip():
                out.append("")
            out.extend([_inline(line), ""])
            prev_blank = True
            continue
        if _SETEXT_OR_RULE_RE.match(line) or _REF_DEF_RE.match(line) or _TABLE_RULE_RE.match(line):
            if not prev_blank and out and _SETEXT_OR_RULE_RE.match(line) and line.strip()[0] in "=-":
                # setext underline: the line above was a heading
                if title is None and sum(1 for o in out if o.strip()) == 1:
                    title = _inline(out[-1]).strip() or None
                out.append("")
            prev_blank = True
            continue
        line = _QUOTE_RE.sub("", line)
        line = _BULLET_RE.sub(r"\1", line)
        out.append(_inline(line))
        prev_blank = not line.strip()
    return "\n".join(out), title, front


def _inline(line: str) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return line
