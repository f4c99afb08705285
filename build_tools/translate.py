"""`briefing translate`: fill missing or stale PO entries through an OpenAI-compatible
chat-completions endpoint, with the glossary's renderings as required terminology. Results
are marked as machine translations for review (translator comment with model and date).

Environment: BRIEFING_LLM_BASE_URL (e.g. https://host/v1), BRIEFING_LLM_MODEL,
BRIEFING_LLM_API_KEY."""
from __future__ import annotations

import json
import os
import urllib.request
from datetime import date

import polib

from .enrich.glossary import Matcher
from .translations import po_path, template, units

SYSTEM = ("You translate Chinese policy research into professional English for analysts. "
          "Translate faithfully and completely; keep every number as printed; do not add or "
          "omit anything. Use exactly the required English renderings for the listed terms. "
          "Reply with the translation only.")


class TranslateError(Exception):
    pass


def chat(base_url: str, model: str, api_key: str, messages: list[dict], timeout: float = 120) -> str:
    body = json.dumps({"model": model, "messages": messages, "temperature": 0}).encode("utf-8")
    request = urllib.request.Request(base_url.rstrip("/") + "/chat/completions", data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {api_key}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            reply = json.loads(response.read().decode("utf-8"))
        return reply["choices"][0]["message"]["content"].strip()
    except (OSError, KeyError, IndexError, ValueError) as e:
        raise TranslateError(f"translation request to {base_url} failed: {e}") from None


def prompt(text: str, matcher: Matcher) -> list[dict]:
    found = {t.zh: t for _, _, t in matcher.find(text)}
    terms = "\n".join(f"- {t.zh}: {t.en}" for t in found.values())
    user = (f"Required terminology:\n{terms}\n\n" if terms else "") + f"Translate:\n{text}"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def translate_article(article, terms, root, base_url, model, api_key, today: date | None = None) -> int:
    """Fill the article's catalog; returns how many entries were (re)translated."""
    today = today or date.today()
    path = po_path(root, "en", article.source.stem)
    po = polib.pofile(str(path), wrapwidth=0) if path.exists() else template(article.doc, article.source.stem, "en")
    by_id = {e.msgid: e for e in po if not e.obsolete}
    current = units(article.doc)
    live = {u.text for u in current}
    for e in po:   # entries whose source text is gone: keep them, obsolete, for reference
        if e.msgid not in live and not e.obsolete:
            e.obsolete = True
    matcher = Matcher(terms)
    done = 0
    for u in current:
        e = by_id.get(u.text)
        if e is None:
            e = polib.POEntry(msgid=u.text, msgstr="", comment=f"{u.kind}: {u.where}")
            po.append(e)
        if e.msgstr and "fuzzy" not in e.flags:
            continue
        e.msgstr = chat(base_url, model, api_key, prompt(u.text, matcher))
        if "fuzzy" in e.flags:
            e.flags.remove("fuzzy")
        e.tcomment = f"provenance: machine; model: {model}; date: {today.isoformat()}; review: pending"
        done += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return done


def settings_from_env() -> tuple[str, str, str]:
    base = os.environ.get("BRIEFING_LLM_BASE_URL")
    model = os.environ.get("BRIEFING_LLM_MODEL")
    if not base or not model:
        raise TranslateError("set BRIEFING_LLM_BASE_URL and BRIEFING_LLM_MODEL "
                             "(and BRIEFING_LLM_API_KEY) to an OpenAI-compatible endpoint")
    return base, model, os.environ.get("BRIEFING_LLM_API_KEY", "")
