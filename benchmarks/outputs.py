"""The machine outputs of a large batch: CPU seconds and the memory each takes to write, format by format.

    python benchmarks/outputs.py [CHECKOUT] [--articles 10000]

Checks the first ARTICLES of the scale corpus (benchmarks/corpus.py's corpus-10000-300.jsonl, built if
missing; articles beyond 10,000 use the 100,000 one) once with the checkout's package (default: this one),
then writes each output `check --format/--output` offers, and the claim formats `extract` offers, to a
throw-away file a part at a time, as the command line does. For each: CPU seconds and how far the process's
peak resident memory rose above what it held before (Linux: /proc/self/status, the peak reset by clear_refs).
Run it for two checkouts one after the other to compare them; the SHA-256 prefix says whether their texts
are the same.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def memory(field: str) -> int:
    """A field of /proc/self/status, in MB (VmRSS: now; VmHWM: the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from now
    except OSError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    import scale  # benchmarks/scale.py builds the corpus
    size = 10000 if args.articles <= 10000 else 100000
    corpus = scale.build(size, 300, Path(tempfile.gettempdir()) / "discrepancy-scale")
    sys.path.insert(0, args.checkout)
    api, cli, baseline = (importlib.import_module(f"discrepancy.{name}") for name in ("api", "cli", "baseline"))
    part = corpus.parent / f"first-{args.articles}-of-{corpus.name}"  # one path: outputs name it
    if not part.exists():
        with open(corpus, encoding="utf-8") as source, open(part, "w", encoding="utf-8") as target:
            target.writelines(line for _, line in zip(range(args.articles), source))
    begun = time.perf_counter()
    result = api.check([str(part)], workers=2)
    print(f"{args.checkout}: {args.articles:,} articles checked in {time.perf_counter() - begun:.1f} s: "
          f"{len(result.claims):,} figures, {len(result.findings):,} findings")
    review = baseline.Review((), (), (), (), None)  # as the command line gives, fingerprints included
    outputs = {f"check --format {name}": (lambda make=make: make(result, review, ""))
               for name, make in cli.FINDING_OUTPUTS.items() if name != "markdown"}
    outputs |= {f"extract --format {name}": (lambda make=make: make(result.claims))
                for name, make in cli.CLAIM_FORMATS.items()}
    for name, make in outputs.items():
        gc.collect()
        held = memory("VmRSS")
        reset_peak()
        digest, begun = hashlib.sha256(), time.process_time()
        with tempfile.TemporaryFile() as stream:
            text = make()
            for piece in [text] if isinstance(text, str) else text:
                encoded = piece.encode("utf-8")
                digest.update(encoded)
                stream.write(encoded)
        seconds = time.process_time() - begun
        print(f"  {name:<24} {seconds:6.2f} s CPU  peak +{memory('VmHWM') - held:,} MB  sha256 "
              f"{digest.hexdigest()[:12]}", flush=True)


if __name__ == "__main__":
    main()
