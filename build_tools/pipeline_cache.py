"""Read, clean and enrich each source once: results are cached under a content address
(source bytes + sidecar + glossary + code version), and sources that are not cached are
processed in a process pool. An unchanged source is not cleaned or enriched again."""
from __future__ import annotations

import gc
import os
import pickle
from concurrent.futures import ProcessPoolExecutor

from .cleaning.pipeline import clean_file
from .fingerprint import fingerprint
from .model import Article
from .reading import SourceError

HINT_KEYS = ("running_headers", "paragraph_breaks")


def cache_key(source, glossary: str, max_bytes: int) -> str:
    """`glossary`: the glossary file's fingerprint, made once (its 120 KB hashed again for
    every source was 1.5 s of a 10,000-source build)."""
    data = source.path.read_bytes() if source.path.stat().st_size <= max_bytes else b"too-large"
    return fingerprint(data, source.meta, glossary, code=True, length=64)


_terms = None
_matcher = None


def _init(terms) -> None:
    global _terms, _matcher
    from .enrich.glossary import Matcher
    from .enrich.segment import teach
    _terms = terms
    _matcher = Matcher(terms)   # once per worker, not per source: it compiles a regex
    teach(f for t in terms for f in t.forms)


def _worker_init(terms) -> None:
    """A pool worker: one BLAS thread. The pool already runs a process per core, and
    OpenBLAS would start a thread per core in each, whose idle threads spin: TextRank's
    small matrix products then cost about ten times the CPU (the results are the same).
    Only effective before numpy is first imported here, as it is in a fresh worker; an
    explicit setting in the environment wins."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _init(terms)


def _process(job):
    """In a worker: (source, max_bytes) -> (doc, enriched) or (None, error as a tuple)."""
    from .enrich.corpus import enrich_article
    source, max_bytes = job
    try:
        hints = {k: source.meta[k] for k in HINT_KEYS if k in source.meta}
        doc = clean_file(source.path, hints, max_bytes)
    except SourceError as e:
        return None, (e.path, e.message, e.line)
    article = Article(source, doc, _terms)
    return doc, enrich_article(article, _matcher)


class _Cleaning:
    """The sources not cached, cleaned and enriched by a process pool (one worker per core),
    or in this process when the machine has one core; results land in `results`."""

    def __init__(self, sources, terms, max_bytes, results):
        self.sources, self.terms, self.max_bytes, self.results = sources, terms, max_bytes, results
        self.pool, self.pending = None, []

    def start(self, todo: list[int]) -> None:
        if not todo:
            return
        workers = os.cpu_count() or 1
        if workers > 1 and self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_worker_init,
                                            initargs=(self.terms,))
        jobs = [(self.sources[i], self.max_bytes) for i in todo]
        if self.pool is None:
            self.pending.append((todo, None, jobs))
        else:
            chunk = max(1, len(jobs) // (workers * 8))
            self.pending.append((todo, self.pool.map(_process, jobs, chunksize=chunk), jobs))

    def finish(self, progress, done: int) -> None:
        try:
            for todo, outputs, jobs in self.pending:
                if outputs is None:
                    _init(self.terms)
                    outputs = map(_process, jobs)
                for i, out in zip(todo, outputs):
                    self.results[i] = out
                    done += 1
                    if progress:
                        progress(done, len(self.sources), self.sources[i].path.name)
        finally:
            self.close()

    def close(self) -> None:
        """The workers stopped (cancelling what has not started, if the build stops early)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def _load_cached(cache, keys, cached: set, results: list) -> tuple[int, list[int]]:
    """The cached documents into `results`: (how many, the indexes of those unreadable)."""
    done, unreadable = 0, []
    # Unpickling a corpus allocates millions of objects, none of them garbage: the cyclic
    # collector would walk them again and again (half the time of loading).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for i, key in enumerate(keys):
            if f"{key}.pickle" not in cached:
                continue
            try:
                results[i] = pickle.loads((cache / f"{key}.pickle").read_bytes())
                done += 1
            except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError, ImportError, IndexError, TypeError):
                unreadable.append(i)   # cut short (a killed build), or gone: made again
    finally:
        if collecting:
            gc.enable()
    return done, unreadable


def process_sources(settings, sources, terms, progress=None, cleaned: set | None = None):
    """[(doc, enriched)] per source, in order; SourceErrors collected, not raised.
    `cleaned`: receives the paths of the sources not found in the cache (read this time)."""
    max_bytes = int(settings.max_source_mb * 2**20)
    cache = settings.cache / "documents"
    cache.mkdir(parents=True, exist_ok=True)
    glossary = fingerprint(settings.glossary.read_bytes() if settings.glossary.exists() else b"", length=64)
    keys = [cache_key(s, glossary, max_bytes) for s in sources]
    results: list = [None] * len(sources)
    # The sources not cached are cleaned in worker processes while this one loads the
    # cached: one changed source's cleaning (jieba and the glossary matcher warming up,
    # 2-3 s) then costs no time of its own.
    cached = set(os.listdir(cache))
    todo = [i for i, key in enumerate(keys) if f"{key}.pickle" not in cached]
    pool = _Cleaning(sources, terms, max_bytes, results)
    try:
        pool.start(todo)
        done, unreadable = _load_cached(cache, keys, cached, results)
        if progress and done:
            progress(done, len(sources), "(cached)")
        todo += unreadable
        pool.start(unreadable)
        pool.finish(progress, done)
    finally:
        pool.close()
    if cleaned is not None:
        cleaned.update(sources[i].path for i in todo)
    errors = []
    for i in todo:
        doc, other = results[i]
        if doc is None:
            errors.append(SourceError(*other))
        else:
            tmp = cache / f".{keys[i]}.tmp"
            tmp.write_bytes(pickle.dumps(results[i]))
            tmp.replace(cache / f"{keys[i]}.pickle")
    for (doc, enriched), key in zip(results, keys):
        if doc is not None:
            enriched.source_key = key   # what rendering keys its pages on (render/page_cache.py)
    if not errors:   # what this build no longer uses goes: old versions of sources, of the code
        live = {f"{k}.pickle" for k in keys}
        for path in cache.glob("*.pickle"):
            if path.name not in live:
                path.unlink(missing_ok=True)
    return results, errors
