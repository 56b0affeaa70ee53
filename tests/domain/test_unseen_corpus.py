"""The understanding on text it was not written from, with floors per set (see unseen_scoring for
how each figure is counted). `pytest -s` prints the figures and the misses.

tests/data/train_v2_dev.jsonl is the shared corpus's train_v2.jsonl (46 sentences, 33 documents),
copied verbatim with each record's source. Development sets (`*_dev.jsonl`, `conclusions_v3/dev/`)
are what the rules are developed on; the
held-out sets (`*_heldout.jsonl`, `conclusions_v3/heldout/`) are only measured. A set whose file is
not in tests/data/ yet is skipped; a set found without a floor is measured and printed, and skipped
so that its figure is seen and a floor written. Floors may only go up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.domain.unseen_scoring import (
    conclusion_sets,
    load_jsonl,
    score_conclusions,
    score_sentences,
    sentence_sets,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from lead_tools import is_closed  # the one reading of tests/data/CLOSED

# set -> (deadline, lead) floors on sentences. Development sets are what the rules were written from;
# held-out sets were never opened while developing (measured only by the lead engineer, the gap
# between the two kinds of set is the measure of rules fitted to the sentences they were written
# from). Measured 6 December 2026, end of the second issue-11 session (before -> after that session):
#   dev:      train_v2 97.8/93.5, v3a 100/93.2, v3b 98.6/93.7,
#             v4d 86.1->96.3 / 63.9->75.9, v4e 87.0->97.4 / 67.5->74.0, v4f 88.1->93.2 / 66.1->72.0
#             (v4d/v4e/v4f collected that session; v4e/v4d were tuned to during it, v4f at its end);
#             name spans (branch leadspan, third session): v4d 75.9->80.6, v4f 72.0->81.4, v4e 74.0->75.3 lead;
#   held-out: v3a 95.5/68.2 (unchanged), v3b 100 / 59.0->67.2, v4d 91.8->90.7 / 57.7->63.9,
#             v4e 83.6->89.1 / 72.7->74.5, v4f 87.2->88.5 / 56.4->64.1.
# Relabelled to tests/data/LABELLING.md (same day, branch `labels`; tests/data/relabel_log.jsonl):
# dev floors set to the measured dev figures after it (the held-out floors are the lead's to set):
#   train_v2 97.8/93.5 -> 95.7/91.3 (X012-01 "kịp" + a season is now a relative deadline; X059-01,
#   X014-01 lead), v3b lead 93.7 -> 92.3 ("X chỉ đạo Y" with X the body that issues: Y leads, B040-01,
#   B068-03), v4e deadline 97.4 -> 98.7 (E051-01 a weekday is a date; E036-01 "trước Tết" is holiday).
# Held-out after the relabelling, same code (lead engineer): v3b lead 67.2 -> 70.5, v4d deadline
# 90.7 -> 92.8, v4e deadline 89.1 -> 90.9; the others unchanged.
# v4g (corpus G, third issue-11 session, labelled to LABELLING.md): first look with main as it was when
# the data landed (before that session's rules): dev 92.2 / 64.3, held-out 87.7 / 65.4.
# Third session (leadwho2, lead structure): v4d lead 75.9->79.6, v4f 72.0->79.7 (dev floors raised).
# "X chỉ đạo Y" follows LABELLING.md §8 (one body's own order: Y leads): on these files' old labels
# train_v2 93.5->91.3 and v3b 93.7->92.3 (X059-01, B029-01, B068-03 were labelled X; the labels branch
# relabels them and sets the same two floors); on the relabelled sets train_v2 91.3->93.5, v3b
# 92.3->93.7.
# After merging leadwho2 into main with the relabelled data (lead engineer): lead train_v2 91.3->93.5,
# v3b dev 92.3->93.7; held-out v3b 70.5->78.7, v4e 74.5->76.4, v4f 64.1->69.2, v4d 63.9 and v4g 65.4
# unchanged (v4g is the clean first look: collected this session, never run by anyone writing rules).
# After merging leadspan as well (lead engineer): held-out lead v3b 78.7->80.3, v4d 63.9->66.0, v4e
# 76.4->78.2, v4f 69.2->73.1, v4g 65.4->67.9 (the clean first look); dev v4d 84.3, v4e 75.3, v4f 89.0,
# v4g 73.6.
# Fourth round on the assignee reader (branch leadwho3): dev lead v4d 84.3->85.2, v4g 73.6->75.2; the
# check set v4e (misses never read) 75.3->76.6. Dev floors raised to these values.
# After merging leadwho3 (lead engineer): held-out lead v3a 68.2->75.0, v3b 80.3->83.6, v4d 66.0->67.0,
# v4e 78.2->80.0; v4f 73.1 and v4g 67.9 unchanged. The five older held-out sets pooled: 66.9 % at the
# start of the third session -> 74.6 %; with v4g (416 sentences) 73.3 %.
# Fifth round on the assignee reader (branch leadwho4, lead_rules.py): dev lead v3b 93.7->94.4, v4d
# 85.2->86.1, v4f 89.0->89.8, v4g 75.2->77.5 (dev floors raised); the check set v4e (misses never read)
# 76.6->76.6; corpusI's v4i dev at its first looks, batch by batch, equal to main (77/116).
SENTENCE_FLOORS: dict[str, tuple[float, float]] = {
    # deadl5 (work for an event, "kịp"): train_v2 dev deadline 95.7 -> 97.8, v4f dev 93.2 -> 94.9
    "train_v2_dev": (0.97, 0.95),  # session 9 (leadlist2): lead 93.5 -> 95.7
    # seventh session (leadjk): lead 93.2 -> 94.5
    # session 10 (phoihop, §37.1 a): lead 94.5 -> 95.9; session 11, guide18's §38.3 relabel of A004-01 (the council
    # leaders voicing an appeal lead it): 95.9 -> 94.5
    "v3a_dev": (0.99, 0.94),
    # deadl6 (scoring: a year written inside a date, "15-1-2015", bounds an undated record's year): v3b dev
    # deadline 98.6 -> 99.3 (B032-01), v4f dev 94.9 -> 95.8 (F065-01); no rule changed
    "v3b_dev": (0.99, 0.95),  # lead6: 94.4 -> 95.1; session 9 (leadlist): 95.8
    # deadl7 (the year-end season, a list of days under one "ngày"): v4d dev deadline 96.3 -> 98.1 (D090-03, D099-01)
    # lead6: 86.1 -> 88.9; frames: 88.9 -> 89.8; seventh (leadjk, leadl, deadl9): 98.1 / 89.8 -> 99.1 / 91.7
    # session 8 (guide10, §31.4): D083-01 relabelled to the advising body, lead 91.7 -> 90.7; session 9 leadlist2: 91.7
    "v4d_dev": (0.99, 0.92),
    "v4e_dev": (0.97, 0.76),
    # seventh (leadl): lead 89.8 -> 91.5; session 8: guide10 relabelled F002-01/02 (§31.1), 89.8; conv11 91.5
    "v4f_dev": (0.95, 0.92),  # session 10 (leado): lead 91.5 -> 92.4
    "v3a_heldout": (0.97, 0.81),
    # session 10 (leado, never read it): lead 85.2 -> 86.9; session 11 (leadp, written from P/O/L/G dev, kept on
    # leave-one-corpus-out dev figures; held-out not used to choose): 86.9 -> 85.2
    "v3b_heldout": (0.99, 0.86),
    # seventh session (leadjk): lead 67.0 -> 68.0
    # session 10 (phoihop applies §37.1 a, a convention decided by guide16, who tabulated every record of the shape,
    # held-out included): lead 68.0 -> 69.1
    "v4d_heldout": (0.94, 0.69),
    "v4e_heldout": (0.92, 0.80),
    # session 8: leadb (written from M and J dev) lead 75.6 -> 76.9; session 11 (leadp, as v3b above): 76.9 -> 75.6
    "v4f_heldout": (0.89, 0.75),
    # deadl4 (deadline classes from corpus G: horizon words, "giờ, ngày", "3 tháng cuối năm", "Năm X này,"):
    # v4g dev deadline 92.2 -> 96.1; leadwho3: lead 73.6 -> 75.2; leadwho4: lead 75.2 -> 77.5
    # lead6: 77.5 -> 79.1; sixth session (conv, names): 79.1 -> 82.2;
    # seventh (leadjk, deadl9 relabel): 96.9 / 82.2 -> 97.7 / 84.5
    # session 8: ctx11 contexts, deadm: 97.7 / 84.5 -> 98.4 / 89.9; guide12 (§33.1 «ngay» per case, G072-01, G047-01)
    # deadline 96.9
    # session 9 (deadn): deadline 96.9 -> 97.7
    "v4g_dev": (0.97, 0.91),  # session 10 (leado): lead 89.9 -> 90.7
    # Seventh session: leadjk's rules (written from G dev among others) lost one G held-out sentence and won one
    # of D's (v4d_heldout 67.0 -> 68.0): found by figures at each merge commit, the sentence never read. The
    # rule was kept (choosing rules by held-out figures would make held-out a dev set) and the floor lowered.
    # sixth session: lead 69.1 -> 70.4; seventh: 70.4 -> 69.1
    "v4g_heldout": (0.88, 0.70),  # session 10 (phoihop, §37.1 a, as above): lead 69.1 -> 70.4
    # corpus I (v4i, merged 614e094): dev floors at the figures measured on branch deadl5 after merging main
    # (deadline 93.4 on main -> 96.3 with deadl5's narrative-stamp and fold rules; lead 70.6 after leadwho4)
    # check set (figures only): sixth session lead 70.6 -> 72.8; session 8 (carry10) 73.5; session 9: guide13
    # relabelled I035-01's lead blind (§34.3, places named with no doer): 73.5 -> 72.8
    "v4i_dev": (0.97, 0.72),
    # corpus J dev (v4j): first look 89.5 / 66.1 (missJ); lead7: lead 66.9 -> 72.6 (deadline 89.5, deadl7's)
    # sixth session (conv, frames, names, deadl8): 92.7 / 72.6 -> 94.4 / 83.1; seventh: 95.2 / 84.7
    "v4j_dev": (0.97, 0.87),  # session 8 (leadb): lead 86.3 -> 87.1; session 9 (deadn): deadline 96.0 -> 97.6
    # v4i held-out (97 sentences, 68 documents, collected and labelled this session by corpusI, who never ran
    # the bot; no rule writer opened it): first look with main after concl4 (sentences as at the start of the
    # fourth session) 92.8 / 70.1; after leadwho4, deadl5, speed5/6 (lead engineer) 92.8 / 72.2.
    # Other held-out changes from those branches: v4d deadline 92.8 -> 94.8, v4f lead 73.1 -> 74.4,
    # v4g lead 67.9 -> 69.1.
    "v4i_heldout": (0.92, 0.74),  # sixth session: lead 72.2 -> 73.2; seventh (leadl): 73.2 -> 74.2
    # Fifth issue-11 session. Corpus J (v4j, collected by corpusJ who never ran the bot): clean first look
    # with main 89dffe9 (the session's start rules) dev 89.5 / 66.1, held-out 88.2 / 57.8. After the
    # session's rules (lead6/7, deadl6/7, concl5/6 and «hàng không», all written with J dev readable, J
    # held-out never opened) held-out 89.2 / 59.8.
    # sixth session: 89.2 / 59.8 -> 90.2 / 60.8; session 8: guide12 relabelled one lead blind (§33.5 premises): 59.8
    # session 9: guide13 filled J013-03..05's context blind (the sentence before, which carries their lead):
    # lead 59.8 -> 62.7, deadline 90.2 -> 88.2 (that sentence's own day is now read too; the sentences not read)
    "v4j_heldout": (0.92, 0.62),  # session 10 (deado, never read it): deadline 88.2 -> 91.2
    # Corpus K (v4k, collected by corpusK while the session's rules were written; nobody read any of it
    # before its first look): first look with main at the session's end (before «hàng không», which was
    # then written from K dev) dev 94.8 / 56.7, held-out 91.1 / 60.7; with the session's start rules
    # (599260c) dev 93.8 / 56.7, held-out 92.9 / 58.9 — the session's rules moved K by one sentence each way.
    # «hàng không»: lead 56.7 -> 58.8; sixth session: 94.8 / 58.8 -> 95.9 / 85.6;
    # seventh (deadl9, one relabel): deadline 97.9
    # session 8: guide10 relabelled K035-01 (§31.4), 85.6 -> 84.5; conv11 85.6; guide12 (§33.3 K063-01) deadline 96.9
    "v4k_dev": (0.96, 0.86),  # session 9 (leadn, passive agents): lead 85.6 -> 86.6
    "v4k_heldout": (0.91, 0.66),  # sixth session (K dev readable, K held-out never opened): lead 60.7 -> 66.1
    # Sixth issue-11 session (7 December 2026), rules written leave-one-corpus-out from the pooled dev sets
    # (conv, frames, names, deadl8, concl7): held-out lead v3a 75.0 -> 79.5, v3b 83.6 -> 85.2 (floors below).
    # Corpus L (v4l, collected by corpusL this session, who never ran the bot; nobody writing rules read any
    # of it): clean first look with the session's start rules (580e1c6) dev 94.2 / 50.0, held-out 88.0 / 62.0;
    # with the session's end rules dev 94.2 / 54.7, held-out 88.0 / 62.0.
    # seventh (leadl): 54.7 -> 67.4; session 8 (conv11, leadm, carry10) 69.8; guide12 (§33.15 L044-01) deadline 93.0
    # leadb (L left out when written): 69.8 -> 72.1; session 9 (leadn, leadlist): 77.9
    "v4l_dev": (0.94, 0.82),  # session 10 (leado, leadmulti): lead 77.9 -> 80.2
    # session 9 (leadn, never read it): lead 62.0 -> 64.0
    "v4l_heldout": (0.87, 0.66),  # session 10 (leadmulti, never read it): lead 64.0 -> 66.0
    # Corpus M (v4m, collected by corpusm in the eighth session, who never ran the bot; nobody writing rules had
    # read any of it): clean first look with main 80fce24 (the seventh session's rules plus guide10's relabels)
    # dev 99 sentences 85.9 / 49.5, held-out 53 sentences 75.5 / 50.9. The lowest first look yet: the honest
    # figure of the reader on text it has never seen.
    # session 9 (deadn: events prepared for, «trong N ngày» windows): deadline 88.9 -> 94.9
    # session 8 (M dev opened; leadm, deadm, ctx11, guide12, leadb): 85.9/49.5 -> 88.9/66.7; session 9 leadverbs
    # («Chúng tôi sẽ»): lead 66.7 -> 67.7
    "v4m_dev": (0.95, 0.68),  # session 10 (leaddoc): lead 67.7 -> 68.7
    # guide12 relabelled two days blind (§3, §33.16): deadline 75.5 -> 79.2; leadb (M dev readable) lead 50.9 -> 54.7
    "v4m_heldout": (0.79, 0.54),
    # Corpus N (v4n, collected by corpusn at the end of the eighth session, who never ran the bot; nobody writing
    # rules has read any of it): first look with the session's end rules (85bf008 + data) dev 94 sentences
    # 87.2 / 56.4, held-out 37 sentences 70.3 / 75.7. N dev is for the next session to open.
    # session 9: guide13's blind relabels (§34.1 N012-09/10, §34.3 N046-03): lead 56.4 -> 54.3 before any rule
    # session 9 (N dev opened; deadn): deadline 87.2 -> 89.4; leadn, leadlist, leadverbs, leadname, leadlist2:
    # lead 54.3 -> 73.4
    "v4n_dev": (0.91, 0.74),  # session 10 (deado, leaddoc): 89.4 / 73.4 -> 91.5 / 74.5
    "v4n_heldout": (0.70, 0.78),  # session 9 (leadname, N dev readable, N held-out never opened): lead 75.7 -> 78.4
    # Corpus O (v4o, collected by corpuso at the start of the ninth session, who never ran the bot; nobody writing
    # rules has read any of it): first look with the eighth session's end rules (main 3fffbd2: 408f14c + guide13's
    # relabels) dev 76 sentences 77.6 / 69.7, held-out 57 sentences 80.7 / 71.9. O is rich in days (34 % of
    # its sentences carry a deadline, N 18 %): the lowest deadline first look yet.
    "v4o_dev": (0.85, 0.77),  # session 10, O dev opened (leado, deado, leaddoc): 77.6 / 69.7 -> 85.5 / 75.0
    # guide14 (§35, blind, before any rule): O016-01 due, O005-03 kind, O047-01 lead -> 78.9 / 70.2
    # Corpus P (v4p, collected by corpusp at the start of the tenth session, who never ran the bot; CLOSED all session,
    # dev included: nobody writing rules read it). First look (main 8b6807e, before any rule; after guide15's relabels):
    # dev 85.9 / 66.2, held-out 89.7 / 64.1 — the session's rules moved neither.
    "v4p_dev": (0.91, 0.70),
    "v4p_heldout": (0.89, 0.64),
    "v4o_heldout": (0.78, 0.70),
    # Corpus Q (v4q, collected by corpusq at the start of the eleventh session, who never ran the bot; CLOSED all
    # session, dev included). First look (main 45cf463, before any rule of the session): dev 85.7 / 73.3, held-out
    # 87.2 / 69.2; after guide17's relabels (§38, blind: 9 fields), on the same code: dev 84.8 / 73.3, held-out
    # 87.2 / 66.7.
    "v4q_dev": (0.86, 0.75),
    "v4q_heldout": (0.87, 0.66),
    # Session 12 raised the floors of the sets its rules moved (deadq's «ngày» is not «ngay», deadaudit, leadaudit,
    # leadend, newsr; conclq on conclusions_v14/v15 dev): each floor is the end figure, rounded down.
    # Corpus R (v4r, collected by corpusr at the start of the twelfth session, who never ran the bot; CLOSED all
    # session, dev included). First look (main c518d75, before any rule of the session): dev 86.7 / 70.4, held-out
    # 82.5 / 72.5; after guide19's relabels (§39, blind: 5 sentence fields), on the same code: dev 85.7 / 69.4,
    # held-out 82.5 / 70.0.
    "v4r_dev": (0.85, 0.69),
    "v4r_heldout": (0.82, 0.70),
}
# set -> (found, real among proposed, deadline right on found) floors on whole conclusions, measured
# 6 December 2026 at the end of the second issue-11 session (before -> after that session):
#   conclusions_dev (v3, 9 documents, 34 directives): 100 / 100 / 100 (lead 91.2 -> 97.1);
#   conclusions_v4_dev (7 documents, 22 directives): 72.7 -> 100 / 78.3 -> 92.3 / 75.0 -> 95.5;
#   conclusions_heldout (v3, 4 documents, 12 directives): 100 / 80.0 / 58.3 (unchanged; lead 75.0);
#   conclusions_v4_heldout (5 documents, 15 directives): 80.0 -> 86.7 / 83.3 -> 80.0 / 91.7 -> 92.3
#   (lead 50.0 -> 61.5).
# Relabelled (LABELLING.md §3): a subjectless next sentence that only gives the task's deadline and
# report-back step is part of that task (CE02, CE11): conclusions_v4_dev deadline 95.5 -> 85.0 (lead
# 77.3 -> 80.0), the bot leaves those two tasks undated. Measured by the lead after the relabelling, same
# code: conclusions_v4_heldout 15 -> 13 directives, found 86.7 -> 92.3, deadline 92.3 -> 91.7 (lead 61.5 -> 58.3);
# conclusions_heldout deadline 58.3 -> 66.7.
# Third session (branch concl2): the splitter joins that sentence to its task (§3), drops news photo
# captions, report/assessment/aims sections and sentences, day-off notices, and keeps reported orders:
# conclusions_v4_dev real 92.3 -> 95.7 (22/23), deadline 85.0 -> 95.0; conclusions_v5x_dev (8 dev-only
# conclusions collected by the rule writer, tests/data/README.md, never held out) found 85.7, real 35.7 ->
# 83.3, deadline 83.3. (corpusG's conclusions_v5 dev, 12 documents, not in this branch: found 80.0 ->
# 82.9, real 73.8 -> 88.6, deadline 78.6 -> 79.3.)
# After merging concl2 (the splitter: assessment sections, §3 joins, captions, day-off notices, reported
# orders), lead engineer, held-out found / real / deadline: v3 100 / 80.0->85.7 / 66.7; v4 92.3 /
# 80.0->78.9 / 91.7->100; v5 95.5->90.9 / 60.0->70.0 / 85.7->90.0; v6 (concl2 never saw it) 84.2->86.0 /
# 66.7->73.8 / 81.2->81.6. Floors at these values.
# leadwho3 proposes one more item in conclusions_heldout (real 85.7->80.0) and conclusions_v4_heldout
# (78.9->75.0); lead on found is unchanged there, conclusions_v6_heldout found 86.0->87.7: floors lowered
# to the measured values.
# concl3 (schedule lines date the items about their activity; a paragraph naming nobody takes the lead
# of the order before): held-out lead on found v3 75.0->91.7, v6 68.0->70.0; v6 deadline 82.0->80.0 (one
# item), floor lowered to it.
CONCLUSION_FLOORS: dict[str, tuple[float, float, float]] = {
    "conclusions_dev": (0.99, 0.99, 0.99),
    "conclusions_v4_dev": (0.99, 0.95, 0.95),
    "conclusions_v5x_dev": (0.85, 0.83, 0.83),
    # sixth: real 80.0 -> 85.7; session 8 (§31.6 relabel) deadline 58.3; session 9 (concperiod, a letter's own
    # period over its items, written from K dev only, this set never read): deadline 58.3 -> 83.3
    "conclusions_heldout": (0.99, 0.85, 0.91),
    "conclusions_v4_heldout": (0.92, 0.75, 0.99),
    # conclusions_v5 (corpus G): first look, main before the third session's rules: dev 12 documents /
    # 35 directives 80.0 / 73.8 / 78.6 (lead 60.7); held-out 9 / 22: 90.9 / 66.7 / 90.0 (lead 55.0).
    # leadspan's people heads ("học sinh", "cán bộ, công chức", "người lao động" start a name) make
    # notices' entitlements ("Học sinh được nghỉ học vào ngày …", LABELLING.md §2) look like orders:
    # v5 held-out found 90.9->95.5 but real 66.7->60.0 and deadline 90.0->85.7, v6 held-out real
    # 69.7->66.7, v5 dev deadline 82.1->79.3 — the floors below were lowered to these values (the
    # only floors ever lowered) because the same change raised every held-out sentence set; the
    # entitlement class is for the splitter (dev CG12, CG13, CH31).
    # leadwho3 ("học" inside a name, "lưu ý Y", levels "cấp xã"): v5 dev real 88.6 -> 91.4, lead 60.0 -> 66.7.
    # concl3 (a schedule line "Thời gian treo cờ: …" times the items about its activity): v5 dev deadline
    # 80.0 -> 83.3, v6 dev 88.9 -> 97.8; a paragraph naming nobody goes on from the order ending the one
    # before: v6 dev lead 75.6 -> 77.8 (lead has no floor here).
    "conclusions_v5_dev": (0.91, 0.94, 0.87),  # concl7: real 94.1; deadl9: deadline 90.0; guide10 (§30.1 CG15): 86.7
    # session 9 (concl13: list items led by units the reader cannot delimit): found 85.7 -> 91.4, deadline 87.5
    # seventh session: real 71.4 -> 74.1; session 9 (concl13, never read it): found 90.9 -> 95.5, and the item
    # it now finds has its deadline wrong: deadline 90.0 -> 85.7 (21 items instead of 20)
    # §38.1 relabels (guide18): deadline 85.7 -> 81.0; duty15 (written from H/J/K dev, never read it): -> 85.7
    "conclusions_v5_heldout": (0.95, 0.74, 0.85),
    # conclusions_v6 (corpus H): first look with main after leadwho2, before the other third-session
    # rules: dev 17 documents / 46 directives 95.7 / 77.0 / 86.4 (lead 75.0); held-out 20 / 57:
    # 84.2 / 69.7 / 81.2 (lead 66.7).
    # concl4 (a count of results, a cheer, the execution formula with its doers as subject are no tasks):
    # v6 dev real among proposed 78.7 -> 87.3 (48/61 -> 48/55).
    # deadl5 ("UBND tỉnh đến ngày X" is no "tính đến"): v6 dev deadline 97.8 -> 100 (CH03)
    # concl7: real 87.3 -> 88.9; §38.1 relabels (guide18): deadline 100 -> 95.6; duty15: -> 100
    "conclusions_v6_dev": (0.97, 0.88, 0.99),
    # session 9 (deadn, never read it): deadline 82.0 -> 84.0; concl13 proposes one more non-directive: real 72.7
    # §38.1 relabels (guide18): deadline 84.0 -> 80.0
    "conclusions_v6_heldout": (0.85, 0.72, 0.80),
    # conclusions_v7 (corpus I, 8 dev documents / 19 directives): dev floors at the figures measured on branch
    # deadl5 after merging main (concl4): found 78.9, real 78.9, deadline 73.3
    # session 9 (concl13: glued end marks, list items): 78.9 / 83.3 / 86.7 -> 94.7 / 90.9 / 88.9
    "conclusions_v7_dev": (0.94, 0.90, 0.88),  # concl7: real 78.9 -> 83.3; deadl9: deadline 80.0; deadm: 86.7
    # conclusions_v7 held-out (8 documents / 26 directives; nobody writing rules opened it): first look with
    # main after concl4 84.6 / 88.5 / 90.9 (lead 86.4); unchanged after the other fourth-session branches.
    # conclusions_v5_heldout lead on found 60.0 -> 65.0 (leadwho4; lead has no floor here).
    # §38.1 relabels (guide18): deadline 90.9 -> 86.4; duty15 (never read it): -> 90.9
    "conclusions_v7_heldout": (0.84, 0.88, 0.90),
    # conclusions_v8 (corpus J): clean first look (main 89dffe9) dev 13 documents / 33 directives 75.8 / 67.4 /
    # 76.0 (lead 72.0), held-out 3 / 9: 77.8 / 58.3 / 42.9 (lead 14.3). concl6 (notice formulas, heads,
    # contacts, holiday schedules are no tasks; "Tiến hành …", "Trường hợp … thì" items kept), written with
    # v8 dev readable: dev 90.9 / 94.4 / 83.3; held-out 88.9 / 61.5 / 37.5 (lead 12.5).
    # seventh (deadl9): deadline 83.9 -> 90.3  # concl7: 90.9 / 94.4 / 83.3 -> 93.9 / 97.2 / 83.9
    # session 9 (concl13): CJ01 now found (lead-in naming a work), its day is in a detail line under it: found
    # 93.9 -> 97.0, deadline 90.3 -> 87.5
    # session 10 (deado/conclo time line, not written from it): deadline 87.5 -> 90.6
    # §38.1 relabels (guide18): deadline 90.6 -> 84.4; duty15: -> 93.8
    "conclusions_v8_dev": (0.96, 0.97, 0.93),
    # session 9 (concl13, never read it): found 88.9 -> 100, real 61.5 -> 64.3; the item found has no deadline:
    # deadline 37.5 -> 33.3
    "conclusions_v8_heldout": (0.99, 0.64, 0.33),
    # conclusions_v9 (corpus K, nobody read it before its first look): with the session's start rules
    # (599260c) dev 20 / 59: 88.1 / 86.4 / 82.7 (lead 69.2), held-out 11 / 35: 80.0 / 83.7 / 64.3 (lead 75.0);
    # with the session's end rules dev 89.8 / 86.7 / 83.0 (lead 69.8), held-out unchanged.
    # Seventh session (concl8): found 91.5 -> 93.2, real 91.4 -> 93.1; deadline on found 85.2 -> 83.6 because
    # the newly found items carry fewer right deadlines (the same items as before keep theirs): floor lowered.
    # concl7, deadl8: 89.8 / 86.7 / 83.0 -> 91.5 / 91.4 / 85.2; session 9 (concl13): 94.9 / 95.1 / 85.7
    # concperiod: deadline 85.7 -> 92.9; §38.1 relabels (guide18): 92.9 -> 91.1; duty15: -> 92.9
    "conclusions_v9_dev": (0.94, 0.95, 0.92),
    "conclusions_v9_heldout": (0.82, 0.84, 0.65),  # session 9 (concl13, never read it): 82.9 / 84.4 / 65.5
    # conclusions_v10 (corpus L, nobody read it before its first look): with the session's start rules
    # (580e1c6) dev 9 / 30: 80.0 / 78.1 / 75.0 (lead 58.3), held-out 4 / 18: 83.3 / 75.0 / 80.0 (lead 93.3);
    # with the end rules dev 83.3 / 78.8 / 76.0 (lead 60.0), held-out 83.3 / 78.9 / 80.0 (lead 86.7: one item).
    "conclusions_v10_dev": (0.99, 0.93, 0.93),  # seventh (concl8, deadl9): 100 / 93.9 / 90.0; conv11: deadline 93.3
    "conclusions_v10_heldout": (0.83, 0.78, 0.79),
    # conclusions_v11 (corpus M, first look with main 80fce24): dev 6 / 16: 87.5 / 77.8 / 64.3 (lead 57.1),
    # held-out 4 / 10: 50.0 / 77.8 / 80.0 (lead 80.0).
    # session 8 (M dev opened; conv12 §32.1/§32.2): deadline 64.3 -> 92.9; session 9 (concl13): found 87.5 -> 93.8
    "conclusions_v11_dev": (0.93, 0.78, 0.93),
    # guide11 (§30.2) relabelled one item: 80.0 -> 60.0; guide12 (§33.10, CM05) another: 40.0
    # session 10: deadline 40.0 -> 20.0 (one item) after conclo's notice time-line carry; the rule was chosen on dev
    # and kept, held-out stays blind (bench/README, the tenth session as a whole); session 11 (conclp narrowed that
    # carry to its own list, chosen on O/P dev): deadline 20.0 -> 40.0, real 77.8 -> 70.0 (one more line proposed)
    "conclusions_v11_heldout": (0.50, 0.70, 0.40),
    # conclusions_v12 (corpus N; all five fell held-out by the hash): first look 91.7 / 64.3 / 81.8 (lead 81.8).
    "conclusions_v12_heldout": (0.91, 0.64, 0.81),
    # conclusions_v13 (corpus O, first look with main 3fffbd2): dev 6 / 14: 78.6 / 68.4 / 45.5 (lead 27.3);
    # held-out 3 / 6: 83.3 / 63.6 / 100 (lead 80.0).
    # session 10, O dev opened (deado, conclo): real 68.4 -> 70.6, deadline 45.5 -> 81.8
    "conclusions_v13_dev": (0.78, 0.70, 0.81),
    # conclusions_v14 (corpus P, closed): first look dev 75.0 / 64.3 / 55.6 -> 66.7 after guide15's relabels; held-out
    # 62.5 / 75.0 / 40.0 (lead 60.0) on the start code; at the end deadline 40.0, lead 20.0 (conclo's speaker rule).
    "conclusions_v14_dev": (0.83, 0.71, 0.90),
    "conclusions_v14_heldout": (0.62, 0.75, 0.40),
    "conclusions_v13_heldout": (0.83, 0.63, 0.99),
    # conclusions_v15 (corpus Q, closed): first look (main 45cf463) dev 87.5 / 95.5 / 52.4 (lead 42.9), held-out
    # 100 / 87.5 / 85.7 (lead 14.3); after guide17's relabels dev found 91.3, the rest unchanged.
    "conclusions_v15_dev": (0.87, 0.99, 0.99),  # session 12: conclq, deadq -> 87.5 / 100 / 100
    "conclusions_v15_heldout": (0.99, 0.87, 0.85),
    # conclusions_v16 (corpus R, closed): first look (main c518d75) dev 95.0 / 100 / 89.5 (lead 26.3), held-out
    # 100 / 77.8 / 42.9 (lead 85.7); after guide19's relabels (CR07's closure no task, CR01 item 3's lead), same code:
    # dev 94.7 / 95.0 / 88.9 (lead 27.8). conclusions_v15 dev found 91.3 -> 87.5 on the same code (CQ05 +1 directive).
    "conclusions_v16_dev": (0.94, 0.95, 0.88),
    "conclusions_v16_heldout": (0.99, 0.77, 0.57),
}

SENTENCE_SETS = sorted({*SENTENCE_FLOORS, *sentence_sets()})
CONCLUSION_SETS = sorted({*CONCLUSION_FLOORS, *conclusion_sets()})


def _misses_shown(name: str, paths: list[Path]) -> bool:
    """Held-out misses are never shown (nobody tunes to them), nor a closed corpus's, dev part included
    (tests/data/CLOSED: it measures whether a session's rules carry)."""
    return not name.endswith("heldout") and not any(is_closed(p) for p in paths)


@pytest.mark.parametrize("name", SENTENCE_SETS)
def test_sentence_floors(name: str) -> None:
    path = sentence_sets().get(name)
    if path is None:
        pytest.skip(f"{name}: no file in tests/data yet")
    score = score_sentences(load_jsonl(path))
    print(
        f"\n{name}: n={score.n} deadline {score.rate('deadline'):.1%}, lead {score.rate('lead'):.1%}"
        f" (words {score.rate('lead_words'):.1%})"
    )
    if _misses_shown(name, [path]):
        for miss in score.misses:
            print("  miss", miss)
    if name not in SENTENCE_FLOORS:
        pytest.skip(f"{name}: no floor yet")
    deadline_floor, lead_floor = SENTENCE_FLOORS[name]
    assert score.rate("deadline") >= deadline_floor, f"{name} deadline fell below {deadline_floor}"
    assert score.rate("lead") >= lead_floor, f"{name} lead fell below {lead_floor}"


@pytest.mark.parametrize("name", CONCLUSION_SETS)
def test_conclusion_floors(name: str) -> None:
    paths = conclusion_sets().get(name)
    if not paths:
        pytest.skip(f"{name}: no conclusions in tests/data/conclusions_v3 yet")
    c = score_conclusions(paths)
    print(
        f"\n{name}: {len(paths)} documents, {c.gold} directives: found {c.recall():.1%}, "
        f"real among proposed {c.precision():.1%} ({c.real}/{c.proposed}), deadline right {c.deadline_rate():.1%}, "
        f"lead right {c.lead_rate():.1%}"
    )
    if _misses_shown(name, paths):
        for miss in c.misses:
            print("  miss", miss)
    if name not in CONCLUSION_FLOORS:
        pytest.skip(f"{name}: no floor yet")
    found, real, deadline = CONCLUSION_FLOORS[name]
    assert c.recall() >= found, f"{name} found fell below {found}"
    assert c.precision() >= real, f"{name} precision fell below {real}"
    assert c.deadline_rate() >= deadline, f"{name} deadline fell below {deadline}"
