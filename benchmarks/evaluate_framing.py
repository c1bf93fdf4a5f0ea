"""Quality and cost of the framing analysis, measured on the seed gold and the ECB+ dev articles.

    python benchmarks/evaluate_framing.py [--eval-dir ../shared/eval] [--seeds DIR] [--sample N]

Prints every framing check of `seeds-gold.json` (editorial, not_editorial, scare_quotes, omitted_facts,
attribution, as its `about` field defines them), the sharp-dev editorial precision, recall and F1 in sample
and leave-one-event-out (`evaluate_editorial.py`), how many sentences of each article get an editorial or
loaded-language finding, the same share per outlet on the ECB+ dev clusters with a sample of flags to
read, and what the analysis costs next to segmentation and alignment. `benchmarks/evaluate.py` imports
`framing_checks` and `flag_rates` to print them beside the alignment numbers. Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ecb import load_events
from evaluate_editorial import editorial_scores, print_scores

from compare_tui.core.align import align
from compare_tui.core.analysis import analyse
from compare_tui.core.comparison import Comparison
from compare_tui.core.models import Article, Finding
from compare_tui.core.pipeline import compare
from compare_tui.core.segment import segment_article
from compare_tui.core.textnorm import fold

ROOT = Path(__file__).resolve().parents[1]
EDITORIAL_TYPES = ("editorial_aside", "loaded_language")
PROSE_KINDS = ("sentence", "quote", "caption", "other")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One gold item: its name, whether it passed, and what was seen."""

    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class FlagRate:
    """How many prose sentences of one article overlap an editorial or loaded-language finding."""

    article: str
    outlet: str | None
    sentences: int
    flagged: int

    @property
    def share(self) -> float:
        """Flagged sentences as a share of all sentences."""
        return self.flagged / self.sentences if self.sentences else 0.0


def _occurrences(text: str, needle: str, fold_text: Callable[[str], str]) -> list[tuple[int, int]]:
    folded, wanted = fold_text(text), fold_text(needle)
    spans, at = [], folded.find(wanted)
    while at >= 0:
        spans.append((at, at + len(wanted)))
        at = folded.find(wanted, at + 1)
    return spans


def _overlaps(finding: Finding, span: tuple[int, int]) -> bool:
    return finding.start < span[1] and span[0] < finding.end


def _covers(finding: Finding, span: tuple[int, int]) -> bool:
    return finding.start <= span[0] and span[1] <= finding.end


def framing_checks(comparison: Comparison, gold: dict, fold_text: Callable[[str], str]) -> list[CheckResult]:
    """The editorial, not_editorial, scare_quotes, omitted_facts and attribution items of the seed gold."""
    ids = {key: Path(name).stem for key, name in gold["articles"].items()}
    other = {"a": "b", "b": "a"}
    results: list[CheckResult] = []

    def findings(key: str, types: Iterable[str]) -> list[Finding]:
        wanted = set(types)
        return [f for f in comparison.findings if f.article == ids[key] and f.type in wanted]

    def text_of(key: str) -> str:
        return comparison.article_by_id[ids[key]].text

    for kind, types, want in (
        ("editorial", EDITORIAL_TYPES, True),
        ("not_editorial", EDITORIAL_TYPES, False),
        ("scare_quotes", ("scare_quote",), True),
    ):
        for key, needles in gold.get(kind, {}).items():
            pool = findings(key, types)
            for needle in needles:
                spans = _occurrences(text_of(key), needle, fold_text)
                if not spans:
                    results.append(CheckResult(f"{kind} {key}: {needle[:50]}", False, "passage not found"))
                    continue
                hits = [f for f in pool if any(_overlaps(f, s) for s in spans)]
                seen = "; ".join(f"{f.type} {f.text[:40]!r}" for f in hits[:2]) or "no finding"
                results.append(CheckResult(f"{kind} {key}: {needle[:50]}", bool(hits) == want, seen))
    for side, needles in gold.get("omitted_facts", {}).items():
        key = side.removeprefix("only_in_")
        pool = findings(key, ("omitted_fact",))
        for needle in needles:
            spans = _occurrences(text_of(key), needle, fold_text)
            hits = [f for f in pool if any(_covers(f, s) for s in spans)]
            good = [f for f in hits if f.peers and ids[other[key]] in f.peers.absent]
            seen = f"{len(spans)} occurrence(s), {len(hits)} covering finding(s)"
            results.append(CheckResult(f"omitted_fact {key}: {needle}", bool(good), seen))
    for item in gold.get("attribution", []):
        speaker = item["speaker"].lower()
        ok = []
        for f in comparison.findings:
            if f.type != "attribution" or speaker not in str(f.detail.get("speaker", "")).lower():
                continue
            verbs = f.detail.get("verbs", {})
            if not isinstance(verbs, dict):
                continue
            said_a = item["a_verb"] in str(verbs.get(ids["a"], "")).split()
            said_b = item["b_verb"] in str(verbs.get(ids["b"], "")).split()
            if said_a and said_b:
                ok.append(f)
        detail = ok[0].explanation if ok else "no finding names the speaker with both verbs"
        name = f"attribution {item['speaker']}: {item['a_verb']} / {item['b_verb']}"
        results.append(CheckResult(name, bool(ok), detail))
    return results


def flag_rates(comparison: Comparison) -> list[FlagRate]:
    """Per article: prose sentences, and how many overlap an editorial_aside or loaded_language finding."""
    rates = []
    for article in comparison.articles:
        spans = [
            (f.start, f.end)
            for f in comparison.findings
            if f.article == article.id and f.type in EDITORIAL_TYPES
        ]
        sentences = [s for s in article.segments if s.kind in PROSE_KINDS]
        flagged = sum(any(a < s.end and s.start < b for a, b in spans) for s in sentences)
        rates.append(FlagRate(article.id, article.outlet, len(sentences), flagged))
    return rates


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds spent segmenting and aligning (the core) and analysing, over some inputs."""

    core: float
    analysis: float


def timed_analysis(articles: Sequence[Article]) -> tuple[Comparison, Timing]:
    """Segment, align and analyse, timing the analysis apart from the rest."""
    t0 = time.perf_counter()
    segmented = tuple(segment_article(a) for a in articles)
    rows = align(segmented)
    t1 = time.perf_counter()
    findings = analyse(segmented, rows)
    t2 = time.perf_counter()
    return Comparison(segmented, rows, findings), Timing(t1 - t0, t2 - t1)


def _seed_dir(explicit: Path | None) -> Path:
    if explicit:
        return explicit
    shared = ROOT.parent / "shared" / "seeds"
    return shared if shared.is_dir() else ROOT / "sample_data" / "zelensky-security-guarantees"


def _print_rates(rates: Sequence[FlagRate]) -> None:
    for r in rates:
        print(f"  {r.article:<28} {r.flagged:>3}/{r.sentences:<3} sentences flagged ({r.share:.0%})")


def _large_input(articles: Sequence[Article], *, count: int = 12, words: int = 2000) -> list[Article]:
    """Twelve articles of about 2,000 words each, stitched from ECB+ documents (the core benchmark's size)."""
    pool = [a.text for a in articles]
    out = []
    for i in range(count):
        parts, n, j = [], 0, i
        while n < words:
            text = pool[j % len(pool)]
            parts.append(text)
            n += len(text.split())
            j += count
        out.append(Article(id=f"big{i}", source=f"big{i}", text="\n\n".join(parts)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the seed checks, the flag rates and the ECB+ sample; print everything."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--seeds", type=Path, default=None)
    parser.add_argument("--sample", type=int, default=15, help="ECB+ flags to print for reading")
    args = parser.parse_args(argv)

    gold = json.loads((args.eval_dir / "seeds-gold.json").read_text(encoding="utf-8"))
    seeds = compare([_seed_dir(args.seeds)])
    checks = framing_checks(seeds, gold, fold)
    print("Seed framing checks")
    for check in checks:
        print(f"  {'PASS' if check.passed else 'FAIL'}  {check.name}  ({check.detail[:90]})")
    print(f"  {sum(c.passed for c in checks)}/{len(checks)} passed")
    if (args.eval_dir / "sharp-dev.json").is_file():
        print_scores(editorial_scores(args.eval_dir))
    print("Seed flag rates (editorial_aside or loaded_language)")
    _print_rates(flag_rates(seeds))
    counts = defaultdict(int)
    for f in seeds.findings:
        counts[f.type] += 1
    print("  findings by type: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))

    events = load_events(args.eval_dir / "ecbplus-dev.jsonl")
    per_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flags: list[tuple[str, Finding]] = []
    core = analysis = 0.0
    for event in events:
        comparison, timing = timed_analysis(event.articles)
        core += timing.core
        analysis += timing.analysis
        for rate in flag_rates(comparison):
            outlet = rate.outlet or "(no outlet)"
            per_outlet[outlet][0] += rate.flagged
            per_outlet[outlet][1] += rate.sentences
        flags += [(event.event_id, f) for f in comparison.findings if f.type in EDITORIAL_TYPES]
    total_flagged = sum(v[0] for v in per_outlet.values())
    total = sum(v[1] for v in per_outlet.values())
    print(
        f"ECB+ dev: {len(events)} events, {total_flagged}/{total} sentences flagged ({total_flagged / total:.1%})"
    )
    for outlet, (flagged, sentences) in sorted(per_outlet.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"  {outlet:<32} {flagged:>4}/{sentences:<4} ({flagged / sentences:.0%})")
    print(f"ECB+ sample of {min(args.sample, len(flags))} flags (seeded, for reading)")
    for event_id, f in random.Random(7).sample(flags, min(args.sample, len(flags))):
        print(f"  [{event_id}] {f.type:<16} {f.text[:60]!r}  {f.explanation[:70]}")
    print(f"Cost on ECB+: core {core:.2f} s, analysis {analysis:.2f} s ({analysis / core:.0%} of core)")
    big, timing = timed_analysis(_large_input([a for e in events for a in e.articles]))
    words = sum(a.word_count for a in big.articles)
    print(
        f"Cost on 12 articles x ~2,000 words ({words} words): core {timing.core:.2f} s, "
        f"analysis {timing.analysis:.2f} s ({timing.analysis / timing.core:.0%} of core)"
    )
    return 0 if all(c.passed for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
