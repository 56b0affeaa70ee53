"""The programs that read scans and old Word files, run as child processes with a time limit.

- Tesseract 5 (Debian `tesseract-ocr`, `tesseract-ocr-vie`) through its command line: the TSV output
  gives every word's confidence, and a child process can be killed when the time allowed runs out
  (a thread cannot). `OMP_THREAD_LIMIT=1`: Tesseract's OpenMP threads only slow it down on a small
  shared machine, as its own documentation warns. One reading at a time (a lock): two scans sent
  together are read one after the other instead of halving each other's speed.
- antiword (Debian `antiword`) for Word 97–2003 `.doc`: small, no daemon, UTF-8 output with the
  Vietnamese letters intact; LibreOffice would do too but weighs 300 MB and starts in seconds.

What the outputs mean is decided in `domain/understand/` (`ocr.py`, `documents.py`); here are only
the processes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from domain.understand.documents import OcrTimeout, OcrUnavailable

TESSERACT_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
DOC_PACKAGES = "antiword"
_ONE_AT_A_TIME = threading.Lock()
# Sauvola's local threshold (Tesseract ≥ 5.0) instead of one Otsu threshold for the whole page: a phone
# photo with the shadow of the phone or a lamp's fall-off across it reads as well as an even scan
# (tests/domain/test_ocr_pages.py: CER 0.9 % instead of 78 % on a shaded shot; the same on scans).
TESSERACT_OPTIONS = ("-c", "thresholding_method=2")


class SystemTools:
    """Tesseract and antiword on this machine, with `seconds` for the whole document."""

    def __init__(
        self, seconds: float = 90.0, *, language: str = "vie", on_start: Callable[[int, int], None] | None = None
    ) -> None:
        self.deadline = time.monotonic() + seconds
        self.language = language
        self.on_start = on_start

    def starting(self, pages: int, total: int) -> None:
        # qa9: without Tesseract «⏳ Đang đọc chữ… khoảng 10 giây» was followed at once by «máy chủ chưa
        # cài Tesseract»: a promise broken in the same second. The reading fails (OcrUnavailable) and says so.
        if self.on_start is not None and shutil.which("tesseract") is not None:
            self.on_start(pages, total)

    def time_left(self) -> float:
        return self.deadline - time.monotonic()

    # ------------------------------------------------------------------------------------ tesseract
    def tsv(self, image: Any) -> str:
        """Tesseract's TSV for a page image (PIL), Vietnamese model, automatic page layout."""
        return self._tesseract(image, ["-l", self.language, "--psm", "3", *TESSERACT_OPTIONS, "tsv"])

    def rotation(self, image: Any) -> tuple[int, float]:
        """Tesseract's orientation detection (OSD, `--psm 0`): degrees to rotate the page clockwise
        so that it reads upright, and the engine's confidence in that. (0, 0) when it cannot tell
        (too few letters)."""
        try:
            out = self._tesseract(image, ["--psm", "0", "-l", "osd"])
        except subprocess.CalledProcessError:
            return 0, 0.0
        rotate = conf = None
        for line in out.splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "Rotate":
                rotate = int(value.strip())
            elif key.strip() == "Orientation confidence":
                conf = float(value.strip())
        return (rotate or 0, conf or 0.0)

    def _tesseract(self, image: Any, args: list[str]) -> str:
        exe = shutil.which("tesseract")
        if exe is None:
            raise OcrUnavailable("Tesseract", TESSERACT_PACKAGES)
        with tempfile.TemporaryDirectory(prefix="nhacviec-ocr-") as tmp:
            path = Path(tmp) / "page.png"
            image.save(path, compress_level=1)
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            if not _ONE_AT_A_TIME.acquire(timeout=max(0.0, self.time_left())):
                raise OcrTimeout
            try:
                left = self.time_left()
                if left <= 0:
                    raise OcrTimeout
                done = subprocess.run(
                    [exe, str(path), "stdout", *args], capture_output=True, env=env, timeout=left, check=False
                )
            except subprocess.TimeoutExpired as exc:  # run() has killed the child
                raise OcrTimeout from exc
            finally:
                _ONE_AT_A_TIME.release()
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0 and ("Failed loading language" in err or "Error opening data file" in err):
            raise OcrUnavailable("Tesseract", TESSERACT_PACKAGES)
        if done.returncode != 0:
            raise subprocess.CalledProcessError(done.returncode, exe, done.stdout, done.stderr)
        return done.stdout.decode("utf-8", "replace")

    # ------------------------------------------------------------------------------------ .doc
    def doc_text(self, data: bytes) -> str:
        """The text of a Word 97–2003 file (antiword, UTF-8, paragraphs on their own lines)."""
        exe = shutil.which("antiword")
        if exe is None:
            raise OcrUnavailable("antiword", DOC_PACKAGES)
        with tempfile.TemporaryDirectory(prefix="nhacviec-doc-") as tmp:
            path = Path(tmp) / "file.doc"
            path.write_bytes(data)
            try:
                # -m UTF-8.txt: output encoding; -w 0: no re-wrapping, one paragraph per line.
                done = subprocess.run(
                    [exe, "-m", "UTF-8.txt", "-w", "0", str(path)],
                    capture_output=True,
                    timeout=max(1.0, min(30.0, self.time_left())),
                    check=False,
                )
            except subprocess.TimeoutExpired as exc:
                raise OcrTimeout from exc
        if done.returncode != 0:
            return ""  # not a Word file antiword knows: the caller says the file is damaged
        return done.stdout.decode("utf-8", "replace")
