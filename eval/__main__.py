"""python -m eval [--kb NAME | --set NAME | --questions FILE --corpus DIR]
                 [--mode extractive|llm] [--ablations] [--calibrate] [--check]

Scores the pipeline over a question set and writes report.md, report.png
and results.json into the set's folder. The sets: ``speech`` (the default;
eval/questions.jsonl over the speech's knowledge base), ``ip-law``
(eval/library/ over the IP-law library), and corpora of other kinds built
for generality checks (eval/corpora/<name>/docs). ``--ablations`` first
regenerates the ablation section (a few minutes); ``--calibrate`` fits the
refusal model on one half of the set and reports on the other; ``--check``
exits 1 below the set's floors in eval/floors.json.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
import os
import shlex
import sys
from pathlib import Path

from app.pipeline import Pipeline

from . import EVAL_DIR, floors as floors_mod
from .report import render_markdown, render_png, write_results
from .runner import load_items, run, scorecard, settings_for

DEFAULT_QUESTIONS = EVAL_DIR / "questions.jsonl"


@dataclass(frozen=True)
class EvalSet:
    questions: Path
    out: Path
    kb: str | None = None  # a knowledge base of the project's corpus ...
    corpus: Path | None = None  # ... or a folder of documents of its own


def eval_sets() -> dict[str, EvalSet]:
    sets = {"speech": EvalSet(DEFAULT_QUESTIONS, EVAL_DIR, kb="speech"),
            "ip-law": EvalSet(EVAL_DIR / "library" / "questions.jsonl", EVAL_DIR / "library", kb="ip-law"),
            # Laypeople's questions over the same library, in everyday words;
            # kept out of calibration, as a foreign set would be.
            "ip-law-lay": EvalSet(EVAL_DIR / "library" / "lay" / "questions.jsonl", EVAL_DIR / "library" / "lay",
                                  kb="ip-law")}
    for folder in sorted((EVAL_DIR / "corpora").glob("*/")):
        if (folder / "questions.jsonl").is_file():
            sets[folder.name] = EvalSet(folder / "questions.jsonl", folder, corpus=folder / "docs")
    return sets
# The sets the refusal model is fitted on (the corpora of other kinds stay unseen).
CALIBRATION_SETS = ("speech", "ip-law")
# Hand-kept and generated sections appended to report.md, in order.
SECTIONS = ("ablations.md", "calibration.md", "defaults.md")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m eval", description="Grounding scorecard of the pipeline.")
    p.add_argument("--set", "--kb", dest="set", default=None,
                   help=f"a named question set: {', '.join(eval_sets())} (default: speech)")
    p.add_argument("--questions", type=Path, default=None, help="a question file of your own")
    p.add_argument("--corpus", type=Path, default=None, help="with --questions: its folder of documents")
    p.add_argument("--index-dir", type=Path, default=None, help="index folder (default: per corpus)")
    p.add_argument("--mode", choices=("extractive", "llm"), default="extractive")
    p.add_argument("--out", type=Path, default=None,
                   help="output folder (default: eval/ for the default questions, else test-output/)")
    p.add_argument("--ablations", action="store_true", help="regenerate the ablation section first")
    p.add_argument("--calibrate", action="store_true", help="fit the refusal model on a split and stop")
    p.add_argument("--check", action="store_true", help="exit 1 when a metric is below eval/floors.json")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    name = args.set or ("speech" if args.questions is None else None)
    if name is not None:
        sets = eval_sets()
        if name not in sets:
            print(f"unknown set {name!r}: {', '.join(sets)}", file=sys.stderr)
            return 2
        chosen = sets[name]
        settings = settings_for(chosen.corpus, args.index_dir, kb=chosen.kb)
        questions, out = chosen.questions, args.out or chosen.out
    else:
        settings = settings_for(args.corpus, args.index_dir)
        questions, out = args.questions, args.out or Path("test-output") / f"eval-{args.questions.stem}"
    items = load_items(questions)
    out.mkdir(parents=True, exist_ok=True)
    if args.calibrate:
        from .calibrate import calibrate

        # One model serves every knowledge base: fit it on the project's sets.
        sets = eval_sets()
        chosen = [(n, settings_for(sets[n].corpus, kb=sets[n].kb), load_items(sets[n].questions))
                  for n in CALIBRATION_SETS]
        calibrate(chosen, EVAL_DIR / "calibration.md")
        return 0
    if args.ablations:
        from .ablation import run_ablations

        run_ablations(settings, items, out / "ablations.md")
    pipeline = Pipeline(settings)
    results = run(pipeline, items, args.mode)
    card = scorecard(results, settings, args.mode)
    # Floors are set for the named sets only.
    floors = floors_mod.load(name) if name else {"min": {}, "max": {}}
    command = "python -m eval" + ("" if argv is None and len(sys.argv) < 2 else " " + shlex.join(
        argv if argv is not None else sys.argv[1:]))
    meta = {"command": command, "questions": _display(questions), "corpus": _display(settings.corpus_dir),
            # Latencies on a shared machine mean little without its load.
            "load": f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"}
    sections = [(out / name).read_text(encoding="utf-8") for name in SECTIONS if (out / name).exists()]
    write_results(out / "results.json", card, results, meta)
    (out / "report.md").write_text(render_markdown(card, results, meta, floors, sections), encoding="utf-8")
    render_png(out / "report.png", card)
    print(floors_mod.summary_text(card))
    print(f"wrote {out / 'report.md'}, {out / 'report.png'}, {out / 'results.json'}")
    violations = floors_mod.violations(card["overall"], floors)
    for v in violations:
        print(f"BELOW FLOOR: {v}", file=sys.stderr)
    return 1 if args.check and violations else 0


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
