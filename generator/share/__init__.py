"""Guides for classmates: the privacy filter, the guide data, its pages and its MkDocs project."""
