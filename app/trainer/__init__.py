"""Trainer tools: key-facts sheets, quizzes and printable handouts built
from the corpus by general rules."""
from .facts import Fact, key_facts
from .source import list_sections

__all__ = ["Fact", "key_facts", "list_sections"]
