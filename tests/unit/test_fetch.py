"""Fetching pages over http(s) against a local server on 127.0.0.1 only: success and every failure."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from compare_tui.core.fetch import FetchError, fetch, url_scheme
from compare_tui.core.loading import LoadError, load_article, load_sources
from compare_tui.core.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"
ARTICLE_HTML = (FIXTURES / "article.html").read_bytes()
CP1252_TEXT = "Headline\n\n\u201cQuoted,\u201d she said \u2013 caf\u00e9.".encode("cp1252")

# path -> (status, headers, body); "slow" sleeps before answering.
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/news/allies-pledge.html": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML),
    "/plain.txt": (200, {"Content-Type": "text/plain; charset=windows-1252"}, CP1252_TEXT),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/empty.html": (200, {"Content-Type": "text/html"}, b""),
    "/scripts.html": (200, {"Content-Type": "text/html"}, (FIXTURES / "no_article.html").read_bytes()),
    "/big.html": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>"),
    "/redirect": (302, {"Location": "/news/allies-pledge.html"}, b""),
    "/redirect-ftp": (302, {"Location": "ftp://127.0.0.1/file.txt"}, b""),
    "/slow": (200, {"Content-Type": "text/html"}, ARTICLE_HTML),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/drip":  # 400 bytes, one every 50 ms: every read is quick, the page takes 20 s
            self._drip(400, every=0.05)
            return
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (timeout and size-limit tests)

    def _drip(self, size: int, *, every: float) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            for _ in range(size):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(every)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_scheme() -> None:
    assert url_scheme("HTTPS://example.com") == "https"
    assert url_scheme("ftp://x") == "ftp"
    assert url_scheme("notes/http://x.txt") is None
    assert url_scheme("C:\\news\\a.txt") is None


def test_page_is_fetched_and_extracted(server: str) -> None:
    url = f"{server}/news/allies-pledge.html"
    article = load_article(url)
    assert article.id == "allies-pledge"
    assert article.source == url and article.url == url
    assert article.title == "Allies pledge troops for Ukraine"
    assert article.byline == "Jane Doe"
    assert "The UK and France signed a declaration" in article.text


def test_plain_text_page_uses_the_declared_charset(server: str) -> None:
    article = load_article(f"{server}/plain.txt")
    assert article.text == "Headline\n\n\u201cQuoted,\u201d she said \u2013 caf\u00e9."


def test_redirect_within_http_is_followed(server: str) -> None:
    page = fetch(f"{server}/redirect", timeout=5, max_bytes=1_000_000)
    assert page.url.endswith("/news/allies-pledge.html")
    assert page.content_type == "text/html" and page.charset == "utf-8"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP error 404 Not Found"),
        ("/image.png", "not an HTML or text page (Content-Type image/png)"),
        ("/big.html", "page too large (5007 bytes, limit 1000)"),
        ("/redirect-ftp", "redirected to a non-http(s) URL: ftp://127.0.0.1/file.txt"),
        ("/empty.html", "empty page"),
        ("/scripts.html", "no article text found in the HTML"),
    ],
)
def test_page_failures_are_one_line_errors(server: str, path: str, reason: str) -> None:
    url = f"{server}{path}"
    with pytest.raises(LoadError) as info:
        load_article(url, settings=Settings(max_file_bytes=1000))
    assert str(info.value) == f"{url}: {reason}"


def test_timeout(server: str) -> None:
    with pytest.raises(FetchError, match=r"timed out after 0.2 s"):
        fetch(f"{server}/slow", timeout=0.2, max_bytes=1_000_000)


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="connection refused by 127.0.0.1"):
        fetch(f"http://127.0.0.1:{port}/", timeout=5, max_bytes=1000)


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match="cannot resolve host 'news.example'"):
        fetch("http://news.example/a", timeout=5, max_bytes=1000)


def test_non_http_scheme_is_refused_before_any_connection() -> None:
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch("ftp://127.0.0.1/a", timeout=5, max_bytes=1000)


def test_url_errors_do_not_stop_other_sources(server: str) -> None:
    result = load_sources(
        [f"{server}/missing", f"{server}/news/allies-pledge.html", FIXTURES / "article.json"]
    )
    assert [a.id for a in result.articles] == ["allies-pledge", "article"]
    assert [e.reason for e in result.errors] == ["HTTP error 404 Not Found"]


def test_one_deadline_for_the_whole_page(server: str) -> None:
    with pytest.raises(FetchError, match=r"^timed out after 0.5 s"):
        fetch(f"{server}/drip", timeout=0.5, max_bytes=1_000_000)
