"""`python -m app quiz` and `python -m app facts` print what the trainer builds."""
from __future__ import annotations

import json
import shutil

from app import texts as T
from app.cli import main
from app.settings import PROJECT_ROOT


def test_quiz_and_facts_json(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PROJECT_ROOT / "corpus" / "speech" / "gansu_ip_conference_speech.txt", corpus)
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert main(["quiz", "--n", "6", "--seed", "2", "--json", *where]) == 0
    quiz = json.loads(capsys.readouterr().out)
    assert quiz["seed"] == 2 and len(quiz["items"]) == 6
    for item in quiz["items"]:
        assert item["type"] in ("blank", "choice", "truefalse")
        assert item["stem"] and item["citation"].startswith("《")
        if item["type"] == "choice":
            assert item["answer"] in item["options"]
        if item["type"] == "truefalse":
            assert item["answer"] in (T.TRAINER_TRUE, T.TRAINER_FALSE)
    assert main(["quiz", "--n", "6", "--seed", "2", "--json", *where]) == 0
    assert json.loads(capsys.readouterr().out) == quiz
    assert main(["facts", "--json", *where]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert {"kind": "figure", "label": "申请专利", "value": "2178件"}.items() <= facts[[f["value"] for f in facts].index("2178件")].items()
    assert main(["facts", *where]) == 0
    assert capsys.readouterr().out.startswith(f"# {T.TRAINER_FACTS_TITLE}")
