"""The places where the briefing plugin depends on MkDocs or Material internals, each with
the version it was written against. On another version the build stops and says which
dependency to check, rather than silently building a different site."""
from __future__ import annotations

from importlib.metadata import version as installed_version

from mkdocs.exceptions import PluginError

# (package, version prefix written against, what depends on it)
INTERNALS = (
    ("mkdocs", "1.6", "HTML pages rendered by replacing Page.render on their Page "
                      "(content, toc, present_anchor_ids, links_to_anchors)"),
    ("mkdocs", "1.6", "the warning a --dirty build logs, filtered by its text"),
    ("mkdocs", "1.6", "File.is_modified, compared with the previous site's output by an "
                      "incremental edition build (site_build._compare_with)"),
    ("mkdocs-material", "9.8", "theme/partials/header.html and tags.html: Material's partials, "
                               "copied to escape titles and tags and to hold our search box"),
    ("mkdocs-material", "9.8", "theme/main.html's config block: Material's __config (its search "
                               "worker's file name) without the search strings; theme/.icons: "
                               "the names of the icons its partials include, drawn by briefing.css"),
)


def matches(found: str, written_for: str) -> bool:
    return found == written_for or found.startswith(written_for + ".")


def check_versions(version=installed_version, internals=INTERNALS) -> None:
    """Raise PluginError naming every internal whose package is not at the version it was
    written against. `version`: how to find a package's version."""
    wrong = []
    for package, written_for, what in internals:
        found = version(package)
        if not matches(found, written_for):
            wrong.append(f"  {what}: written for {package} {written_for}.x, found {found}")
    if wrong:
        raise PluginError("briefing: the installed MkDocs/Material is not the version these "
                          "parts were written against (install requirements.lock, or update "
                          "build_tools/plugin.py and build_tools/host.py):\n" + "\n".join(wrong))
