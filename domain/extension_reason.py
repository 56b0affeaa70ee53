"""The reason of an extension request, as the chair reads it.

An extension is asked by replying to the bot's prompt with the new deadline and why: people write it
as they would say it — «xin đến 18/12 vì chờ số liệu», «đề nghị gia hạn đến 30/12, lý do: chờ kinh
phí». The deadline phrase is cut out of the answer (handlers.progress._due_and_reason) and what is
left is the reason; its head is the asking itself («xin», «đề nghị gia hạn», «lý do:»), which left in
reads «Lý do: xin vì chờ số liệu» in the chair's card (qa13). Only that head goes: a reason that
does not start with it is kept word for word. After the label «Lý do:», the word that only says "because"
(«vì», «do», «bởi vì», «tại vì», «là do») goes too: «Lý do: vì chờ số liệu» read twice (qa18).
"""

from __future__ import annotations

import re

from domain.understand.textnorm import fold

# Matched on folded text (same length as the original): the words of asking, then an optional
# «gia hạn / lùi hạn» and what is extended, then an optional «lý do» label.
_ASK = r"(?:kinh\s+)?(?:xin|de\s+nghi|de\s+xuat)(?:\s+(?:cho|duoc))*"
_EXTEND = r"(?:gia\s+han|lui\s+han|doi\s+han|keo\s+dai)(?:\s+(?:them|nhiem\s+vu|viec|han))*"
# «xin» alone is the asking only when the reason follows at once («xin vì …»): «xin ý kiến Sở» is a reason.
# «xin gia» / «xin lùi»: the deadline phrase took «hạn đến 18/12» out of «xin gia hạn đến 18/12 do …».
_ASKING = re.compile(
    rf"(?:(?:{_ASK}\s+)?{_EXTEND}|{_ASK}\s+(?:gia|lui)\b|{_ASK}(?=\s*(?:$|[,;:.\-–]|(?:vi|do|boi|ly\s+do)\b)))?\s*"
    r"(?:[,;:.\-–]\s*)*"
    r"(?:ly\s+do\s*(?:la\b)?\s*[:\-–]?\s*)?"
)
_EDGE = " ,;:.-–"
# "Because" words opening the reason, matched on the words as written (lower case): folded, «do» would also
# take «đó»/«đổ» («đổ bê tông chưa xong» is a reason). Without diacritics only when the whole answer has
# none (typed without a Vietnamese keyboard: «vi cho so lieu»).
_BECAUSE = re.compile(r"(?:(?:bởi|tại|là|chính)\s+)?(?:vì|do)(?:\s+là)?(?=\s)\s*[,:\-–]?\s*", re.IGNORECASE)
_BECAUSE_PLAIN = re.compile(r"(?:(?:boi|tai|la)\s+)?(?:vi|do)(?=\s)\s*[,:\-–]?\s*", re.IGNORECASE)


def reason_of(rest: str) -> str | None:
    """What is left of the answer once the deadline is cut out, without the words that only ask."""
    text = " ".join(rest.split()).strip(_EDGE)
    head = _ASKING.match(fold(text))
    if head is not None and head.end() > 0 and (head.end() == len(text) or not text[head.end() - 1].isalnum()
                                                 or not text[head.end()].isalnum()):
        text = text[head.end():].strip(_EDGE)
    return _without_because(text) or None


def _without_because(text: str) -> str:
    """«vì chờ số liệu» -> «chờ số liệu»: the card already says «Lý do:». Kept when nothing would be left."""
    because = _BECAUSE if fold(text) != text else _BECAUSE_PLAIN
    head = because.match(text)
    rest = text[head.end():].strip(_EDGE) if head is not None else ""
    return rest or text
