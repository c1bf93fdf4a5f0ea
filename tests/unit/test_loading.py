"""Loading files, folders and stdin into Articles: formats, encodings, metadata, ids and one-line errors."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from compare_tui.core.decoding import DecodeError, decode, decode_bytes
from compare_tui.core.loading import (
    REPAIR_REASON,
    LoadError,
    LoadResult,
    load_article,
    load_sources,
    slug,
)
from compare_tui.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "sample_data" / "zelensky-security-guarantees"
FIXTURES = ROOT / "tests" / "fixtures" / "loading"
CAFE_TEXT = (
    "Caf\u00e9 owners protest new \u20ac5 levy\n\n"
    "The mayor said: \u201cWe will not back down.\u201d"
    " Owners called it \u2018unfair\u2019 \u2013 and vowed to return."
)


@pytest.fixture(scope="module")
def seeds() -> LoadResult:
    return load_sources([SEEDS])


# --- the seed pair -------------------------------------------------------------------------------


def test_seed_folder_gives_two_articles_with_file_stem_ids(seeds: LoadResult) -> None:
    assert seeds.errors == ()
    assert [a.id for a in seeds.articles] == ["000_8a159465e6b8163d", "001_076d54ec44685f7b"]
    assert all(a.segments == () for a in seeds.articles)


@pytest.mark.parametrize(
    ("index", "furniture"),
    [
        (0, "Leave a Reply"),
        (0, "Your email address will not be published"),
        (1, "print-icon"),
        (1, "Tyler Durden's Photo"),
        (1, "Loading recommendations..."),
        (1, "Authored..."),
    ],
)
def test_seed_furniture_is_removed_and_listed(seeds: LoadResult, index: int, furniture: str) -> None:
    article = seeds.articles[index]
    assert furniture not in article.text
    assert any(furniture in r.text and r.reason.startswith("boilerplate: ") for r in article.removed)


def test_seed_metadata(seeds: LoadResult) -> None:
    a, b = seeds.articles
    assert b.byline == "Tyler Durden"
    assert "by Tyler Durden" not in b.text
    assert b.outlet == "ZeroHedge"
    assert a.outlet is None
    assert a.title == "Zelensky Says He Has No Clear Security Guarantees from Allies"
    assert (
        b.title
        == "Zelensky Complains He Hasn't Received A Clear Security Guarantee, Despite Big Talk From West"
    )


def test_seed_title_leads_text_and_body_is_kept_literally(seeds: LoadResult) -> None:
    for article in seeds.articles:
        original = Path(article.source).read_text(encoding="utf-8")
        assert article.title is not None and article.text.startswith(article.title + "\n\n")
        kept = [line for line in article.text.split("\n") if line]
        assert sorted(kept + [r.text for r in article.removed]) == sorted(
            line.strip() for line in original.splitlines() if line.strip()
        )
    assert "\u00a0" in seeds.articles[1].text  # no-break spaces are not folded


def test_explicit_seed_file_uses_sibling_meta_json() -> None:
    article = load_article(SEEDS / "001_076d54ec44685f7b.txt")
    assert article.outlet == "ZeroHedge"
    assert article.id == "001_076d54ec44685f7b"


# --- formats -------------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    article = load_article(FIXTURES / "article.html")
    assert article.title == "Allies pledge troops for Ukraine"
    assert article.byline == "Jane Doe"
    assert article.outlet == "The Daily Planet"
    assert article.published == "2026-01-09"
    assert article.url == "https://example.com/allies-pledge-troops"
    assert article.text.startswith("Allies pledge troops for Ukraine\n\nThe UK and France signed")
    assert "\u201cWe are ready,\u201d the prime minister said" in article.text
    for furniture in ("Home", "Most read", "Copyright", "Loading recommendations", "By Jane Doe"):
        assert furniture not in article.text
    assert article.text.count("Allies pledge troops for Ukraine") == 1


def test_json_fields_and_text() -> None:
    article = load_article(FIXTURES / "article.json")
    assert (article.title, article.outlet, article.byline, article.published, article.url) == (
        "Allies pledge troops for Ukraine",
        "The Daily Planet",
        "Jane Doe",
        "2026-01-09",
        "https://example.com/allies-pledge-troops",
    )
    assert article.text == (
        "Allies pledge troops for Ukraine\n\nThe UK and France signed a declaration of intent on Tuesday."
        "\n\n\u201cWe are ready,\u201d the prime minister said."
    )
    assert [r.text for r in article.removed] == ["Share this:"]


def test_json_title_leads_text_when_body_lacks_it(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "Headline", "text": "Body only."}), encoding="utf-8")
    assert load_article(path).text == "Headline\n\nBody only."


def test_json_with_bad_field_type_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Body.", "outlet": 5}), encoding="utf-8")
    with pytest.raises(LoadError, match="'outlet' must be a string or null"):
        load_article(path)


def test_json_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(LoadError, match="must be an object"):
        load_article(path)


def test_folder_with_meta_json_and_mixed_formats() -> None:
    result = load_sources([FIXTURES / "event"])
    assert result.errors == ()
    a, b = result.articles
    assert (a.id, b.id) == ("outlet-a", "outlet_b")
    assert a.outlet == "Outlet A" and a.url == "https://a.example/budget" and a.published == "2026-02-03"
    assert a.byline == "Maria Rossi"
    assert a.title == "Ministers agree on a new budget"
    assert b.outlet == "Wire Service"  # meta.json's null does not erase what the file states
    assert b.title == "Budget deal reached after marathon talks"
    assert "*twelve hours*" in b.text
    assert "Click to share" not in b.text


def test_unknown_extension_named_explicitly_is_read_as_text() -> None:
    article = load_article(FIXTURES / "event" / "notes.csv")
    assert article.text == "not an article"


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cp1252_news.txt", "utf16_bom.txt", "utf8_bom.txt"])
def test_encodings_decode_to_the_same_text(name: str) -> None:
    article = load_article(FIXTURES / name)
    assert article.text == CAFE_TEXT
    assert article.title == "Caf\u00e9 owners protest new \u20ac5 levy"


def test_cp1252_curly_quotes_decode_without_mojibake() -> None:
    data = "Zelensky said: \u201cI am asking.\u201d It\u2019s \u20ac5 \u2014 caf\u00e9.".encode("cp1252")
    assert decode_bytes(data) == "Zelensky said: \u201cI am asking.\u201d It\u2019s \u20ac5 \u2014 caf\u00e9."


def test_cyrillic_legacy_text_is_not_read_as_cp1252() -> None:
    text = "Президент Украины заявил, что союзники не дали четких гарантий безопасности."
    assert decode_bytes(text.encode("cp1251")) == text


def test_one_stray_cp1252_byte_in_utf8_is_repaired_not_mojibake() -> None:
    """A cp1252 apostrophe pasted into UTF-8 text: the rest stays UTF-8 (was: all of it read as cp1252)."""
    data = CAFE_TEXT.encode() + b" It\x92s over."
    decoded = decode(data)
    assert decoded.text == CAFE_TEXT + " It\u2019s over."
    assert decoded.repaired == 1


def test_plain_cp1252_text_is_not_taken_for_utf8_with_stray_bytes() -> None:
    decoded = decode("caf\u00e9 \u201cok\u201d \u2014 na\u00efve".encode("cp1252"))
    assert decoded.text == "caf\u00e9 \u201cok\u201d \u2014 na\u00efve"
    assert decoded.repaired == 0


def test_a_repaired_file_says_so_once_in_removed(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(CAFE_TEXT.encode() + b" It\x92s over, \x93really\x94.")
    article = load_article(path)
    assert "It\u2019s over, \u201creally\u201d." in article.text
    assert "\u00c3" not in article.text  # no mojibake of the UTF-8 part ("CafÃ©")
    notes = [r for r in article.removed if r.reason == REPAIR_REASON]
    assert [n.text for n in notes] == ["3 bytes not valid UTF-8"]


def test_utf8_wins_over_a_wrong_declared_charset() -> None:
    assert (
        decode_bytes("caf\u00e9 \u201cok\u201d".encode(), declared="iso-8859-1") == "caf\u00e9 \u201cok\u201d"
    )


def test_declared_latin1_is_read_as_cp1252() -> None:
    assert (
        decode_bytes("\u201cok\u201d \u20ac".encode("cp1252"), declared="ISO-8859-1")
        == "\u201cok\u201d \u20ac"
    )


def test_unknown_declared_charset_falls_back_to_detection() -> None:
    assert decode_bytes("caf\u00e9".encode("cp1252"), declared="no-such-codec") == "caf\u00e9"


def test_crlf_becomes_lf_and_trailing_space_goes() -> None:
    assert (
        load_article(FIXTURES / "crlf.txt").text
        == "Headline here\n\nFirst line of the body.\nSecond line.\n\nLast."
    )


@pytest.mark.parametrize("data", [b"\x00\x01\x02", b"%PDF-1.7\n...", b"a\x01\x02\x03\x04\x05\x06\x07\x08"])
def test_binary_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary file, not text"):
        decode_bytes(data)


def test_utf16_text_with_a_nul_character_is_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes("text\x00more".encode("utf-16"))


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file (only whitespace)"),
        ("image.png", "binary file, not text"),
        ("nul.txt", "binary file, not text"),
        ("undecodable.txt", "undecodable bytes"),
        ("malformed.json", "malformed JSON"),
        ("no_text.json", 'JSON article has no "text" string'),
        ("no_article.html", "no article text found in the HTML"),
        ("does-not-exist.txt", "no such file or folder"),
    ],
)
def test_bad_inputs_give_one_line_errors(name: str, reason: str) -> None:
    path = FIXTURES / name
    with pytest.raises(LoadError) as info:
        load_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {reason}")
    assert "\n" not in message
    assert info.value.source == str(path)


def test_load_error_str_is_one_line() -> None:
    err = LoadError("dir/a\nb.txt", "bad\nthing")
    assert str(err) == "dir/a b.txt: bad thing"
    assert (err.source, err.reason) == ("dir/a\nb.txt", "bad\nthing")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")

    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if Path(str(name)) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(LoadError, match="permission denied"):
        load_article(path)


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(25_000_000)  # sparse: over the 20 MB default
    reads: list[int] = []
    real_open = Path.open

    class Recording(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(-1 if size is None else size)
            return super().read(size)

    def recording_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> io.BufferedReader:
        return Recording(real_open(self, mode, buffering=0))

    monkeypatch.setattr(Path, "open", recording_open)
    with pytest.raises(LoadError, match=r"file too large \(25000000 bytes, limit 20000000\)"):
        load_article(path)
    assert reads == []


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nA body of some length.", encoding="utf-8")
    with pytest.raises(LoadError, match="file too large"):
        load_article(path, settings=Settings(max_file_bytes=10))
    assert load_article(path, settings=Settings(max_file_bytes=1000)).title == "Title"


def test_only_furniture_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("print-icon\nAdvertisement\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no article text left after removing site furniture"):
        load_article(path)


@pytest.mark.parametrize("url", ["ftp://example.com/a.txt", "file:///etc/passwd"])
def test_only_http_and_https_urls(url: str) -> None:
    with pytest.raises(LoadError, match="only http and https"):
        load_article(url)


def test_folder_passed_to_load_article_is_an_error() -> None:
    with pytest.raises(LoadError, match="is a folder"):
        load_article(FIXTURES / "event")


# --- many sources --------------------------------------------------------------------------------


def test_load_sources_keeps_going_past_bad_inputs() -> None:
    sources = [FIXTURES / "empty.txt", FIXTURES / "cp1252_news.txt", "missing.txt", FIXTURES / "image.png"]
    result = load_sources(sources)
    assert [a.id for a in result.articles] == ["cp1252_news"]
    assert [e.source for e in result.errors] == [
        str(FIXTURES / "empty.txt"),
        "missing.txt",
        str(FIXTURES / "image.png"),
    ]


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text('{"articles": {}}', encoding="utf-8")
    result = load_sources([tmp_path])
    assert result.articles == ()
    assert [str(e) for e in result.errors] == [
        f"{tmp_path}: folder has no article files (.txt, .md, .markdown, .html, .htm, .json)"
    ]


def test_folder_files_load_in_name_order_skipping_hidden_and_subfolders(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.json", ".hidden.txt"):
        body = json.dumps({"text": f"{name} body"}) if name.endswith(".json") else f"{name}\n\nBody."
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("D", encoding="utf-8")
    result = load_sources([tmp_path])
    assert [a.id for a in result.articles] == ["a", "b", "c"]


def test_bad_meta_json_is_reported_and_articles_still_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "meta.json").write_text("{broken", encoding="utf-8")
    result = load_sources([tmp_path])
    assert [a.id for a in result.articles] == ["a"]
    assert len(result.errors) == 1 and result.errors[0].source == str(tmp_path / "meta.json")
    assert "malformed JSON" in result.errors[0].reason


def test_meta_json_title_leads_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Body paragraph without a headline of its own, long enough.", encoding="utf-8"
    )
    (tmp_path / "meta.json").write_text(
        '{"articles": {"a.txt": {"title": "Given headline"}}}', encoding="utf-8"
    )
    article = load_sources([tmp_path]).articles[0]
    assert article.title == "Given headline"
    assert article.text.startswith("Given headline\n\n")


def test_duplicate_ids_get_numbered_suffixes(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Outlet A.txt").write_text(f"{folder}\n\nBody.", encoding="utf-8")
    (tmp_path / "outlet-a-2.txt").write_text("w\n\nBody.", encoding="utf-8")
    sources = [tmp_path / "outlet-a-2.txt", tmp_path / "x", tmp_path / "y", tmp_path / "z"]
    ids = [a.id for a in load_sources(sources).articles]
    assert ids == ["outlet-a-2", "outlet-a", "outlet-a-3", "outlet-a-4"]
    assert ids == [a.id for a in load_sources(sources).articles]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_8a159465e6b8163d", "000_8a159465e6b8163d"),
        ("Outlet A", "outlet-a"),
        ("Zürich  Post!", "zurich-post"),
        ("---", "article"),
        ("Le Monde (FR)", "le-monde-fr"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_stdin_text_and_html() -> None:
    html = (FIXTURES / "article.html").read_bytes()
    result = load_sources(["-"], stdin=io.BytesIO(html))
    (article,) = result.articles
    assert (article.id, article.source, article.byline) == ("stdin", "<stdin>", "Jane Doe")
    plain = load_article("-", stdin=b"Headline\r\n\r\nBody.")
    assert (plain.title, plain.text) == ("Headline", "Headline\n\nBody.")


def test_empty_stdin_is_an_error() -> None:
    with pytest.raises(LoadError, match=r"^<stdin>: empty file$"):
        load_article("-", stdin=io.BytesIO(b""))


def test_inputs_are_never_modified() -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    load_sources([FIXTURES, FIXTURES / "event", *files])
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


# --- properties ----------------------------------------------------------------------------------


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), suffix=st.sampled_from([".txt", ".md", ".html", ".json"]))
def test_any_text_file_loads_or_fails_cleanly(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            article = load_article(path)
        except LoadError as exc:
            assert "\n" not in str(exc)
        else:
            assert "\r" not in article.text
            assert article.text.strip()
            assert article.title is None or article.text.startswith(article.title)


@hypothesis_settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_fail_cleanly(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except LoadError:
            return
        assert "\r" not in article.text and "\x00" not in article.text
