"""Fetching an article page over http(s) with the standard library, bounded in time and size.

Only http and https are allowed, also across redirects (urllib alone would follow a redirect to ftp).
Every failure becomes a FetchError with a one-line reason, so a dead link never shows a traceback. The
timeout (`url_timeout`) is one deadline for the whole response, not a limit per read.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from compare_tui.core.version import __version__

ALLOWED_SCHEMES = frozenset({"http", "https"})
TEXT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_USER_AGENT = f"compare-tui/{__version__} (+https://pypi.org/project/compare-tui/)"

if TYPE_CHECKING:
    from email.message import Message


class FetchError(Exception):
    """A page that could not be fetched; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """The body of a fetched page with what its headers say about it."""

    url: str
    body: bytes
    content_type: str
    charset: str | None


def url_scheme(source: str) -> str | None:
    """The scheme of a source written as a URL ("https"), or None for anything else."""
    match = _SCHEME.match(source)
    return match.group(1).lower() if match else None


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """Download one http(s) page, refusing other schemes, error statuses, non-text and oversize bodies."""
    if url_scheme(url) not in ALLOWED_SCHEMES:
        raise FetchError("only http:// and https:// URLs are supported")
    host = urlsplit(url).hostname or ""
    if not host:
        raise FetchError("URL has no host name")
    # The http stack is imported here, not at start-up: most inputs are files.
    import http.client
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(_http_only_redirects())
    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html, text/plain"}
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if headers.get("Content-Type") and content_type not in TEXT_TYPES:
                raise FetchError(f"not an HTML or text page (Content-Type {content_type})")
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"page too large ({int(declared)} bytes, limit {max_bytes})")
            body = _read_body(response, max_bytes=max_bytes, deadline=deadline, timeout=timeout)
            if len(body) > max_bytes:
                raise FetchError(f"page too large (over the limit of {max_bytes} bytes)")
            return Fetched(
                url=response.geturl(),
                body=body,
                content_type=content_type,
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP error {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise FetchError(_network_reason(exc.reason, host=host, timeout=timeout)) from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s (url_timeout, for the whole page)") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(f"cannot fetch: {exc}") from None


def _read_body(response: Any, *, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """At most max_bytes + 1 bytes of the body, all of it by `deadline`: a server dripping one byte a second
    is cut off at the deadline, not read for hours (the socket's own timeout counts per read only)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if sock is not None:
            sock.settimeout(left)
        chunk = response.read1(min(65536, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _network_reason(reason: object, *, host: str, timeout: float) -> str:
    """One line for a URLError's underlying cause."""
    import socket

    if isinstance(reason, socket.gaierror):
        return f"cannot resolve host {host!r}"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, OSError):
        return f"cannot connect to {host}: {reason.strerror or reason}"
    return f"cannot fetch: {reason}"


def _http_only_redirects() -> object:
    """A redirect handler that follows redirects only to http and https URLs."""
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            """Refuse a redirect that leaves http(s)."""
            if url_scheme(newurl) not in ALLOWED_SCHEMES:
                raise FetchError(f"redirected to a non-http(s) URL: {newurl}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return HttpOnlyRedirects()
