"""政策问答: grounded question answering over Chinese policy documents."""
from .settings import Settings, get_settings  # noqa: F401  (sets offline env first)
from .pipeline import Answer, Citation, Pipeline, QuestionError, ask, get_pipeline  # noqa: F401
