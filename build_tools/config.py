"""Settings: the `extra.briefing` section of mkdocs.yml, with defaults. Configuration lives
there and in data files, not in code."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name:… for extensions: read them as text."""


def _env(loader, node):
    """`!ENV [NAME, ..., default]` or `!ENV NAME`, resolved as MkDocs resolves it
    (pyyaml-env-tag): the first variable set, else the default (else None)."""
    import os
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1] if len(items) > 1 else items, items[-1] if len(items) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else os.environ[name]
    return default


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# What `briefing build` writes below docs/ (gitignored; everything else there is hand-written).
GENERATED = ("index.md", "articles", "glossary", "tags", "pdf", "zh-Hant", "en", ".search.json", "feed.xml")


@dataclass
class Settings:
    root: Path
    seeds: Path
    docs: Path
    glossary: Path
    site_name: str = "简报"
    generated: tuple[str, ...] = GENERATED
    opencc_profile: str = "s2tw"
    edition: str = "zh-Hans"
    max_source_mb: float = 10
    extra: dict = field(default_factory=dict)
    site_url: str = ""            # the published address of the Simplified edition (the root)
    directory_urls: bool = True   # articles/x/ (else articles/x.html, as `make offline` sets)


    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "briefing"


def load_settings(config_file: str | Path = "mkdocs.yml") -> Settings:
    config_file = Path(config_file).resolve()
    root = config_file.parent
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    # An edition's config INHERITs the base one: settings come from the base, the edition's
    # own `extra.briefing.edition` says which edition it builds.
    own_edition = ((raw.get("extra") or {}).get("briefing") or {}).get("edition")
    while raw.get("INHERIT"):
        base = yaml.load((config_file.parent / raw["INHERIT"]).read_text(encoding="utf-8"), Loader=_Loader) or {}
        config_file = (config_file.parent / raw.pop("INHERIT")).resolve()
        raw = base
    conf = dict((raw.get("extra") or {}).get("briefing") or {})
    if own_edition:
        conf["edition"] = own_edition
    return Settings(
        root=root,
        seeds=root / conf.get("seeds", "seeds"),
        docs=root / raw.get("docs_dir", "docs"),
        glossary=root / conf.get("glossary", "seeds/glossary.yml"),
        site_name=raw.get("site_name", "简报"),
        opencc_profile=conf.get("opencc_profile", "s2tw"),
        edition=conf.get("edition", "zh-Hans"),
        max_source_mb=float(conf.get("max_source_mb", 10)),
        extra=conf,
        site_url=str(raw.get("site_url") or ""),
        directory_urls=bool(raw.get("use_directory_urls", True)),
    )
