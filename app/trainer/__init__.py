"""Trainer tools: key-facts sheets, quizzes and printable handouts built
from the corpus by general rules."""
from .facts import Fact, key_facts
from .handout import facts_to_markdown, quiz_to_docx, quiz_to_markdown
from .pdf import FontMissing, quiz_to_pdf
from .quiz import Quiz, QuizItem, build_quiz
from .source import list_sections

__all__ = ["Fact", "FontMissing", "Quiz", "QuizItem", "build_quiz", "facts_to_markdown", "key_facts",
           "list_sections", "quiz_to_docx", "quiz_to_markdown", "quiz_to_pdf"]
