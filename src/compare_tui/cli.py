"""Command line: `compare-tui [FILES…]` opens the review app; `report` and `screenshot` work without a terminal.

Input problems are reported as one line each on stderr ("compare-tui: FILE: reason") and the remaining
inputs are still used; the exit code is 2 when any input or usage error occurred, 1 when the installation
itself is broken (the embedding model cannot be loaded).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from compare_tui import __version__
from compare_tui.core.loading import INPUT_SUFFIXES, LoadError
from compare_tui.core.output_guard import OutputClash, check_output
from compare_tui.core.safe_text import shown
from compare_tui.core.settings import ALIGNMENT_MODES, Settings, SettingsError, load_settings

EXIT_INPUT = 2
EXIT_BROKEN = 1
SAMPLE_EVENT = "zelensky-security-guarantees"
ERROR_LIMIT = 500
"""Longest error line on stderr (a path and a reason fit; a server's whole reply does not)."""


class UsageError(Exception):
    """A command line that cannot be carried out; the message is shown as one line."""


def sample_dir(event: str = SAMPLE_EVENT) -> Path:
    """The bundled sample event: in the installed package, or in a source checkout."""
    packaged = Path(__file__).parent / "sample_data" / event
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "sample_data" / event


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=f"article files ({' '.join(INPUT_SUFFIXES)}), folders of them, http(s) URLs, or - for stdin "
        "(default: the bundled sample event)",
    )
    parser.add_argument(
        "--reference",
        metavar="ARTICLE",
        help="article whose order the rows follow: id, file name or 1-based position "
        "(default: from the settings, else a consensus order)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        metavar="SCORE",
        help="match threshold between 0 and 1 (default: from the settings, 0.5)",
    )
    parser.add_argument(
        "--alignment",
        metavar="MODE",
        help=f"how rows are built: {' or '.join(ALIGNMENT_MODES)} (strict: fewer, tighter rows; "
        "default: from the settings, standard)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="settings file (default: $COMPARE_TUI_CONFIG, else config.toml in the XDG config folder)",
    )


def _app_epilog() -> str:
    from compare_tui.core.export import IMAGE_FORMATS, REPORT_FORMATS

    return f"""\
other commands:
  compare-tui report FILE... [--format {"|".join(REPORT_FORMATS)}] [-o PATH]   write a report without opening the app
  compare-tui screenshot FILE... -o {"|".join(f"OUT.{fmt}" for fmt in IMAGE_FORMATS)}              save an image of the app

Run `compare-tui report --help` or `compare-tui screenshot --help` for their options.
In the app, ? lists every key and ctrl+p runs any action by name.
"""


class _AppParser(argparse.ArgumentParser):
    """The app's parser. Its epilog lists the export formats, which come from the exporters: importing them
    (with the comparison and the triage session) costs the app's start-up, so only `--help` does it."""

    @property  # type: ignore[override]
    def epilog(self) -> str:
        return _app_epilog()

    @epilog.setter
    def epilog(self, value: str | None) -> None:
        """ArgumentParser sets it in __init__; the property above is the epilog."""


def _app_parser() -> argparse.ArgumentParser:
    parser = _AppParser(
        prog="compare-tui",
        description="Compare how several outlets covered one event:\n"
        "aligned passages side by side, framing differences highlighted.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(parser)
    parser.add_argument(
        "--session",
        type=Path,
        metavar="PATH",
        help="triage session file (default: one per set of articles, in the XDG data folder)",
    )
    parser.add_argument("--version", action="version", version=f"compare-tui {__version__}")
    return parser


def _report_parser() -> argparse.ArgumentParser:
    from compare_tui.core.export import REPORT_FORMATS

    parser = argparse.ArgumentParser(
        prog="compare-tui report",
        description="Compare the articles and write a report: JSON for tools, Markdown or HTML for people.",
    )
    _common(parser)
    parser.add_argument(
        "--format", choices=REPORT_FORMATS, default="json", help="report format (default: json)"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="output file (default: stdout)")
    parser.add_argument(
        "--session",
        type=Path,
        metavar="PATH",
        help="triage session whose decisions the report includes (default: the app's session for these articles)",
    )
    parser.add_argument(
        "--dismissed",
        choices=("show", "hide"),
        default="show",
        help="show dismissed findings struck through, or leave them out (default: show)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress display on stderr")
    return parser


def _screenshot_parser() -> argparse.ArgumentParser:
    from compare_tui.core.export import IMAGE_FORMATS, export_kind

    parser = argparse.ArgumentParser(
        prog="compare-tui screenshot",
        description="Run the review app without a terminal and save an image of its first screen.",
    )
    _common(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="PATH",
        help=f"output file, {' or '.join(export_kind(fmt).suffix for fmt in IMAGE_FORMATS)}",
    )
    parser.add_argument(
        "--format", choices=IMAGE_FORMATS, help="image format (default: from the output file's suffix)"
    )
    parser.add_argument(
        "--size", default="160x50", metavar="COLSxLINES", help="terminal size (default: 160x50)"
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    """The settings (file, environment) with the command line's options on top, each checked by Settings."""
    settings = load_settings(args.config) if args.config else load_settings()
    for option, name in (
        ("--threshold", "match_threshold"),
        ("--reference", "reference"),
        ("--alignment", "alignment"),
    ):
        try:
            settings = settings.with_overrides(**{name: getattr(args, option.removeprefix("--"))})
        except SettingsError as exc:
            raise UsageError(f"{option}: {exc}") from None
    return settings


def _sources(args: argparse.Namespace) -> list[str]:
    return list(args.files) or [str(sample_dir())]


def _check_outputs(args: argparse.Namespace, *, writes_session: bool) -> None:
    """Refuse, before any work, an output (or the app's session file) that would overwrite an input."""
    sources = _sources(args)
    if getattr(args, "output", None) is not None:
        check_output(args.output, sources)
    if writes_session and args.session is not None:
        check_output(args.session, sources)


def _fail(message: str, *, code: int = EXIT_INPUT) -> int:
    """One line on stderr; the message may quote file names, URLs and server replies, so it is `shown`."""
    print(f"compare-tui: {shown(message, one_line=True, limit=ERROR_LIMIT)}", file=sys.stderr)
    return code


def _one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread (unless the user chose otherwise), before numpy is first imported.

    The aligner's matrix products are small blocks; extra BLAS threads only spin against the app's own
    thread and other programs. On a loaded 2-core machine a 1 MB article took 7.4 s instead of 19 s (wall).
    """
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `compare-tui` console script."""
    _one_blas_thread()
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"report": (_report_parser, _run_report), "screenshot": (_screenshot_parser, _run_screenshot)}
    make_parser, run = commands.get(argv[0], (None, None)) if argv else (None, None)
    if make_parser is None:
        make_parser, run = _app_parser, _run_app
    else:
        argv = argv[1:]
    args = make_parser().parse_args(argv)
    try:
        _check_outputs(args, writes_session=run is _run_app)
        return run(args, _settings(args))
    except (UsageError, SettingsError, LoadError, OutputClash) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _run_report(args: argparse.Namespace, settings: Settings) -> int:
    from compare_tui.core.atomic import write_text_atomic
    from compare_tui.core.correcting import correct
    from compare_tui.core.embeddings import ModelUnavailableError
    from compare_tui.core.export import render_report
    from compare_tui.core.pipeline import compare_sources
    from compare_tui.core.triage import SessionError, content_key, default_session_path, load_session
    from compare_tui.progress import stage_progress

    try:
        with stage_progress(quiet=args.quiet) as progress:
            outcome = compare_sources(_sources(args), settings=settings, progress=progress)
    except ModelUnavailableError as exc:
        return _fail(str(exc), code=EXIT_BROKEN)
    for error in outcome.errors:
        _fail(str(error))
    if outcome.comparison is None:
        return EXIT_INPUT
    key = content_key(outcome.comparison.articles)
    try:
        session = load_session(args.session or default_session_path(key), key=key, set_aside_bad=False)
    except SessionError as exc:
        return _fail(str(exc))
    if session.problem:
        _fail(session.problem)
    corrected = correct(outcome.comparison, session.state.corrections)
    for dropped in corrected.dropped:
        _fail(dropped.describe())
    text = render_report(
        corrected.comparison,
        fmt=args.format,
        triage=session.state,
        include_dismissed=args.dismissed == "show",
    )
    if args.output:
        try:
            write_text_atomic(args.output, text)
        except OSError as exc:
            return _fail(f"{args.output}: cannot write the report ({exc.strerror or exc})")
    else:
        sys.stdout.write(text)
    return EXIT_INPUT if outcome.errors or session.problem else 0


def _run_screenshot(args: argparse.Namespace, settings: Settings) -> int:
    from compare_tui.core.atomic import write_bytes_atomic
    from compare_tui.core.export import IMAGE_FORMATS, export_kind
    from compare_tui.tui.screenshot import parse_size, render_svg

    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        suffixes = " or ".join(export_kind(f).suffix for f in IMAGE_FORMATS)
        raise UsageError(f"{args.output}: name a {suffixes} file, or give --format {'|'.join(IMAGE_FORMATS)}")
    try:
        size = parse_size(args.size)
    except ValueError as exc:
        raise UsageError(f"--size: {exc}") from None
    rendered = render_svg(_sources(args), settings=settings, size=size)
    for error in rendered.errors:
        _fail(str(error))
    svg = rendered.svg
    if svg is None:
        return EXIT_INPUT
    try:
        data = export_kind(fmt).image(svg)  # type: ignore[misc]  (an image format has an image writer)
    except ValueError as exc:
        return _fail(f"{args.output}: cannot draw the {fmt.upper()} ({exc})")
    try:
        write_bytes_atomic(args.output, data, create_folder=True)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the screenshot ({exc.strerror or exc})")
    return EXIT_INPUT if rendered.errors else 0


def _run_app(args: argparse.Namespace, settings: Settings) -> int:
    from compare_tui.tui.app import CompareApp

    app = CompareApp(_sources(args), settings=settings, session_path=args.session)
    app.run()
    return EXIT_INPUT if app.review.input_errors else 0


if __name__ == "__main__":
    sys.exit(main())
