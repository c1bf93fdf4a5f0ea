"""`compare-tui report` prints server-controlled text and file names on stderr: one line each, escape and
control characters shown as symbols, long values cut."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from compare_tui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"
HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\\x1b[2J\x07[/][link=x]y[@click=app.quit]"


class _Hostile(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404, HOSTILE + "z" * 5000)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/page.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_hostile_reason_phrase_and_file_name(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / ("bad" + HOSTILE.replace("/", "|") + ".txt")
    bad.write_bytes(b"")
    code = main(
        ["report", "--quiet", str(FIXTURES / "crlf.txt"), server, str(bad), "-o", str(tmp_path / "r.json")]
    )
    err = capsys.readouterr().err
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("compare-tui: ") for line in lines)
    assert not any(c in err for c in "\x1b\x07\x9b\x9d")
    assert "␛]52;c;cHduZWQ=␇" in lines[0] and "HTTP error 404" in lines[0]
    assert len(lines[0]) <= 520 and lines[0].endswith("…")
    assert "[|][link=x]y[@click=app.quit].txt: empty file" in lines[1]
