"""Figures only (no sentence, no miss printed) for the private check sets of the leadwho3 round:
conclusions_v6 dev (whole conclusions) and v4e_dev (sentences).

    NHACVIEC_UNSEEN_DATA=<dir with only conclusions_v6/dev and v4e_dev.jsonl> python bench/checkset.py
"""
from lead_tools import is_heldout, skip_closed

from tests.domain.unseen_scoring import (
    conclusion_sets,
    load_jsonl,
    score_conclusions,
    score_sentences,
    sentence_sets,
)

for name, paths in skip_closed(conclusion_sets()).items():
    if is_heldout(name):
        continue
    c = score_conclusions(paths)
    print(
        f"{name}: {len(paths)} documents, {c.gold} directives: found {c.recall():.1%}, real {c.precision():.1%} "
        f"({c.real}/{c.proposed}), deadline {c.deadline_rate():.1%}, lead {c.lead_rate():.1%} "
        f"({c.lead}/{c.found}), words {c.lead_rate(True):.1%}"
    )
for name, path in skip_closed(sentence_sets()).items():
    if is_heldout(name):
        continue
    s = score_sentences(load_jsonl(path))
    lead, words, deadline = s.rate('lead'), s.rate('lead_words'), s.rate('deadline')
    print(f"{name}: n={s.n} lead {lead:.1%} words {words:.1%} deadline {deadline:.1%}")
