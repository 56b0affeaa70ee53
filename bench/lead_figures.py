"""Lead strict / words figures on dev sets, no misses printed (safe for a private check set).

    python bench/lead_figures.py v4d v4e v4f v3a v3b train_v2 [--dir DIR]
"""
import sys

from lead_tools import data_and_names, dev_records, open_names, refuse_heldout

from tests.domain.unseen_scoring import score_sentences

base, names = data_and_names(sys.argv[1:])
for name in open_names(names, base):
    refuse_heldout(name)
    s = score_sentences(dev_records(name, base))
    print(
        f"{name:10s} n={s.n:4d} lead {100 * s.rate('lead'):5.1f} %  words {100 * s.rate('lead_words'):5.1f} %"
        f"  deadline {100 * s.rate('deadline'):5.1f} %"
    )
