"""Command line: build, ask, serve, feedback, and the trainer's quiz and facts."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterable, TextIO

from . import texts as T
from .settings import Settings, get_settings


def _progress_bar():
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(label: str, done: int, total: int) -> None:
        bar = bars.get(label)
        if bar is None:
            bar = bars[label] = tqdm(total=total, desc=T.CLI_PROGRESS_SENTENCES, unit="条", file=sys.stderr, leave=True)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return progress


def _library(settings: Settings):
    from .kb import Library

    library = Library(settings)
    for issue in library.issues:
        print(f"提示：{issue.message}", file=sys.stderr)
    return library


def _pipeline(settings: Settings, kb: str | None, show_progress: bool = True):
    from .index_store import IndexUnusable
    from .kb import UnknownKnowledgeBase

    try:
        pipeline = _library(settings).pipeline(kb, progress=_progress_bar() if show_progress else None)
    except (IndexUnusable, UnknownKnowledgeBase) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    for issue in pipeline.corpus_issues:
        print(f"提示：{issue.message}", file=sys.stderr)
    return pipeline


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    """Build (or check) the index of one knowledge base, or of all of them."""
    from .index_store import IndexUnusable, ensure_index
    from .kb import UnknownKnowledgeBase

    library = _library(settings)
    try:
        bases = [library.base(args.kb)] if args.kb else list(library.bases.values())
    except UnknownKnowledgeBase as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    status = 0
    for kb in bases:
        try:
            index, issues, rebuilt = ensure_index(kb.settings, library.embedder, _progress_bar(), force=args.force)
        except IndexUnusable as exc:
            print(f"错误：{kb.title}：{exc}", file=sys.stderr)
            status = 2
            continue
        for issue in issues:
            print(f"提示：{issue.message}", file=sys.stderr)
        m = index.manifest
        state = "已重建" if rebuilt else "已是最新"
        print(f"【{kb.title}】索引{state}：{len(m['documents'])} 个文档，{m['n_chunks']} 个段落，"
              f"{m['n_sentences']} 个句子，本次编码 {m.get('n_embedded', 0) if rebuilt else 0} 句"
              f"（模型 {m['model_id']}，位置 {index.path}）")
    return status


def cmd_seed(args: argparse.Namespace, settings: Settings) -> int:
    """Write the shipped sentence vectors of the documents in some folders
    (by default the shipped ones, ``settings.seed_folders``)."""
    from .embeddings import load_embedder
    from .index_store import seed_vectors
    from .vector_seed import write_seed

    if settings.vector_seed_path is None:
        print(T.ERR_SEED_UNSET, file=sys.stderr)
        return 2
    folders = [Path(f) for f in args.folders] or list(settings.seed_folders)
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(T.ERR_SEED_NO_FOLDER.format(folders="、".join(missing)), file=sys.stderr)
        return 2
    target = settings.vector_seed_path
    # Said before minutes of embedding, not after.
    if not _writable_folder(target.parent):
        print(T.ERR_SEED_NOT_WRITTEN.format(path=target, reason=T.SEED_NOT_WRITABLE), file=sys.stderr)
        return 2
    embedder = load_embedder(settings)
    vectors, embedded = seed_vectors(folders, settings, embedder, _progress_bar())
    if not vectors:
        print(T.ERR_SEED_NO_DOCUMENTS, file=sys.stderr)
        return 2
    try:
        write_seed(target, settings.embedding_model, vectors)
    except OSError as exc:
        print(T.ERR_SEED_NOT_WRITTEN.format(path=target, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    print(T.SEED_WRITTEN.format(path=target, n=len(vectors), embedded=embedded))
    return 0


def _writable_folder(folder: Path) -> bool:
    """The folder exists (made if need be) and this process may write in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def format_for_person(answer) -> str:
    lines = [answer.answer, ""]
    title = T.RELATED_TITLE if answer.refused else T.SOURCES_TITLE
    lines.append(f"—— {title} ——")
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.label} · 第 {c.start}–{c.end} 字")
        lines.append(f"    {c.text}")
    return "\n".join(lines)


def _read_jsonl(stream: TextIO) -> Iterable[tuple[int, dict | None, str | None]]:
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError
            yield lineno, item, None
        except ValueError:
            yield lineno, None, f"第 {lineno} 行不是有效的 JSON 对象"


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from .pipeline import QuestionError

    pipeline = _pipeline(settings, args.kb, show_progress=not (args.json or args.jsonl))
    if args.jsonl:
        stream = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")
        asked: dict[object, list[str]] = {}  # id -> that turn's history incl. itself
        with stream:
            for lineno, item, error in _read_jsonl(stream):
                qid = item.get("id", lineno) if item else lineno
                out: dict
                if error:
                    out = {"id": qid, "error": error}
                else:
                    history = list(item.get("history") or asked.get(item.get("after"), []))
                    try:
                        answer = pipeline.ask(item.get("q", ""), history, qid=qid, mode=args.mode)
                        out = answer.to_json()
                    except QuestionError as exc:
                        out = {"id": qid, "question": item.get("q"), "error": str(exc)}
                    asked[qid] = [*history, str(item.get("q", ""))]
                print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    try:
        answer = pipeline.ask(args.question, qid=None, mode=args.mode)
    except QuestionError as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else format_for_person(answer))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from .api import serve

    serve(settings, host=args.host or settings.host, port=args.port or settings.port, workers=args.workers)
    return 0


def cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    from . import texts as T
    from .feedback import FeedbackStore, rating_label

    store = FeedbackStore.for_settings(settings)
    if args.csv:
        try:
            with open(args.csv, "w", encoding="utf-8-sig", newline="") as f:
                n = store.write_csv(f)
        except OSError as exc:
            print(f"错误：无法写入 {args.csv}：{exc.strerror or exc}", file=sys.stderr)
            return 2
        print(T.FEEDBACK_CSV_WRITTEN.format(n=n, path=args.csv))
        return 0
    rows = store.rows(args.limit)
    if not rows:
        print(T.FEEDBACK_NONE)
    for r in rows:
        comment = f"  意见：{r.comment}" if r.comment else ""
        print(f"#{r.id} {r.created_at} {rating_label(r.rating)}  问：{r.question}{comment}")
    return 0


def trainer_settings(args: argparse.Namespace, settings: Settings) -> Settings:
    """The settings a trainer command reads its corpus with: ``--corpus DIR``
    (its index in ``--index DIR``, else a folder of its own under the data
    folder), else the POLICYQA_CORPUS_DIR / POLICYQA_INDEX_DIR settings,
    whose knowledge base ``--kb NAME`` picks."""
    if not args.corpus:
        return settings
    import hashlib
    from pathlib import Path

    corpus = Path(args.corpus).resolve()
    index = Path(args.index) if args.index else (
        settings.data_dir / "trainer-index" / hashlib.sha1(str(corpus).encode("utf-8")).hexdigest()[:12])
    return settings.model_copy(update={"corpus_dir": corpus, "index_dir": index})


def cmd_quiz(args: argparse.Namespace, settings: Settings) -> int:
    from .trainer import build_quiz, quiz_to_markdown

    pipeline = _pipeline(trainer_settings(args, settings), args.kb, show_progress=not args.json)
    quiz = build_quiz(pipeline, args.section or None, args.n, args.seed)
    print(json.dumps(quiz.to_json(), ensure_ascii=False, indent=1) if args.json
          else quiz_to_markdown(quiz, with_answers=not args.no_answers))
    return 0


def cmd_facts(args: argparse.Namespace, settings: Settings) -> int:
    from .trainer import facts_to_markdown, key_facts

    pipeline = _pipeline(trainer_settings(args, settings), args.kb, show_progress=not args.json)
    facts = key_facts(pipeline)
    if args.json:
        print(json.dumps([f.to_json() for f in facts], ensure_ascii=False, indent=1))
    else:
        print(facts_to_markdown(facts))
    return 0


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", metavar="DIR", help="资料文件夹（默认取设置 POLICYQA_CORPUS_DIR）")
    parser.add_argument("--index", metavar="DIR", help="与 --corpus 一起使用的索引文件夹")
    parser.add_argument("--kb", help="资料库名称（默认取设置）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description="政策问答：基于原文、带出处的政策问答")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="构建或更新索引")
    b.add_argument("--force", action="store_true", help="即使索引是最新的也重建（全部重新编码）")
    b.add_argument("--kb", help="只构建这个资料库（默认全部）")
    sd = sub.add_parser("seed", help="为随附文档写入句向量种子，使首次建索引更快")
    sd.add_argument("folders", nargs="*", help="文档文件夹（默认：项目自带文档的文件夹）")
    a = sub.add_parser("ask", help="提问")
    a.add_argument("question", nargs="?", help="问题")
    a.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    a.add_argument("--jsonl", metavar="FILE", help="逐行读取 {\"id\", \"q\"}（- 表示标准输入），逐行输出 JSON")
    a.add_argument("--mode", choices=["extractive", "llm"], help="回答方式（默认取设置）")
    a.add_argument("--kb", help="在哪个资料库中回答（默认取设置）")
    s = sub.add_parser("serve", help="启动网页问答")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--workers", type=int, help="服务进程数（共享同一份只读索引）")
    f = sub.add_parser("feedback", help="列出用户评价，或导出为 CSV")
    f.add_argument("--csv", metavar="FILE", help="把全部评价导出到 CSV 文件")
    f.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")
    q = sub.add_parser("quiz", help="生成测验（填空、选择、判断），附答案与出处")
    q.add_argument("--n", type=int, default=10, help="题目数量（默认 10）")
    q.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同试卷）")
    q.add_argument("--section", action="append", metavar="SECTION", help="只从该章节出题（可重复）")
    q.add_argument("--no-answers", action="store_true", help="Markdown 输出不含参考答案")
    _corpus_options(q)
    fa = sub.add_parser("facts", help="生成要点摘录（数据、日期、列举）")
    _corpus_options(fa)
    # Listed for help only: its own parser in bench.py takes the arguments.
    sub.add_parser("bench", help="性能基准（参数见 python -m app bench --help）", add_help=False)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from .bench import main as bench_main

        return bench_main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "ask" and not args.jsonl and args.question is None:
        parser.error("请给出问题，或使用 --jsonl FILE")
    settings = get_settings()
    handler = {"build": cmd_build, "seed": cmd_seed, "ask": cmd_ask, "serve": cmd_serve, "feedback": cmd_feedback,
               "quiz": cmd_quiz, "facts": cmd_facts}[args.command]
    return handler(args, settings)
