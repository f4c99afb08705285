"""Key figures in English: amounts in English number formatting (7430.4 亿美元 -> US$ 743.04
billion; data/units_en.yml) and what they measure in English words (data/measures_en.yml),
or nothing of it guessed: a label with no known word stays Chinese, marked as such."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

_DATA = Path(__file__).parent.parent / "data"
_WORDS = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_NUMBER = re.compile(r"\d+(?:[ ,，]\d{3})*(?:\.\d+)?")


@lru_cache(maxsize=1)
def _units() -> dict:
    return yaml.safe_load((_DATA / "units_en.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _measures() -> tuple[list, list]:
    data = yaml.safe_load((_DATA / "measures_en.yml").read_text(encoding="utf-8"))
    return tuple(sorted(data[k].items(), key=lambda kv: -len(kv[0])) for k in ("of", "words"))


def _number(text: str, scale: Decimal) -> str:
    n = Decimal(re.sub(r"[ ,，]", "", text)) * scale
    for size, word in _WORDS:
        if scale > 1 and n >= size:
            return f"{(n / size).normalize():f} {word}"
    n = n.normalize()
    whole, _, frac = f"{n:f}".partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def english_amount(value: str, unit: str) -> str | None:
    """The amount as an English reader writes it, or None for a unit we do not know."""
    spec = _units().get(unit)
    if spec is None:
        return None
    scale = Decimal(str(spec.get("scale", 1))).normalize()
    number = _NUMBER.sub(lambda m: _number(m.group(), scale), value)
    number = re.sub(r"\s*[-—–~至到]\s*", "–", number)
    return f"{spec.get('before', '')}{number}{spec.get('after', '')}"


def english_measure(what: str) -> str | None:
    of, words = _measures()
    said = next((en for zh, en in of if zh in what), None)
    thing = next((en for zh, en in words if zh in what), None)
    if said and thing:
        return f"{said} of {thing}"
    return said or thing
