"""An audit of the reader's trigger words: where a trigger is part of another word (issue 11, twelfth
session, branch `leadaudit`).

The reader keys on handing verbs («giao», «yêu cầu», «trách nhiệm của» …) and on body heads («Hội», «Tổ»,
«Phòng», «Ban» …). Each was checked, from Vietnamese rather than from labelled sentences, for the words it is
part of (compounds) and the words it folds onto when text is typed without diacritics (fold collisions); the
table is in bench/README.md, "Session 12 (branch leadaudit)". Most classes were already guarded
(giao_not_before.txt, not_heads.txt, chidao_not_after.txt). The classes that misfired are fixed:

- heads that are another word: «Hội nhập quốc tế …», «Hội đủ điều kiện, …», «Chi trả chế độ …», and the folds
  «Phong trao …» (phong trào), «To tung / To cao …» (tố tụng, tố cáo), «Doi moi …» (đổi mới), «Ban giao …»
  (bàn giao), «Ban cam ket …» (bản cam kết): data/lead_audit16_not_heads.txt, read with not_heads.txt;
- «giáo» folded onto the handing verb «giao»: «Ban Tuyen giao Tinh uy …», «Giao vien chu nhiem …»:
  data/lead_audit16_giao_not_after.txt / _not_before.txt, read with giao_not_after.txt / giao_not_before.txt;
- a handing word after «theo» (according to): «Theo phân công, đồng chí … phụ trách …», «Theo yêu cầu các đơn
  vị, Sở … rà soát …»: a noun in a fronted adjunct, not an order to what follows it;
- an acting verb that is a role in a body's name: «Cơ quan chủ trì chịu trách nhiệm …», «Đơn vị phối hợp có
  trách nhiệm …» (lead «Cơ quan» before): `role_named_subject`, hooked after `assignees._find_lead`;
- «trách nhiệm của X» after «tinh thần» / «ý thức»: a quality of X praised or urged, not a duty handed to X
  (`not_a_trigger`, hooked at the top of `assignees._trigger_ok`).

Tests: tests/domain/test_lead_audit16.py (each class: the misfire and the true use side by side).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.understand.lexicons import phrases

if TYPE_CHECKING:
    from domain.understand.assignees import _Found, _Sentence

_QUALITY_NOUNS = phrases("lead_audit16_quality_nouns")
_ROLES = phrases("lead_audit16_roles")
_GENERIC_HEADS = phrases("lead_audit16_generic_heads")
_DUTIES = phrases("lead_audit16_duties")
_DUTY_OF = phrases("lead_audit16_duty_of")


def not_a_trigger(s: _Sentence, p: int, size: int) -> bool:
    """Is the handing phrase at tokens[p:p+size] a noun here, not the act of handing?"""
    return _by_the_noun(s, p) or _quality_of(s, p, size)


def _by_the_noun(s: _Sentence, p: int) -> bool:
    """ "Theo phân công, đồng chí Phó Chủ tịch … phụ trách …", "Theo yêu cầu các đơn vị, Sở Tài chính rà soát …",
    "Theo sự phân công của Ban Thường vụ, …": after «theo» (according to) the handing word is a noun, and the
    phrase a fronted adjunct; whoever follows it asked or handed, the doer is the clause's own subject.
    (chidao_not_after.txt guarded «theo chỉ đạo» alone; «phân công», «yêu cầu», «đề nghị», «kiến nghị», «chỉ
    thị» after «theo» are the same noun.)"""
    if s.is_(p, "giao"):
        return False  # «giao» is never that noun («theo giao ước» is guarded by giao_not_before.txt)
    if s.is_(p - 1, "sự"):
        p -= 1
    return p > s.first and s.is_(p - 1, "theo")


def _quality_of(s: _Sentence, p: int, size: int) -> bool:
    """«tinh thần trách nhiệm của các cơ quan»: the spirit of responsibility of the bodies (praised, urged), not
    «trách nhiệm của Sở … là …» (a duty)."""
    if s.m(_DUTY_OF, p) != size or p < 2:
        return False
    return s.m(_QUALITY_NOUNS, p - 2) == 2


def role_named_subject(s: _Sentence, lead: _Found | None) -> _Found | None:
    """ "Cơ quan chủ trì chịu trách nhiệm tổng hợp …": the subject «cơ quan» ended before «chủ trì» (an obligation
    word to the reader); with a word of duty right after it, «chủ trì» is the body's role and part of its name."""
    if lead is None or lead.how != "subject" or len(lead.items) != 1:
        return lead
    a, b = lead.items[0]
    if b != lead.end or b - a < 2 or s.m(_GENERIC_HEADS, b - 2) != 2:
        return lead
    role = s.m(_ROLES, b)
    if not role or not s.m(_DUTIES, b + role):
        return lead
    return type(lead)([(a, b + role)], lead.start, b + role, lead.how)
