"""Turning what the user names (files, folders, "-" for stdin, http(s) URLs) into Article records.

Inputs are untrusted: every problem becomes a LoadError whose message is one line naming the source and
the reason, and load_sources keeps going past bad inputs so one broken file never hides the others.
Files are never modified. Sizes are checked before anything large is read.

Formats (`INPUT_FORMATS`, one record each: the file name endings and the reader): .txt/.md (first line is
the headline), .html/.htm and fetched pages (trafilatura), .json (fields title, outlet, byline, published,
url, text); the folder listing, the error for a folder without articles and the CLI help derive from it. A
folder may hold meta.json, as in
sample_data/zelensky-security-guarantees: {"event": ..., "articles": {file name: {outlet, url, title,
byline, published}}}; its non-null fields take precedence over what the files themselves say.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from compare_tui.core.boilerplate import clean_body
from compare_tui.core.decoding import DecodeError, decode, decode_bytes
from compare_tui.core.fetch import ALLOWED_SCHEMES, FetchError, fetch, url_scheme
from compare_tui.core.models import Article, Removed
from compare_tui.core.safe_text import strip_terminal_sequences, visible
from compare_tui.core.settings import Settings

if TYPE_CHECKING:
    from configparser import ConfigParser

STDIN = "-"
ESCAPE_REASON = "control: terminal escape sequence"
REPAIR_REASON = "encoding: stray bytes in UTF-8 text read as cp1252"
STDIN_LABEL = "<stdin>"
META_FILE = "meta.json"
METADATA_FIELDS = ("title", "outlet", "byline", "published", "url")

_LOOKS_LIKE_HTML = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article)\b", re.IGNORECASE | re.DOTALL
)
_SLUG_JUNK = re.compile(r"[^a-z0-9_]+")


class LoadError(Exception):
    """An input that cannot be loaded; str() is the one-line "SOURCE: reason"."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return " ".join(f"{self.source}: {self.reason}".split())


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The articles that loaded, in input order, and one error per input that did not."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]


@dataclass(frozen=True, slots=True)
class _Draft:
    """Text and metadata as a format reader found them, before cleaning."""

    raw: str
    markdown: bool = False
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    repaired: int = 0
    """Stray bytes in otherwise UTF-8 input that were read as cp1252 (said once, in `removed`)."""


def load_article(
    source: str | Path,
    *,
    settings: Settings | None = None,
    article_id: str | None = None,
    stdin: BinaryIO | bytes | None = None,
) -> Article:
    """Load one file, URL or "-" (stdin) as an Article with empty segments, or raise LoadError."""
    settings = settings or Settings()
    label = str(source)
    if label == STDIN:
        draft = _from_bytes(_read_stdin(stdin, settings=settings), label=STDIN_LABEL, fmt=_TEXT)
        return _finish(draft, source=STDIN_LABEL, article_id=article_id or "stdin", meta={})
    if (scheme := url_scheme(label)) is not None:
        if scheme not in ALLOWED_SCHEMES:
            raise LoadError(label, f"unsupported URL scheme {scheme!r}: only http and https")
        return _load_url(label, settings=settings, article_id=article_id)
    path = Path(source)
    meta = _read_meta(path.parent, settings=settings).get(path.name, {})
    return _load_file(path, label=label, settings=settings, article_id=article_id, meta=meta)


def load_sources(
    sources: Sequence[str | Path],
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | bytes | None = None,
) -> LoadResult:
    """Load every source (folders expand to their article files in name order), collecting errors."""
    settings = settings or Settings()
    articles: list[Article] = []
    errors: list[LoadError] = []
    metas: dict[Path, Mapping[str, Mapping[str, str]]] = {}

    def meta_for(folder: Path) -> Mapping[str, Mapping[str, str]]:
        if folder not in metas:
            try:
                metas[folder] = _read_meta(folder, settings=settings)
            except LoadError as exc:
                errors.append(exc)
                metas[folder] = {}
        return metas[folder]

    for source in sources:
        label = str(source)
        is_path = label != STDIN and url_scheme(label) is None
        try:
            if is_path and _is_dir(Path(source)):
                folder = Path(source)
                files = _article_files(folder, label=label)
                meta = meta_for(folder)
                for path in files:
                    try:
                        articles.append(
                            _load_file(
                                path,
                                label=str(path),
                                settings=settings,
                                article_id=None,
                                meta=meta.get(path.name, {}),
                            )
                        )
                    except LoadError as exc:
                        errors.append(exc)
            elif is_path:
                path = Path(source)
                meta = meta_for(path.parent).get(path.name, {})
                articles.append(_load_file(path, label=label, settings=settings, article_id=None, meta=meta))
            else:
                articles.append(load_article(label, settings=settings, stdin=stdin))
        except LoadError as exc:
            errors.append(exc)
    return LoadResult(articles=_unique_ids(articles), errors=tuple(errors))


def slug(name: str) -> str:
    """A lowercase id from a file name stem: "Outlet A" -> "outlet-a"; underscores are kept."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG_JUNK.sub("-", ascii_name.lower()).strip("-_") or "article"


def _unique_ids(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The same articles with ids made unique by suffixes -2, -3, ... in input order."""
    taken: set[str] = set()
    out: list[Article] = []
    for article in articles:
        candidate, n = article.id, 1
        while candidate in taken:
            n += 1
            candidate = f"{article.id}-{n}"
        taken.add(candidate)
        out.append(article if candidate == article.id else replace(article, id=candidate))
    return tuple(out)


def _article_files(folder: Path, *, label: str) -> list[Path]:
    """The supported article files directly inside a folder, in name order."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise LoadError(label, _os_reason(exc)) from None
    files = [
        p
        for p in entries
        if p.suffix.lower() in _FORMAT_BY_SUFFIX
        and p.name != META_FILE
        and not p.name.startswith(".")
        and _is_file(p)
    ]
    if not files:
        raise LoadError(label, f"folder has no article files ({', '.join(INPUT_SUFFIXES)})")
    return files


def _load_file(
    path: Path, *, label: str, settings: Settings, article_id: str | None, meta: Mapping[str, str]
) -> Article:
    """Read, decode and clean one article file."""
    if _is_dir(path):
        raise LoadError(label, "is a folder; pass it to load_sources to load the articles in it")
    fmt = _FORMAT_BY_SUFFIX.get(path.suffix.lower(), _TEXT)
    draft = _from_bytes(_read_bytes(path, label=label, settings=settings), label=label, fmt=fmt)
    return _finish(draft, source=label, article_id=article_id or slug(path.stem), meta=meta)


def _load_url(url: str, *, settings: Settings, article_id: str | None) -> Article:
    """Fetch a page and extract its article."""
    try:
        page = fetch(url, timeout=settings.url_timeout, max_bytes=settings.max_file_bytes)
    except FetchError as exc:
        raise LoadError(url, str(exc)) from None
    if not page.body.strip():
        raise LoadError(url, "empty page")
    try:
        decoded = decode(page.body, declared=page.charset)
    except DecodeError as exc:
        raise LoadError(url, str(exc)) from None
    fmt = _TEXT if page.content_type == "text/plain" else _HTML
    draft = _parse(decoded.text, label=url, fmt=fmt, url=url)
    draft = replace(draft, url=url, repaired=decoded.repaired)
    parts = urlsplit(url)
    stem = Path(parts.path).stem or (parts.hostname or "page")
    return _finish(draft, source=url, article_id=article_id or slug(stem), meta={})


def _read_bytes(path: Path, *, label: str, settings: Settings) -> bytes:
    """A file's bytes, refusing it before reading when it is over the size limit."""
    limit = settings.max_file_bytes
    try:
        # O_NONBLOCK: opening a FIFO without a writer would block for good; it is refused below instead.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise LoadError(label, f"not a regular file ({_file_kind(status.st_mode)})")
            size = status.st_size
            if size > limit:
                raise LoadError(label, f"file too large ({size} bytes, limit {limit})")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise LoadError(label, _os_reason(exc)) from None
    if len(data) > limit:
        raise LoadError(label, f"file too large (over the limit of {limit} bytes)")
    return data


def _file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"))
    return next((name for test, name in kinds if test(mode)), "a device or special file")


def _read_stdin(stdin: BinaryIO | bytes | None, *, settings: Settings) -> bytes:
    """Standard input's bytes, within the size limit; refused when it is a terminal (it would eat keys)."""
    limit = settings.max_file_bytes
    if isinstance(stdin, (bytes, bytearray, memoryview)):
        data = bytes(stdin)
    else:
        stream = stdin if stdin is not None else sys.stdin.buffer
        if _is_terminal(stream):
            raise LoadError(STDIN_LABEL, "standard input is a terminal: pipe or redirect an article into it")
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise LoadError(STDIN_LABEL, _os_reason(exc)) from None
    if len(data) > limit:
        raise LoadError(STDIN_LABEL, f"input too large (over the limit of {limit} bytes)")
    return data


def _is_dir(path: Path) -> bool:
    """Path.is_dir without the PermissionError Python 3.11 raises inside an unreadable folder (the read that
    follows reports it as one line)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    """Path.is_file without the PermissionError of Python 3.11 (see `_is_dir`)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _os_reason(exc: OSError) -> str:
    """A one-line reason for a failed file operation."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _from_bytes(data: bytes, *, label: str, fmt: InputFormat) -> _Draft:
    """Decode and parse file bytes; text that a plain-text format names is read as HTML if it looks like it."""
    if not data:
        raise LoadError(label, "empty file")
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise LoadError(label, str(exc)) from None
    if fmt.plain and _LOOKS_LIKE_HTML.match(decoded.text):
        fmt = _HTML
    return replace(_parse(decoded.text, label=label, fmt=fmt), repaired=decoded.repaired)


def _parse(text: str, *, label: str, fmt: InputFormat, url: str | None = None) -> _Draft:
    """Split decoded text into body and stated metadata according to its format."""
    if not text.strip():
        raise LoadError(label, "empty file (only whitespace)")
    return fmt.read(text, label, url)


def _parse_text(text: str, label: str, url: str | None) -> _Draft:
    """Plain text: the body as it is; its first line is the headline."""
    return _Draft(raw=text)


def _parse_markdown(text: str, label: str, url: str | None) -> _Draft:
    """Markdown: as plain text, except that cleaning takes `#` and underlines off the headline."""
    return _Draft(raw=text, markdown=True)


def _parse_json(text: str, label: str, url: str | None) -> _Draft:
    """An article object with a required "text" and optional metadata fields."""
    data = _json_value(text, label=label)
    if not isinstance(data, dict):
        raise LoadError(label, 'JSON article must be an object with a "text" field')
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        raise LoadError(label, 'JSON article has no "text" string')
    return _Draft(raw=body, **_metadata_fields(data, label=label, where="JSON article"))


def _parse_html(html: str, label: str, url: str | None) -> _Draft:
    """Main text and metadata of a web page, extracted by trafilatura."""
    try:
        import trafilatura  # imported on first use: it costs ~0.16 s, and most inputs are plain text
    except ImportError as exc:  # a broken install must cost this input, not the whole comparison
        why = f"no module {exc.name}" if exc.name else (str(exc).splitlines() or ["import failed"])[0]
        raise LoadError(
            label, f"cannot read HTML, the installation is incomplete ({why}); reinstall"
        ) from None

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, config=_trafilatura_config()
    )
    body = document.text if document is not None else None
    if not body or not body.strip():
        raise LoadError(label, "no article text found in the HTML")
    paragraphs = "\n\n".join(line for line in body.split("\n") if line.strip())
    return _Draft(
        raw=paragraphs,
        title=document.title or None,
        outlet=document.sitename or None,
        byline=document.author or None,
        published=document.date or None,
        url=document.url or None,
    )


@dataclass(frozen=True, slots=True)
class InputFormat:
    """A file format articles are read from: the name endings that select it and its reader."""

    id: str
    suffixes: tuple[str, ...]
    read: Callable[[str, str, str | None], _Draft]
    """(decoded text, source label, URL or None) -> body and stated metadata; raises LoadError."""
    plain: bool = False
    """Plain text, which is read as HTML instead when it starts like a web page (saved pages named .txt)."""


_TEXT = InputFormat("text", (".txt",), _parse_text, plain=True)
_HTML = InputFormat("html", (".html", ".htm"), _parse_html)
INPUT_FORMATS: tuple[InputFormat, ...] = (
    _TEXT,
    InputFormat("markdown", (".md", ".markdown"), _parse_markdown, plain=True),
    _HTML,
    InputFormat("json", (".json",), _parse_json),
)
"""Standard input is read as text, a fetched page as HTML (or text when the server says text/plain)."""
_FORMAT_BY_SUFFIX: Mapping[str, InputFormat] = {s: f for f in INPUT_FORMATS for s in f.suffixes}
INPUT_SUFFIXES: tuple[str, ...] = tuple(_FORMAT_BY_SUFFIX)


def _json_value(text: str, *, label: str) -> object:
    """Parsed JSON, or a LoadError saying where it is malformed."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(label, f"malformed JSON: {exc}") from None
    except RecursionError:
        raise LoadError(label, "malformed JSON: nested too deeply") from None
    except ValueError:  # Python refuses to convert an integer of over 4,300 digits
        raise LoadError(label, "malformed JSON: a number of over 4,300 digits") from None


@cache
def _trafilatura_config() -> ConfigParser:
    """Trafilatura's defaults, keeping paragraph breaks on short pages and guessing no dates."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")  # the default 250 flattens short pages to one line
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # else "Copyright 2026" becomes 2026-01-01
    return config


def _metadata_fields(data: Mapping[str, object], *, label: str, where: str) -> dict[str, str]:
    """The documented metadata fields of a JSON object; strings or null, anything else is an error."""
    out: dict[str, str] = {}
    for name in METADATA_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise LoadError(label, f"{where}: field {name!r} must be a string or null")
        if value.strip():
            out[name] = " ".join(value.split())
    return out


def _read_meta(folder: Path, *, settings: Settings) -> dict[str, dict[str, str]]:
    """File name -> metadata from a folder's meta.json; {} when there is none."""
    path = folder / META_FILE
    if not _is_file(path):
        return {}
    label = str(path)
    raw = _read_bytes(path, label=label, settings=settings)
    try:
        data = _json_value(decode_bytes(raw), label=label)
    except DecodeError as exc:
        raise LoadError(label, str(exc)) from None
    articles = data.get("articles", {}) if isinstance(data, dict) else None
    if not isinstance(articles, dict) or not all(isinstance(v, dict) for v in articles.values()):
        raise LoadError(label, 'expected {"articles": {file name: {outlet, url, title, byline, published}}}')
    return {
        str(name): _metadata_fields(fields, label=label, where=f"entry {name!r}")
        for name, fields in articles.items()
    }


def _finish(draft: _Draft, *, source: str, article_id: str, meta: Mapping[str, str]) -> Article:
    """Clean the body and merge metadata: meta.json over the format's fields over the text's own lines.

    Terminal escape sequences go first, listed in `removed`: shown as symbols they would still put their
    digits among the article's facts ("31" of a colour code), and they are never part of the reporting.
    """
    raw, sequences = strip_terminal_sequences(draft.raw)
    title, _ = strip_terminal_sequences(meta.get("title") or draft.title or "")
    cleaned = clean_body(raw, title=title or None, markdown=draft.markdown)
    if not cleaned.text:
        raise LoadError(source, "no article text left after removing site furniture")

    def pick(name: str) -> str | None:
        return meta.get(name) or getattr(draft, name) or getattr(cleaned, name)

    return Article(
        id=article_id,
        source=source,
        text=cleaned.text,
        title=cleaned.title,
        outlet=pick("outlet"),
        byline=pick("byline"),
        published=pick("published"),
        url=pick("url"),
        removed=(
            *_repair_notice(draft.repaired),
            *(Removed(visible(seq), ESCAPE_REASON) for seq in sequences),
            *cleaned.removed,
        ),
    )


def _repair_notice(repaired: int) -> tuple[Removed, ...]:
    """One entry saying that stray non-UTF-8 bytes were read as cp1252, or none."""
    if not repaired:
        return ()
    return (Removed(f"{repaired} byte{'s' if repaired > 1 else ''} not valid UTF-8", REPAIR_REASON),)
