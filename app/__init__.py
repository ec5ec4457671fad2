"""政策问答: grounded question answering over Chinese policy documents."""
from .settings import Settings, get_settings  # noqa: F401  (sets offline env first)
from . import native_threads

# Before the imports below load FAISS (and its OpenMP runtime).
native_threads.configure(Settings())

from .answer import Answer, Citation, Decision  # noqa: F401,E402
from .pipeline import Pipeline, QuestionError, ask, get_pipeline  # noqa: F401,E402
