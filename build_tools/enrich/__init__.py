"""Enrichment: documents in, annotations out — summaries, key points, key figures,
glossary terms, related articles and tags. Nothing here re-parses text: it reads the
document model's blocks."""
