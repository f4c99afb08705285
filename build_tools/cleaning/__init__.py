"""Cleaning: source text -> Document, as a sequence of small named passes."""
from .pipeline import PASSES, clean_file, clean_text

__all__ = ["PASSES", "clean_file", "clean_text"]
