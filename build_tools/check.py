"""`briefing check`: lint every input and say what an editor can act on. Errors (bad
sources, sidecars, glossary, slug collisions) make it exit non-zero; warnings (missing or
stale translations, overlapping glossary terms) do not."""
from __future__ import annotations

from dataclasses import dataclass, field

from .build import BuildError, load_articles, load_terms
from .config import Settings
from .editions import tag_names
from .render.redirects import gone
from .render.view import View
from .reading import SourceError
from .report import NO_TITLE
from .translations import orphan_catalogs, units


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check(settings: Settings) -> Report:
    report = Report()
    terms, articles = [], []
    try:
        terms = load_terms(settings)
    except BuildError as e:
        report.errors += [str(x) for x in e.errors]
    try:
        articles = load_articles(settings)
    except BuildError as e:
        report.errors += [str(x) for x in e.errors]
    try:
        tag_names(settings)
    except SourceError as e:
        report.errors.append(str(e))
    by_form = {f: t for t in terms for f in t.forms}
    inside: dict[str, set[str]] = {}
    for long, t2 in by_form.items():   # every shorter form inside each form: forms are short,
        for i in range(len(long)):     # so this is linear in the glossary (not all pairs)
            for j in range(i + 1, len(long) + (i > 0)):
                t = by_form.get(long[i:j])
                if t is not None and t is not t2:
                    inside.setdefault(long[i:j], set()).add(t2.zh)
    for short in sorted(inside, key=lambda f: (len(f), f)):
        t = by_form[short]
        report.notes.append(f"{settings.glossary}:{t.line}: '{short}' is part of "
                            f"{', '.join(sorted(inside[short])[:3])}: the longer term wins where both match")
    view = View("en", settings.root, units={a.source.stem: {u.text for u in units(a.doc)} for a in articles})
    for path in orphan_catalogs(settings.root, {a.source.stem for a in articles}) if not report.errors else []:
        report.warnings.append(f"{path}: translations for a source that does not exist "
                               f"(seeds/{path.stem}.txt): rename or delete it")
    for a in articles:
        if not a.doc.title and not a.source.meta.get("title_zh"):
            report.warnings.append(f"{a.source.path.name}: {NO_TITLE}")
        try:
            status = [view.text(a.source.stem, u.text)[1] for u in units(a.doc)]
        except SourceError as e:
            report.errors.append(str(e))
            continue
        missing, stale = status.count("missing"), status.count("stale")
        done = len(status) - missing - stale
        line = f"{a.source.path.name}: English {done}/{len(status)} translated"
        if missing or stale:
            report.warnings.append(f"{line}, {missing} missing, {stale} stale "
                                   f"(run `briefing translate {a.source.stem}` or edit translations/en/{a.source.stem}.po)")
        else:
            report.notes.append(line)
    if articles:
        report.warnings += gone(settings.seeds, [a.source for a in articles])
    report.notes.insert(0, f"{len(articles)} sources, {len(terms)} glossary terms")
    return report
