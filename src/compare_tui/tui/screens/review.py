"""The review screen: runs the core in a thread, keeps the reviewer's place, and maps keys to view changes.

The screen holds only viewing state (mode, folding, hidden articles, highlight toggles, the cursor); which
rows to show, where findings are and in what order to visit them come from `compare_tui.core.view`.

It starts at once: the articles are shown as soon as they are read (`core.preview`) and the alignment fills
in when the core is done, while the keys already work. The core runs in a daemon thread, not a Textual
worker, so that quitting never waits for an alignment nobody will see; the screens and the core modules the
first frame does not need are imported by that thread after the comparison, not at start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from importlib import import_module
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from compare_tui.core.finding_types import FINDING_TYPES, FindingType
from compare_tui.core.labels import article_labels, article_numbers
from compare_tui.core.models import Article, Finding
from compare_tui.core.preview import carry_from_preview, preview_grid
from compare_tui.core.safe_text import visible
from compare_tui.core.settings import Settings
from compare_tui.core.view import (
    Cursor,
    Fold,
    Grid,
    Mode,
    SearchHit,
    Stop,
    build_grid,
    carry_cursor,
    finding_counts,
    finding_stops,
    folded_count,
    headline_cells,
    hit_spans,
    locate_finding,
    next_unique,
    row_id_at,
    selectable,
    shown_rows,
    step_stop,
    step_within,
    wrapped,
)
from compare_tui.tui.highlights import HIGHLIGHT_BY_TYPE, HIGHLIGHTS
from compare_tui.tui.messages import ArticlesLoaded, CellClicked, ComparisonFailed, ComparisonFinished
from compare_tui.tui.screens.correcting import CorrectingScreen
from compare_tui.tui.screens.triage import TriageScreen
from compare_tui.tui.widgets.grid import ComparisonGrid, GridView
from compare_tui.tui.widgets.headlines import HeadlineStrip
from compare_tui.tui.widgets.legend import Legend
from compare_tui.tui.widgets.status import Status, StatusLine

if TYPE_CHECKING:
    from compare_tui.core.comparison import Comparison
    from compare_tui.core.loading import LoadError, LoadResult
    from compare_tui.core.pair import PairView
    from compare_tui.core.pipeline import CompareOutcome
    from compare_tui.core.row_details import FactPresence

CompareFunction = Callable[..., "CompareOutcome"]
"""Called as `compare(articles, settings=settings)` with loaded `Article`s, like `core.pipeline.compare_sources`."""
LoadFunction = Callable[..., "LoadResult"]
"""Called as `load(sources, settings=settings)`, like `core.loading.load_sources`."""

FIRST_FRAME_WAIT = 1.0
"""Seconds the core waits for the first frame to be drawn before it starts its heavy imports, which would
otherwise compete with that frame for the interpreter."""
LATER_MODULES = (
    "compare_tui.core.row_details",
    "compare_tui.core.export",
    "compare_tui.tui.screens.details",
    "compare_tui.tui.screens.ledger",
    "compare_tui.core.scorecard",
    "compare_tui.tui.screens.scorecard",
    "compare_tui.tui.screens.search",
    "compare_tui.tui.screens.reference",
    "compare_tui.tui.screens.articles",
    "compare_tui.tui.screens.help",
    "compare_tui.tui.screens.export",
    "compare_tui.tui.screens.note",
)
"""What keys open later: imported by the core's thread once the comparison is delivered, not at start-up."""

THRESHOLD_STEP = 0.05
SHORT_SCREEN = 30
"""Below this many lines the title bar is hidden and the headline strip starts folded away."""
NAVIGATE = Binding.Group("navigate")
VIEW = Binding.Group("view")
ARTICLES = Binding.Group("articles")
ALIGNMENT = Binding.Group("alignment")
HIGHLIGHT = Binding.Group("highlights")


def _bindings() -> list[Binding]:
    nav = [
        Binding("down,j", "step_row(1)", "Next row", id="cursor_down", group=NAVIGATE),
        Binding("up,k", "step_row(-1)", "Previous row", id="cursor_up", group=NAVIGATE),
        Binding(
            "n,right_square_bracket", "step_finding(1)", "Next finding", id="next_finding", group=NAVIGATE
        ),
        Binding(
            "N,left_square_bracket",
            "step_finding(-1)",
            "Previous finding",
            id="previous_finding",
            group=NAVIGATE,
        ),
        Binding("u", "next_unique", "Next unique passage", id="next_unique", group=NAVIGATE),
        Binding("tab", "step_column(1)", "Next column", id="next_column", group=NAVIGATE),
        Binding("shift+tab", "step_column(-1)", "Previous column", id="previous_column", group=NAVIGATE),
        Binding("home,g", "first_row", "First row", id="first_row", group=NAVIGATE),
        Binding("end,G", "last_row", "Last row", id="last_row", group=NAVIGATE),
        Binding("slash", "search", "Search all articles", id="search", group=NAVIGATE),
        Binding("enter", "details", "Details of the row", id="details", group=VIEW),
        Binding("o", "ledger", "Omission ledger", id="ledger", group=VIEW),
        Binding("b", "scorecard", "Per-outlet scorecard", id="scorecard", group=VIEW),
        Binding("f", "fold", "Fold rows without differences", id="fold", group=VIEW),
        Binding("D", "focus_pair", "Focus on two articles / back to all", id="focus_pair", group=VIEW),
        Binding("t", "toggle_headlines", "Show/hide the headline strip", id="headlines", group=VIEW),
        Binding("m", "mode", "Aligned / reading order", id="mode", group=VIEW),
        Binding("question_mark", "help", "Keys", id="help", group=VIEW),
        Binding("r", "pick_reference", "Pick the reference article", id="reference", group=ARTICLES),
        Binding(
            "plus,equals_sign",
            "threshold(1)",
            "Raise the match threshold",
            id="threshold_up",
            group=ALIGNMENT,
        ),
        Binding("minus", "threshold(-1)", "Lower the match threshold", id="threshold_down", group=ALIGNMENT),
    ]
    articles = [
        Binding(
            str(n), f"toggle_article({n})", f"Show/hide article {n}", id=f"toggle_article_{n}", group=ARTICLES
        )
        for n in range(1, 10)
    ]
    articles.append(
        Binding("h", "pick_articles", "Show/hide any article (a list)", id="pick_articles", group=ARTICLES)
    )
    highlights = [
        Binding(
            h.letter,
            f"toggle_highlight('{h.id}')",
            f"Toggle {h.label.lower()}",
            id=f"toggle_{h.id}",
            group=HIGHLIGHT,
        )
        for h in HIGHLIGHTS
    ]
    return nav + articles + highlights


class ReviewScreen(CorrectingScreen):
    """Articles side by side with their findings, driven from the keyboard."""

    BINDINGS = _bindings()

    def __init__(
        self, sources: Sequence[object], *, settings: Settings, compare: CompareFunction, load: LoadFunction
    ) -> None:
        super().__init__()
        self.sources = tuple(sources)
        self._settings = settings
        self._compare = compare
        self._load = load
        self._loaded: LoadResult | None = None
        """The articles as read and the load errors; the core re-aligns these, it never reads twice."""
        self._run = 0
        """Number of the latest core run: results of older runs (superseded by a re-align) are dropped."""
        self.first_frame = threading.Event()
        """Set right after the first frame with the articles' text is drawn; the core's thread waits for it
        before its heavy imports (benchmarks time the first frame by it)."""
        self._preview: Grid | None = None
        """The articles as read, shown until the comparison arrives."""
        self.comparison: Comparison | None = None
        """The comparison on screen; None until the first worker finished."""
        self.outcome: CompareOutcome | None = None
        """What the last worker delivered (comparison and load errors); None while the first one runs."""
        self.cursor: Cursor | None = None
        """The reviewer's place: screen row, article column and finding."""
        self.mode: Mode = "aligned"
        self.folded = False
        self.hidden: set[str] = set()
        self.types: set[FindingType] = set(FINDING_TYPES)
        self.threshold = settings.match_threshold
        self.reference = settings.reference
        self._grids: dict[Mode, Grid] = {}
        self._search: tuple[str, tuple[SearchHit, ...]] = ("", ())
        self._stops_for: tuple[Grid | None, object, tuple[Stop, ...]] = (None, None, ())
        self._strip_shown: bool | None = None
        """The reviewer's choice for the headline strip (t); None follows the screen's height."""
        self.pair: tuple[str, str] | None = None
        """Focus on two: the two articles side by side (None: every shown article)."""
        self._hidden_before_pair: set[str] = set()
        self._pair_cache: tuple[object, PairView] | None = None

    @property
    def input_errors(self) -> tuple[LoadError, ...]:
        """The inputs that could not be read so far (the app's exit code is 2 when there are any)."""
        if self.outcome is not None:
            return tuple(self.outcome.errors)
        return tuple(self._loaded.errors) if self._loaded is not None else ()

    def compose(self) -> ComposeResult:
        yield Header(icon="#")
        yield HeadlineStrip(id="headlines")
        yield ComparisonGrid(id="grid")
        yield Legend(id="legend")
        yield StatusLine(id="status")

    def on_resize(self) -> None:
        """On a short terminal the title bar goes and the headline strip starts folded away (the column
        headers carry the headlines), so that whole rows fit; the strip is never over a quarter high."""
        short = self.size.height < SHORT_SCREEN
        self.query_one(Header).display = not short
        strip = self.query_one(HeadlineStrip)
        strip.display = self._strip_shown if self._strip_shown is not None else not short
        strip.refresh(layout=True)

    def on_mount(self) -> None:
        self.query_one(ComparisonGrid).focus()
        self._start_core()

    # -- the core, in a thread -------------------------------------------------------------------------

    def recompare(self) -> None:
        """Run the core again with the current reference and threshold; the grid shows a loading indicator."""
        self.query_one(ComparisonGrid).loading = True
        self._start_core()

    def _start_core(self) -> None:
        self._run += 1
        settings = replace(self._settings, reference=self.reference, match_threshold=self.threshold)
        thread = threading.Thread(
            target=self._core, args=(self._run, settings, self._loaded), name=f"core-{self._run}", daemon=True
        )
        thread.start()

    def _core(self, run: int, settings: Settings, loaded: LoadResult | None) -> None:
        """Read the inputs (first run only), show them, then align and analyse them."""
        try:
            if loaded is None:
                loaded = self._load(self.sources, settings=settings)
                self.post_message(ArticlesLoaded(run, loaded))
                self.first_frame.wait(FIRST_FRAME_WAIT)
            from compare_tui.core.pipeline import CompareOutcome

            if loaded.articles:
                outcome = self._compare(loaded.articles, settings=settings)
                outcome = CompareOutcome(outcome.comparison, (*loaded.errors, *outcome.errors))
            else:
                outcome = CompareOutcome(None, loaded.errors)
            self.post_message(ComparisonFinished(run, outcome))
            for module in LATER_MODULES:
                import_module(module)
        except Exception as error:  # noqa: BLE001 (any failure of the core is reported, never a crash)
            self.post_message(ComparisonFailed(run, error))

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        if message.generation != self._run:
            return
        self._loaded = message.loaded
        if message.loaded.articles:
            self._preview = preview_grid(message.loaded.articles)
            self._redraw()
        self.call_after_refresh(self.first_frame.set)

    @on(ComparisonFailed)
    def _comparison_failed(self, message: ComparisonFailed) -> None:
        if message.generation == self._run:
            self.query_one(ComparisonGrid).loading = False
            self.notify(f"Comparison failed: {message.error}", severity="error", timeout=10)

    @on(ComparisonFinished)
    def _comparison_finished(self, message: ComparisonFinished) -> None:
        if message.generation != self._run:
            return
        self.query_one(ComparisonGrid).loading = False
        self.outcome = message.outcome
        for error in message.outcome.errors:
            self.notify(str(error), title="Not loaded", severity="error", timeout=8)
        comparison = message.outcome.comparison
        if comparison is None:
            self.notify("Nothing to compare.", severity="error")
            return
        previous = self.cursor
        if self.comparison is None and previous is not None and self._preview is not None:
            previous = carry_from_preview(previous, preview=self._preview, target=build_grid(comparison))
        comparison = self.adopt(comparison)
        self.reference = comparison.reference
        if comparison.settings is not None:
            self.threshold = comparison.settings.match_threshold
        self._grids.clear()
        self.hidden &= {a.id for a in comparison.articles}
        self.cursor = previous
        self._redraw()

    @on(TriageScreen.Changed)
    def _triage_changed(self) -> None:
        """A decision changed: redraw the tags beside the findings (and the rows, when the save brought
        another window's corrections)."""
        if self.follow_other_windows():
            self._grids.clear()
        self._redraw()

    def comparison_changed(self) -> None:
        """The editor corrected the alignment or undid a step: rebuild the grid and redraw."""
        self._grids.clear()
        self._redraw()

    def correction_place(self) -> tuple[str, str, str | None] | None:
        """The alignment row, article and finding under the cursor."""
        grid, comparison, cursor = self.grid, self.comparison, self.cursor
        if grid is None or comparison is None or cursor is None:
            return None
        row_id = row_id_at(grid, comparison, cursor)
        return None if row_id is None else (row_id, cursor.article, cursor.finding)

    # -- derived view ----------------------------------------------------------------------------------

    @property
    def grid(self) -> Grid | None:
        """The screen rows of the comparison in the current mode; until it arrives, the articles as read."""
        if self.comparison is None:
            return self._preview
        if self.mode not in self._grids:
            self._grids[self.mode] = build_grid(self.comparison, mode=self.mode)
        return self._grids[self.mode]

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, in input order: the comparison's, or while it runs the articles as read."""
        if self.comparison is not None:
            return self.comparison.articles
        return self._loaded.articles if self._loaded is not None else ()

    @property
    def labels(self) -> Mapping[str, str]:
        """Article id -> the short name used everywhere (`Comparison.labels`)."""
        if self.comparison is not None:
            return self.comparison.labels
        return article_labels(self.articles)

    @property
    def shown_articles(self) -> tuple[Article, ...]:
        """Articles not hidden, in input order."""
        return tuple(a for a in self.articles if a.id not in self.hidden)

    @property
    def current_finding(self) -> Finding | None:
        """The finding under the cursor, if any (what triage marks apply to)."""
        if self.comparison is None or self.cursor is None or self.cursor.finding is None:
            return None
        return next((f for f in self.comparison.findings if f.id == self.cursor.finding), None)

    def _shown_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.shown_articles)

    def _blocks(self) -> tuple[int | Fold, ...]:
        grid = self.grid
        if grid is None:
            return ()
        return shown_rows(grid, articles=self._shown_ids(), folded=self.folded, types=self.types)

    def _rows(self) -> tuple[int, ...]:
        return selectable(self._blocks())

    def _redraw(self) -> None:
        grid, comparison = self.grid, self.comparison
        if grid is None:
            return
        self.cursor = self._valid_cursor(self.cursor)
        types = frozenset(self.types)
        labels = self.labels
        view = GridView(
            grid,
            self.shown_articles,
            self._blocks(),
            types,
            comparison.reference if comparison else None,
            hit_spans(self._search[1]),
            tags=self.triage_tags(),
            labels=labels,
            dimmed=self.dismissed(),
            pair=self._pair_view(),
        )
        self.query_one(ComparisonGrid).show(view, self.cursor)
        self.query_one(HeadlineStrip).show(
            self.shown_articles,
            numbers=article_numbers(a.id for a in self.articles),
            labels=dict(labels),
            cells=headline_cells(comparison) if comparison else {},
            types=types,
        )
        findings = comparison.findings if comparison else ()
        self.query_one(Legend).show(counts=finding_counts(findings), enabled=types)
        self._update_status()

    def _aligned(self) -> bool:
        """Whether the comparison is there; if not, say that the key needs it."""
        if self.comparison is None:
            self.notify("Still aligning the articles: this key works when the comparison is shown.")
        return self.comparison is not None

    def _valid_cursor(self, cursor: Cursor | None) -> Cursor | None:
        rows, ids = self._rows(), self._shown_ids()
        if not rows or not ids:
            return None
        if cursor is None:
            return Cursor(rows[0], ids[0])
        row = cursor.row if cursor.row in rows else next((r for r in rows if r > cursor.row), rows[-1])
        article = cursor.article if cursor.article in ids else ids[0]
        finding = cursor.finding if (row, article) == (cursor.row, cursor.article) else None
        return Cursor(row, article, finding)

    def _move(self, cursor: Cursor | None) -> None:
        self.cursor = self._valid_cursor(cursor)
        self.query_one(ComparisonGrid).move_cursor(self.cursor)
        self._update_status()

    def _update_status(self) -> None:
        grid, comparison, cursor = self.grid, self.comparison, self.cursor
        if grid is None or comparison is None:
            return
        row = grid.rows[cursor.row] if cursor else None
        reference = comparison.article_by_id.get(comparison.reference or "")
        self.query_one(StatusLine).show(
            Status(
                row=row.number if row else 0,
                rows=len(grid.rows),
                score=row.score if row else None,
                row_status=row.status if row else None,
                counts=finding_counts(comparison.findings),
                reference=(reference.outlet or reference.id) if reference else "consensus order",
                threshold=self.threshold,
                mode=(f"{self.mode} order" if self.mode == "reading" else "aligned") + self._pair_label(),
                folded=self.folded,
                hidden=len(self.hidden),
                finding=self._finding_summary(),
            )
        )

    def _finding_summary(self) -> str | None:
        """`3/128 L Loaded language · [2] Fox · dismissed · 'slammed' is loaded…` for the status line."""
        finding, comparison, grid = self.current_finding, self.comparison, self.grid
        if finding is None or comparison is None or grid is None:
            return None
        stops = self._stops()
        place = next((i for i, s in enumerate(stops, 1) if s.finding == finding.id), None)
        number = next(i for i, a in enumerate(comparison.articles, 1) if a.id == finding.article)
        kind = HIGHLIGHT_BY_TYPE[finding.type]
        decision = self.decision(finding)
        parts = [
            f"{place}/{len(stops)} {kind.letter} {kind.label}" if place else f"{kind.letter} {kind.label}",
            f"[{number}] {comparison.labels.get(finding.article, finding.article)}",
        ]
        if decision is not None and decision.state:
            parts.append(decision.state)
        parts.append(visible(finding.explanation or finding.text))
        return " · ".join(parts)

    def _stops(self) -> tuple[Stop, ...]:
        """The findings n/N visit; kept while the grid, shown rows, articles and categories stay (each n
        needs them twice: to move, and to number the finding in the status line)."""
        grid = self.grid
        if grid is None:
            return ()
        key = (self._rows(), self._shown_ids(), frozenset(self.types))
        cached_grid, cached_key, stops = self._stops_for
        if cached_grid is not grid or cached_key != key:
            stops = finding_stops(grid, rows=key[0], articles=key[1], types=key[2])
            self._stops_for = (grid, key, stops)
        return stops

    # -- navigation ------------------------------------------------------------------------------------

    def action_step_row(self, step: int) -> None:
        """Move to the next (1) or previous (-1) shown row."""
        rows = self._rows()
        if rows and self.cursor is not None:
            self._move(Cursor(step_within(rows, self.cursor.row, step=step, wrap=False), self.cursor.article))

    def action_first_row(self) -> None:
        """Move to the first shown row."""
        if (rows := self._rows()) and self.cursor:
            self._move(Cursor(rows[0], self.cursor.article))

    def action_last_row(self) -> None:
        """Move to the last shown row."""
        if (rows := self._rows()) and self.cursor:
            self._move(Cursor(rows[-1], self.cursor.article))

    def action_step_finding(self, step: int) -> None:
        """Move to the next (1) or previous (-1) finding of a shown category."""
        grid = self.grid
        if grid is None or self.cursor is None or not self._aligned():
            return
        stops = self._stops()
        stop = step_stop(stops, cursor=self.cursor, rows=self._rows(), articles=self._shown_ids(), step=step)
        if stop is None:
            self.notify("No findings in the shown categories and articles.")
            return
        if wrapped(
            stops, cursor=self.cursor, stop=stop, rows=self._rows(), articles=self._shown_ids(), step=step
        ):
            self.notify(
                "Wrapped around: back to the first finding."
                if step > 0
                else "Wrapped around: on to the last finding.",
                timeout=3,
            )
        self._move(Cursor(stop.row, stop.article, stop.finding))

    def action_next_unique(self) -> None:
        """Move to the next passage that no other shown article has."""
        grid = self.grid
        if grid is None or self.cursor is None or not self._aligned():
            return
        row = next_unique(grid, rows=self._rows(), current=self.cursor.row, articles=self._shown_ids())
        if row is None:
            self.notify("No unique passages among the shown articles.")
            return
        cells = grid.rows[row].cells
        article = next((a for a in self._shown_ids() if a in cells), self.cursor.article)
        self._move(Cursor(row, article))

    def action_step_column(self, step: int) -> None:
        """Move to the next (1) or previous (-1) article column, wrapping around."""
        ids = self._shown_ids()
        if ids and self.cursor is not None:
            self._move(Cursor(self.cursor.row, step_within(ids, self.cursor.article, step=step, wrap=True)))

    @on(CellClicked)
    def _clicked(self, message: CellClicked) -> None:
        self._move(Cursor(message.row, message.article))

    def action_search(self) -> None:
        """Search the text of all shown articles and jump to a match."""
        grid = self.grid
        if grid is None or not self._aligned() or self.comparison is None:
            return
        from compare_tui.tui.screens.search import SearchScreen

        screen = SearchScreen(grid, self.shown_articles, self.comparison.labels, query=self._search[0])
        self.app.push_screen(screen, self._searched)

    def _searched(self, result: tuple[str, tuple[SearchHit, ...], SearchHit | None] | None) -> None:
        if result is None:
            return
        query, hits, chosen = result
        self._search = (query, hits)
        self._redraw()
        if chosen is not None:
            self._move(Cursor(chosen.row, chosen.article))

    # -- views ------------------------------------------------------------------------------------------

    def action_details(self) -> None:
        """Open the details of the current row: score, signals, word differences, facts, attribution."""
        grid, comparison, cursor = self.grid, self.comparison, self.cursor
        if grid is None or not self._aligned() or comparison is None or cursor is None:
            return
        row_id = row_id_at(grid, comparison, cursor)
        if row_id is None:
            return
        from compare_tui.core.row_details import row_details
        from compare_tui.tui.screens.details import DetailsScreen

        details = row_details(comparison, row_id, base=comparison.reference)
        decisions = self.decisions(details.findings)
        self.app.push_screen(
            DetailsScreen(details, comparison, types=frozenset(self.types), decisions=decisions)
        )

    def action_ledger(self) -> None:
        """Open the omission ledger: facts × articles."""
        if self._aligned() and self.comparison is not None:
            from compare_tui.core.row_details import omission_ledger
            from compare_tui.tui.screens.ledger import LedgerScreen

            ledger = omission_ledger(self.comparison, ranked=True)
            self.app.push_screen(LedgerScreen(ledger, self.comparison), self._ledger_chosen)

    def _ledger_chosen(self, fact: FactPresence | None) -> None:
        """Jump to the passage of the fact chosen in the ledger, showing its article and row if needed."""
        grid = self.grid
        if fact is None or grid is None or fact.article is None or fact.finding is None:
            return
        row = locate_finding(grid, article=fact.article, finding=fact.finding)
        if row is None:
            self.notify("The fact's passage is not in this view.", severity="warning")
            return
        self.hidden.discard(fact.article)
        if row not in selectable(self._blocks()):
            self.folded = False
        self._redraw()
        self._move(Cursor(row, fact.article, fact.finding))

    def action_scorecard(self) -> None:
        """Open the per-outlet scorecard: flags per 100 sentences, quotations, attribution, facts."""
        if self.comparison is not None:
            from compare_tui.core.scorecard import score_cells, score_headers, scorecard
            from compare_tui.tui.screens.scorecard import ScorecardScreen

            labels = self.comparison.labels
            rows = [score_cells(s, labels[s.article]) for s in scorecard(self.comparison)]
            self.app.push_screen(ScorecardScreen([score_headers(), *rows]))

    def action_help(self) -> None:
        """Show every key of the app."""
        from compare_tui.tui.commands import screen_actions
        from compare_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(screen_actions(self)))

    def action_fold(self) -> None:
        """Fold or unfold rows without differences in the shown categories, and say how many."""
        if not self._aligned():
            return
        self.folded = not self.folded
        self._redraw()
        if not self.folded:
            self.notify("All rows shown.")
            return
        count = folded_count(self._blocks())
        letters = "".join(HIGHLIGHT_BY_TYPE[t].letter for t in FINDING_TYPES if t in self.types) or "none"
        self.notify(
            f"{count} row{'s' * (count != 1)} without differences in the shown categories ({letters}) folded."
        )

    def action_focus_pair(self) -> None:
        """Set the current article beside one more, side by side with word changes marked; again: all back."""
        if self.pair is not None:
            self.pair = None
            self.hidden = self._hidden_before_pair
            self._redraw()
            self.notify("All articles back.")
            return
        if not self._aligned() or self.cursor is None or len(self.articles) < 2:
            return
        from compare_tui.tui.screens.articles import PartnerScreen

        first = self.cursor.article
        self.app.push_screen(
            PartnerScreen(self.articles, self.labels, first), lambda o: self._focus(first, o)
        )

    def _focus(self, first: str, other: str | None) -> None:
        if other is None:
            return
        ids = [a.id for a in self.articles]
        left, right = sorted((first, other), key=ids.index)
        self._hidden_before_pair = set(self.hidden)
        self.pair = (left, right)
        self.hidden = set(ids) - {left, right}
        self._redraw()

    def _pair_view(self) -> PairView | None:
        """The word changes of the focused pair in the current grid (computed once per grid and pair)."""
        grid, comparison = self.grid, self.comparison
        if self.pair is None or grid is None or comparison is None:
            return None
        key = (id(grid), self.pair)
        if self._pair_cache is None or self._pair_cache[0] != key:
            from compare_tui.core.pair import pair_view

            self._pair_cache = (key, pair_view(comparison, grid, *self.pair))
        return self._pair_cache[1]

    def _pair_label(self) -> str:
        if self.pair is None:
            return ""
        numbers = article_numbers(a.id for a in self.articles)
        return " · pair {}⇄{} (D: all)".format(*(numbers[a] for a in self.pair))

    def action_toggle_headlines(self) -> None:
        """Show or hide the headline strip (more room for the rows)."""
        strip = self.query_one(HeadlineStrip)
        self._strip_shown = not strip.display
        strip.display = self._strip_shown

    def action_pick_articles(self) -> None:
        """Choose which articles are shown from a list (any number of articles, not only 1–9)."""
        if self.articles:
            from compare_tui.tui.screens.articles import ArticlesScreen

            self.app.push_screen(
                ArticlesScreen(self.articles, self.labels, self.hidden), self._articles_picked
            )

    def _articles_picked(self, hidden: frozenset[str] | None) -> None:
        if hidden is None:
            return
        if len(hidden) >= len(self.articles):
            self.notify("At least one article stays shown.", severity="warning")
            return
        self.hidden = set(hidden)
        self._redraw()

    def action_mode(self) -> None:
        """Switch between aligned rows and each article in its own reading order."""
        if not self._aligned():
            return
        grid, cursor = self.grid, self.cursor
        self.mode = "reading" if self.mode == "aligned" else "aligned"
        new_grid = self.grid
        if grid is not None and new_grid is not None and cursor is not None:
            self.cursor = carry_cursor(cursor, source=grid, target=new_grid)
        self._search = ("", ())
        self._redraw()

    # -- articles and alignment ------------------------------------------------------------------------

    def action_toggle_article(self, number: int) -> None:
        """Show or hide the article with this number (1-based, as in the column headers)."""
        if not 1 <= number <= len(self.articles):
            self.notify(f"There is no article {number}.", severity="warning")
            return
        article = self.articles[number - 1]
        if article.id in self.hidden:
            self.hidden.discard(article.id)
        elif len(self.shown_articles) > 1:
            self.hidden.add(article.id)
        else:
            self.notify("At least one article stays shown.", severity="warning")
            return
        self._redraw()

    def action_pick_reference(self) -> None:
        """Choose the article whose order the rows follow, and re-align."""
        if self._aligned() and self.comparison is not None:
            from compare_tui.tui.screens.reference import ReferenceScreen

            self.app.push_screen(
                ReferenceScreen(self.comparison.articles, self.comparison.labels, self.reference),
                self._reference_picked,
            )

    def _reference_picked(self, choice: tuple[str | None] | None) -> None:
        if choice is None:
            return
        self.reference = choice[0]
        self.recompare()

    def action_threshold(self, direction: int) -> None:
        """Raise or lower the match threshold by one step and re-align."""
        if not self._aligned():
            return
        value = round(min(0.95, max(0.05, self.threshold + direction * THRESHOLD_STEP)), 2)
        if value == self.threshold:
            self.notify(f"The threshold stays at {value:.2f}.")
            return
        self.threshold = value
        self.notify(f"Re-aligning at threshold {value:.2f}…")
        self.recompare()

    def action_toggle_highlight(self, finding_type: FindingType) -> None:
        """Show or hide one highlight category."""
        self.types ^= {finding_type}
        self._redraw()
