"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the pages from seeds/ first,
and serving watches seeds/. The pages are ordinary Markdown files in docs/, so anything that
reads mkdocs.yml can publish them without this hook after `briefing build`."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.build import BuildError, build, load_terms
from build_tools.enrich.segment import user_dictionary
from build_tools.config import load_settings


@event_priority(100)
def on_config(config, **kwargs):
    """Teach the search index's jieba the glossary (Material's `jieba_dict_user`), so a term
    such as 友岸外包 is one search token. Runs before the search plugin reads its config."""
    settings = load_settings(config.config_file_path)
    try:
        terms = load_terms(settings)
    except BuildError as e:
        raise PluginError(f"briefing: bad glossary:\n{e}") from None
    path = settings.cache / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = user_dictionary(f for t in terms for f in t.forms)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config.jieba_dict_user = str(path)
    return config


@event_priority(100)
def on_pre_build(config, **kwargs):
    settings = load_settings(config.config_file_path)
    try:
        result = build(settings)
    except BuildError as e:
        raise PluginError(f"briefing: bad input, nothing was changed:\n{e}") from None
    if result.written or result.deleted:
        print(f"briefing: {len(result.written)} page(s) written, {len(result.deleted)} removed")


def on_serve(server, config, builder, **kwargs):
    settings = load_settings(config.config_file_path)
    server.watch(str(settings.seeds))
    if settings.glossary.exists() and not settings.glossary.is_relative_to(settings.seeds):
        server.watch(str(settings.glossary))
    return server
