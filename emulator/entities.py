"""Message text as Telegram sees it: UTF-16 offsets, the HTML parse mode, detected entities.

Telegram counts offsets and lengths in UTF-16 code units (an emoji outside the BMP counts 2, a
Vietnamese letter with diacritics counts 1 when precomposed). Everything here returns entities as
Bot API dicts ({"type", "offset", "length", ...}) in those units.

The HTML parser follows the Bot API server (tdlib's `parse_html`): the same tags, the same error
texts. One deliberate difference, switchable: tdlib keeps a bare `&` that does not start a known
entity as a literal, while `strict_ampersand=True` rejects it, because a bare `&` in a bot's HTML
almost always means user text was not escaped — and the next user text will contain a `<`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Entity = dict[str, Any]

MAX_TEXT_UTF16 = 4096
MAX_CAPTION_UTF16 = 1024

# Usernames are ASCII; tdlib detects "@name" of 2..32 characters but keeps only those of at least
# five (shorter ones are a handful of reserved bot names we do not emulate).
_MIN_MENTION = 5
_MAX_MENTION = 32


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The substring an entity designates (offset/length in UTF-16 code units)."""
    raw = text.encode("utf-16-le")
    return raw[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def _is_word_char(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch)[0] in "LN"


def _is_ascii_name_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


# --------------------------------------------------------------------------- detection (user text)


def _scan_name(text: str, start: int) -> int:
    end = start
    while end < len(text) and _is_ascii_name_char(text[end]):
        end += 1
    return end


def find_bot_commands(text: str) -> list[tuple[int, int]]:
    """(start, end) str indices of `/command` or `/command@bot_name`, as tdlib matches them."""
    found = []
    for i, ch in enumerate(text):
        if ch != "/":
            continue
        if i > 0 and (_is_word_char(text[i - 1]) or text[i - 1] in "/<>"):
            continue
        end = _scan_name(text, i + 1)
        if not 1 <= end - (i + 1) <= 64:
            continue
        if end < len(text) and text[end] == "@":
            name_end = _scan_name(text, end + 1)
            if not 3 <= name_end - (end + 1) <= 32:
                continue
            end = name_end
        if end < len(text) and (_is_word_char(text[end]) or text[end] in "/<>"):
            continue
        found.append((i, end))
    return found


def find_mentions(text: str) -> list[tuple[int, int]]:
    """(start, end) str indices of `@username` mentions."""
    found = []
    for i, ch in enumerate(text):
        if ch != "@" or (i > 0 and _is_word_char(text[i - 1])):
            continue
        end = _scan_name(text, i + 1)
        if not _MIN_MENTION <= end - (i + 1) <= _MAX_MENTION:
            continue
        if end < len(text) and _is_word_char(text[end]):
            continue  # "@binh_trần": the name runs on with a non-ASCII letter, so no mention
        found.append((i, end))
    return found


def _entity(text: str, start: int, end: int, kind: str, **extra: Any) -> Entity:
    offset = utf16_len(text[:start])
    return {"type": kind, "offset": offset, "length": utf16_len(text[start:end]), **extra}


def detect_entities(text: str) -> list[Entity]:
    """The entities Telegram's clients attach to plain user text: bot commands and mentions."""
    entities = [_entity(text, s, e, "bot_command") for s, e in find_bot_commands(text)]
    entities += [_entity(text, s, e, "mention") for s, e in find_mentions(text)]
    return sort_entities(entities)


def sort_entities(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


@dataclass(frozen=True)
class TextMention:
    """A mention of a user by name (no username needed): becomes a `text_mention` entity."""

    user: dict[str, Any]  # the Bot API User dict
    name: str


def compose(parts: str | Sequence[str | TextMention]) -> tuple[str, list[Entity]]:
    """Concatenate text parts; TextMention parts become `text_mention` entities at their place."""
    if isinstance(parts, str):
        return parts, []
    text = ""
    entities: list[Entity] = []
    for part in parts:
        if isinstance(part, TextMention):
            entities.append(
                {"type": "text_mention", "offset": utf16_len(text), "length": utf16_len(part.name),
                 "user": dict(part.user)}
            )
            text += part.name
        else:
            text += part
    return text, entities


# ------------------------------------------------------------------- splitting a long text (clients)

_SENTENCE_END = ".!?…"
_PART_END = ",;:"


def _cut_level(text: str, i: int, inside_entity: bool) -> int:
    """How good a place `text[:i] | text[i:]` is to cut, after Telegram Desktop's CutPart: a paragraph
    break first, then a line break, then a space after a sentence, after a clause, any space, after a
    punctuation mark, anywhere; never inside an entity (a name mentioned, a link) when avoidable."""
    if inside_entity:
        return 0
    ch, prev = text[i], text[i - 1]
    if ch == "\n":
        return 15 if i + 1 < len(text) and text[i + 1] == "\n" else 13
    if ch.isspace():
        if prev in _SENTENCE_END:
            return 10
        return 8 if prev in _PART_END else 6
    if not _is_word_char(prev):
        return 4
    return 2


def split_for_sending(text: str, entities: Sequence[Entity] = (),
                      limit: int = MAX_TEXT_UTF16) -> list[tuple[str, list[Entity]]]:
    """A text longer than one message, cut as Telegram's apps cut it before sending: parts of at most
    `limit` UTF-16 units, each cut at the best place in the second half of the part (a line break, else
    a space, ...); the whitespace at a cut is dropped (Telegram trims every message). Entities stay
    with their part, offsets made relative to it (so a command at the start is in the first part only).
    """
    parts: list[tuple[str, list[Entity]]] = []
    rest, ents = text, [dict(e) for e in entities]
    while utf16_len(rest) > limit:
        units = 0
        best, best_level = 0, -1
        for i, ch in enumerate(rest):
            if i > 0 and units > limit // 2:
                inside = any(e["offset"] < units < e["offset"] + e["length"] for e in ents)
                level = _cut_level(rest, i, inside)
                if level >= best_level:
                    best, best_level = i, level
            step = 2 if ord(ch) > 0xFFFF else 1
            if units + step > limit:
                break
            units += step
        cut = best if best > 0 else i
        head, tail = rest[:cut], rest[cut:]
        head_units = utf16_len(head)
        head_ents = [e for e in ents if e["offset"] + e["length"] <= head_units]
        stripped = tail.lstrip()
        shift = head_units + utf16_len(tail[: len(tail) - len(stripped)])
        ents = [{**e, "offset": e["offset"] - shift} for e in ents if e["offset"] >= shift]
        parts.append(_trimmed(head, head_ents))
        rest = stripped
    parts.append(_trimmed(rest, ents))
    return [p for p in parts if p[0]]


def _trimmed(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    body = text.rstrip()
    units = utf16_len(body)
    return body, [e for e in entities if e["offset"] + e["length"] <= units]


# --------------------------------------------------------------------------------- HTML parse mode


class HtmlParseError(ValueError):
    """The text after "Bad Request: can't parse entities: "."""


_SIMPLE_TAGS = {
    "b": "bold", "strong": "bold",
    "i": "italic", "em": "italic",
    "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_SUPPORTED_TAGS = {*_SIMPLE_TAGS, "a", "code", "pre", "span", "blockquote", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode the character reference at text[pos] == '&': (character, next position) or None."""
    end = pos + 1
    if end < len(text) and text[end] == "#":
        end += 1
        hexa = end < len(text) and text[end] == "x"
        if hexa:
            end += 1
        digits_start = end
        allowed = "0123456789abcdefABCDEF" if hexa else "0123456789"
        while end < len(text) and text[end] in allowed:
            end += 1
        digits = text[digits_start:end]
        if not digits or end - pos >= 10:
            return None
        code = int(digits, 16 if hexa else 10)
        if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1 : end]
        if name not in _NAMED_ENTITIES:
            return None
        char = _NAMED_ENTITIES[name]
    if end < len(text) and text[end] == ";":
        end += 1
    return char, end


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int  # UTF-16 offset in the output where the tag's content starts
    out_index: int  # index into the output string, for <a> without href
    byte_pos: int


class _HtmlParser:
    def __init__(self, text: str, strict_ampersand: bool, known_user: Any) -> None:
        self.text = text
        self.strict_ampersand = strict_ampersand
        self.known_user = known_user
        self.out: list[str] = []
        self.out_utf16 = 0
        self.entities: list[Entity] = []
        self.stack: list[_OpenTag] = []

    def byte_offset(self, pos: int) -> int:
        return len(self.text[:pos].encode("utf-8"))

    def emit(self, chars: str) -> None:
        self.out.append(chars)
        self.out_utf16 += utf16_len(chars)

    def parse(self) -> tuple[str, list[Entity]]:
        text, i = self.text, 0
        while i < len(text):
            ch = text[i]
            if ch == "&":
                decoded = _decode_entity(text, i)
                if decoded is not None:
                    self.emit(decoded[0])
                    i = decoded[1]
                    continue
                if self.strict_ampersand:
                    raise HtmlParseError(
                        f'Unescaped "&" at byte offset {self.byte_offset(i)} '
                        "(emulator check: escape user text with html.escape)"
                    )
                self.emit(ch)
                i += 1
            elif ch == "<":
                i = self.end_tag(i) if text[i + 1 : i + 2] == "/" else self.start_tag(i)
            else:
                self.emit(ch)
                i += 1
        if self.stack:
            raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"')
        for entity in self.entities:
            entity.pop("_language", None)
        return "".join(self.out), sort_entities(self.entities)

    def start_tag(self, begin: int) -> int:
        text, i = self.text, begin + 1
        while i < len(text) and not text[i].isspace() and text[i] != ">":
            i += 1
        if i >= len(text):
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        name = text[begin + 1 : i].lower()
        if name not in _SUPPORTED_TAGS:
            raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}')
        attrs: dict[str, str] = {}
        while True:
            while i < len(text) and text[i].isspace():
                i += 1
            if i >= len(text):
                raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {self.byte_offset(begin)}')
            if text[i] == ">":
                break
            attr_begin = i
            while i < len(text) and not text[i].isspace() and text[i] not in "=>":
                i += 1
            attr = text[attr_begin:i].lower()
            if not attr:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {self.byte_offset(begin)}'
                )
            while i < len(text) and text[i].isspace():
                i += 1
            if i < len(text) and text[i] != "=":
                if name == "blockquote" and attr == "expandable":
                    attrs[attr] = ""
                    continue
                raise HtmlParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{name}" '
                    f"at byte offset {self.byte_offset(begin)}"
                )
            i += 1
            while i < len(text) and text[i].isspace():
                i += 1
            if i >= len(text):
                raise HtmlParseError(f'Unclosed start tag "{name}" at byte offset {self.byte_offset(begin)}')
            value, i = self.attribute_value(i)
            attrs[attr] = value
        self.check_tag_attributes(name, attrs, begin)
        self.stack.append(_OpenTag(name, attrs, self.out_utf16, len(self.out), self.byte_offset(begin)))
        return i + 1

    def attribute_value(self, i: int) -> tuple[str, int]:
        text = self.text
        if text[i] not in "'\"":
            start = i
            while i < len(text) and (_is_ascii_name_char(text[i]) or text[i] in ".-"):
                i += 1
            if i < len(text) and not text[i].isspace() and text[i] != ">":
                raise HtmlParseError(f"Unexpected end of name token at byte offset {self.byte_offset(start)}")
            return text[start:i].lower(), i
        quote, i = text[i], i + 1
        value: list[str] = []
        while i < len(text) and text[i] != quote:
            if text[i] == "&" and (decoded := _decode_entity(text, i)) is not None:
                value.append(decoded[0])
                i = decoded[1]
                continue
            value.append(text[i])
            i += 1
        return "".join(value), i + 1

    def check_tag_attributes(self, name: str, attrs: dict[str, str], begin: int) -> None:
        where = f"at byte offset {self.byte_offset(begin)}"
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" {where}')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise HtmlParseError(f'Tag "tg-emoji" must have attribute "emoji-id" {where}')

    def end_tag(self, begin: int) -> int:
        text, i = self.text, begin + 2
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        while i < len(text) and not text[i].isspace() and text[i] != ">":
            i += 1
        end_name = text[begin + 2 : i].lower()
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        tag = self.stack.pop()
        if end_name and end_name != tag.name:
            raise HtmlParseError(
                f'Unmatched end tag at byte offset {self.byte_offset(begin)}, expected "</{tag.name}>", '
                f'found "</{end_name}>"'
            )
        self.close(tag)
        return i + 1

    def close(self, tag: _OpenTag) -> None:
        length = self.out_utf16 - tag.offset
        if length <= 0:
            return
        base = {"offset": tag.offset, "length": length}
        if tag.name in _SIMPLE_TAGS or tag.name == "span":
            self.entities.append({"type": _SIMPLE_TAGS.get(tag.name, "spoiler"), **base})
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
            self.entities.append({"type": kind, **base})
        elif tag.name == "tg-emoji":
            self.entities.append({"type": "custom_emoji", "custom_emoji_id": tag.attrs["emoji-id"], **base})
        elif tag.name == "a":
            self.close_link(tag, base)
        elif tag.name == "code":
            language = tag.attrs.get("class", "")
            pre = self.entities[-1] if self.entities else None
            if (pre and pre["type"] == "pre" and pre["offset"] == tag.offset and pre["length"] == length
                    and language.startswith("language-")):
                pre["language"] = language.removeprefix("language-")
            else:
                self.entities.append({"type": "code", **base, "_language": language})
        elif tag.name == "pre":
            code = self.entities[-1] if self.entities else None
            language = code.get("_language", "") if code else ""
            if (code and code["type"] == "code" and code["offset"] == tag.offset and code["length"] == length
                    and language.startswith("language-")):
                self.entities[-1] = {"type": "pre", **base, "language": language.removeprefix("language-")}
            else:
                self.entities.append({"type": "pre", **base})

    def close_link(self, tag: _OpenTag, base: dict[str, int]) -> None:
        url = tag.attrs.get("href") or "".join(self.out[tag.out_index :])
        if url.startswith("tg://user?id="):
            user_id = url.removeprefix("tg://user?id=")
            user = self.known_user(int(user_id)) if user_id.isdigit() else None
            if user is not None:
                self.entities.append({"type": "text_mention", **base, "user": user})
            return  # Telegram silently drops a mention of a user it cannot resolve
        if "://" not in url and "." in url:
            url = "http://" + url
        if "://" in url or url.startswith("tg:"):
            self.entities.append({"type": "text_link", **base, "url": url})


def parse_html(
    text: str, *, strict_ampersand: bool = True, known_user: Any = lambda user_id: None
) -> tuple[str, list[Entity]]:
    """Plain text and entities of a `parse_mode=HTML` text; HtmlParseError if Telegram refuses it.

    `known_user(user_id)` returns the Bot API User dict for `tg://user?id=` links, or None.
    """
    return _HtmlParser(text, strict_ampersand, known_user).parse()
