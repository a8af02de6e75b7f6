#!/usr/bin/python3
"""Writes a JSON Lines corpus for stream tests and benchmarks: descriptions put together
from lay phrases (numbered and string ids, plain-text lines, CRLF endings, answers) with
bad lines among them (broken JSON, wrong types, empty lines, invalid UTF-8, a NUL byte,
unknown findings), and a last line without '\n'. The same arguments give the same bytes.

    stream_corpus.py RECORDS OUT [--seed N] [--bad-every N]"""
import argparse
import json
import random

WHERE = ["calves", "calf", "feet", "toes", "thighs", "hamstrings", "hands", "fingers", "back", "neck",
         "jaw", "eyelid", "stomach muscles", "legs", "arms"]
WHAT = ["cramp", "cramp up", "lock up", "twitch", "spasm", "go stiff", "knot up", "seize", "ache and tighten"]
WHEN = ["at night", "in bed", "after long runs", "in the heat", "after football", "when I stretch",
        "every morning", "while swimming", "after a long shift", "since I started a new tablet",
        "when I am cold", "for weeks", "on and off", "after gardening", "during pregnancy"]
ALSO = ["no weakness", "I drink little water", "I sweat a lot", "my hands feel weak", "no swelling",
        "I take a statin", "I am on water pills", "I feel very tired", "the muscle looks fine",
        "it wakes me up", "it goes away with stretching", "my speech is slurred", "the calf is red and swollen",
        "I had a fever", "I stepped on a nail last week", "I am not sure if my ankle is swollen",
        "my mother has the same", "I do not think it is serious"]
OFF_TOPIC = ["what is the capital of France", "please reschedule my dentist appointment",
             "the printer on the second floor is jammed again", "hello", "cheap flights to Lisbon"]
ANSWERS = [{"night_time": "yes"}, {"dehydration_signs": "no"}, {"night_time": "no", "dehydration_signs": "unknown"}]

BAD = [
    b'{"id": 1, "text": "my calves cramp at night"',       # unterminated object
    b'{"id": [1], "text": "my calves cramp"}',              # id of the wrong type
    b'{"id": 2, "text": 7}',                                # text of the wrong type
    b'{"id": 3}',                                           # no text
    b"",                                                    # empty line
    b"   \t ",                                              # blank line
    b"[1, 2, 3]",                                           # not an object
    b'{"id": 4, "text": "cramps", "answers": {"night_time": "maybe"}}',  # bad answer
    b'{"id": 5, "text": "cramps", "answers": {"no_such_finding": "yes"}}',
    b'{"id": 6, "text": "calf \xff\xfe cramp"}',             # invalid UTF-8 in a string
    b'{"id": 7, "text": "calf cramp"}\x00 trailing',         # a NUL byte
    b'{"id": 8, "text": "calf cramp"} {"id": 9}',            # two records on one line
    b'{"a":' * 70 + b"1" + b"}" * 70,                       # nested too deep
    b'{"id": 1e999, "text": "calf cramp"}',                 # an id no double holds
]


def good_line(rng, n):
    text = f"my {rng.choice(WHERE)} {rng.choice(WHAT)} {rng.choice(WHEN)}"
    if rng.random() < 0.6:
        text += ", " + rng.choice(ALSO)
    if rng.random() < 0.05:
        text = rng.choice(OFF_TOPIC)
    kind = rng.random()
    if kind < 0.08:
        return text.encode()  # a plain-text line
    record = {"id": n if kind < 0.7 else f"r-{n}", "text": text}
    if rng.random() < 0.05:
        record["answers"] = rng.choice(ANSWERS)
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5).encode()
    return line + b"\r" if rng.random() < 0.02 else line


def write_corpus(records, out, seed=21, bad_every=97):
    rng = random.Random(seed)
    lines = [BAD[(n // bad_every) % len(BAD)] if n % bad_every == bad_every - 1 else good_line(rng, n)
             for n in range(records)]
    with open(out, "wb") as f:
        f.write(b"\n".join(lines))  # the last line has no '\n', as crampx allows


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("records", type=int)
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=21)
    p.add_argument("--bad-every", type=int, default=97)
    a = p.parse_args()
    write_corpus(a.records, a.out, a.seed, a.bad_every)


if __name__ == "__main__":
    main()
