"""`briefing check`: lint every input and say what an editor can act on. Errors (bad
sources, sidecars, glossary, slug collisions) make it exit non-zero; warnings (missing or
stale translations, overlapping glossary terms) do not."""
from __future__ import annotations

from dataclasses import dataclass, field

from .build import BuildError, load_articles, load_terms
from .config import Settings
from .render.redirects import gone
from .render.view import View
from .translations import units


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
    forms = sorted({f: t for t in terms for f in t.forms}.items(), key=lambda x: len(x[0]))
    for i, (short, t) in enumerate(forms):
        inside = [t2.zh for long, t2 in forms[i + 1:] if short in long and t2 is not t]
        if inside:
            report.notes.append(f"{settings.glossary}:{t.line}: '{short}' is part of "
                                f"{', '.join(sorted(set(inside))[:3])}: the longer term wins where both match")
    view = View("en", settings.root, units={a.source.stem: {u.text for u in units(a.doc)} for a in articles})
    for a in articles:
        status = [view.text(a.source.stem, u.text)[1] for u in units(a.doc)]
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
