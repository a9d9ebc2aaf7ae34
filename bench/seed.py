"""How long the demo takes to load: `make run` seeds an empty database before serving.

A benchmark, not a test: it prints figures and exits 0 whatever they are (the demo's content is
checked by tests/test_demo_seed.py). Each round seeds a new SQLite file in a temporary folder and
reports the wall-clock and CPU time of ``seed_demo`` + commit, beside the 30 s the project aims
at on this machine.

Usage: ``make bench-seed`` or ``.venv/bin/python bench/seed.py [--rounds 3] [--seed 2026]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_SECONDS = 30


def seed_once(directory: Path, seed: int) -> tuple[float, float, dict]:
    """Seed a new SQLite database in ``directory``: (wall-clock seconds, CPU seconds, counts)."""
    from forum import create_app
    from forum.demo.seed import seed_demo
    from forum.extensions import db

    app = create_app({
        "INSTANCE_PATH": str(directory / "instance"), "SECRET_KEY": "bench", "SITE_URL": "http://127.0.0.1:5000",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{directory / 'demo.sqlite3'}", "MAIL_BACKEND": "locmem",
    })
    with app.app_context():
        db.create_all()
        wall, cpu = time.perf_counter(), time.process_time()
        counts = seed_demo(seed=seed)
        db.session.commit()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        db.session.remove()
        db.engine.dispose()
    return wall, cpu, counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    walls, cpus = [], []
    for number in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory(prefix="forum-seed-") as folder:
            wall, cpu, counts = seed_once(Path(folder), args.seed)
        walls.append(wall)
        cpus.append(cpu)
        print(f"round {number}: {wall:6.1f} s wall-clock, {cpu:6.1f} s CPU", flush=True)
    print(f"\ncontent: {counts}")
    print(f"seed_demo + commit, median of {args.rounds}: {statistics.median(walls):.1f} s wall-clock, "
          f"{statistics.median(cpus):.1f} s CPU (target: under {TARGET_SECONDS} s on a quiet machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
