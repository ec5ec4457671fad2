"""政策问答: grounded question answering over Chinese policy documents."""
from .settings import Settings, get_settings  # noqa: F401  (sets offline env first)
from . import native_threads

# Before the imports below load torch and FAISS (and their OpenMP runtimes).
native_threads.configure(Settings())

from .pipeline import Answer, Citation, Pipeline, QuestionError, ask, get_pipeline  # noqa: F401,E402
