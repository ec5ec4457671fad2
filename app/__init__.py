"""政策问答: grounded question answering over Chinese policy documents."""
from .settings import Settings, get_settings  # noqa: F401  (sets offline env first)
from .answer import Answer, Citation, Decision  # noqa: F401
from .pipeline import Pipeline, QuestionError, ask, get_pipeline  # noqa: F401
