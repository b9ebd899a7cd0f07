"""Insight KB: turn informational-interview notes into a browsable knowledge base."""
