"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the pages from seeds/ first,
and serving watches seeds/. The pages are ordinary Markdown files in docs/, so anything that
reads mkdocs.yml can publish them without this hook after `briefing build`."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.build import BuildError, build
from build_tools.config import load_settings


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
    return server
