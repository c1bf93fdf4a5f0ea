"""Separating an article's body from what a web page wraps around it.

Copied and scraped articles carry site furniture ("print-icon", "Leave a Reply", "Loading
recommendations...") and header lines that are metadata, not reporting ("by Tyler Durden",
"Source: Reuters"). Both would be compared as if they were text. Here whole lines are matched against
a data-driven list of named patterns; nothing is dropped silently: every removed line is returned with
its reason. Patterns match a whole line only, so a real sentence that merely starts like furniture
("Advertisement revenue fell 4%.") is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare_tui.core.datelines import is_publication_line
from compare_tui.core.models import Removed

METADATA_REASON = "metadata"
MAX_TITLE_WORDS = 40
"""A first line longer than this is a paragraph, not a headline."""
SHORT_SENTENCE_WORDS = 12
"""A first line ending in a full stop is a headline only when shorter than this; longer, it is a lede."""
HEADER_LINES = 3
"""An unlabelled byline ("by Jane Doe") is recognised only among the first few content lines."""
_MAX_FURNITURE_CHARS = 400


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    """A named regular expression that a whole line of site furniture matches."""

    name: str
    regex: re.Pattern[str]


def furniture(name: str, regex: str, *, ignore_case: bool = True) -> FurniturePattern:
    """Build a pattern matched against a stripped line as a whole."""
    return FurniturePattern(name=name, regex=re.compile(regex, re.IGNORECASE if ignore_case else 0))


FURNITURE: tuple[FurniturePattern, ...] = (
    furniture("print icon", r"print[- ]?icon|print(?: this)?(?: article| page| story)?"),
    furniture(
        "comment form",
        r"leave a (?:reply|comment)|post a comment|add a comment|cancel reply|comments?(?: \(\d+\))?"
        r"|(?:\d+|no) comments?|(?:view|show|load|read)(?: all)?(?: \d+)? comments?"
        r"|join the (?:conversation|discussion)",
    ),
    furniture(
        "comment form notice",
        r"your email address will not be published\.?(?:\s*required fields are marked \*)?"
        r"|required fields are marked \*|save my name, email, and website in this browser.{0,80}",
    ),
    furniture("loading placeholder", r"loading(?:\s+[\w ]{1,40}?)?\s*(?:\.\.\.|…)"),
    furniture(
        "author photo",
        r"[A-ZÀ-Þ][\w.'’ -]{0,60}['’]s?\s+(?i:photo|avatar|picture|profile (?:photo|picture)|headshot)",
        ignore_case=False,
    ),
    furniture("truncated byline", r"(?:authored|written|posted|contributed)(?: by)?\s*(?:\.\.\.|…)"),
    furniture(
        "share buttons",
        r"share(?: this(?: article| story| post| page)?)?(?: on| via)?\s*:?"
        r"|click to (?:share|email|print|tweet)\b.{0,80}"
        r"|share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|reddit|email|telegram|bluesky)\b.{0,40}"
        r"|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|email|tweet|copy link|bluesky",
    ),
    furniture(
        "advertisement",
        r"advertisement|advertising|sponsored(?: content)?|ad"
        r"|(?:story|article) continues below(?: (?:this )?advertisement)?"
        r"|scroll to continue(?: with content)?",
    ),
    furniture("newsletter", r"(?:subscribe|sign up)\b.{0,60}\bnewsletters?\b.{0,80}"),
    furniture(
        "related links",
        r"(?:related(?: (?:stories|articles|coverage|posts|content|reading|topics))?|read more|read also"
        r"|also read|see also|more on this (?:story|topic)|recommended(?: for you| stories)?"
        r"|you (?:may|might) also like|most read|most popular|trending(?: now)?)\s*(?::.{0,150})?",
    ),
    furniture(
        "cookie notice",
        r"(?:this (?:web)?site|we|our (?:web)?site) uses? cookies\b.{0,300}?"
        r"\b(?:experience|consent|agree|accept|continu\w*|browsing|privacy|cookie policy)\b.{0,200}"
        r"|(?:accept|reject|allow)(?: all)? cookies|cookie (?:policy|settings|preferences|consent)"
        r"|manage (?:cookies|cookie settings)",
    ),
    furniture("reading time", r"\d+\s*min(?:ute)?s?\.? read|listen to (?:this )?(?:article|story)\b.{0,30}"),
    furniture("copyright", r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,150}"),
    furniture(
        "navigation",
        r"skip to (?:main )?content|back to top|home|menu|main menu|search|sign in|log in|subscribe"
        r"|toggle navigation",
    ),
)

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"[{_UPPER}][\w'’.-]*"
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|al|bin|ibn)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE}))*"
_BYLINE = re.compile(
    rf"(?i:by|written by|authored by|words by)\s+(?P<names>{_NAME}(?:(?:\s*[,&]\s*|\s+and\s+){_NAME})*)"
    r"(?:\s+(?i:via)\s+\S.{0,60})?"
)
_LABELLED = re.compile(r"(?P<label>[A-Za-z]+)(?:\s+(?:on|at))?\s*:\s*(?P<value>\S.*)")
_DATE_LABEL = re.compile(r"^(?i:(?:published|posted|updated|dated)(?:\s+(?:on|at))?\s*:?|on)\s+")
"""A leading label of an unlabelled-looking timestamp line ("on Nov 10, 2011"), dropped from the value."""
_LABELS = {
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "author": "byline",
    "byline": "byline",
    "by": "byline",
    "published": "published",
    "date": "published",
    "url": "url",
}
_MAX_METADATA_WORDS = 8
_MAX_METADATA_CHARS = 160
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(?P<text>.*?)(?:\s+#+)?")
_MARKDOWN_UNDERLINE = re.compile(r"=+|-+")


@dataclass(frozen=True, slots=True)
class CleanBody:
    """Article text with furniture removed, plus the metadata found in its own lines."""

    text: str
    title: str | None
    byline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    removed: tuple[Removed, ...]


def furniture_name(line: str, *, patterns: tuple[FurniturePattern, ...] = FURNITURE) -> str | None:
    """The name of the furniture pattern the whole line matches, or None for real text."""
    stripped = line.strip()
    if len(stripped) > _MAX_FURNITURE_CHARS:
        return None
    return next((p.name for p in patterns if p.regex.fullmatch(stripped)), None)


def metadata_line(line: str, *, in_header: bool) -> tuple[str, str] | None:
    """(field, value) when the line states a byline, outlet, date or URL rather than reporting."""
    stripped = line.strip()
    if len(stripped) > _MAX_METADATA_CHARS:
        return None
    if in_header and (match := _BYLINE.fullmatch(stripped)):
        names = match.group("names")
        if len(names.split()) <= _MAX_METADATA_WORDS:
            return "byline", names
    match = _LABELLED.fullmatch(stripped)
    if not match or (field := _LABELS.get(match.group("label").lower())) is None:
        # A header line that is only a timestamp ("Thu Nov 10, 2011 3:00pm EST") is the publication date.
        if in_header and any(c.isdigit() for c in stripped) and is_publication_line(stripped):
            return "published", _DATE_LABEL.sub("", stripped, count=1)
        return None
    value = match.group("value").strip()
    if field == "url":
        return ("url", value) if re.fullmatch(r"https?://\S+", value) else None
    if len(value.split()) > _MAX_METADATA_WORDS or value[-1] in ".!?;:,":
        return None
    if field == "published" and not any(c.isdigit() for c in value):
        return None
    return field, value


def clean_body(
    raw: str,
    *,
    title: str | None = None,
    markdown: bool = False,
    patterns: tuple[FurniturePattern, ...] = FURNITURE,
) -> CleanBody:
    """Drop furniture and metadata lines; the title (given or the first line) leads the text as its own line.

    Line endings become "\\n", trailing whitespace is stripped per line, paragraphs are separated by
    exactly one blank line; every other character is kept as it was.
    """
    known_title = " ".join(title.split()) if title else None
    found: dict[str, str] = {}
    removed: list[Removed] = []
    paragraphs: list[list[str]] = []
    current: list[str] = []
    first_line: str | None = None
    content_lines = 0
    after_title = False

    lines = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff").split("\n")
    for line in (line.rstrip() for line in lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
                current = []
            continue
        if (name := furniture_name(stripped, patterns=patterns)) is not None:
            removed.append(Removed(text=stripped, reason=f"boilerplate: {name}"))
            continue
        if (meta := metadata_line(stripped, in_header=content_lines < HEADER_LINES)) is not None:
            found.setdefault(*meta)
            removed.append(Removed(text=stripped, reason=METADATA_REASON))
            continue
        if markdown and after_title and _MARKDOWN_UNDERLINE.fullmatch(stripped):
            removed.append(Removed(text=stripped, reason="markup: heading underline"))
            after_title = False
            continue
        after_title = False
        content_lines += 1
        if content_lines == 1:
            heading = _heading_text(stripped, markdown=markdown)
            if known_title is not None and _same_title(heading, known_title):
                after_title = True
                continue
            if known_title is None and looks_like_headline(heading):
                first_line = heading
                after_title = True
                continue
        current.append(line)
    if current:
        paragraphs.append(current)

    head = known_title or first_line
    body = "\n\n".join("\n".join(p) for p in paragraphs)
    text = "\n\n".join(part for part in (head, body) if part)
    return CleanBody(
        text=text,
        title=head,
        byline=found.get("byline"),
        outlet=found.get("outlet"),
        published=found.get("published"),
        url=found.get("url"),
        removed=tuple(removed),
    )


_DATELINE_LEDE = re.compile(r"[A-Z][A-Z.'’ ,-]{2,}(?:\s*\([^)]{1,40}\))?\s*[-–—:]\s")
"""A lede's opening dateline: "LOUISVILLE - ", "WASHINGTON (Reuters) — ", "KYIV, Ukraine: "."""
_SENTENCE_END = re.compile(r"[.;][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")


def looks_like_headline(line: str) -> bool:
    """Whether a text file's first line is a headline rather than the lede.

    A lede opens with a dateline ("LOUISVILLE - Dan Johnson posted…"), runs over several sentences, or is
    a long sentence closed by a full stop; a headline is short and usually has no final full stop.
    """
    words = len(line.split())
    if words > MAX_TITLE_WORDS or _DATELINE_LEDE.match(line):
        return False
    if _SENTENCE_END.search(line) and words >= SHORT_SENTENCE_WORDS:
        return False
    return len(_SENTENCE_BREAK.findall(line)) < 2


def _heading_text(line: str, *, markdown: bool) -> str:
    """A headline line without markdown heading markers."""
    if markdown and (match := _MARKDOWN_HEADING.fullmatch(line)):
        return match.group("text").strip() or line
    return line


def _same_title(line: str, title: str) -> bool:
    """Whether a body line repeats the known headline (ignoring case and spacing)."""
    return " ".join(line.split()).casefold() == title.casefold()
