"""Insight KB: informational-interview notes in, a knowledge-base site out."""
