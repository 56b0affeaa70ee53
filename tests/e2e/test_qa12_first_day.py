"""qa12: a ward's Party-committee chair, 58, on her first day with a bot, and the office clerk who sets it
up for her: the bot's arrival in the group, /huongdan and its examples copied as they are, slips of the
command name."""

from __future__ import annotations

import re

from emulator import Chat, User
from tests.e2e.conftest import Env, mentioned


def ward(env: Env) -> tuple[User, User, User, Chat]:
    w = env.world
    lan = w.add_user("Lan", "Nguyễn Thị", username="lan_bithu")
    hung = w.add_user("Hùng", "Trần Văn", username="hung_vanphong")
    mai = w.add_user("Mai", "Lê Thị", username="mai_vanthu")
    group = w.add_group("Đảng ủy phường Sài Đồng", creator=lan, members=[hung, mai], bot_status=None)
    return lan, hung, mai, group


async def test_the_welcome_names_the_chair_and_says_what_the_bot_reads(env: Env) -> None:
    """The clerk added the bot; it said «Quản trị viên nhóm là Trưởng ban» — the chair, who is not an
    «administrator» in her own words, did not know that meant her, and a Party committee's members asked
    whether the bot now reads everything they write in the group. The welcome names who is Trưởng ban and
    says the bot reads only commands and replies to its own messages."""
    _lan, _hung, mai, group = ward(env)
    env.world.add_bot(group, by=mai)
    welcome = await env.world.wait_for(chat=group)
    await env.idle()
    assert "Trưởng ban" in welcome.plain
    assert "Lan Nguyễn Thị" in welcome.plain
    assert "Mai Lê Thị" not in welcome.plain  # she added it, she is not an admin
    assert "chỉ đọc" in welcome.plain  # privacy: only commands and replies to the bot


async def test_the_help_examples_work_when_copied(env: Env) -> None:
    """/huongdan's second example was «/giao @lan cập nhật tin bài …»: copied as it stood it was refused
    «Chưa rõ ai thực hiện» (@lan is no Telegram username: they have five letters at least) with the very
    same example as the way to do it. The examples name the reader's own @username, so they work copied."""
    lan, _hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    guide = await env.say(lan, group, "/huongdan")
    examples = [line for line in guide.plain.split("Ví dụ")[-1].splitlines() if line.startswith("/giao")]
    assert examples and "@lan " not in guide.plain
    for example in examples:
        logged = await env.say(lan, group, example)
        assert "Đã ghi nhiệm vụ" in logged.plain, (example, logged.plain)
    assert any("@lan_bithu" in e for e in examples)
    # Someone without a username reads a placeholder, not a name that fails.
    an = env.world.add_user("An", "Đỗ")
    guide = await env.say(an, an, "/huongdan")
    assert not re.search(r"@lan\b", guide.plain)


async def test_a_command_name_with_a_word_added_is_answered_in_the_group(env: Env) -> None:
    """«/giaoviec …», «/giao_viec …» — the chair writing the command as she says it — met silence in the
    group (privately the bot answers any unknown command); she thought the bot was broken."""
    lan, _hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    for typed in ("/giaoviec Văn phòng làm báo cáo trước 15/12", "/giao_viec Văn phòng làm báo cáo trước 15/12",
                  "/xongviec 1"):
        answer = await env.say(lan, group, typed)
        assert "Có phải ý bạn là /" in answer.plain, (typed, answer.plain)
    assert "/giao?" in (await env.say(lan, group, "/giaoviec x")).plain


async def test_a_member_named_as_the_chair_says_it_is_that_person(env: Env) -> None:
    """«/giao anh Hùng làm báo cáo trước thứ 6» — how a chair gives a task — with Hùng in the group and known
    to the bot: saved with «🏢 Chủ trì: anh Hùng», a unit, and a button offering to add «anh Hùng» as a unit;
    «/giao Hùng …», «/giao cho anh Hùng …», «/giao Trần Văn Hùng …» were refused «Chưa rõ ai thực hiện».
    Hùng was never reminded. A name that is one person of the group is that person."""
    lan, hung, mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(hung, group, "/viec")  # the bot has seen him
    await env.say(mai, group, "/viec")
    for typed in ("/giao anh Hùng làm báo cáo trước thứ 6", "/giao Hùng làm báo cáo tuần trước thứ 6",
                  "/giao cho anh Hùng rà soát hồ sơ trước thứ 6", "/giao đồng chí Trần Văn Hùng lập danh sách",
                  "/giao chị Mai chủ trì, phối hợp Văn phòng soạn công văn trước 15/12"):
        logged = await env.say(lan, group, typed)
        assert "Đã ghi nhiệm vụ" in logged.plain, (typed, logged.plain)
        assert "👤 Chủ trì: Hùng Trần Văn" in logged.plain or "👤 Chủ trì: Mai Lê Thị" in logged.plain, logged.plain
        assert "chưa có trong danh sách đơn vị" not in logged.plain
    task = await env.task(1, group)
    assert task.text == "làm báo cáo trước thứ 6"
    # The chair's message notified nobody: the bot's confirmation mentions him (he has not opened a private chat).
    logged = await env.say(lan, group, "/giao anh Hùng nộp số liệu trước thứ 6")
    assert hung.id in mentioned(logged), logged.entities
    # Two people by name, the second coordinating.
    logged = await env.say(lan, group, "/giao chị Mai, anh Hùng phối hợp soạn kế hoạch trước 18/12")
    assert "Chủ trì: Mai Lê Thị" in logged.plain and "Phối hợp: Hùng Trần Văn" in logged.plain, logged.plain
    # A name nobody in the group has stays as before: asked about, never given to someone else.
    logged = await env.say(lan, group, "/giao anh Tuấn làm báo cáo trước thứ 6")
    assert "Hùng" not in logged.plain and "Mai" not in logged.plain


async def test_the_help_of_one_command(env: Env) -> None:
    """«/huongdan giao», «/help xong» — asking about the one command she needs — gave the whole guide again,
    the same screen she had not understood. It gives that command's use and example."""
    lan, _hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    for typed, expected in (("/huongdan giao", "Cách dùng: /giao"), ("/help /xong", "/xong <số>"),
                            ("/huongdan gia hạn", "/giahan"), ("/help extend", "/giahan"),
                            ("/huongdan donvi", "/donvi them"), ("/huongdan ds", "/ds")):
        answer = await env.say(lan, group, typed)
        assert expected in answer.plain, (typed, answer.plain)
        assert "Báo cáo (người thực hiện)" not in answer.plain, typed  # not the whole guide
    # The guide says how to read «<số>» and «[lý do]», and where a command's own help is.
    guide = (await env.say(lan, group, "/huongdan")).plain
    assert "/huongdan giao" in guide and "không gõ dấu < >" in guide
    # Anything else: the whole guide, as before.
    assert "Báo cáo (người thực hiện)" in (await env.say(lan, group, "/huongdan xin chào")).plain


async def test_start_in_private_says_how_to_bring_the_bot_into_the_committees_group(env: Env) -> None:
    """The chair found the bot and pressed «Bắt đầu»: she read «Từ nay bot sẽ nhắc việc …», the commands and
    «/giao …» examples — which, typed there, answer «hãy gõ trong nhóm» — and nothing said how the bot gets
    into the committee's group. Someone with no committee yet is told how (and given Telegram's add-to-group
    link); a chair whose group has the bot is not."""
    lan, _hung, _mai, group = ward(env)
    env.world.start_private(lan)
    hello = await env.world.wait_for(chat=lan)
    await env.idle()
    bot = env.world.bot.username
    assert "Thêm thành viên" in hello.plain and f"@{bot}" in hello.plain
    assert f"https://t.me/{bot}?startgroup" in hello.plain
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(lan, group, "/ds")  # her first command there: the bot knows her as the committee's chair
    again = await env.say(lan, lan, "/start")
    assert "Thêm thành viên" not in again.plain


async def test_a_titled_name_the_bot_does_not_know_is_not_offered_as_a_unit(env: Env) -> None:
    """On the first day nobody but the chair has written in the group: «/giao anh Tuấn làm báo cáo …» was
    saved with «⚠️ «anh Tuấn» chưa có trong danh sách đơn vị» and a button «➕ Thêm «anh Tuấn»» — a person
    offered as a unit of the committee. The bot says it does not know who «anh Tuấn» is and how to name him."""
    lan, hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    logged = await env.say(lan, group, "/giao anh Tuấn làm báo cáo trước thứ 6")
    assert "Đã ghi nhiệm vụ #1" in logged.plain
    assert "👤 Chủ trì: anh Tuấn" in logged.plain, logged.plain  # a person, even unknown: not the unit icon 🏢
    assert "danh sách đơn vị" not in logged.plain
    assert "@" in logged.plain and "/sua 1 giao" in logged.plain
    labels = [b["text"] for row in logged.reply_markup["inline_keyboard"] for b in row]
    assert not any("Thêm" in label for label in labels), labels
    # Once Hùng has written in the group, the chair gives it to him by name, as the notice says.
    await env.say(hung, group, "/viec")
    edited = await env.say(lan, group, "/sua 1 giao anh Hùng")
    assert "Chủ trì: Hùng Trần Văn" in edited.plain, edited.plain
    # A unit not yet declared is still offered as one.
    logged = await env.say(lan, group, "/giao Tổ công nghệ số cộng đồng làm báo cáo trước thứ 6")
    assert "chưa có trong danh sách đơn vị" in logged.plain
    assert "🏢 Chủ trì: Tổ công nghệ số cộng đồng" in logged.plain, logged.plain


async def test_the_chair_makes_a_secretary_by_name(env: Env) -> None:
    """«/vaitro chị Mai thư ký» — the chair making the office clerk secretary, as she would say it — was
    refused «Hãy nhắc tên người: /vaitro @người thuky»; Mai has no idea what her @username is."""
    lan, _hung, mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(mai, group, "/viec")
    answer = await env.say(lan, group, "/vaitro chị Mai thư ký")
    assert "Mai Lê Thị" in answer.plain and "Thư ký" in answer.plain, answer.plain
    logged = await env.say(mai, group, "/giao Văn phòng soạn công văn trước 15/12")
    assert "Đã ghi nhiệm vụ" in logged.plain


async def test_the_clerk_gives_a_unit_its_contact_by_name(env: Env) -> None:
    """«/donvi gan Văn phòng anh Hùng» was refused «Hãy nhắc tên người liên hệ: /donvi gan Văn phòng anh Hùng
    @người» — the name she had typed read back as part of the unit's. And «/donvi gan Văn phòng @…», /donvi's own
    example, was refused «Không có đơn vị «Văn phòng»» in a new committee, where «/giao Văn phòng …» works."""
    lan, hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(hung, group, "/viec")
    answer = await env.say(lan, group, "/donvi gan Văn phòng anh Hùng")
    assert "Hùng Trần Văn" in answer.plain and "Văn phòng" in answer.plain, answer.plain
    listed = await env.say(lan, group, "/donvi")
    assert "Hùng Trần Văn" in listed.plain
    answer = await env.say(lan, group, "/donvi gan Công an phường @mai_vanthu")
    assert "Công an phường" in answer.plain and "Không có đơn vị" not in answer.plain, answer.plain
    listed = await env.say(lan, group, "/donvi")
    assert listed.plain.count("Văn phòng HĐND&UBND") == 1


async def test_two_people_of_the_same_name_are_not_guessed_between(env: Env) -> None:
    """Two Hùng in the group: «/giao anh Hùng …» goes to neither; the chair is told to name him by @."""
    lan, hung, _mai, group = ward(env)
    other = env.world.add_user("Hùng", "Lê Quang", username="hung_congan")
    env.world.add_member(group, other)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(hung, group, "/viec")
    await env.say(other, group, "/viec")
    logged = await env.say(lan, group, "/giao anh Hùng làm báo cáo trước thứ 6")
    assert "Trần Văn" not in logged.plain and "Lê Quang" not in logged.plain, logged.plain
    assert "nhiều người cùng tên" in logged.plain and "/sua 1 giao @" in logged.plain
    # His full name tells them apart.
    logged = await env.say(lan, group, "/giao anh Lê Quang Hùng kiểm tra camera trước thứ 6")
    assert "Chủ trì: Hùng Lê Quang" in logged.plain, logged.plain


async def test_a_name_many_people_of_other_groups_share_still_finds_the_one_of_this_group(env: Env) -> None:
    """Only the first few holders of a name are asked of Telegram (one getChatMember each). In a province's
    database six «Hùng» of another ward, seen by the bot before him, came first and the one of this group —
    the office's contact — was never asked: the task was left to nobody. The committee's own people are
    asked first."""
    w = env.world
    chair = w.add_user("Tâm", "Phạm Thị", username="tam_chutich")
    others = [w.add_user("Hùng", f"Nguyễn {k}", username=f"hung_khac{k}") for k in "ABCDEF"]
    elsewhere = w.add_group("BCĐ phường Phúc Đồng", creator=chair, members=others, bot_status=None)
    w.add_bot(elsewhere, by=chair)
    await w.wait_for(chat=elsewhere)
    for person in others:  # seen by the bot, in their own ward's group
        await env.say(person, elsewhere, "/viec")
    lan, hung, _mai, group = ward(env)
    w.add_bot(group, by=lan)
    await w.wait_for(chat=group)
    await env.idle()
    await env.say(hung, group, "/viec")
    await env.say(lan, group, "/donvi gan Văn phòng @hung_vanphong")  # the office's contact
    logged = await env.say(lan, group, "/giao anh Hùng làm báo cáo trước thứ 6")
    assert "👤 Chủ trì: Hùng Trần Văn" in logged.plain, logged.plain


async def test_a_name_said_twice_within_a_minute_asks_telegram_once(env: Env) -> None:
    """(sec16) Matching «anh Hùng» asked Telegram (getChatMember) directly at every /giao, past the bot's one
    member memory (bot.member_status): a chair giving ten tasks by name in a row spent ten look-ups against
    Telegram's flood limits. Now the memory answers: a second /giao naming him within its minute costs
    no look-up; a minute later he is asked about again (a member who left meanwhile is not given the task)."""
    lan, hung, _mai, group = ward(env)
    env.world.add_bot(group, by=lan)
    await env.world.wait_for(chat=group)
    await env.idle()
    await env.say(hung, group, "/viec")  # the bot has seen him
    env.advance(minutes=5)  # what Telegram said of anyone is forgotten
    logged = await env.say(lan, group, "/giao anh Hùng làm báo cáo trước thứ 6")
    assert "👤 Chủ trì: Hùng Trần Văn" in logged.plain, logged.plain
    asked = env.world.calls["getChatMember"]
    logged = await env.say(lan, group, "/giao anh Hùng nộp số liệu trước thứ 6")
    assert "👤 Chủ trì: Hùng Trần Văn" in logged.plain, logged.plain
    assert env.world.calls["getChatMember"] == asked
    env.advance(minutes=2)
    logged = await env.say(lan, group, "/giao anh Hùng rà soát hồ sơ trước thứ 6")
    assert "👤 Chủ trì: Hùng Trần Văn" in logged.plain, logged.plain
    assert env.world.calls["getChatMember"] > asked
