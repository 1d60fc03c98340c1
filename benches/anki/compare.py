#!/usr/bin/env python3
"""Anki beside quizdeck on the collection of issue 14 (optional; not run in CI).

Builds the same collection in Anki through the PyPI package `anki` (its Rust backend):
100,000 notes with one card each, 70,000 of them studied (review cards) and 1,000,000
review-log entries, FSRS on. Then it measures, like `benches/collection.rs` does for
quizdeck:

* open: a fresh process opening the collection and building the deck list (what the
  main window shows first), median of 5;
* answer: the next queued card, its question, its rating choices and answering it
  (`answer_card`, which commits), p50 and p99 over N answers.

and finally runs quizdeck's bench (`cargo bench --bench collection`) so that both sets of
figures come from one run on one machine.

    python3 -m venv /tmp/anki-venv && /tmp/anki-venv/bin/pip install anki
    /tmp/anki-venv/bin/python benches/anki/compare.py            # from the repository root
    /tmp/anki-venv/bin/python benches/anki/compare.py --answers 1000 --no-quizdeck
    /tmp/anki-venv/bin/python benches/anki/compare.py --alternate 6   # opening, interleaved

The collection is built once in target/tmp/anki-collection/ (a few minutes).
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

CARDS = 100_000
STATES = 70_000
ANSWERS = 1_000_000
# Anki's highest daily limits (its deck options refuse more).
LIMIT = 9999
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(ROOT, "target", "tmp", "anki-collection")
PATH = os.path.join(WORK, "collection.anki2")


def build():
    from anki.collection import Collection

    if os.path.exists(os.path.join(WORK, "ready")):
        return
    os.makedirs(WORK, exist_ok=True)
    for f in os.listdir(WORK):
        p = os.path.join(WORK, f)
        if os.path.isfile(p):
            os.remove(p)
    t0 = time.time()
    col = Collection(PATH)
    col.set_config("fsrs", True)
    model = col.models.by_name("Basic")
    deck_id = col.decks.id("Big")
    from anki.collection import AddNoteRequest

    reqs = []
    for i in range(CARDS):
        note = col.new_note(model)
        note["Front"] = f"Question number {i} about the Baltic states?"
        note["Back"] = f"Answer {i}"
        reqs.append(AddNoteRequest(note=note, deck_id=deck_id))
        if len(reqs) == 10_000:
            col.add_notes(reqs)
            reqs = []
    if reqs:
        col.add_notes(reqs)
    card_ids = col.db.list("select id from cards order by id")
    today = col.sched.today
    rng = random.Random(14)
    # 70k studied cards: review cards, three in four due by today.
    rows = []
    for n, cid in enumerate(card_ids[:STATES]):
        ivl = 1 + n % 60
        due = today + ivl if n % 4 == 0 else today - (n % 20)
        rows.append((ivl, due, 2 + n // STATES, n % 3, cid))
    col.db.executemany(
        "update cards set type=2, queue=2, ivl=?, due=?, reps=?, lapses=?, factor=2500 where id=?",
        rows,
    )
    # 1M review-log entries over those cards, spread over 400 days.
    now_ms = int(time.time() * 1000)
    start = now_ms - 400 * 86_400_000
    batch = []
    for k in range(ANSWERS):
        cid = card_ids[k % STATES]
        ease = 1 if k % 10 == 0 else 3
        rid = start + k * 34_000  # unique, increasing (ms)
        batch.append((rid, cid, -1, ease, 10, 5, 2500, 4000, 1))
        if len(batch) == 100_000:
            col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", batch)
            batch = []
    if batch:
        col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", batch)
    col.close()
    # FSRS switched on through the deck options, as a student does in the app: Anki then
    # computes every card's memory state from its review log (the states quizdeck's
    # collection holds), and the same options lift the daily limits so the answer loop
    # is not stopped by them (quizdeck's bench has no daily limit in its way either).
    col = Collection(PATH)
    col.set_config("fsrs", False)
    set_options(col, deck_id, fsrs=True)
    with_memory = col.db.scalar(
        "select count() from cards where json_extract(data, '$.s') is not null"
    )
    col.close()
    if with_memory < STATES:
        raise SystemExit(f"only {with_memory} of {STATES} studied cards got an FSRS memory state")
    open(os.path.join(WORK, "ready"), "w").close()
    print(f"built the Anki collection in {time.time() - t0:.1f} s", file=sys.stderr)


def set_options(col, deck_id, fsrs):
    """The deck's options through the same request as Anki's deck options screen: FSRS
    on or off and the daily limits at Anki's highest (9,999 reviews and new cards; larger
    values are refused and the old ones kept), far above what the answer loop takes."""
    from anki.decks import UpdateDeckConfigs, UpdateDeckConfigsMode

    current = col.decks.get_deck_configs_for_update(deck_id)
    configs = []
    for c in current.all_config:
        conf = c.config
        conf.config.reviews_per_day = LIMIT
        conf.config.new_per_day = LIMIT
        configs.append(conf)
    col.decks.update_deck_configs(
        UpdateDeckConfigs(
            target_deck_id=deck_id,
            configs=configs,
            mode=UpdateDeckConfigsMode.UPDATE_DECK_CONFIGS_MODE_NORMAL,
            limits=current.current_deck.limits,
            new_cards_ignore_review_limit=current.new_cards_ignore_review_limit,
            fsrs=fsrs,
            apply_all_parent_limits=current.apply_all_parent_limits,
            fsrs_reschedule=False,
            fsrs_health_check=False,
        )
    )


def open_once():
    """In a fresh process: import the `anki` module (Python's part of starting Anki),
    open the collection and build the deck list. Returns the three times (s)."""
    code = (
        "import time; t0=time.perf_counter();"
        "from anki.collection import Collection;"
        f"t1=time.perf_counter(); col=Collection({PATH!r});"
        "t2=time.perf_counter(); col.sched.deck_due_tree(); t3=time.perf_counter();"
        "print(t1-t0, t2-t1, t3-t2); col.close(downgrade=False)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def answers(n):
    from anki.cards import Card
    from anki.collection import Collection
    from anki.scheduler.v3 import CardAnswer

    # Answering changes the collection: work on a copy.
    copy = os.path.join(WORK, "answering.anki2")
    shutil.copyfile(PATH, copy)
    # With what is still in the write-ahead log (the options and memory states).
    if os.path.exists(PATH + "-wal"):
        shutil.copyfile(PATH + "-wal", copy + "-wal")
    col = Collection(copy)
    col.decks.select(col.decks.id("Big"))
    # The limits were lifted when the collection was built; check they hold.
    conf = col.decks.config_dict_for_deck_id(col.decks.id("Big"))
    assert conf["rev"]["perDay"] == LIMIT and conf["new"]["perDay"] == LIMIT, conf
    assert col.get_config("fsrs"), "FSRS is on"
    times, cpu = [], []
    for k in range(n):
        c0 = time.thread_time()
        t = time.perf_counter()
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            break
        qc = queued.cards[0]
        card = Card(col, backend_card=qc.card)
        card.start_timer()
        card.question()
        col.sched.describe_next_states(qc.states)
        rating = CardAnswer.AGAIN if k % 10 == 0 else CardAnswer.GOOD
        col.sched.answer_card(col.sched.build_answer(card=card, states=qc.states, rating=rating))
        times.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c0)
    col.close(downgrade=False)
    for f in (copy, copy + "-wal"):
        if os.path.exists(f):
            os.remove(f)
    return times, cpu


def pct(v, p):
    v = sorted(v)
    return v[round((len(v) - 1) * p)]


def alternate(n):
    """Opening, quizdeck then Anki, n times: the same hour on the same machine for both.
    quizdeck's figure is the bench's time to the library's figures shown (today's counts,
    as Anki's deck list has them): the median of 5 fresh processes each opening once
    (`QD_FRESH=1`), as Anki's side is measured, and beside it the median of the bench's 5
    warm opens in one process (memory already used once: a smaller figure), run first.
    Also printed: when the deck's cards were read in those fresh processes (the library
    shows before them; what is asked for meanwhile waits for them)."""
    import re
    subprocess.run(["cargo", "bench", "--bench", "collection", "--no-run"], cwd=ROOT, check=True,
                   capture_output=True)

    def shown(out):
        return float(re.search(r"to the library's figures shown.*?median ([0-9.]+)ms", out).group(1))

    def cards(out):
        return float(re.search(r"to the decks' cards read.*?median ([0-9.]+)ms", out).group(1))

    q_all, w_all, a_all, c_all = [], [], [], []
    for i in range(n):
        # The warm opens first: they also build the deck cache if it is missing, so the
        # fresh processes after them all open with it.
        out = subprocess.run(["cargo", "bench", "--bench", "collection", "--", "open"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout
        w = shown(out.split("open (deck cache warm)")[1])
        fresh, read = [], []
        for _ in range(5):
            out = subprocess.run(["cargo", "bench", "--bench", "collection", "--", "open"],
                                 cwd=ROOT, check=True, capture_output=True, text=True,
                                 env=dict(os.environ, QD_FRESH="1")).stdout
            if "the deck cache is built first" in out:
                sys.exit("the deck cache was missing for a fresh open")
            fresh.append(shown(out.split("open (deck cache warm")[1]))
            read.append(cards(out.split("open (deck cache warm")[1]))
        q = statistics.median(fresh)
        c = statistics.median(read)
        opens = [open_once() for _ in range(5)]
        a = statistics.median(o[1] + o[2] for o in opens) * 1000
        q_all.append(q)
        w_all.append(w)
        a_all.append(a)
        c_all.append(c)
        print(f"series {i + 1}: quizdeck {q:.1f} ms in fresh processes ({w:.1f} ms warm; "
              f"cards read {c:.1f} ms), Anki {a:.1f} ms", flush=True)
    print(f"median of the series: quizdeck {statistics.median(q_all):.1f} ms in fresh processes "
          f"({statistics.median(w_all):.1f} ms warm; cards read "
          f"{statistics.median(c_all):.1f} ms), Anki {statistics.median(a_all):.1f} ms; "
          f"quizdeck faster in {sum(q < a for q, a in zip(q_all, a_all))} of {n} "
          f"(warm: {sum(w < a for w, a in zip(w_all, a_all))})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", type=int, default=2000, help=f"at most {LIMIT}")
    ap.add_argument("--no-quizdeck", action="store_true")
    ap.add_argument("--alternate", type=int, default=0, metavar="N",
                    help="N alternated series of opening: quizdeck's bench (5 warm opens, "
                         "then 5 fresh processes), then Anki (5 fresh processes); prints each "
                         "series' medians")
    args = ap.parse_args()
    build()
    if args.alternate:
        alternate(args.alternate)
        return
    opens = [open_once() for _ in range(5)]
    med = lambda i: statistics.median(o[i] for o in opens) * 1000
    total = [o[1] + o[2] for o in opens]
    print(f"Anki open (fresh process, 5 runs, medians): import of the anki module {med(0):.0f} ms, "
          f"opening the collection {med(1):.0f} ms, deck list {med(2):.0f} ms; "
          f"open + deck list: median {statistics.median(total) * 1000:.0f} ms, "
          f"min {min(total) * 1000:.0f} ms")
    times, cpu = answers(args.answers)
    print(f"Anki answer ({len(times)} answers, next queued card + question + next states + answer_card): "
          f"p50 {pct(times, 0.5) * 1e6:.0f} µs, p99 {pct(times, 0.99) * 1e6:.0f} µs, "
          f"CPU p50 {pct(cpu, 0.5) * 1e6:.0f} µs")
    if not args.no_quizdeck:
        env = dict(os.environ, QD_PAIRS=str(args.answers))
        subprocess.run(["cargo", "bench", "--bench", "collection"], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
