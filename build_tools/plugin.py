"""The `briefing` MkDocs plugin (mkdocs.yml: `plugins: briefing: …`, options in
BriefingConfig). `mkdocs build` and `mkdocs serve` regenerate the pages of every edition
from seeds/ first (unless `prebuilt`, as `briefing site` sets after one `briefing build`),
serving watches seeds/, and each edition gets its converted names, per-page language links and tag chips. Article, glossary, list and tag
pages are HTML in Markdown files (render/html_doc.py): MkDocs is handed their HTML as the
page's rendered content, with links resolved and anchors recorded as it does for Markdown.

Where this reaches into MkDocs or Material internals, host.py names the version it was
written against and stops the build on another."""
from __future__ import annotations

import logging

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .config import ConfigError, settings_from_config
from .editions import EDITIONS
from .html_page import compact, render_html_page
from .host import check_versions
from .render.html_doc import PAGE_FORMAT_KEY

log = get_plugin_logger("briefing")   # "mkdocs.plugins.briefing"


class Switch(c.BaseConfigOption[bool]):
    """true/false; also 1/0, as `!ENV [BRIEFING_PDF, true]` reads BRIEFING_PDF=0."""

    def __init__(self, default: bool):
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise c.ValidationError(f"Expected true or false (or 1/0), got {value!r}")


class BriefingConfig(base.Config):
    edition = c.Choice([e.code for e in EDITIONS], default="zh-Hans")
    site_name_en = c.Type(str, default="Briefing")   # the English edition's site_name
    seeds = c.Type(str, default="seeds")
    glossary = c.Type(str, default="seeds/glossary.yml")
    opencc_profile = c.Type(str, default="s2tw")
    max_source_mb = c.Type((int, float), default=10)
    feed_entries = c.Type(int, default=20)   # newest articles in each edition's Atom feed
    # Articles a glossary term's page lists (those that mention it most; then how many more,
    # and a search for them), so that no term page grows with the corpus.
    term_page_articles = c.Type(int, default=50)
    # Briefing PDFs, the same for `briefing site` and `mkdocs build`/`serve` (pages link to
    # them, so the two must agree or each would rewrite the other's pages).
    pdf = Switch(default=True)
    # The pages in docs/ are current (`briefing site` wrote them): build them as they are.
    prebuilt = Switch(default=False)


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a --dirty build may leave navigation and links stale. Not here:
    navigation lists fixed index pages only, and a page is rewritten whenever anything it
    shows changes (site_build.py). In strict mode that warning alone would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


class BriefingPlugin(BasePlugin[BriefingConfig]):
    # on_startup keeps one instance across `mkdocs serve` rebuilds (MkDocs' plugin API),
    # so what is learnt once (dirty or not) stays; per-build state is reset in on_config.
    def __init__(self):
        self.dirty = False
        self.settings = None
        self.files = None        # this build's files, for the tag chips

    def on_startup(self, *, command, dirty):
        self.dirty = dirty
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())

    @event_priority(100)
    def on_config(self, config):
        from .editions import converter
        check_versions()
        try:
            self.settings = settings = settings_from_config(config)
        except ConfigError as e:
            raise PluginError(f"briefing: {e}") from None
        here = next(e for e in EDITIONS if e.code == settings.edition)
        if config.site_url and here.prefix and not config.site_url.endswith(here.prefix):
            config.site_url = config.site_url.rstrip("/") + "/" + here.prefix   # each edition below the root
        if settings.edition == "en":
            config.site_name = settings.site_name_en
        if settings.edition == "zh-Hant":
            to_hant = converter(settings)
            config.site_name = to_hant(config.site_name)
            if config.site_description:
                config.site_description = to_hant(config.site_description)
            config.nav = [{to_hant(k): v for k, v in item.items()} if isinstance(item, dict) else item
                          for item in (config.nav or [])]
        return config

    @event_priority(100)
    def on_pre_build(self, *, config):
        if self.config.prebuilt:
            return   # before the imports: an edition's build under `briefing site` does not need them
        from .build import BuildError, build
        from .render.pdf import pdf_status
        pdf, why_not = pdf_status(self.settings.pdf)
        if self.settings.pdf and not pdf:
            log.warning(why_not)
        try:
            result = build(self.settings, pdf=pdf)
        except BuildError as e:
            raise PluginError(f"briefing: bad input, nothing was changed:\n{e}") from None
        if result.written or result.deleted:
            log.info(f"{len(result.written)} page(s) written, {len(result.deleted)} removed")

    def on_files(self, files, *, config):
        self.files = files
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.meta.get(PAGE_FORMAT_KEY):
            render_html_page(page)
        return markdown

    def on_post_page(self, output, *, page, config):
        return compact(output)

    def on_env(self, env, *, config, files):
        env.globals["briefing_edition"] = self.settings.edition   # every template, the sitemap too
        here = next(e for e in EDITIONS if e.code == self.settings.edition)
        env.globals["briefing_up"] = "../" * here.prefix.count("/")   # to the Simplified edition's root
        # Compiling Material's templates was a third of an incremental edition build (0.3 s
        # a process); Jinja's own cache keys them by name and source checksum.
        from jinja2 import FileSystemBytecodeCache
        folder = self.settings.cache / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_page_context(self, context, *, page, config, nav):
        """Links to this page in every edition (the language switch); hreflang for search
        engines is in the sitemap (theme/sitemap.xml)."""
        here = next(e for e in EDITIONS if e.code == self.settings.edition)
        depth = page.url.count("/")   # "articles/x/" and "articles/x.html" alike
        up_to_root = "../" * len([p for p in here.prefix.split("/") if p])
        context["edition_links"] = [{"lang": ed.code, "name": ed.name,
                                     "href": "../" * depth + up_to_root + ed.prefix + page.url or "./"}
                                    for ed in EDITIONS]
        # The tag chips above an article's title (Material's partials/tags.html), each linked
        # to its tag page.
        pages = page.meta.get("briefing_tags") or []
        if pages and self.files is not None:
            found = [self.files.get_file_from_path(p) for p in pages]
            context["tags"] = [{"name": name, "url": f.url} for name, f in zip(page.meta.get("tags", []), found) if f]
        return context

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.settings.seeds))
        translations = self.settings.root / "translations"
        if translations.exists():
            server.watch(str(translations))
        return server
