"""Settings: the `briefing` plugin's options in mkdocs.yml (build_tools/plugin.py declares
them, typed), read through MkDocs' own config loader, so `mkdocs build`/`serve` and the
`briefing` command see the same values. An edition's config (mkdocs.zh-Hant.yml,
mkdocs.en.yml) INHERITs mkdocs.yml; MkDocs merges the plugin's options, and the edition's
own `edition:` says which edition it builds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


# What `briefing build` writes below docs/ (gitignored; everything else there is hand-written).
GENERATED = ("index.md", "articles", "glossary", "tags", "pdf", "zh-Hant", "en", ".search", "search", "feed.xml")


class ConfigError(Exception):
    """mkdocs.yml (or an edition's config) cannot be used; the message says why."""


@dataclass(frozen=True)
class Settings:
    root: Path
    seeds: Path
    docs: Path            # where every edition's pages go (the Simplified edition's docs_dir)
    glossary: Path
    site_name: str = "简报"
    site_name_en: str = "Briefing"
    generated: tuple[str, ...] = GENERATED
    opencc_profile: str = "s2tw"
    edition: str = "zh-Hans"
    max_source_mb: float = 10
    pdf: bool = True
    feed_entries: int = 20
    term_page_articles: int = 50
    site_url: str = ""            # the published address of the Simplified edition (the root)
    directory_urls: bool = True   # articles/x/ (else articles/x.html, as `make offline` sets)

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "briefing"


def settings_from_config(config) -> Settings:
    """Settings from a loaded (validated) MkDocs config holding the briefing plugin, before
    the plugin's on_config has changed anything in it."""
    from .editions import EDITIONS
    plugin = config.plugins.get("briefing")
    if plugin is None:
        raise ConfigError(f"{config.config_file_path}: the `briefing` plugin is not in `plugins`")
    options = plugin.config
    root = Path(config.config_file_path).resolve().parent
    here = next(e for e in EDITIONS if e.code == options.edition)
    docs = Path(config.docs_dir)
    if here.prefix:   # the other editions' docs_dir is below the Simplified one's
        if docs.name != here.prefix.rstrip("/"):
            raise ConfigError(f"{config.config_file_path}: docs_dir of the {here.code} edition must be "
                              f"<docs>/{here.prefix.rstrip('/')}, not {config.docs_dir}")
        docs = docs.parent
    return Settings(
        root=root,
        seeds=root / options.seeds,
        docs=docs,
        glossary=root / options.glossary,
        site_name=config.site_name,
        site_name_en=options.site_name_en,
        opencc_profile=options.opencc_profile,
        edition=options.edition,
        max_source_mb=float(options.max_source_mb),
        pdf=options.pdf,
        feed_entries=options.feed_entries,
        term_page_articles=options.term_page_articles,
        site_url=str(config.site_url or ""),
        directory_urls=bool(config.use_directory_urls),
    )


def load_config(config_file: str | Path = "mkdocs.yml"):
    """The MkDocs config, loaded and validated as `mkdocs build` loads it."""
    from mkdocs.config import load_config as mkdocs_load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    path = Path(config_file)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    try:
        return mkdocs_load_config(config_file=str(path))
    except (ConfigurationError, Abort) as e:   # what is wrong is logged (stderr) as MkDocs does
        raise ConfigError(f"{path}: {e}") from None


def load_settings(config_file: str | Path = "mkdocs.yml") -> Settings:
    return settings_from_config(load_config(config_file))
