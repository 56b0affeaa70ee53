"""Word lists the assignee parser reads Vietnamese directives with.

The lists are data files in `domain/understand/data/<name>.txt` (one phrase a line, each file opening
with the kind of sentence it serves), loaded once by `domain.understand.lexicons`, apart from the
rules in `domain.understand.assignees`, so that a reader can check and extend them. Every entry is
written with diacritics; `PhraseSet` also matches text typed without them.
"""

from __future__ import annotations

from domain.understand.lexicons import phrases

# Verbs that hand work to the noun phrase after them, and the words around "giao"/"chỉ đạo" that
# make them part of another word.
ASSIGN_VERBS = phrases("assign_verbs")
GIAO_NOT_BEFORE = phrases("giao_not_before", "lead_audit16_giao_not_before")  # (leadaudit: folded «giáo …»)
GIAO_NOT_AFTER = phrases("giao_not_after", "lead_audit16_giao_not_after")  # (leadaudit: folded «tuyên giáo»)
CHIDAO_NOT_AFTER = phrases("chidao_not_after")

# Where a noun phrase may start: organisations, kinds, places, people, determiners.
ORG_HEADS = phrases("org_heads", "business_kinds", "lead_nodiac16_heads")  # (nodiac: «Cảnh sát …»)
CATEGORY_NOUNS = phrases("category_nouns", "business_kinds")
PLACE_NOUNS = phrases("place_nouns")
PERSON_HEADS = phrases("person_heads", "people_heads_more")  # (leadm: "hành khách", "độc giả")
DETERMINERS = phrases("determiners")

# Where a noun phrase ends and what continues it.
PREDICATE_MARKERS = phrases("predicate_markers", "predicate_adverbs_s9")  # (leadname: «vẫn», «tùy vào»)
ADVERBS = phrases("adverbs")
REPORTING_WORDS = phrases("reporting_words")
NP_STOPS = phrases("np_stops")
NP_LINKS_BEFORE_ORG = phrases("np_links_before_org")
NP_KEEP = phrases("np_keep", "name_compounds", "name_verb_compounds")  # ("hàng không"; leadm: "chương trình")
HEADS_TAKING_NAME = phrases("heads_taking_name")
COMMITTEE_PURPOSES = phrases("committee_purposes")
CO_PREDICATE_OBJECTS = phrases("co_predicate_objects")
SEND_VERBS = phrases("send_verbs")

# Verbs: of actions (end a noun phrase) and of narration (the splitter's reports).
VERBS = phrases("verbs", "verbs_more")  # (leadm: "chung tay", "siết chặt")
NARRATIVE_VERBS = phrases("narrative_verbs")
