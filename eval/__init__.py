"""Evaluation of the question-answering pipeline: a grounding scorecard
(``python -m eval``), ablations and refusal calibration."""
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
