"""Instruction-override attempts inside a question ("忽略以上指令……",
"ignore all previous instructions …"). A question made only of such text
asks nothing of the documents and is refused; the rules of the answerer are
never taken from the question either way."""
from __future__ import annotations

import re

_OVERRIDE = re.compile(
    r"(忽略|无视|忘记|忘掉|不要理会|不用管)掉?(以上|之前|前面|上面|上述|先前|所有|全部|你的|系统|原来的|原有的)"
    r".{0,8}(指令|规则|提示|设定|要求|限制|约束)"
    r"|系统提示|系统指令|提示词|新指令|开发者模式|越狱"
    r"|(你现在是|假装你是|假设你是|请你扮演|你来扮演)"
    r"|\bignore\b.{0,30}\b(instructions?|rules|prompts?|guidelines)\b"
    r"|\b(system|hidden|initial) prompt\b|\bnew instructions?\b|\bjailbreak\b|\bDAN\b|developer mode"
    r"|\bpretend (you are|to be)\b|\byou are now\b",
    re.I,
)
# Sentence ends, including an ASCII full stop before a space (English text).
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s)")


def only_override(text: str) -> bool:
    """Every sentence of the question tries to change the assistant's rules."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    return bool(sentences) and all(_OVERRIDE.search(s) for s in sentences)
