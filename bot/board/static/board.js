// The board (Telegram Mini App). Telegram opens this page with its signed launch data in the URL's
// fragment (#tgWebAppData=…&tgWebAppThemeParams=…); every API call sends it back as
// "Authorization: tma <initData>" and the server checks the signature (domain/initdata.py).
// No Telegram script is loaded: the fragment carries everything the page needs.
"use strict";

const hash = new URLSearchParams(location.hash.slice(1));
const initData = hash.get("tgWebAppData") || (window.Telegram && Telegram.WebApp && Telegram.WebApp.initData) || "";
let T = {};
let me = null;
let board = null;
let state = { committee: null, tab: "tasks", filter: "all", unit: "", person: "", search: "", limit: 0 };
// Cards drawn at once: a ward's whole register (hundreds of tasks) drawn on every letter typed took about a
// second a letter; the rest come a hundred at a time («Xem thêm»), the headings still count them all.
const PAGE = 100;

function applyTheme() {
  const raw = hash.get("tgWebAppThemeParams");
  if (!raw) return;
  try {
    const theme = JSON.parse(raw);
    document.documentElement.classList.add("tg");
    for (const [key, value] of Object.entries(theme)) {
      document.documentElement.style.setProperty("--tg-" + key.replace(/_/g, "-"), value);
    }
  } catch (e) { /* a theme we cannot read: the defaults stay */ }
}

async function api(path, options = {}) {
  const response = await fetch("api/" + path, {
    ...options,
    headers: { "Authorization": "tma " + initData, "Content-Type": "application/json" },
  });
  const text = await response.text();
  let body = null;
  try { body = JSON.parse(text); } catch (e) { body = { message: text }; }
  if (!response.ok && response.status !== 409) {
    const error = new Error(body.message || text);
    error.status = response.status;
    throw error;
  }
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fmtDate(iso) {
  if (!iso) return T.no_due;
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function fmtDay(iso) {
  const day = new Date(iso + "T00:00:00");
  return `${T.weekdays[(day.getDay() + 6) % 7]}, ${fmtDate(iso)}`;
}

function fold(text) {
  return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase();
}

// ------------------------------------------------------------------------------------------ tasks

function visible(task) {
  const f = state.filter;
  if (f === "closed") { if (task.status === "open") return false; }
  else if (task.status !== "open") return false;
  if (f === "overdue" && task.state !== "open_overdue") return false;
  // Due from this week's Monday to its end; what slipped in earlier weeks is «Quá hạn»'s (board16).
  if (f === "week" && !(task.due && task.due <= board.week_end && task.due >= (board.week_start || ""))) return false;
  if (f === "extended" && !task.extended) return false;
  if (state.unit && task.unit !== state.unit) return false;
  if (state.person && !task.people.includes(state.person)) return false;
  const byNumber = state.search.trim().match(/^#\s*(\d+)$/);  // "#12": the task people call by its number
  if (byNumber) return task.number === Number(byNumber[1]);
  if (state.search) {
    const needle = fold(state.search);
    const hay = fold([task.number, task.text, task.lead, ...task.support].join(" "));
    if (!hay.includes(needle)) return false;
  }
  return true;
}

function taskCard(task) {
  // Who carries it (the people the bot reminds), unless the lead is that one person already.
  const carriers = task.carriers.filter((p) => p !== task.lead);
  // The card sits under its unit's heading: «Chủ trì: <that unit>» again on every card made a long unit name
  // («Phòng Văn hóa, Khoa học và Thông tin kiêm …») three lines of each card on a phone. Said when it differs.
  const lead = task.lead && task.lead !== task.unit ? `${T.lead}: ${task.lead}` : null;
  const meta = [lead, carriers.length ? `👤 ${carriers.join(", ")}` : null,
                `${T.due}: ${fmtDate(task.due)}`];
  if (task.status !== "open") meta.unshift(el("b", {}, T["state_" + task.state]));
  if (task.cadence) meta.unshift(el("span", { "data-recurring": task.cadence }, T.recurring_mark));
  if (task.days_overdue) meta.push(el("span", { class: "over" }, T.overdue_days.replace("{n}", task.days_overdue)));
  if (task.extension_count) meta.push(T.extended_times.replace("{n}", task.extension_count));
  if (task.pending_extension) meta.push(T.pending_extension.replace("{due}", fmtDate(task.pending_extension)));
  const parts = [];
  meta.forEach((m, i) => { if (m) { if (parts.length) parts.push(" · "); parts.push(m); } });
  return el("button", { class: `task ${task.state}`, "data-number": task.number, onclick: () => openTask(task.number) },
    el("div", {}, el("b", {}, `#${task.number} `), task.text),
    el("div", { class: "meta" }, parts),
    task.blocked_note ? el("div", { class: "meta" }, `🚧 ${T.obstacle}: ${task.blocked_note}`) : null);
}

// A committee with no task at all (a new ward, a district whose work is its wards'): said once, for every tab, in
// place of 0 · 0 · 0, filters over nothing and «Không có nhiệm vụ nào.»; a district's leads to its wards.
function renderEmpty(main) {
  const upper = board.lower.length > 0;
  main.append(el("p", { class: "hint empty", "data-empty": "" }, upper ? T.committee_empty_upper : T.committee_empty));
  if (upper) main.append(goLower());
}

function goLower() {
  return el("button", { class: "chip go-lower", "data-goto": "lower", onclick: () => { state.tab = "lower"; render(); } },
            T.go_lower);
}

function renderTasks(main) {
  state.limit = PAGE;
  // Units only: a person given a task directly is found under «Mọi người», not among the units.
  const units = [...new Set(board.tasks.filter((t) => !t.person_lead).map((t) => t.unit))].sort((a, b) => a.localeCompare(b, "vi"));
  const people = [...new Set(board.tasks.flatMap((t) => t.people))].sort((a, b) => a.localeCompare(b, "vi"));
  const chips = ["all", "overdue", "week", "extended", "closed"].map((f) =>
    el("button", { class: "chip" + (state.filter === f ? " on" : ""), "data-filter": f,
                   onclick: () => { state.filter = f; render(); } }, T["filter_" + f]));
  const unitSelect = el("select", { "aria-label": T.all_units, onchange: (e) => { state.unit = e.target.value; render(); } },
    el("option", { value: "" }, T.all_units), units.map((u) => el("option", { value: u, selected: u === state.unit }, u)));
  const personSelect = el("select", { "aria-label": T.all_people,
                                      onchange: (e) => { state.person = e.target.value; render(); } },
    el("option", { value: "" }, T.all_people), people.map((p) => el("option", { value: p, selected: p === state.person }, p)));
  const search = el("input", { type: "search", placeholder: T.search, value: state.search,
                               oninput: (e) => { state.search = e.target.value; state.limit = PAGE; renderList(); } });
  const t = board.totals;
  let totals = el("div", { class: "totals" },
    el("span", {}, el("b", {}, t.open_on_time + t.open_overdue), " ", T.total_open),
    el("span", { class: "over" }, el("b", {}, t.open_overdue), " ", T.total_overdue),
    // Every task ever closed (the open ones are now's): the period said, beside a month's «8/25» it is not.
    el("span", { class: "done-ever" }, el("b", {}, t.done_on_time + t.done_late), " ", T.total_done, " ",
       el("small", { class: "hint" }, T.total_done_period)));
  if (state.unit || state.person) {
    // A unit (or a person) chosen: its own figures, named — a unit head read the whole committee's over his
    // unit's cards. Every open task is on the board, so these counts are whole; closed ones are only the
    // recent ones, so no «đã hoàn thành» here.
    const mine = board.tasks.filter((task) => task.status === "open" && (!state.unit || task.unit === state.unit) &&
                                              (!state.person || task.people.includes(state.person)));
    const late = mine.filter((task) => task.state === "open_overdue").length;
    totals = el("div", { class: "totals" }, el("span", {}, [state.unit, state.person].filter(Boolean).join(" · ") + ":"),
      el("span", {}, el("b", {}, mine.length), " ", T.total_open),
      el("span", { class: "over" }, el("b", {}, late), " ", T.total_overdue));
  }
  // «Hạn tuần này» says its days and where the older overdue work is (board16).
  const weekHint = state.filter === "week" && board.week_start
    ? el("p", { class: "hint", "data-week-hint": "" },
         T.week_hint.replace("{start}", fmtDate(board.week_start)).replace("{end}", fmtDate(board.week_end)))
    : null;
  main.append(totals, el("div", { class: "filters" }, chips), ...(weekHint ? [weekHint] : []),
              el("div", { class: "filters" }, unitSelect, personSelect, search), el("div", { id: "list" }));
  renderList();
}

function renderList() {
  const list = document.getElementById("list");
  if (!list) return;
  list.replaceChildren();
  const shown = board.tasks.filter(visible);
  if (!shown.length) {
    list.append(el("p", { class: "hint" }, T.none));
    // «#12» with nothing shown: the task may be closed longer than the board keeps it, or outside the chosen
    // filter; the server has every task by its number (it says when there is none).
    const byNumber = state.search.trim().match(/^#\s*(\d+)$/);
    if (byNumber) {
      const n = Number(byNumber[1]);
      list.append(el("button", { class: "chip", "data-open": n, onclick: () => openTask(n) },
                     T.open_number.replace("{n}", n)));
    }
    return;
  }
  // In each unit the most overdue first, then the rest by the nearest deadline (none last): a secretary
  // preparing the meeting read a unit's cards by number, its overdue ones scattered among the rest.
  const byUrgency = (a, b) => (b.days_overdue - a.days_overdue) || (a.due || "9999").localeCompare(b.due || "9999") ||
                              (a.number - b.number);
  if (state.filter !== "closed") shown.sort(byUrgency);
  const groups = new Map();
  for (const task of shown) {
    if (!groups.has(task.unit)) groups.set(task.unit, []);
    groups.get(task.unit).push(task);
  }
  const wrap = el("div", { class: "groups" });
  const sorted = [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], "vi"));
  // Units first; the people given tasks directly (counted under no unit) under a heading of their own.
  const units = sorted.filter(([, tasks]) => !tasks[0].person_lead);
  const people = sorted.filter(([, tasks]) => tasks[0].person_lead);
  let budget = state.limit || PAGE;
  const group = ([unit, tasks]) => {
    const overdue = tasks.filter((t) => t.state === "open_overdue").length;
    const drawn = tasks.slice(0, Math.max(budget, 0));
    budget -= drawn.length;
    if (!drawn.length) return null;
    return el("div", { class: "group" },
      el("div", { class: "unit" }, unit, el("small", {}, `${tasks.length}${overdue ? " · " + overdue + " " + T.lower_overdue : ""}`)),
      drawn.map(taskCard));
  };
  wrap.append(...units.map(group).filter(Boolean));
  const personGroups = people.map(group).filter(Boolean);
  if (personGroups.length) wrap.append(el("h4", { class: "people-heading" }, T.people_heading), ...personGroups);
  list.append(wrap);
  const left = shown.length - (state.limit || PAGE);
  if (left > 0) {
    list.append(el("button", { class: "chip more", "data-more": left,
                               onclick: () => { state.limit = (state.limit || PAGE) + PAGE; renderList(); } },
                   T.show_more.replace("{n}", left)));
  }
}

// ------------------------------------------------------------------------------------------ chart, calendar

function renderChart(main) {
  const states = ["done_on_time", "done_late", "open_on_time", "open_overdue"];
  const periods = board.periods || [{ key: "month", label: board.month }, { key: "quarter", label: board.quarter }];
  const counted = (rows, key) => (rows || []).filter((u) => u[key] && u[key].total);
  const empty = ({ key }) => !counted(board.units, key).length && !counted(board.people, key).length;
  // Nothing in any period (a district whose work is its wards'): one line naming the periods, not a heading and
  // the same line under each.
  if (periods.every(empty)) {
    const labels = periods.map((p) => p.label.charAt(0).toLowerCase() + p.label.slice(1));  // mid-sentence
    const named = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} ${T.and} ${labels.at(-1)}` : labels[0];
    main.append(el("p", { class: "hint", "data-chart-none": "" }, T.chart_none_all.replace("{periods}", named)));
    if (board.lower.length) main.append(goLower());
    return;
  }
  main.append(el("div", { class: "legend" }, states.map((s) => el("span", {}, el("i", { class: "s-" + s }), T["state_" + s]))),
              el("p", { class: "hint rate-basis" }, T.rate_basis));
  // The server names the periods (domain.board.chart_periods): in the week of the first Monday of a month the
  // month just ended comes first, as in the Monday summary; each heading says which month it is.
  for (const { key, label } of periods) {
    const section = el("div", { class: "bars", "data-period": key },
      el("h3", {}, label, T["period_" + key] ? el("small", { class: "hint" }, ` · ${T["period_" + key]}`) : ""));
    const row = (unit, kind) => {
      const c = unit[key];
      const bar = el("div", { class: "bar" }, states.map((s) =>
        c[s] ? el("span", { class: "s-" + s, style: `width:${(100 * c[s]) / c.total}%`, title: `${T["state_" + s]}: ${c[s]}` }) : null));
      const rate = c.rate === null ? "—" : `${String(c.rate).replace(".", ",")}%`;
      // board16: «x/y» is of the tasks DUE in the period (done by their deadline / due), said in words; the bar
      // is every task of the period, counted apart: «0/10 đúng hạn» read as ten tasks due that month.
      const due = c.due ? T.chart_due.replace("{done}", c.due_on_time || 0).replace("{due}", c.due) : T.chart_due_none;
      return el("div", { class: "row", [kind]: unit.name },
        el("div", {}, el("b", {}, unit.name), el("span", { class: "hint", "data-due": `${c.due_on_time || 0}/${c.due || 0}` },
          ` ${due} · ${T.chart_in_period.replace("{n}", c.total)} · ${T.rate} ${rate}`)), bar);
    };
    // The committee as a whole first (the figure its district reads on its line), when it has units to add up.
    const whole = board.whole && board.whole[key];
    if (whole && whole.total && counted(board.units, key).length + counted(board.people, key).length > 1) {
      section.append(row({ name: T.whole, [key]: whole }, "data-whole"));
    }
    section.append(...counted(board.units, key).map((u) => row(u, "data-unit")));
    // People given tasks directly (counted under no unit): apart from the units, as in the Monday summary.
    const people = counted(board.people, key);
    if (people.length) {
      section.append(el("h4", { class: "people-heading" }, T.people_heading), ...people.map((p) => row(p, "data-person")));
    }
    // Nothing in this period (others have some): said under its heading; where the wards' figures are, once below.
    if (empty({ key })) section.append(el("p", { class: "hint" }, T.chart_none));
    main.append(section);
  }
  if (board.lower.length && periods.some(empty)) main.append(el("p", { class: "hint" }, T.chart_see_lower));
}

function renderCalendar(main) {
  // The calendar is what falls due from today on; overdue work is not in it, and a ward whose work is all
  // overdue read «Không có nhiệm vụ nào» here (nothing to do). Say how many are overdue and lead to them.
  const overdue = board.totals.open_overdue;
  if (overdue) {
    main.append(el("p", { class: "notice bad" }, T.calendar_overdue.replace("{n}", overdue), " ",
      el("button", { class: "chip", "data-goto": "overdue",
                     onclick: () => { state.tab = "tasks"; state.filter = "overdue"; render(); } }, T.filter_overdue)));
  }
  if (!board.calendar.length) main.append(el("p", { class: "hint" }, T.calendar_none));
  const byNumber = new Map(board.tasks.map((t) => [t.number, t]));
  for (const day of board.calendar) {
    main.append(el("div", { class: "day" }, el("b", {}, fmtDay(day.date)),
      el("div", {}, day.tasks.map((n) => {
        const t = byNumber.get(n);
        return el("div", {}, el("a", { href: "#", onclick: (e) => { e.preventDefault(); openTask(n); } }, `#${n}`),
                  t ? ` ${t.text} — ${t.lead || ""}` : "");
      }))));
  }
  // qa20: the calendar is four weeks; what falls due after them is counted, with the way to it (it ended on its
  // last day with nothing said, and a chair read that nothing fell due in January).
  const later = board.calendar_later;
  if (later && later.count) {
    main.append(el("p", { class: "hint calendar-later" },
      T.calendar_later.replace("{n}", later.count).replace("{date}", fmtDate(later.after)), " ",
      el("button", { class: "chip", onclick: () => { state.tab = "tasks"; state.filter = "all"; render(); } },
         T.filter_all)));
  }
}

function renderLower(main) {
  // The server orders the wards, most overdue first (domain.board.order_lower): said, so a chair does not
  // look for an alphabet that is not there.
  // Done on time out of the tasks of the month the chart shows first (the Monday summary's month), named.
  const month = (line) => line.counted
    ? T.lower_month.replace("{period}", line.period).replace("{done}", line.done_on_time).replace("{counted}", line.counted)
    : T.lower_month_none.replace("{period}", line.period);
  // A ward behind stands out: its overdue figure in red, as the board's own total.
  const figures = (line) => el("div", { class: "hint" }, `${line.open} ${T.lower_open} · `,
    line.overdue ? el("span", { class: "over" }, `${line.overdue} ${T.lower_overdue}`) : `${line.overdue} ${T.lower_overdue}`);
  // The wards added up first: the district as a whole, the lines below add up to it (as in the summary).
  const total = board.lower_total;
  if (total && board.lower.length > 1) {
    main.append(el("div", { class: "lower-total", "data-total": "" }, el("b", {}, T.lower_total.replace("{n}", total.title)),
      figures(total), el("div", { class: "hint month" }, month(total))));
  }
  main.append(el("p", { class: "hint lower-order" }, T.lower_order));
  for (const line of board.lower) {
    // On a phone the ward's name is what a thumb taps: the whole line opens the ward, not only its button.
    const open = board.committee.can.open_lower ? () => selectCommittee(line.committee_id) : null;
    main.append(el("div", { class: "lower" + (open ? " opens" : ""), "data-committee": line.committee_id,
                            onclick: open, role: open ? "link" : null },
      el("b", {}, line.title),
      figures(line),
      el("div", { class: "hint month" }, month(line)),
      // The district's chair and secretary open a ward's board; its other members (ward chairs among them)
      // see the line only.
      board.committee.can.open_lower
        ? el("button", { class: "chip", onclick: (e) => { e.stopPropagation(); open(); } }, T.open_board) : null));
  }
}

// ------------------------------------------------------------------------------------------ detail and actions

async function openTask(number) {
  const detail = document.getElementById("detail");
  detail.hidden = false;
  detail.replaceChildren(el("p", { class: "hint" }, T.loading));
  try {
    showDetail(await api(`c/${state.committee}/t/${number}`));
  } catch (e) {
    detail.replaceChildren(el("div", { class: "box" }, el("button", { class: "back", onclick: closeDetail }, T.back),
      el("p", { class: "notice bad" }, e.message || T.error)));
  }
}

function closeDetail() {
  document.getElementById("detail").hidden = true;
}

function showDetail(task, notice) {
  const detail = document.getElementById("detail");
  const can = task.committee.can;
  const open = task.status === "open";
  const rows = [
    [T.lead, task.lead || "—"],
    task.support.length ? [T.support, task.support.join(", ")] : null,
    // Who carries it, unless that is the lead already said above («Chủ trì @x / Người thực hiện @x»).
    task.carriers.some((p) => p !== task.lead) ? [T.people, task.carriers.join(", ")] : null,
    [T.due, fmtDate(task.due) + (task.days_overdue ? ` (${T.overdue_days.replace("{n}", task.days_overdue)})` : "")],
    task.due_original && task.due_original !== task.due ? [T.due_original, fmtDate(task.due_original)] : null,
    // A recurring duty: its cadence in words, as the chat's task card says it (board16).
    task.cadence ? [T.recurring_title, T.recurring_detail.replace("{cadence}", T.cadence_names[task.cadence] || task.cadence)] : null,
    task.pending_request ? [T.pending_title, T.pending_until.replace("{due}", fmtDate(task.pending_request.due)) +
                            (task.pending_request.reason ? ` — ${task.pending_request.reason}` : "")] : null,
    task.blocked_note ? [T.obstacle, task.blocked_note] : null,
    // An obstacle is also the latest report: said once.
    task.latest_note && task.latest_note !== task.blocked_note ? [T.latest, task.latest_note] : null,
    task.meeting ? [T.meeting, task.meeting] : null,
  ].filter(Boolean);
  const actions = [];
  if (open && !task.committee.read_only) {
    if (can.approve && task.pending_request) {
      actions.push(action(task, "approve", T.act_approve), action(task, "reject", T.act_reject));
    }
    if (can.set_due) actions.push(action(task, "set_due", T.act_set_due, T.ask_due));
    if (can.reassign) actions.push(action(task, "reassign", T.act_reassign, T.ask_reassign));
    if (can.close || task.can_close) actions.push(action(task, "close", T.act_close, T.ask_note, true));
    if (can.cancel) actions.push(action(task, "cancel", T.act_cancel, T.ask_reason, true));
  }
  detail.replaceChildren(el("div", { class: "box" },
    el("button", { class: "back", onclick: closeDetail }, T.back),
    notice ? el("p", { class: "notice" + (notice.ok ? "" : " bad"), id: "notice" }, notice.message) : null,
    el("h2", {}, `#${task.number} ${task.text}`),
    el("div", { class: "badge s-" + task.state }, T["state_" + task.state]),  // the list's colours, not grey
    task.committee.read_only ? el("div", { class: "hint" }, T.read_only) : null,
    el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    actions.length ? el("div", { class: "actions" }, actions) : null,
    el("form", { id: "ask", class: "ask", hidden: true }),
    el("h3", {}, T.history),
    el("ul", { class: "history" }, task.history.map((h) =>
      el("li", {}, `${h.at} — ${h.who}: ${h.what}`, h.due ? ` → ${fmtDate(h.due)}` : "", h.note ? `: ${h.note}` : "")))));
}

function action(task, kind, label, question, optional) {
  // Telegram's in-app browser has no window.prompt: a question opens a small form under the buttons.
  return el("button", { "data-action": kind, onclick: () => {
    if (!question) { send(task, kind, ""); return; }
    const form = document.getElementById("ask");
    const input = el("input", { type: "text", name: "value", "aria-label": question });
    form.replaceChildren(el("label", {}, question), input,
      el("button", { type: "submit", "data-confirm": kind }, label));
    form.hidden = false;
    form.onsubmit = (e) => {
      e.preventDefault();
      if (!input.value.trim() && !optional) return;
      send(task, kind, input.value);
    };
    input.focus();
  } }, label);
}

async function send(task, kind, value) {
  try {
    const result = await api(`c/${state.committee}/t/${task.number}`,
                             { method: "POST", body: JSON.stringify({ action: kind, value }) });
    // Refused (409): the task may have changed meanwhile (closed in the chat…): show it as it is now.
    const now = result.task || (await api(`c/${state.committee}/t/${task.number}`).catch(() => task));
    showDetail(now, result);
    if (result.ok || now !== task) await loadBoard();
  } catch (e) {
    showDetail(task, { ok: false, message: e.message || T.error });
  }
}

// ------------------------------------------------------------------------------------------ page

function render() {
  const tabs = document.getElementById("tabs");
  const names = ["tasks", "chart", "calendar"];
  if (board && board.lower.length) names.push("lower");
  tabs.replaceChildren(...names.map((tab) => el("button", { role: "tab", "data-tab": tab, "aria-selected": String(state.tab === tab),
                                                            onclick: () => { state.tab = tab; render(); } }, T["tab_" + tab])));
  const role = document.getElementById("role");
  role.textContent = board && board.committee.read_only ? T.read_only : "";
  role.hidden = !role.textContent;
  // A district chair reading a ward goes back to her wards in one tap (she checks them one after another).
  const up = document.getElementById("up");
  const upper = board && board.committee.read_only
    ? me.committees.find((c) => c.lower.some((l) => l.id === state.committee)) : null;
  up.hidden = !upper;
  if (upper) {
    up.textContent = T.back_to_upper.replace("{title}", upper.title);
    up.onclick = async () => { await selectCommittee(upper.id); if (board && board.lower.length) { state.tab = "lower"; render(); } };
  }
  const main = document.getElementById("main");
  main.replaceChildren();
  if (!board) return;
  if (!board.has_tasks && state.tab !== "lower") { renderEmpty(main); return; }
  ({ tasks: renderTasks, chart: renderChart, calendar: renderCalendar, lower: renderLower })[state.tab](main);
}

async function loadBoard(first = false) {
  board = await api(`c/${state.committee}`);
  // A district committee that gives no tasks of its own is there for its wards: opened on an empty
  // «Không có nhiệm vụ nào», its chair read that nothing was linked. Open it on the wards instead.
  if (first && !board.tasks.length && board.lower.length) state.tab = "lower";
  render();
}

async function selectCommittee(id) {
  state = { ...state, committee: id, tab: "tasks", unit: "", person: "", search: "", filter: "all" };
  const select = document.getElementById("committee");
  if (![...select.options].some((o) => Number(o.value) === id)) {
    const lower = me.committees.flatMap((c) => c.lower).find((c) => c.id === id);
    select.append(el("option", { value: id }, lower ? lower.title : `#${id}`));
  }
  select.value = String(id);
  closeDetail();
  try {
    await loadBoard(true);
  } catch (e) {
    // Refused (a ward unlinked meanwhile, the group left, the session over an hour old): say why, and show
    // nothing of the page before under this committee's name (it was left as it was, silently).
    board = null;
    render();
    document.getElementById("main").replaceChildren(el("p", { class: "notice bad", id: "refused" }, e.message || T.error));
    const upper = me.committees.find((c) => c.lower.some((l) => l.id === id));  // back to her wards from here too
    if (upper) {
      document.getElementById("main").append(el("button", { class: "chip", "data-back": upper.id,
        onclick: async () => { await selectCommittee(upper.id); if (board && board.lower.length) { state.tab = "lower"; render(); } } },
        T.back_to_upper.replace("{title}", upper.title)));
    }
  }
}

async function start() {
  applyTheme();
  const status = document.getElementById("status");
  try {
    me = await api("me");
  } catch (e) {
    status.textContent = e.status === 401 ? "⛔ " + (e.message || "401") : (e.message || "Error");
    status.className = "notice bad";
    return;
  }
  T = me.texts;
  document.title = T.title;
  if (!me.committees.length) { status.textContent = T.no_committee; return; }
  const select = document.getElementById("committee");
  select.replaceChildren(...me.committees.map((c) => el("option", { value: c.id }, c.title)));
  select.addEventListener("change", () => selectCommittee(Number(select.value)));
  await selectCommittee(me.start || me.committees[0].id);
}

window.addEventListener("error", (e) => {
  const status = document.getElementById("status");
  if (status) status.textContent = String(e.message);
});
start();
