"""Readers of source formats other than text: PDF (pdf_layout, pdf_passes, pdf)."""
