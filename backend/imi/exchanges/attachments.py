"""Attachment files: type and size limits, content sniffing, content-addressed storage outside the database."""

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from imi.errors import ValidationFailed

# Allowed types, each recognised by its leading bytes (the declared type alone is not trusted).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    # Office Open XML and OpenDocument files are ZIP containers.
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    "application/vnd.oasis.opendocument.text": (b"PK\x03\x04",),
    "application/vnd.oasis.opendocument.spreadsheet": (b"PK\x03\x04",),
}
TEXT_TYPES = frozenset({"text/plain", "application/xml", "text/xml"})
ALLOWED_TYPES = frozenset(SIGNATURES) | TEXT_TYPES
MAX_FILENAME = 255


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


def check_upload(filename: str, content_type: str, head: bytes) -> str:
    """Refuse names, types and contents that are not allowed; return the clean file name."""
    name = Path(filename.replace("\\", "/")).name.strip()
    if not name or len(name) > MAX_FILENAME or any(ord(ch) < 32 for ch in name):
        raise ValidationFailed.single("file", "the file name is empty, too long or has control characters")
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    if kind not in ALLOWED_TYPES:
        raise ValidationFailed.single("file", f"files of type {kind or 'unknown'} are not accepted")
    if kind in SIGNATURES and not head.startswith(SIGNATURES[kind]):
        raise ValidationFailed.single("file", f"the content is not a {kind} file")
    if kind in TEXT_TYPES:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # a multi-byte character cut at the end of the head is fine
                raise ValidationFailed.single("file", "a text file must be UTF-8") from error
    return name


class FileStore:
    """Files under `root/<2 hex>/<sha256>`; written to a temporary file and renamed, so never half-written."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, chunks: "list[bytes]", max_bytes: int) -> StoredFile:
        digest, size = hashlib.sha256(), 0
        self.root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.root, delete=False) as handle:
            try:
                for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise ValidationFailed.single("file", f"the file is larger than {max_bytes} bytes")
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                os.unlink(handle.name)
                raise
        if size == 0:
            os.unlink(handle.name)
            raise ValidationFailed.single("file", "the file is empty")
        target = self.path(digest.hexdigest())
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(handle.name, target)
        return StoredFile(digest.hexdigest(), size)

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)
