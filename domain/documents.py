"""Text out of an attached conclusion file. (Stub: .docx and .pdf land with issue 3.)"""

from __future__ import annotations


class DocumentError(ValueError):
    pass


def extract_text(filename: str, data: bytes) -> str:
    if not filename.lower().endswith(".txt"):
        raise DocumentError("Chỉ nhận file .txt")
    return data.decode("utf-8", errors="replace")
