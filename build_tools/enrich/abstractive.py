"""`briefing summarize`: an abstractive summary and key points through the OpenAI-compatible
endpoint `briefing translate` uses (its client, its BRIEFING_LLM_* settings). The result is
appended to the source's sidecar, each field with a provenance field beside it (machine,
model, date, review pending); a field the sidecar already has — an editor's text, or an
earlier machine text an editor kept — is never overwritten."""
from __future__ import annotations

import json
import re
from datetime import date

import yaml

from ..model import Heading, Paragraph
from ..translate import TranslateError, chat

SYSTEM = ("You summarize Chinese policy research for analysts. Write in Simplified Chinese. "
          "Be faithful: keep every number exactly as printed, add nothing the text does not say. "
          "Reply with one JSON object only: {\"summary\": \"3 to 5 sentences\", "
          "\"key_points\": [\"one complete sentence per top-level section, in order\"]}.")
FIELDS = ("summary_zh", "key_points_zh")
PROVENANCE = "{field}_provenance"


def article_text(doc, limit: int = 12_000) -> str:
    """Title, abstract and the text with its headings, each section cut to its share of
    `limit` characters so that the end of a long article is not lost."""
    sections: list[list[str]] = [[]]
    for b in doc.blocks:
        if isinstance(b, Heading) and b.level == 1:
            sections.append([])
        if isinstance(b, (Heading, Paragraph)):
            sections[-1].append(("## " if isinstance(b, Heading) else "") + b.text)
    share = max(400, limit // max(1, len(sections)))
    head = [f"标题：{doc.title}"] if doc.title else []
    head += [f"摘要：{doc.abstract}"] if doc.abstract else []
    return "\n".join(head + ["\n".join(s)[:share] for s in sections if s])


def parse_reply(reply: str, model: str) -> tuple[str, list[str]]:
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", reply.strip())
    try:
        data = json.loads(text)
        summary, points = data["summary"], data["key_points"]
        if not (isinstance(summary, str) and summary.strip() and isinstance(points, list)
                and points and all(isinstance(p, str) and p.strip() for p in points)):
            raise ValueError("summary must be text and key_points a list of texts")
    except (ValueError, KeyError, TypeError) as e:
        raise TranslateError(f"the reply of {model} is not the JSON asked for ({e}): {reply[:200]!r}") from None
    return summary.strip(), [p.strip() for p in points]


def summarize_article(article, base_url: str, model: str, api_key: str, today: date | None = None) -> list[str]:
    """Ask for what the sidecar lacks and append it; returns the fields written."""
    meta = article.source.meta
    missing = [f for f in FIELDS if not meta.get(f)]
    if not missing:
        return []
    path = article.source.sidecar or article.source.path.with_suffix(".yml")
    stale = [PROVENANCE.format(field=f) for f in missing if PROVENANCE.format(field=f) in meta]
    if stale:
        raise TranslateError(f"{path}: {', '.join(stale)} is set without its text; remove it to summarize again")
    messages = [{"role": "system", "content": SYSTEM},
                {"role": "user", "content": article_text(article.doc)}]
    summary, points = parse_reply(chat(base_url, model, api_key, messages), model)
    stamp = f"machine; model: {model}; date: {(today or date.today()).isoformat()}; review: pending"
    values = {"summary_zh": summary, "key_points_zh": points}
    added: dict = {}
    for f in missing:
        added[f] = values[f]
        added[PROVENANCE.format(field=f)] = stamp
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    text = yaml.safe_dump(added, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(old + ("" if not old or old.endswith("\n") else "\n") + text, encoding="utf-8")
    meta.update(added)
    return missing
