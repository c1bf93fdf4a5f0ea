"""Precision of the attribution findings on the bundled samples, against labels written by reading them.

    python benchmarks/attribution_precision.py            # precision over the labelled findings
    python benchmarks/attribution_precision.py --unlabelled   # list findings that have no label yet

Each label in `tests/fixtures/attribution_labels.json` names one finding (the comparison in `SAMPLES`,
article id, the span's start and text) and says whether it is right: the speaker is who said it, the verbs are the ones
the articles use for that statement, and the difference it reports (another verb, another speaker, the
passage without attribution) is really there. Precision is the share of the labelled findings still
produced that are right; findings the analysis no longer produces, and new ones without a label, are
counted apart so that a change in the analysis shows up as something to label.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.models import Finding
from compare_tui.core.pipeline import compare

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "attribution_labels.json"
SUDAN = "sudan-bombs-yida-refugee-camp"
# Comparisons of the bundled samples: the two folders whole, and the eleven Sudan articles in smaller groups
# (other neighbours pair other attributions, which gives more findings to check: findings appear only where
# articles differ on the same statement, so each group gives a few).
SAMPLES: dict[str, tuple[str, slice]] = {
    "sudan": (SUDAN, slice(None)),
    "zelensky": ("zelensky-security-guarantees", slice(None)),
    "sudan[:6]": (SUDAN, slice(None, 6)),
    "sudan[6:]": (SUDAN, slice(6, None)),
    "sudan[::2]": (SUDAN, slice(None, None, 2)),
    "sudan[1::2]": (SUDAN, slice(1, None, 2)),
    "sudan[::3]": (SUDAN, slice(None, None, 3)),
    "sudan[3:9]": (SUDAN, slice(3, 9)),
    "sudan[4:10]": (SUDAN, slice(4, 10)),
    "sudan[5:8]": (SUDAN, slice(5, 8)),
    "sudan[6:9]": (SUDAN, slice(6, 9)),
    "sudan[7:10]": (SUDAN, slice(7, 10)),
    "sudan[8:11]": (SUDAN, slice(8, 11)),
}


@dataclass(frozen=True, slots=True)
class Measured:
    """Right and wrong among the labelled findings produced, and what could not be matched."""

    right: int
    wrong: int
    unlabelled: tuple[tuple[str, Finding], ...]
    gone: int

    @property
    def precision(self) -> float:
        """Right findings as a share of the labelled findings produced."""
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0


def label_key(sample: str, finding: Finding) -> tuple[str, str, int, str]:
    """What a label is matched on: sample, article, start and text of the finding."""
    return sample, finding.article, finding.start, finding.text


def sample_findings(samples: Mapping[str, tuple[str, slice]] = SAMPLES) -> list[tuple[str, Finding]]:
    """The attribution findings of each comparison of the bundled samples, with the comparison's name."""
    out = []
    for name, (folder, part) in samples.items():
        path = ROOT / "sample_data" / folder
        sources = [path] if part == slice(None) else sorted(path.glob("*.txt"))[part]
        comparison = compare(sources)
        out += [(name, f) for f in comparison.findings if f.type == "attribution"]
    return out


def measure(labels: Sequence[dict], produced: Sequence[tuple[str, Finding]]) -> Measured:
    """Match labels to findings and count."""
    by_key = {(l["sample"], l["article"], l["start"], l["text"]): bool(l["correct"]) for l in labels}
    right = wrong = 0
    unlabelled = []
    seen = set()
    for sample, finding in produced:
        key = label_key(sample, finding)
        if key not in by_key:
            unlabelled.append((sample, finding))
            continue
        seen.add(key)
        right += by_key[key]
        wrong += not by_key[key]
    return Measured(right, wrong, tuple(unlabelled), len(set(by_key) - seen))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the precision (or the findings still to label)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unlabelled", action="store_true", help="print unlabelled findings as JSON stubs")
    args = parser.parse_args(argv)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    result = measure(labels, sample_findings())
    if args.unlabelled:
        stubs = [
            {
                "sample": s,
                "article": f.article,
                "start": f.start,
                "text": f.text,
                "explanation": f.explanation,
                "correct": None,
                "note": "",
            }
            for s, f in result.unlabelled
        ]
        print(json.dumps(stubs, indent=1, ensure_ascii=False))
        return 0
    n = result.right + result.wrong
    print(
        f"Attribution findings on the bundled samples: precision {result.precision:.3f} "
        f"({result.right} of {n} hand-labelled findings right); "
        f"{len(result.unlabelled)} produced without a label, {result.gone} labelled no longer produced"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
