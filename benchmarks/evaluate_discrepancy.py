"""Discrepancy findings: recall on the cases sharp-dev's annotators noted, precision on the bundled samples.

    python benchmarks/evaluate_discrepancy.py [--eval-dir ../shared/eval]

Recall: sharp-dev's fact notes (`gold.facts[].note`) record where outlets give different figures, dates or
times for one fact ("24 vs 11 vs 'a child'"). `CASES` lists every such note, read by hand, with the values on
each side and the quantity; a case is found when some discrepancy finding of that event on that quantity (a
part of its key) names a value of each side. Notes
that only add detail ("21 Oct 2011" vs "in 2011"), state one value in two units ("10 km" = "six miles") or
differ in words, not figures ("half-brother" vs "brother"), are not cases.

Precision: every distinct discrepancy (one row, one quantity) the bundled samples give is listed with its
values; `tests/fixtures/discrepancy_labels.json` holds my reading of each (a real difference between the
outlets, or not), and the precision is computed over the labelled ones. A discrepancy without a label is
printed so that it can be read and labelled.

Precision on real news (`--ecb`): the 20 ECB+ dev events of `ecbplus-dev.jsonl` (ECB+ corpus, Cybulska &
Vossen (LREC 2014), NewsReader project, CC BY 3.0), their tokens joined back into text roughly (`detokenize`),
each compared whole. Every distinct discrepancy is listed with its values and the sentence each stands in;
`benchmarks/labels/ecb_discrepancy_labels.json` holds my reading of each (true: the outlets disagree on one
quantity of one thing), written before the rules that raise the precision. Precision is reported on the
development topics (1-21, the events the rules were written on) and the held-out topics (25-41) apart.
`--show` prints the passages of unlabelled discrepancies for labelling.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.comparison import Comparison
from compare_tui.core.models import Article
from compare_tui.core.pipeline import compare

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "discrepancy_labels.json"
ECB_LABELS = ROOT / "benchmarks" / "labels" / "ecb_discrepancy_labels.json"
DEV_TOPICS = range(1, 22)
"""ECB+ topics the precision rules were developed on; topics 25-41 are held out."""


@dataclass(frozen=True, slots=True)
class Case:
    """One annotated discrepancy: the values on one side and on the other (figures as written)."""

    event: str
    fact: str
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]
    note: str
    quantity: str
    """What the finding must compare (a part of its key: "people:dead", "time", "shot"), so that a finding on
    another quantity that happens to name the same figures does not count."""


CASES = (
    Case("1_ecbplus", "F4", ("noon",), ("morning",), "check-in time: around noon vs in the morning", "time"),
    Case("13_ecbplus", "F13", ("7 a.m.",), ("6:40",), "fire out by 7 a.m. vs by 6:40 a.m.", "time"),
    Case("33_ecbplus", "F4", ("12",), ("13",), "mother of 12 vs 13 children", "offspring"),
    Case("33_ecbplus", "F16", ("20",), ("18",), "Lopez 20 at trial vs 18 at the shooting", "age:lopez"),
    Case("33_ecbplus", "F20", ("13",), ("12",), "13 shots vs at least 12 shots", "shot"),
    Case("33_ecbplus", "F41", ("32",), ("31",), "Armstead 32 vs a 31-year-old", "age:armstead"),
    Case("37_ecbplus", "F2", ("0737", "07:37"), ("7:37 am",), "07:37 GMT vs 7:37 AM local time", "time"),
    Case(
        "37_ecbplus",
        "F5",
        ("24",),
        ("11", "a child"),
        "24 dead vs a toll of 11 vs 'killed a child'",
        "people:dead",
    ),
    Case(
        "37_ecbplus",
        "F6",
        ("249", "200"),
        ("dozens", "50"),
        "249 / more than 200 vs dozens vs at least 50",
        "people:injured",
    ),
    Case(
        "37_ecbplus",
        "F46",
        ("230,000",),
        ("170,000",),
        "2004 tsunami: 230,000 vs 170,000 dead",
        "people:dead",
    ),
)


def sharp_comparisons(eval_dir: Path) -> dict[str, Comparison]:
    """Each sharp-dev event compared as the scorer gives it: title line, blank line, body."""
    data = json.loads((eval_dir / "sharp-dev.json").read_text("utf-8"))
    out = {}
    for event in data["events"]:
        articles = [
            Article(
                id=a["id"],
                source=a["id"],
                text=f"{a['title']}\n\n{a['body']}" if a.get("title") else a["body"],
                title=a.get("title"),
                outlet=a.get("outlet"),
            )
            for a in event["articles"]
        ]
        out[event["event_id"]] = compare(articles)
    return out


def _mentions(values: list[str], side: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![\d,]){re.escape(v)}(?![\d,])", text) for v in side for text in values)


def discrepancies(comparison: Comparison) -> dict[str, dict[str, str]]:
    """Each distinct discrepancy (key) with the values it names, by article label."""
    out: dict[str, dict[str, str]] = {}
    for finding in comparison.findings:
        if finding.type == "discrepancy" and finding.key:
            values = finding.detail.get("values", {})
            assert isinstance(values, dict)
            out[finding.key] = {comparison.labels[a]: str(v) for a, v in values.items()}
    return out


def recall(eval_dir: Path) -> tuple[int, int]:
    """Print each annotated case and whether a discrepancy finding names both sides; (found, cases)."""
    comparisons = sharp_comparisons(eval_dir)
    found = 0
    print("Recall on sharp-dev's annotated discrepancies")
    for case in CASES:
        named = [
            values
            for key, values in discrepancies(comparisons[case.event]).items()
            if case.quantity in key.split(":", 2)[2]
        ]
        hit = any(
            _mentions([v.lower() for v in values.values()], case.side_a)
            and _mentions([v.lower() for v in values.values()], case.side_b)
            for values in named
        )
        found += hit
        print(f"  {'found ' if hit else 'missed'}  {case.event} {case.fact}: {case.note}")
    print(f"  recall {found}/{len(CASES)} = {found / len(CASES):.2f}")
    for event, comparison in comparisons.items():
        for key, values in discrepancies(comparison).items():
            print(f"  finding {event} {key.split(':', 2)[2]}: {values}")
    return found, len(CASES)


def sample_discrepancies() -> list[dict[str, object]]:
    """Every distinct discrepancy of the bundled samples: sample, quantity and the values by outlet."""
    out = []
    for directory in sorted((ROOT / "sample_data").iterdir()):
        comparison = compare(sorted(p for p in directory.iterdir() if p.suffix == ".txt"))
        for key, values in discrepancies(comparison).items():
            quantity = key.split(":", 2)[2]
            out.append({"sample": directory.name, "quantity": quantity, "values": values})
    return out


def precision(labels_path: Path = LABELS) -> tuple[int, int, list[dict[str, object]]]:
    """(correct, labelled, unlabelled discrepancies) over the bundled samples' discrepancies."""
    labels = json.loads(labels_path.read_text("utf-8"))["labels"]
    correct = labelled = 0
    unlabelled = []
    for item in sample_discrepancies():
        label = next(
            (x for x in labels if x["sample"] == item["sample"] and x["values"] == item["values"]), None
        )
        if label is None:
            unlabelled.append(item)
            continue
        labelled += 1
        correct += bool(label["correct"])
    return correct, labelled, unlabelled


def detokenize(text: str) -> str:
    """ECB+ tokens joined back into prose, roughly: quotes, punctuation, clitics, "7 : 37", "1 , 000"."""
    text = re.sub(r"(\d) ([.:]) (\d)", r"\1\2\3", text)  # first, before the space goes: "6 . 1", "7 : 37"
    text = re.sub(r"(?<!\d\d\d)(\d) , (\d{3})(?!\d)", r"\1,\2", text)  # "1 , 263", not "May 2 , 2013"
    text = re.sub(r"`` ?", '"', text)
    text = re.sub(r" ?''", '"', text)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)


def ecb_comparisons(path: Path) -> dict[str, tuple[int, Comparison]]:
    """Each ECB+ dev event (topic, comparison), its articles detokenized, the URL line of ecbplus ones dropped."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        event = json.loads(line)
        articles = []
        for a in event["articles"]:
            text = a["text"]
            if text.startswith("http"):
                text = text.split("\n", 1)[1] if "\n" in text else ""
            articles.append(
                Article(id=a["id"], source=a["id"], text=detokenize(text), outlet=a.get("outlet"))
            )
        out[event["event_id"]] = (event["topic"], compare(articles))
    return out


def _sentence(comparison: Comparison, article: str, start: int) -> str:
    """The sentence (line of the detokenized text) a finding starts in, for reading."""
    text = next(a.text for a in comparison.articles if a.id == article)
    return text[text.rfind("\n", 0, start) + 1 : text.find("\n", start) % (len(text) + 1)].strip()


def ecb_discrepancies(path: Path) -> list[dict[str, object]]:
    """Every distinct discrepancy of the ECB+ dev events: event, topic, quantity, values and passages."""
    out = []
    for event, (topic, comparison) in ecb_comparisons(path).items():
        passages: dict[str, dict[str, str]] = {}
        for finding in comparison.findings:
            if finding.type == "discrepancy" and finding.key:
                label = comparison.labels[finding.article]
                passages.setdefault(finding.key, {})[label] = _sentence(
                    comparison, finding.article, finding.start
                )
        for key, values in discrepancies(comparison).items():
            out.append(
                {
                    "event": event,
                    "topic": topic,
                    "quantity": key.split(":", 2)[2],
                    "values": values,
                    "passages": passages.get(key, {}),
                }
            )
    return out


def ecb_precision(path: Path, labels_path: Path = ECB_LABELS, *, show: bool = False) -> None:
    """Print the precision of the ECB+ discrepancies against the hand labels: dev topics, held-out, all."""
    labels = json.loads(labels_path.read_text("utf-8"))["labels"] if labels_path.exists() else []
    tally = {"dev": [0, 0], "held-out": [0, 0]}
    unlabelled = []
    print("Precision on ECB+ dev events (hand-labelled)")
    for item in ecb_discrepancies(path):
        label = next(
            (x for x in labels if x["event"] == item["event"] and x["values"] == item["values"]), None
        )
        if label is None:
            unlabelled.append(item)
            continue
        part = tally["dev" if item["topic"] in DEV_TOPICS else "held-out"]
        part[0] += bool(label["correct"])
        part[1] += 1
        mark = "right" if label["correct"] else "wrong"
        print(f"  {mark}  {item['event']} {item['quantity']}: {label['note']}")
    total = [tally["dev"][0] + tally["held-out"][0], tally["dev"][1] + tally["held-out"][1]]
    for name, (correct, labelled) in [*tally.items(), ("all", total)]:
        print(
            f"  {name:8} precision {correct}/{labelled}"
            + (f" = {correct / labelled:.2f}" if labelled else "")
        )
    print(f"  {len(unlabelled)} unlabelled")
    for item in unlabelled:
        print(f"  unlabelled: {item['event']} {item['quantity']} {json.dumps(item['values'])}")
        if show:
            for article, passage in item["passages"].items():
                print(f"      {article}: {passage}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--ecb", action="store_true", help="also measure the precision on the ECB+ dev events"
    )
    parser.add_argument("--show", action="store_true", help="with --ecb: print unlabelled passages")
    args = parser.parse_args()
    if (args.eval_dir / "sharp-dev.json").exists():
        recall(args.eval_dir)
    else:
        print(f"no sharp-dev.json in {args.eval_dir}: recall not measured")
    correct, labelled, unlabelled = precision()
    print("Precision on the bundled samples (hand-labelled)")
    print(f"  precision {correct}/{labelled}" + (f" = {correct / labelled:.2f}" if labelled else ""))
    for item in unlabelled:
        print(f"  unlabelled: {item}")
    if args.ecb:
        path = args.eval_dir / "ecbplus-dev.jsonl"
        if path.exists():
            ecb_precision(path, show=args.show)
        else:
            print(f"no ecbplus-dev.jsonl in {args.eval_dir}: ECB+ precision not measured")


if __name__ == "__main__":
    main()
