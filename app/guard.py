"""Instruction-override attempts inside a question ("忽略以上指令……",
"ignore all previous instructions …"). Such sentences ask nothing of the
documents: they are left out of what is searched and answered, and a
question made only of them is refused. The rules of the answerer are never
taken from the question either way."""
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
# A sentence with its end, including an ASCII full stop before a space.
_SENTENCE = re.compile(r".*?(?:[。！？!?；;\n]|\.(?=\s)|$)", re.S)


def asked_part(text: str) -> str:
    """The question without its sentences that try to change the
    assistant's rules; empty when every sentence does."""
    kept = [s for s in _SENTENCE.findall(text) if s.strip() and not _OVERRIDE.search(s)]
    return "".join(kept).strip()
