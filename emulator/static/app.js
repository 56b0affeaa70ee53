// Nhắc việc sandbox page: a Telegram-like group chat around the real bot. Plain JS, no build step.
"use strict";

const VN_OFFSET_MS = 7 * 3600 * 1000; // Asia/Ho_Chi_Minh has no daylight saving time
const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const COLORS = ["#e17076", "#7bc862", "#e5ca77", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb", "#faa774"];

const S = {
  state: null,         // /api/state
  personas: [],
  user: null,          // current persona id
  chatId: null,        // open chat id
  chats: {},           // id -> {id, type, title, messages}
  chatOrder: [],       // the group first, then the private chat with the bot
  revision: -1,
  seen: {},            // "user:chat" -> messages seen
  rendered: "",        // fingerprint of what is drawn
  replyTo: null,       // {message_id, from_name, plain}
  mentions: [],        // [{user, name}] inserted from the member list
  clock: null,
  pollAbort: null,
  popup: null,         // {kind: "mention"|"command", items, sel, start}
  pressed: null,       // {chat, until}: a button this persona pressed a moment ago
  stick: true,         // the message list follows new messages (the reader is at the bottom)
};

const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const opts = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
  };
  const res = await fetch(path, opts);
  const data = await res.json();
  if (data.ok === false) throw new Error(data.error || "Lỗi");
  return data.result !== undefined ? data.result : data;
}

// ------------------------------------------------------------------------------------ helpers
function initials(name) {
  const words = (name || "?").trim().split(/\s+/);
  const pick = words.length > 1 ? [words[words.length - 2], words[words.length - 1]] : [words[0]];
  return pick.map((w) => w[0]).join("").toUpperCase();
}
function colorOf(id) { return COLORS[Math.abs(Number(id)) % COLORS.length]; }
function avatar(name, id, big) {
  const el = document.createElement("div");
  el.className = "avatar" + (big ? " big" : "");
  el.style.background = colorOf(id);
  el.textContent = initials(name);
  return el;
}
function vnDate(unixSeconds) { return new Date(unixSeconds * 1000 + VN_OFFSET_MS); }
function pad(n) { return String(n).padStart(2, "0"); }
function hhmm(unix) { const d = vnDate(unix); return pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()); }
function dayLabel(unix) {
  const d = vnDate(unix);
  return `${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
// "Đỗ" and "do" find the same person, as Telegram's search does.
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}
function persona(id) { return S.personas.find((p) => p.id === id); }
function me() { return persona(S.user); }

function toast(text) {
  const t = $("toast");
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 3500);
}
function alertBox(text) { $("alert-text").textContent = text; $("alert").hidden = false; }

// ------------------------------------------------------------------------ entities -> DOM
// Telegram gives offsets and lengths in UTF-16 code units: exactly JavaScript string indices.
function renderEntities(text, entities) {
  const ents = (entities || []).slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  const frag = document.createDocumentFragment();
  build(frag, text, ents, 0, text.length);
  return frag;
}
function build(parent, text, ents, start, end) {
  let pos = start;
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i];
    const eEnd = e.offset + e.length;
    if (e.offset < pos || eEnd > end) continue; // overlapping: drawn as plain text
    if (e.offset > pos) parent.appendChild(document.createTextNode(text.slice(pos, e.offset)));
    const inner = [];
    let j = i + 1;
    for (; j < ents.length && ents[j].offset < eEnd; j++) inner.push(ents[j]);
    const node = wrap(e, text.slice(e.offset, eEnd));
    build(node, text, inner, e.offset, eEnd);
    parent.appendChild(node);
    pos = eEnd;
    i = j - 1;
  }
  if (pos < end) parent.appendChild(document.createTextNode(text.slice(pos, end)));
}
function deepLinkPayload(href) {
  const bot = S.state && S.state.bot && S.state.bot.username;
  if (!bot) return null;
  const m = href.match(/^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]{1,64})$/);
  return m && m[1].toLowerCase() === bot.toLowerCase() ? m[2] : null;
}
async function openDeepLink(payload) {
  try {
    // start: false — the chat opened without a bare "/start" first (qa20): Telegram sends "/start <payload>" alone.
    await api("/api/open_private", {user: S.user, start: false});
    await openChat(S.user);
    await api("/api/send", {user: S.user, chat: S.user, text: `/start ${payload}`, reply_to: null, mentions: []});
  } catch (err) { toast(err.message); }
}
function wrap(e, raw) {
  switch (e.type) {
    case "bold": return el("b");
    case "italic": return el("i");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "code": return el("code");
    case "pre": return el("pre");
    case "blockquote": case "expandable_blockquote": return el("blockquote");
    case "spoiler": {
      const s = el("span", "spoiler");
      s.addEventListener("click", () => s.classList.add("shown"));
      return s;
    }
    case "text_link": case "url": {
      const a = el("a");
      a.href = e.type === "url" ? (/^https?:/i.test(raw) ? raw : "http://" + raw) : e.url;
      a.target = "_blank";
      a.rel = "noopener";
      const start = deepLinkPayload(a.href);
      if (start !== null) {
        // t.me/<this bot>?start=<payload>: as in Telegram, one tap opens the private chat with the bot
        // and sends "/start <payload>" there.
        a.addEventListener("click", (ev) => { ev.preventDefault(); openDeepLink(start); });
      }
      return a;
    }
    case "text_mention": {
      const s = el("span", "mention");
      s.title = e.user ? `${e.user.first_name || ""} ${e.user.last_name || ""}`.trim() : "";
      return s;
    }
    case "mention": case "hashtag": case "cashtag": case "email": case "phone_number":
      return el("span", e.type === "hashtag" ? "hashtag" : "mention");
    case "bot_command": {
      const s = el("span", "command");
      s.title = "Bấm để đưa lệnh vào ô soạn tin";
      s.addEventListener("click", () => { setInput(raw.replace(/@\w+$/, "") + " "); });
      return s;
    }
    default: return el("span");
  }
}

// --------------------------------------------------------------------------- drawing
function drawPersonas() {
  const ul = $("personas");
  ul.textContent = "";
  for (const p of S.personas) {
    const li = el("li");
    li.dataset.persona = p.key;
    if (p.id === S.user) li.classList.add("active");
    li.appendChild(avatar(p.name, p.id));
    const who = el("div", "who");
    who.appendChild(el("div", "name", p.name));
    who.appendChild(el("div", "sub", p.role + (p.username ? " · @" + p.username : "")));
    li.appendChild(who);
    li.addEventListener("click", () => choosePersona(p.id));
    ul.appendChild(li);
  }
}

// The group's members and their standing; an administrator persona promotes, demotes, removes or adds
// back (POST /api/member: the emulator's chat-member changes, so the bot gets Telegram's real updates).
const MEMBER_STATUS = {
  creator: "Người tạo nhóm", administrator: "Quản trị viên", member: "Thành viên",
  left: "Đã rời nhóm", kicked: "Đã bị mời ra khỏi nhóm",
};
const MEMBER_ACTIONS = {
  member: [["promote", "⬆ Quản trị", "Cho làm quản trị viên nhóm"], ["remove", "✕ Mời ra", "Mời ra khỏi nhóm"]],
  administrator: [["demote", "⬇ Bỏ quản trị", "Bỏ quyền quản trị viên nhóm"], ["remove", "✕ Mời ra", "Mời ra khỏi nhóm"]],
  left: [["add", "＋ Thêm lại", "Thêm lại vào nhóm"]],
  kicked: [["add", "＋ Thêm lại", "Thêm lại vào nhóm"]],
};
function drawMembers() {
  const ul = $("members");
  ul.textContent = "";
  const members = S.members || [];
  const mine = members.find((m) => m.id === S.user);
  const canManage = !!mine && (mine.status === "creator" || mine.status === "administrator");
  for (const m of members) {
    const li = el("li");
    li.dataset.member = m.id;
    li.dataset.status = m.status;
    li.appendChild(avatar(m.name, m.id));
    const who = el("div", "who");
    who.appendChild(el("div", "name", m.name));
    who.appendChild(el("div", "sub status", MEMBER_STATUS[m.status] || m.status));
    li.appendChild(who);
    if (canManage && m.id !== S.user) {
      const actions = el("div", "member-actions");
      for (const [action, label, title] of MEMBER_ACTIONS[m.status] || []) {
        const b = el("button", "", label);
        b.type = "button";
        b.dataset.action = action;
        b.title = title;
        b.addEventListener("click", () => changeMember(m.id, action, b));
        actions.appendChild(b);
      }
      li.appendChild(actions);
    }
    ul.appendChild(li);
  }
  $("members-note").textContent = canManage
    ? "Bạn đổi quyền như quản trị viên nhóm trong Telegram; bot nhận đúng thay đổi đó."
    : "Chọn người tạo nhóm (Trưởng ban) hoặc một quản trị viên ở mục «Bạn là» để đổi quyền thành viên.";
}
async function changeMember(memberId, action, button) {
  button.disabled = true;
  try {
    const result = await api("/api/member", {user: S.user, member: memberId, action});
    S.members = result.members;
    drawMembers();
  } catch (err) {
    button.disabled = false;
    toast(err.message);
  }
}

function drawChats() {
  const ul = $("chats");
  ul.textContent = "";
  for (const chat of S.chatOrder.map((id) => S.chats[id])) {
    const li = el("li");
    li.dataset.chat = chat.type;
    if (chat.id === S.chatId) li.classList.add("active");
    li.appendChild(avatar(chat.title, chat.type === "private" ? S.state.bot.id : chat.id));
    const who = el("div", "who");
    who.appendChild(el("div", "name", chat.type === "group" ? chat.title : "🤖 " + chat.title));
    const last = chat.messages[chat.messages.length - 1];
    const sub = chat.type === "private" ? "Trò chuyện riêng với bot" : (last ? previewOf(last) : "");
    who.appendChild(el("div", "sub", sub));
    li.appendChild(who);
    const unread = chat.messages.length - (S.seen[S.user + ":" + chat.id] || 0);
    if (unread > 0 && chat.id !== S.chatId) li.appendChild(el("span", "badge hot", String(unread)));
    li.addEventListener("click", () => openChat(chat.id));
    ul.appendChild(li);
  }
}

function previewOf(m) {
  // Vietnamese names end with the given name ("Nguyễn Thị Lan" -> "Lan"); the bot keeps its name.
  const who = m.from && m.from.id === S.user ? "Bạn" : (m.by_bot ? m.from_name : (m.from_name || "").split(" ").slice(-1)[0]);
  const text = m.plain || (m.document ? "📄 " + m.document.file_name : serviceText(m) || "");
  return `${who}: ${text}`.slice(0, 80);
}

function serviceText(m) {
  if (m.new_chat_members) return `${m.from_name} đã thêm ${m.new_chat_members.map(nameOf).join(", ")} vào nhóm`;
  if (m.left_chat_member) return `${nameOf(m.left_chat_member)} đã rời nhóm`;
  if (m.migrate_to_chat_id || m.migrate_from_chat_id) return "Nhóm đã được nâng cấp thành siêu nhóm";
  if (m.group_chat_created) return "Nhóm đã được tạo";
  return null;
}
function nameOf(u) { return [u.first_name, u.last_name].filter(Boolean).join(" "); }

function drawHeader() {
  const chat = S.chats[S.chatId];
  if (!chat) return;
  const av = $("chat-avatar");
  av.style.background = colorOf(chat.type === "private" ? S.state.bot.id : chat.id);
  av.textContent = initials(chat.title);
  $("chat-title").textContent = chat.type === "group" ? chat.title : chat.title;
  $("chat-sub").textContent = chat.type === "group"
    ? `${S.state.group.members} thành viên · bạn là ${me().name} (${me().role})`
    : `bot · @${S.state.bot.username} · trò chuyện riêng với ${me().name}`;
  const p = me();
  const privateNotStarted = chat.type === "private" && !p.started;
  $("start-bar").hidden = !privateNotStarted;
  $("composer").hidden = privateNotStarted;
}

function drawMessages(force) {
  const chat = S.chats[S.chatId];
  if (!chat) return;
  const fingerprint = JSON.stringify([S.user, S.chatId, chat.messages]);
  if (!force && fingerprint === S.rendered) return;
  const msgs = chat.messages;
  S.rendered = fingerprint;
  const box = $("messages");
  const atBottom = S.stick;
  box.textContent = "";
  if (!msgs.length) box.appendChild(emptyState(chat));
  let lastDay = null;
  msgs.forEach((m, i) => {
    const day = dayLabel(m.date);
    if (day !== lastDay) {
      const d = el("div", "day");
      d.appendChild(el("span", "", day));
      box.appendChild(d);
      lastDay = day;
    }
    const service = serviceText(m);
    if (service) {
      const s = el("div", "service");
      s.appendChild(el("span", "", service));
      box.appendChild(s);
      return;
    }
    const next = msgs[i + 1];
    const sameNext = next && !serviceText(next) && next.from && m.from && next.from.id === m.from.id
      && dayLabel(next.date) === day;
    const prev = msgs[i - 1];
    const firstOfRun = !prev || !prev.from || !m.from || prev.from.id !== m.from.id || !!serviceText(prev)
      || dayLabel(prev.date) !== day;
    box.appendChild(drawMessage(m, chat, !sameNext, firstOfRun));
  });
  S.seen[S.user + ":" + S.chatId] = msgs.length;
  if (atBottom || force) scrollToBottom();
}

function scrollToBottom() {
  const box = $("messages");
  box.scrollTop = box.scrollHeight;
  S.stick = true;
}

// An empty private chat: what Telegram shows before "Start" (the bot's description).
function emptyState(chat) {
  const card = el("div", "empty");
  card.appendChild(el("div", "empty-title", chat.type === "private" ? "Nhắc việc làm được gì?" : chat.title));
  card.appendChild(el("div", "", chat.type === "private"
    ? "Bot ghi các kết luận, chỉ đạo của Ban chỉ đạo, nhắc người thực hiện trước và sau hạn, và gửi tổng hợp sáng thứ Hai. Bấm BẮT ĐẦU để bot nhắc việc cho bạn qua tin nhắn riêng."
    : "Chưa có tin nhắn."));
  return card;
}

function drawMessage(m, chat, lastOfRun, firstOfRun) {
  const mine = m.from && m.from.id === S.user;
  const row = el("div", "row" + (mine ? " mine" : "") + (lastOfRun ? " last" : "") + (chat.type === "private" ? " private" : ""));
  row.dataset.messageId = m.message_id;
  if (m.by_bot) row.classList.add("bot");
  if (!mine) row.appendChild(avatar(m.from_name, m.from ? m.from.id : 0));
  const wrapBox = el("div", "bubble-wrap");
  const bubble = el("div", "bubble");
  if (!mine && firstOfRun && chat.type === "group") {
    const sender = el("div", "sender", m.from_name);
    sender.style.color = colorOf(m.from ? m.from.id : 0);
    bubble.appendChild(sender);
  }
  if (m.reply_preview) {
    const q = el("div", "reply-quote");
    q.appendChild(el("div", "q-name", m.reply_preview.from_name));
    q.appendChild(el("div", "q-text", m.reply_preview.plain || "📄"));
    q.addEventListener("click", () => flash(m.reply_preview.message_id));
    bubble.appendChild(q);
  }
  if (m.photo_url) {
    const img = el("img", "photo");
    img.src = m.photo_url;
    img.alt = "ảnh";
    img.addEventListener("click", () => window.open(m.photo_url, "_blank", "noopener"));
    img.addEventListener("load", () => { if (S.stick) scrollToBottom(); });
    bubble.appendChild(img);
  }
  if (m.document) {
    const doc = el("a", "doc");
    doc.href = m.document_url;
    doc.download = m.document.file_name || "";
    doc.title = "Tải tệp về";
    doc.appendChild(el("div", "doc-icon", "📄"));
    const info = el("div");
    info.appendChild(el("div", "doc-name", m.document.file_name || "tệp"));
    info.appendChild(el("div", "doc-size", Math.max(1, Math.round((m.document.file_size || 0) / 1024)) + " KB"));
    doc.appendChild(info);
    bubble.appendChild(doc);
  }
  const text = m.text !== undefined ? m.text : (m.caption || "");
  const entities = m.text !== undefined ? m.entities : m.caption_entities;
  const body = el("span", "text");
  body.appendChild(renderEntities(text, entities));
  bubble.appendChild(body);
  const meta = el("span", "meta", (m.edit_date ? "đã sửa " : "") + hhmm(m.date) + (mine ? " ✓✓" : ""));
  bubble.appendChild(meta);
  const rb = el("button", "reply-btn", "↩");
  rb.type = "button";
  rb.title = "Trả lời";
  rb.addEventListener("click", () => setReply(m));
  bubble.appendChild(rb);
  bubble.addEventListener("dblclick", () => setReply(m));
  wrapBox.appendChild(bubble);
  if (m.buttons && m.buttons.length) wrapBox.appendChild(drawKeyboard(m, chat));
  row.appendChild(wrapBox);
  return row;
}

function drawKeyboard(m, chat) {
  const kb = el("div", "keyboard");
  for (const rowButtons of m.buttons) {
    const r = el("div", "kb-row");
    for (const b of rowButtons) {
      const btn = el("button", "", b.text);
      btn.type = "button";
      btn.title = b.text;
      btn.addEventListener("click", async () => {
        if (b.url) { window.open(b.url, "_blank", "noopener"); return; }
        if (b.web_app) { openBoard(chat.id); return; }
        btn.disabled = true;
        S.pressed = {chat: chat.id, until: Date.now() + 10000};
        try {
          const answer = await api("/api/press", {user: S.user, chat: chat.id, message_id: m.message_id,
                                                  callback_data: b.callback_data});
          if (answer.text) (answer.show_alert ? alertBox : toast)(answer.text);
        } catch (err) { toast(err.message); }
        btn.disabled = false;
      });
      r.appendChild(btn);
    }
    kb.appendChild(r);
  }
  return kb;
}

function flash(messageId) {
  const row = document.querySelector(`#messages .row[data-message-id="${messageId}"] .bubble`);
  if (!row) return;
  row.scrollIntoView({block: "center", behavior: "smooth"});
  row.classList.remove("flash");
  void row.offsetWidth;
  row.classList.add("flash");
}

// ------------------------------------------------------------------------------ reply
function setReply(m) {
  S.replyTo = {message_id: m.message_id, from_name: m.from_name, plain: m.plain || (m.document ? "📄 " + m.document.file_name : "")};
  $("reply-name").textContent = "Trả lời " + m.from_name;
  $("reply-text").textContent = S.replyTo.plain;
  $("reply-bar").hidden = false;
  // The conversation is brought into view, not left to the browser's focus scrolling (qa16): on a phone
  // (the people and chats above the chat) a box that already had the focus did not move the page, and the
  // member list stayed on the screen while the question and the box were below it.
  $("input").focus({preventScroll: true});
  S.stick = true;
  requestAnimationFrame(showConversation);
}
function showConversation() {
  const chat = $("chat").getBoundingClientRect();
  if (chat.top < 0 || chat.bottom > innerHeight) window.scrollBy(0, Math.min(chat.top, chat.bottom - innerHeight));
  scrollToBottom();  // the question just asked, above the box
}
function clearReply() { S.replyTo = null; $("reply-bar").hidden = true; }

// The bot asks with ForceReply(selective): the app of the person asked starts a reply by itself.
function autoReply(chat, before) {
  const fresh = chat.messages.slice(before);
  for (const m of fresh) {
    const asked = m.force_reply;
    const toMe = (m.reply_to_message && m.reply_to_message.from && m.reply_to_message.from.id === S.user)
      || namesMe(m);
    // The person who just pressed the button that made the bot ask (its prompt is not a reply).
    const justPressed = S.pressed && S.pressed.chat === chat.id && Date.now() < S.pressed.until;
    if (m.by_bot && asked && (toMe || justPressed || chat.type === "private")) setReply(m);
  }
}

// Selective ForceReply: Telegram opens the reply box for the people the question @mentions.
function namesMe(m) {
  const p = me();
  const text = m.text || "";
  return (m.entities || []).some((e) => (e.type === "text_mention" && e.user && e.user.id === S.user)
    || (e.type === "mention" && p.username && text.substr(e.offset, e.length).toLowerCase() === "@" + p.username.toLowerCase()));
}

// ------------------------------------------------------------------------------ composer
function setInput(text) { const i = $("input"); i.value = text; i.focus(); autosize(); }
function autosize() { const i = $("input"); i.style.height = "auto"; i.style.height = Math.min(i.scrollHeight, 180) + "px"; }

async function send() {
  const input = $("input");
  const text = input.value;
  if (!text.trim()) return;
  const body = {user: S.user, chat: S.chatId, text, reply_to: S.replyTo ? S.replyTo.message_id : null,
                mentions: S.mentions.filter((m) => text.includes(m.name))};
  input.value = "";
  autosize();
  clearReply();
  S.mentions = [];
  closePopup();
  // As in Telegram's apps: what you send, and the answer to it, are shown even when you were scrolled
  // up (replying to a long preview, say).
  scrollToBottom();
  try { await api("/api/send", body); } catch (err) { toast(err.message); input.value = text; }
}

// "@" lists the group's members, "/" the bot's commands, as Telegram's apps do.
function updatePopup() {
  const input = $("input");
  const upto = input.value.slice(0, input.selectionStart);
  const at = upto.match(/(^|\s)@([\p{L}\w]*)$/u);
  const slash = upto.match(/^\/(\w*)$/);
  let items = [];
  let kind = null;
  let start = 0;
  if (at && S.chats[S.chatId].type === "group") {
    const q = at[2].toLowerCase();
    kind = "mention";
    start = upto.length - at[2].length - 1;
    items = S.personas.filter((p) => p.id !== S.user
      && (fold(p.name).split(" ").some((w) => w.startsWith(fold(q))) || fold(p.username || "").startsWith(fold(q))));
  } else if (slash) {
    const q = slash[1].toLowerCase();
    kind = "command";
    items = (S.state.commands || []).filter((c) => c.command.startsWith(q));
  }
  if (!kind || !items.length) { closePopup(); return; }
  S.popup = {kind, items, sel: 0, start};
  const box = $("mention-list");
  box.textContent = "";
  items.forEach((item, k) => {
    const row = el("div", k === 0 ? "sel" : "");
    if (kind === "mention") {
      row.appendChild(avatar(item.name, item.id));
      const who = el("div", "who");
      who.appendChild(el("div", "name", item.name));
      who.appendChild(el("div", "sub", item.username ? "@" + item.username : "không có username"));
      row.appendChild(who);
    } else {
      row.appendChild(el("span", "cmd", "/" + item.command));
      row.appendChild(el("span", "desc", item.description));
    }
    row.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(k); });
    box.appendChild(row);
  });
  box.hidden = false;
}
function closePopup() { S.popup = null; $("mention-list").hidden = true; }
function pick(k) {
  const p = S.popup;
  if (!p) return;
  const item = p.items[k];
  const input = $("input");
  const caret = input.selectionStart;
  if (p.kind === "mention") {
    const insert = item.username ? "@" + item.username + " " : item.name + " ";
    if (!item.username) S.mentions.push({user: item.id, name: item.name});
    input.value = input.value.slice(0, p.start) + insert + input.value.slice(caret);
    input.selectionStart = input.selectionEnd = p.start + insert.length;
  } else {
    input.value = "/" + item.command + " " + input.value.slice(caret);
    input.selectionStart = input.selectionEnd = item.command.length + 2;
  }
  closePopup();
  input.focus();
}

// ------------------------------------------------------------------------------ state
async function choosePersona(id) {
  if (S.user === id) return;
  S.user = id;
  clearReply();
  const current = S.chats[S.chatId];
  S.chatId = current && current.type === "private" ? id : S.state.group.id;
  S.rendered = "";
  drawPersonas();
  restartPoll();
}

async function openChat(chatId) {
  S.chatId = chatId;
  clearReply();
  drawAll(true);
  // qa17: on a phone the people and chats sit above the conversation; a chat opened there stayed below them,
  // its header at the foot of the screen and its messages out of sight. Telegram opens it full screen.
  if (matchMedia("(max-width: 700px)").matches) $("chat").scrollIntoView({block: "start"});
}

function drawAll(force) {
  drawPersonas();
  drawMembers();
  drawChats();
  drawHeader();
  drawMessages(force);
  drawClock();
}

function drawClock() {
  if (!S.clock) return;
  let ms = S.clock.ms;
  if (S.clock.running) ms += Date.now() - S.clock.receivedAt;
  const d = new Date(ms + VN_OFFSET_MS);
  $("clock").textContent = `🕒 ${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} · ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
function setClock(clock) { S.clock = Object.assign({}, clock, {receivedAt: Date.now()}); drawClock(); }

function apply(data) {
  S.revision = data.revision;
  S.personas = data.personas;
  if (data.members) {
    S.members = data.members;
    S.state.group.members = data.members.filter((m) => ["creator", "administrator", "member"].includes(m.status)).length + 1;
  }
  setClock(data.clock);
  const wanted = S.chatId;
  const before = S.chats[wanted] ? S.chats[wanted].messages.length : null;
  S.chats = {};
  for (const c of data.chats) S.chats[c.id] = c;
  S.chatOrder = data.chats.map((c) => c.id);
  if (!S.chats[S.chatId]) S.chatId = data.chats[0].id;
  const chat = S.chats[S.chatId];
  if (before !== null && chat.id === wanted) autoReply(chat, before);
  drawAll(false);
}

function restartPoll() {
  if (S.pollAbort) S.pollAbort.abort();
  S.revision = -1;
  pollLoop();
}

async function pollLoop() {
  const abort = new AbortController();
  S.pollAbort = abort;
  const user = S.user;
  while (!abort.signal.aborted && user === S.user) {
    try {
      const url = `/api/poll?user=${user}&since=${S.revision}&timeout=${S.revision < 0 ? 0 : 20}`;
      const res = await fetch(url, {signal: abort.signal});
      const data = await res.json();
      if (abort.signal.aborted || user !== S.user) return;
      if (data.ok) apply(data.result);
    } catch (err) {
      if (abort.signal.aborted) return;
      await new Promise((r) => setTimeout(r, 1500)); // the sandbox restarting: try again
    }
  }
}

async function moveClock(step, button) {
  const buttons = document.querySelectorAll(".clock-buttons button");
  buttons.forEach((b) => { b.disabled = true; });
  $("clock-note").textContent = "Bot đang xử lý những việc đến hạn…";
  scrollToBottom();  // the reminders and summaries that fall due are what the person moved the clock to see
  try {
    setClock(await api("/api/clock", {step}));
    $("clock-note").textContent = "";
  } catch (err) {
    $("clock-note").textContent = err.message;
  }
  buttons.forEach((b) => { b.disabled = false; });
}

async function init() {
  S.state = await api("/api/state");
  S.personas = S.state.personas;
  S.members = S.state.members;
  S.user = S.personas[0].id;
  S.chatId = S.state.group.id;
  setClock(S.state.clock);
  const sel = $("example");
  for (const ex of S.state.examples) {
    const o = el("option", "", ex.label);
    o.value = ex.index;
    sel.appendChild(o);
  }
  $("import").addEventListener("click", async () => {
    const chair = S.personas.find((p) => p.key === "chair");
    try {
      await api("/api/example", {index: Number(sel.value), user: chair.id});
      S.chatId = S.state.group.id;
      drawAll(true);
    } catch (err) { toast(err.message); }
  });
  document.querySelectorAll(".clock-buttons button").forEach((b) => {
    b.addEventListener("click", () => moveClock(b.dataset.step, b));
  });
  $("send").addEventListener("click", send);
  $("reply-cancel").addEventListener("click", clearReply);
  $("alert-ok").addEventListener("click", () => { $("alert").hidden = true; });
  $("start-button").addEventListener("click", async () => {
    try { await api("/api/open_private", {user: S.user}); } catch (err) { toast(err.message); }
  });
  const input = $("input");
  input.addEventListener("input", () => { autosize(); updatePopup(); });
  input.addEventListener("click", updatePopup);
  input.addEventListener("blur", () => setTimeout(closePopup, 150));
  input.addEventListener("keydown", (ev) => {
    if (S.popup) {
      const n = S.popup.items.length;
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        S.popup.sel = (S.popup.sel + (ev.key === "ArrowDown" ? 1 : n - 1)) % n;
        [...$("mention-list").children].forEach((c, k) => c.classList.toggle("sel", k === S.popup.sel));
        return;
      }
      if (ev.key === "Tab" || (ev.key === "Enter" && S.popup.kind === "mention")) { ev.preventDefault(); pick(S.popup.sel); return; }
      if (ev.key === "Escape") { closePopup(); return; }
    }
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); send(); }
    if (ev.key === "Escape") clearReply();
  });
  setInterval(drawClock, 1000);
  $("messages").addEventListener("scroll", () => {
    const box = $("messages");
    S.stick = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  });
  drawPersonas();
  drawMembers();
  pollLoop();
}

init().catch((err) => { document.body.textContent = "Không tải được trang: " + err.message; });

// The board (Mini App): opened as Telegram would, signed for the chosen persona by the sandbox.
async function openBoard(chatId) {
  try {
    const query = new URLSearchParams({user: S.user, chat: chatId || ""});
    const res = await fetch(`/api/board_link?${query}`);
    const body = await res.json();
    if (!body.ok) throw new Error(body.error);
    window.open(body.result.url, "board", "noopener,width=420,height=800");
  } catch (err) { toast(err.message); }
}
document.getElementById("open-board").addEventListener("click", () => openBoard(S.chatId));
