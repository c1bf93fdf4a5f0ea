"""Build the many-article sample in ``sample_data/`` from one event of the ECB+ evaluation file.

compare-tui's N-way view needs a bundled example with many articles on one event. The ECB+ corpus (CC BY 3.0)
has such clusters, but its text is tokenized ("Reid 's", "`` American Pie ''", "22 , 000"), one sentence per
line, with the source URL as the first line of each ``ecbplus`` document. This script turns one event back
into readable article files: the URL goes to ``meta.json``, the headline becomes the first line, tokens are
joined the way the original prose was written, and sentences are grouped into short paragraphs.

The sample in the repository was made with:

    python scripts/make_ecb_sample.py ../shared/eval/ecbplus-dev.jsonl --event 41_ecbplus \\
        --slug sudan-bombs-yida-refugee-camp \\
        --title "Sudan accused of bombing the Yida refugee camp in South Sudan (November 2011)"

``--list`` prints the events with their article counts instead. The evaluation reads the tokenized text
directly; this detokenizer serves only the human-readable sample.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "sample_data"
ATTRIBUTION_FILE = "ATTRIBUTION"
"""No suffix on purpose: a folder's .txt and .md files are all loaded as articles."""

ATTACH_LEFT = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't"})
ATTACH_RIGHT = frozenset({"(", "[", "{", "$", "#"})
# fmt: off
CLITICS = frozenset({
    "'s", "'re", "'ve", "'ll", "'d", "'m", "'t", "’s", "’re", "’ve", "’ll", "’d", "’m", "’t",
})
SPLIT_CLITIC_ENDINGS = frozenset({"t", "s", "re", "ve", "ll", "d", "m"})
OPENING_QUOTE = {"``": '"', "“": '"', "`": "'", "‘": "'"}
CLOSING_QUOTE = {"''": '"', "”": '"', "’": "'"}
SENTENCE_PUNCTUATION = frozenset({",", ".", "?", "!", ";"})
# A spaced hyphen beside one of these is a dash in prose ("South Sudan - or Sudan - can"), not a compound.
DASH_NEIGHBOURS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "so", "if", "it", "its", "he", "she", "they", "we", "i",
    "you", "this", "that", "which", "who", "is", "was", "are", "were", "will", "would", "can", "could", "as",
    "at", "in", "on", "of", "to", "for", "with", "by", "from", "not",
})
_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
)
# fmt: on
_DATE_WORDS = "|".join([*_MONTHS, *(month.upper() for month in _MONTHS)])
DATELINE = re.compile(
    rf"\b({_DATE_WORDS})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(GMT|EST|ET|[AaPp]\.?[Mm]\.?)(\W|$)|"
    r"\b(Published|Updated|updated|PUBLISHED)\b"
)
TIME_MINUTES = re.compile(r"\d{2}([ap]m)?", re.IGNORECASE)
SHORT_LINE_WORDS = 12
PARAGRAPH_WORDS = 45
MAX_QUOTE_SENTENCES = 5
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
TENS_WORDS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


@dataclass(frozen=True)
class SampleArticle:
    """One article ready to write: file name, metadata and readable text."""

    filename: str
    outlet: str | None
    url: str | None
    text: str


def _merge_split_marks(tokens: list[str]) -> list[str]:
    """Re-join quote marks and contractions split in two by the corpus ("' '", "didn ’ t")."""
    merged: list[str] = []
    for token in tokens:
        tail = merged[-1] if merged else ""
        doubled_mark = (tail, token) in {("'", "'"), ("`", "`")}
        if doubled_mark or (tail in {"'", "’"} and token in SPLIT_CLITIC_ENDINGS):
            merged[-1] = tail + token
        else:
            merged.append(token)
    return merged


def _merge_numbers_and_abbreviations(tokens: list[str]) -> list[str]:
    """Re-join split numbers ("22 , 000", "6 . 1", "2 : 53", "11 / 10") and abbreviations ("U . N .")."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        tail = merged[-1] if merged else ""
        if token == "," and re.fullmatch(r"(\d{1,3},)*\d{1,3}", tail) and re.fullmatch(r"\d{3}", nxt):
            merged[-1] = f"{tail},{nxt}"
            i += 2
        elif token == "." and re.fullmatch(r"\d+", nxt) and re.fullmatch(r"\d{1,3}", tail):
            merged[-1] = f"{tail}.{nxt}"
            i += 2
        elif token == "." and re.fullmatch(r"\d+", nxt) and tail in {"", "(", "$"}:
            merged.append(f".{nxt}")
            i += 2
        elif token == ":" and TIME_MINUTES.fullmatch(nxt) and re.search(r"\b\d{1,2}$", tail):
            merged[-1] = f"{tail}:{nxt}"
            i += 2
        elif token == "/" and tail and nxt:
            merged[-1] = f"{tail}/{nxt}"
            i += 2
        elif (
            re.fullmatch(r"[A-Za-z]", token)
            and nxt == "."
            and (re.fullmatch(r"[A-Za-z]", after) or re.fullmatch(r"([A-Za-z]\.)+", tail))
        ):
            if re.fullmatch(r"([A-Za-z]\.)+", tail):
                merged[-1] = f"{tail}{token}."
            else:
                merged.append(f"{token}.")
            i += 2
        else:
            merged.append(token)
            i += 1
    return merged


def _merge_hyphens(tokens: list[str]) -> list[str]:
    """Close up "oil - rich", "1983 - 2005", "SPLA - N"; keep spaced dashes in prose and headline tails."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "-" and merged and i + 1 < len(tokens):
            left, right = merged[-1], tokens[i + 1]
            is_last_word = i + 2 == len(tokens)
            joinable = (
                re.fullmatch(r"[\w.']+", left) is not None
                and re.fullmatch(r"[\w.']+", right) is not None
                and left not in DASH_NEIGHBOURS
                and right not in DASH_NEIGHBOURS
                and (right not in NUMBER_WORDS or left.lower() in TENS_WORDS)  # "moments - two landed"
                and ":" not in right
                and not is_last_word
            )
            if joinable:
                merged[-1] = f"{left}-{right}"
                i += 2
                continue
        merged.append(token)
        i += 1
    return merged


def detokenize(line: str) -> str:
    """Turn one tokenized ECB+ line back into ordinary prose spacing and punctuation."""
    tokens = _merge_hyphens(_merge_numbers_and_abbreviations(_merge_split_marks(line.split())))
    pieces: list[str] = []
    glue_next = False
    double_quotes = 0
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        is_last = index == len(tokens) - 1
        glue = glue_next or not pieces
        glue_next = False
        if token == '"':
            closing = bool(pieces) and (is_last or double_quotes % 2 == 1 or previous in SENTENCE_PUNCTUATION)
            glue = glue or closing
            glue_next = not closing
        elif token in OPENING_QUOTE:
            token = OPENING_QUOTE[token]
            glue_next = True
        elif token in CLOSING_QUOTE:
            token = CLOSING_QUOTE[token]
            glue = True
        elif token == "'" or token in ATTACH_LEFT or token in CLITICS:  # lone "'": "players '" or closing
            glue = True
        elif token in ATTACH_RIGHT:
            glue_next = True
        double_quotes += token.count('"')
        pieces.append(token if glue else f" {token}")
    return "".join(pieces).strip()


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’ ").endswith((".", "!", "?", ":", ";", ","))


def is_short_line(line: str) -> bool:
    """A headline, sub-heading or dateline: short and without closing sentence punctuation."""
    return len(line.split()) <= SHORT_LINE_WORDS and not _ends_sentence(line)


def is_dateline(line: str) -> bool:
    """A line such as "11 November 2011 Last updated at 12:41 GMT" or "Published: November 10, 2011"."""
    return len(line.split()) <= SHORT_LINE_WORDS and DATELINE.search(line) is not None


def split_source(lines: Sequence[str]) -> tuple[str | None, list[str]]:
    """Separate an ECB+ document's URL line (if any) from its text lines."""
    if lines and lines[0].replace(" ", "").startswith(("http://", "https://")):
        return lines[0].replace(" ", ""), list(lines[1:])
    return None, list(lines)


def headline_first(lines: list[str]) -> list[str]:
    """Put the headline first when the document opens with a dateline followed by a headline."""
    if len(lines) >= 2 and is_dateline(lines[0]) and is_short_line(lines[1]) and not is_dateline(lines[1]):
        return [lines[1], lines[0], *lines[2:]]
    return lines


def paragraphs(sentences: Sequence[str]) -> list[str]:
    """Group sentences into paragraphs of one to three; short lines stand alone; a quotation is not split."""
    result: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        quote_open = " ".join(current).count('"') % 2 == 1
        if is_short_line(sentence) and not quote_open:
            if current:
                result.append(" ".join(current))
            result.append(sentence)
            current = []
            continue
        current.append(sentence)
        text = " ".join(current)
        full = len(current) >= 3 or (len(current) >= 2 and len(text.split()) >= 25)
        quote_closed = text.count('"') % 2 == 0 or len(current) >= MAX_QUOTE_SENTENCES  # sources drop some
        if (full or len(text.split()) >= PARAGRAPH_WORDS) and quote_closed:
            result.append(text)
            current = []
    if current:
        result.append(" ".join(current))
    return result


def build_article(article: dict) -> SampleArticle:
    """Turn one article record of the evaluation file into a readable sample article."""
    url, lines = split_source([line for line in article["text"].split("\n") if line.strip()])
    readable = headline_first([detokenize(line) for line in lines])
    title, body = (readable[0], readable[1:]) if readable and is_short_line(readable[0]) else ("", readable)
    blocks = ([title] if title else []) + paragraphs(body)
    return SampleArticle(
        filename=f"{article['id']}.txt",
        outlet=article.get("outlet"),
        url=url,
        text="\n\n".join(blocks) + "\n",
    )


def _source_line(article: SampleArticle) -> str:
    line = f"- `{article.filename}`: {article.outlet or 'outlet unknown'}"
    return f"{line} <{article.url}>" if article.url else line


def attribution(event_id: str, articles: Sequence[SampleArticle]) -> str:
    """Return the CC BY 3.0 attribution and list of changes for the sample folder."""
    sources = "\n".join(_source_line(article) for article in articles)
    return f"""# Attribution

The articles in this folder come from the **ECB+ corpus, Cybulska & Vossen (LREC 2014), NewsReader project,
CC BY 3.0**: Agata Cybulska and Piek Vossen, "Using a sledgehammer to crack a nut? Lexical diversity and
event coreference resolution", LREC 2014 (an extension of the EventCorefBank, Bejan & Harabagiu 2010).
Documents from github.com/cltl/ECB-parser (`ECB+/`), event `{event_id}`.

License: Creative Commons Attribution 3.0 Unported, https://creativecommons.org/licenses/by/3.0/

The original articles were published by the outlets below, at the addresses recorded in the corpus:

{sources}

## Changes made

- Converted to JSON lines with the corpus tokens joined by spaces (compare-tui's evaluation file), and a
  derived sentence-alignment layer added there (not copied here).
- With `scripts/make_ecb_sample.py`: one text file per document; the source URL line removed from the text
  (kept in `meta.json`); tokens joined back into ordinary spacing and punctuation ("Sudan 's" -> "Sudan's",
  "22 , 000" -> "22,000", "2 : 53 p . m ." -> "2:53 p.m.", "oil - rich" -> "oil-rich", quotes and brackets
  closed up); where a document opens with a dateline, the headline that follows it is put first; consecutive
  sentences grouped into paragraphs. No words were added, removed or reworded.
"""


def write_sample(event: dict, out: Path, *, title: str) -> list[SampleArticle]:
    """Write the event's articles, meta.json and ATTRIBUTION into ``out``; return the articles written."""
    articles = [build_article(article) for article in event["articles"]]
    out.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (out / article.filename).write_text(article.text, encoding="utf-8")
    entries = {article.filename: {"outlet": article.outlet, "url": article.url} for article in articles}
    meta = {"event": title, "articles": entries}
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / ATTRIBUTION_FILE).write_text(attribution(event["event_id"], articles), encoding="utf-8")
    return articles


def read_events(path: Path) -> list[dict]:
    """Read every event record of the JSON-lines evaluation file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def list_events(events: Sequence[dict]) -> None:
    """Print each event with its article count, how many outlets are known, and its first headline."""
    for event in events:
        articles = event["articles"]
        first = build_article(articles[0]).text.split("\n", 1)[0]
        known = sum(article.get("outlet") is not None for article in articles)
        print(f"{event['event_id']:>12}  {len(articles):>2} articles  {known:>2} outlets  {first[:70]}")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and either list the events or write one of them as a sample folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, help="path to ecbplus-dev.jsonl")
    parser.add_argument("--list", action="store_true", help="list events with their article counts and stop")
    parser.add_argument("--event", help="event_id to write, e.g. 41_ecbplus")
    parser.add_argument("--slug", help="folder name under the output directory")
    parser.add_argument("--title", help="one-line description of the event for meta.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output root (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)

    try:
        events = read_events(args.jsonl)
    except (OSError, ValueError) as error:
        print(f"{args.jsonl}: cannot read events ({error})", file=sys.stderr)
        return 2
    if args.list:
        list_events(events)
        return 0
    if not (args.event and args.slug and args.title):
        parser.error("--event, --slug and --title are required unless --list is given")
    chosen = [event for event in events if event["event_id"] == args.event]
    if not chosen:
        print(f"{args.jsonl}: no event {args.event!r}", file=sys.stderr)
        return 2
    articles = write_sample(chosen[0], args.out / args.slug, title=args.title)
    print(f"wrote {len(articles)} articles to {args.out / args.slug}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
