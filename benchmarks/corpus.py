"""Builds a varied corpus of news-like articles as JSON Lines, for the speed and scale benchmarks.

    python benchmarks/corpus.py N OUT.jsonl [--seed 7]

Each article mixes sentences from the bundled seeds with sentences generated from templates
(many stories, places, sources, qualifiers and figures), so no two articles are the same text
and batches hold many unrelated stories, as a newsroom's day does.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EVENTS = [("floods", "rivers burst their banks"), ("earthquake", "the quake struck"),
          ("bushfire", "the fire swept through"), ("bombing", "the blast hit"), ("protests", "clashes broke out"),
          ("storm", "the storm made landfall"), ("landslide", "the hillside gave way"),
          ("heatwave", "temperatures soared"), ("riots", "rioters set fire to buildings"),
          ("train crash", "two trains collided")]
PLACES = ["Kenya", "Nairobi", "Chile", "Santiago", "Indonesia", "Jakarta", "Turkey", "Istanbul", "Pakistan",
          "Lahore", "Brazil", "Recife", "India", "Mumbai", "Peru", "Lima", "Nigeria", "Lagos", "Greece", "Athens",
          "Philippines", "Manila", "Mexico", "Puebla", "Bangladesh", "Dhaka", "Morocco", "Marrakesh", "Italy",
          "Naples", "Canada", "Quebec", "Australia", "Sydney", "Ukraine", "Kharkiv", "Japan", "Osaka"]
SOURCES = ["the Interior Ministry said", "police said", "according to the Red Cross", "officials said",
           "the health ministry reported", "according to local media", "the governor told reporters",
           "rescuers said", "a hospital spokesman said", "the civil defence agency said"]
QUALIFIERS = ["", "", "", "at least ", "more than ", "nearly ", "about ", "up to ", "some ", "over "]
COUNTS = [("people were killed", "deaths"), ("people died", "deaths"), ("were injured", "injured"),
          ("people were wounded", "injured"), ("people were arrested", "arrests"), ("were detained", "arrests"),
          ("residents were evacuated", "displaced"), ("people are missing", "missing"),
          ("troops were deployed", "troops"), ("homes were destroyed", "other")]
FILLER = ["Schools were closed and roads were blocked for much of the week.",
          "The government promised an inquiry into how the response was handled.",
          "Aid agencies warned that the worst might not be over.",
          "Residents described scenes of chaos as emergency services struggled to cope.",
          "The prime minister is expected to visit the area on {day}.",
          "Shares in the region's largest insurer fell {pct}% on the news.",
          "The last comparable disaster, in {year}, cost the economy ${bn} billion.",
          "Officials said the figures could change as more information arrived."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.split()) > 12:
                sentences.append(line.strip())
    return sentences


def figure(rng: random.Random) -> str:
    value = rng.choice([rng.randint(2, 60), rng.randint(60, 900), rng.randint(1000, 20000)])
    written = f"{value:,}" if value >= 1000 and rng.random() < 0.7 else str(value)
    return rng.choice(QUALIFIERS) + written


def generated_paragraph(rng: random.Random, event: tuple[str, str], place: str) -> str:
    sentences = [f"{event[1].capitalize()} in {place} on {rng.choice(DAYS)}, and {figure(rng)} "
                 f"{rng.choice(COUNTS)[0]}, {rng.choice(SOURCES)}."]
    for _ in range(rng.randint(1, 4)):
        count = rng.choice(COUNTS)[0]
        sentences.append(f"In {rng.choice(PLACES)}, {figure(rng)} {count}, {rng.choice(SOURCES)}.")
    sentences.append(rng.choice(FILLER).format(day=rng.choice(DAYS), pct=round(rng.uniform(0.5, 9), 1),
                                              year=rng.randint(1990, 2021), bn=round(rng.uniform(1, 40), 1)))
    return " ".join(sentences)


def article(rng: random.Random, index: int, seeds: list[str]) -> dict:
    event, place = rng.choice(EVENTS), rng.choice(PLACES)
    paragraphs = [generated_paragraph(rng, event, place) for _ in range(rng.randint(2, 6))]
    paragraphs += rng.sample(seeds, k=rng.randint(1, 4))
    rng.shuffle(paragraphs)
    day = rng.randint(1, 28)
    title = f"{event[0].capitalize()} in {place}: the toll so far"
    return {"id": f"a{index:06d}", "title": title, "published": f"2024-05-{day:02d}",
            "text": title + "\n\n" + "\n\n".join(paragraphs)}


def write_corpus(count: int, out: Path, seed: int = 7) -> int:
    """Writes `count` articles to `out` as JSON Lines; returns the bytes written."""
    rng = random.Random(seed)
    seeds = seed_sentences()
    size = 0
    with out.open("w", encoding="utf-8") as stream:
        for index in range(count):
            line = json.dumps(article(rng, index, seeds), ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            stream.write(line)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write_corpus(args.count, args.out, args.seed)
    print(f"{args.out}: {args.count} articles, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
