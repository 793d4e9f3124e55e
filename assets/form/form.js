// The offline questionnaire of `oversight form`: renders the checklist given in #form-data,
// keeps the answers in the browser's local storage, and saves and opens answers files.
//
// The answers are held as the engine's answers document (docs/formats.md), keys as written;
// what the form does not show (document control, approval, audit, quality, the `actions:` list,
// targets, reviews, exceptions, change notes) is kept as it was read and written back. Every
// text reaches the page through textContent, never as markup. No request of any kind is made:
// the page's Content-Security-Policy forbids them.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("form-data").textContent);
  const CHECKLIST = DATA.checklist;
  const STORE = "oversight-form:" + CHECKLIST.id + ":" + CHECKLIST.version;
  const LANG_STORE = STORE + ":lang";
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const DECIMAL = /^-?\d+(\.\d+)?$/;
  // The answer's keys in the format's order; the engine's serialiser writes them so.
  const DOC_KEYS = ["checklist", "checklist_version", "organisation", "assessed_on", "period",
    "language", "scope", "assessors", "document", "approval", "audit", "quality", "answers",
    "actions"];
  const ANSWER_KEYS = ["level", "value", "criteria_met", "status", "comment", "evidence",
    "action", "target", "review", "exception", "change_note"];

  let lang = pick(stored(LANG_STORE), CHECKLIST.languages) || DATA.lang;
  let doc = restore();
  let uid = 0;

  // ---- small helpers ----------------------------------------------------------------------

  function pick(value, allowed) {
    return allowed.indexOf(value) >= 0 ? value : null;
  }

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function store(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  function label(key, values) {
    const table = DATA.labels[lang] || {};
    let text = table[key] !== undefined ? table[key] : key;
    for (const name in values || {}) text = text.split("{" + name + "}").join(values[name]);
    return text;
  }

  // A language's name in itself ("Українська"), else its code.
  function languageName(code) {
    const own = DATA.labels[code];
    return own && own.language_name ? own.language_name : code;
  }

  function tr(texts) {
    return texts ? (texts[lang] !== undefined ? texts[lang] : texts[CHECKLIST.languages[0]]) : "";
  }

  function h(tag, attrs) {
    const el = document.createElement(tag);
    for (const name in attrs || {}) {
      const value = attrs[name];
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") el.textContent = value;
      else if (name.slice(0, 2) === "on") el.addEventListener(name.slice(2), value);
      else if (value === true) el.setAttribute(name, "");
      else el.setAttribute(name, value);
    }
    for (let k = 2; k < arguments.length; k++) {
      const child = arguments[k];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) child.forEach(c => c && el.appendChild(c));
      else el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return el;
  }

  function nextId(prefix) {
    uid += 1;
    return prefix + "-" + uid;
  }

  function today() {
    const now = new Date();
    const pad = n => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function isBlank(value) {
    return value === undefined || value === null || String(value).trim() === "";
  }

  // ---- the answers document ----------------------------------------------------------------

  function fresh() {
    return { checklist: CHECKLIST.id, checklist_version: CHECKLIST.version, organisation: "",
      assessed_on: today(), answers: {} };
  }

  function normalised(value) {
    const out = value && typeof value === "object" && !Array.isArray(value) ? value : fresh();
    if (!out.answers || typeof out.answers !== "object" || Array.isArray(out.answers)) out.answers = {};
    if (typeof out.scope === "string") out.scope = [out.scope];
    if (out.organisation === undefined || out.organisation === null) out.organisation = "";
    return out;
  }

  function restore() {
    const kept = stored(STORE);
    if (kept) {
      try { return normalised(JSON.parse(kept)); } catch (e) { /* start again below */ }
    }
    return normalised(DATA.answers || fresh());
  }

  function changed() {
    const kept = store(STORE, JSON.stringify(doc));
    document.getElementById("autosave").textContent =
      label(kept ? "autosaved" : "autosave_unavailable");
    refresh();
  }

  function answer(id, create) {
    if (!doc.answers[id] && create) doc.answers[id] = {};
    return doc.answers[id];
  }

  // Drops an answer the user emptied, so that it reads as unanswered without an empty entry.
  function tidy(id) {
    const a = doc.answers[id];
    if (a && Object.keys(a).length === 0) delete doc.answers[id];
  }

  function isRated(a) {
    return !!a && (a.level !== undefined && a.level !== null ||
      a.value !== undefined && a.value !== null && a.value !== "" ||
      Array.isArray(a.criteria_met));
  }

  function isAnswered(a) {
    return isRated(a) || !!a && !!a.status;
  }

  // ---- scope -------------------------------------------------------------------------------

  function chosen() {
    return Array.isArray(doc.scope) ? doc.scope : [];
  }

  // As the engine decides it (src/model/scope.rs): every dimension the answers choose a value
  // of must hold one of the chosen values among the tags, else the untagged rule applies.
  function inScope(tags) {
    return CHECKLIST.scopes.every(dimension => {
      const values = dimension.values.map(v => v.id);
      const here = chosen().filter(v => values.indexOf(v) >= 0);
      if (here.length === 0) return true;
      const tagged = tags.filter(t => values.indexOf(t) >= 0);
      if (tagged.length === 0) return dimension.untagged_all;
      return tagged.some(t => here.indexOf(t) >= 0);
    });
  }

  // Every indicator of a section (its own answer first), in order, with its parents' ids.
  function indicatorsOf(section, out) {
    if (section.assessable) out.push(section.assessable);
    section.children.forEach(child => {
      if (child.type === "indicator") out.push(child);
      else if (child.type === "section") indicatorsOf(child, out);
    });
    return out;
  }

  function allIndicators() {
    const out = [];
    CHECKLIST.sections.forEach(s => indicatorsOf(s, out));
    return out;
  }

  function inScopeOf(section) {
    return indicatorsOf(section, []).filter(i => inScope(i.tags));
  }

  // ---- the YAML writer ---------------------------------------------------------------------

  const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  const SPECIAL = /^(y|yes|n|no|true|false|on|off|null)$/i;

  function key(k) {
    return PLAIN_KEY.test(k) && !SPECIAL.test(k) ? k : quoted(k);
  }

  // A double-quoted YAML string; JSON's escapes are YAML's, and the line ends YAML knows
  // beyond JSON's (U+0085, U+2028, U+2029) are escaped too, or the parser would fold them.
  function quoted(value) {
    return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g,
      c => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  }

  function scalar(value) {
    if (typeof value === "string") return quoted(value);
    if (typeof value === "number") return isFinite(value) ? String(value) : JSON.stringify(String(value));
    if (typeof value === "boolean") return String(value);
    return "~";
  }

  function isEmptyValue(value) {
    return value === undefined || value === null;
  }

  // A block of `key: value` lines for an object, with keys in `order` first.
  function mapping(obj, indent, order, special) {
    const keys = (order || []).filter(k => k in obj)
      .concat(Object.keys(obj).filter(k => (order || []).indexOf(k) < 0));
    const lines = [];
    keys.forEach(k => {
      const value = obj[k];
      if (isEmptyValue(value)) return;
      const head = indent + key(k) + ":";
      const custom = special && special[k];
      if (custom) { custom(value, head, indent, lines); return; }
      node(value, head, indent, lines);
    });
    return lines;
  }

  function node(value, head, indent, lines) {
    if (Array.isArray(value)) {
      if (value.length === 0) { lines.push(head + " []"); return; }
      lines.push(head);
      value.forEach(item => {
        if (item && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length) {
          const inner = mapping(item, indent + "    ");
          lines.push(indent + "  - " + inner[0].slice(indent.length + 4));
          inner.slice(1).forEach(l => lines.push(l));
        } else {
          node(item, indent + "  -", indent + "    ", lines);
        }
      });
    } else if (value && typeof value === "object") {
      const inner = mapping(value, indent + "  ");
      if (inner.length === 0) lines.push(head + " {}");
      else { lines.push(head); inner.forEach(l => lines.push(l)); }
    } else {
      lines.push(head + " " + scalar(value));
    }
  }

  function number(value, head, indent, lines) {
    const text = String(value).trim();
    lines.push(head + " " + (DECIMAL.test(text) ? text : quoted(text)));
  }

  function level(value, head, indent, lines) {
    lines.push(head + " " + (typeof value === "number" ? String(value) : scalar(value)));
  }

  function answerBlock(a, head, indent, lines) {
    const inner = mapping(a, indent + "  ", ANSWER_KEYS, { value: number, level: level });
    if (inner.length === 0) lines.push(head + " {}");
    else { lines.push(head); inner.forEach(l => lines.push(l)); }
  }

  function answersBlock(answers, head, indent, lines) {
    const order = allIndicators().map(i => i.id);
    const keys = order.filter(id => id in answers)
      .concat(Object.keys(answers).filter(id => order.indexOf(id) < 0));
    if (keys.length === 0) { lines.push(head + " {}"); return; }
    lines.push(head);
    keys.forEach(id => answerBlock(answers[id], indent + "  " + key(id) + ":", indent + "  ", lines));
  }

  function yaml(value) {
    const lines = mapping(value, "", DOC_KEYS, { answers: answersBlock });
    return lines.join("\n") + "\n";
  }

  // ---- what is missing, and what stops a save ----------------------------------------------

  function headerProblems() {
    const out = [];
    const org = doc.organisation;
    const blank = typeof org === "string" ? isBlank(org)
      : Object.keys(org || {}).every(l => isBlank(org[l]));
    if (blank) out.push({ text: label("problem_organisation"), target: "organisation-" + CHECKLIST.languages[0] });
    if (!DATE.test(doc.assessed_on || "")) out.push({ text: label("problem_assessed_on"), target: "assessed-on" });
    const p = doc.period;
    if (p && (!DATE.test(p.from || "") || !DATE.test(p.to || ""))) out.push({ text: label("problem_period"), target: "period-from" });
    else if (p && p.from > p.to) out.push({ text: label("problem_period_reversed"), target: "period-from" });
    (doc.assessors || []).forEach((a, k) => {
      if (isBlank(a.name)) out.push({ text: label("problem_assessor", { number: k + 1 }), target: "assessor-" + k });
    });
    return out;
  }

  function answerProblems(ind) {
    const a = doc.answers[ind.id];
    const out = [];
    if (!a) return out;
    const at = text => out.push({ text: text, target: "ind-" + ind.id, indicator: ind.id });
    if (a.status === "not-applicable" && CHECKLIST.justify_not_applicable && isBlank(a.comment)) {
      at(label("problem_justification", { id: ind.id }));
    }
    if (ind.kind === "number" && !isEmptyValue(a.value) && a.value !== "") {
      const text = String(a.value).trim();
      if (!DECIMAL.test(text)) at(label("problem_number", { id: ind.id }));
      else if (ind.min !== null && Number(text) < Number(ind.min) || ind.max !== null && Number(text) > Number(ind.max)) {
        at(label("problem_range", { id: ind.id, min: ind.min === null ? "…" : ind.min, max: ind.max === null ? "…" : ind.max }));
      }
    }
    (a.evidence || []).forEach(e => {
      if (isBlank(e.title)) at(label("problem_evidence_title", { id: ind.id }));
      if (!isBlank(e.date) && !DATE.test(e.date)) at(label("problem_date", { id: ind.id }));
    });
    if (a.action) {
      if (isBlank(a.action.text)) at(label("problem_action_text", { id: ind.id }));
      if (!isBlank(a.action.due) && !DATE.test(a.action.due)) at(label("problem_date", { id: ind.id }));
    }
    return out;
  }

  function problems() {
    let out = headerProblems();
    allIndicators().filter(i => inScope(i.tags)).forEach(i => { out = out.concat(answerProblems(i)); });
    return out;
  }

  // Unanswered indicators in scope, critical ones first, each in checklist order.
  function missing() {
    const open = allIndicators().filter(i => inScope(i.tags) && !isAnswered(doc.answers[i.id]));
    return open.filter(i => i.critical).concat(open.filter(i => !i.critical));
  }

  // ---- the page ----------------------------------------------------------------------------

  function text(value, cls) {
    return value ? h("p", { class: cls, text: value }) : null;
  }

  function field(id, labelText, input, hint) {
    return h("div", { class: "field" }, h("label", { for: id, text: labelText }), input,
      hint ? h("span", { class: "hint", id: id + "-hint", text: hint }) : null);
  }

  function input(id, value, onChange, extra) {
    const attrs = Object.assign({ id: id, name: id, value: value || "", type: "text" }, extra || {});
    const el = h("input", attrs);
    el.value = value === undefined || value === null ? "" : String(value);
    el.addEventListener("input", () => { onChange(el.value); changed(); });
    return el;
  }

  function dateInput(id, value, onChange) {
    return input(id, value, onChange, { type: "date" });
  }

  function header() {
    const box = h("section", { class: "card header", "aria-labelledby": "header-h" },
      h("h2", { id: "header-h", text: label("header") }));
    const org = doc.organisation;
    const several = CHECKLIST.languages.length > 1;
    CHECKLIST.languages.forEach((l, k) => {
      const own = typeof org === "string" ? (k === 0 ? org : "") : (org[l] || "");
      const name = several ? label("organisation_in", { language: l }) : label("organisation");
      box.appendChild(field("organisation-" + l, name, input("organisation-" + l, own, value => setOrganisation(l, value), { autocomplete: "organization" })));
    });
    box.appendChild(field("assessed-on", label("assessed_on"), dateInput("assessed-on", doc.assessed_on, v => { doc.assessed_on = v; })));
    const period = doc.period || {};
    const setPeriod = (end, v) => {
      const p = Object.assign({}, doc.period || {});
      p[end] = v;
      if (isBlank(p.from) && isBlank(p.to)) delete doc.period; else doc.period = { from: p.from || "", to: p.to || "" };
    };
    box.appendChild(h("div", { class: "pair" },
      field("period-from", label("period_from"), dateInput("period-from", period.from, v => setPeriod("from", v))),
      field("period-to", label("period_to"), dateInput("period-to", period.to, v => setPeriod("to", v)))));
    if (several) {
      const select = h("select", { id: "answers-language", name: "answers-language" },
        h("option", { value: "", text: label("language_none") }),
        CHECKLIST.languages.map(l => h("option", { value: l, text: languageName(l), selected: doc.language === l })));
      select.addEventListener("change", () => {
        if (select.value) doc.language = select.value; else delete doc.language;
        changed();
      });
      box.appendChild(field("answers-language", label("answers_language"), select));
    }
    const scope = scopes();
    if (scope) box.appendChild(scope);
    box.appendChild(assessors());
    return box;
  }

  function setOrganisation(l, value) {
    const first = CHECKLIST.languages[0];
    let org = doc.organisation;
    if (typeof org === "string") {
      if (l === first) { doc.organisation = value; return; }
      org = org ? { [first]: org } : {};
    }
    org = Object.assign({}, org);
    if (isBlank(value)) delete org[l]; else org[l] = value;
    const keys = Object.keys(org);
    doc.organisation = keys.length === 0 ? "" : keys.length === 1 && keys[0] === first ? org[first] : org;
  }

  function scopes() {
    if (CHECKLIST.scopes.length === 0) return null;
    const box = h("div", { class: "scopes" });
    CHECKLIST.scopes.forEach(dimension => {
      const set = h("fieldset", {}, h("legend", { text: tr(dimension.label) }));
      dimension.values.forEach(value => {
        const id = nextId("scope");
        const box = h("input", { type: "checkbox", id: id, name: "scope", value: value.id, checked: chosen().indexOf(value.id) >= 0 });
        box.addEventListener("change", () => {
          const now = chosen().filter(v => v !== value.id);
          if (box.checked) now.push(value.id);
          if (now.length) doc.scope = now; else delete doc.scope;
          store(STORE, JSON.stringify(doc));
          render(id);
        });
        set.appendChild(h("div", { class: "choice" }, box, h("label", { for: id, text: tr(value.label) })));
      });
      box.appendChild(set);
    });
    box.appendChild(h("p", { class: "hint", text: label("scope_hint") }));
    return box;
  }

  function assessors() {
    const list = doc.assessors || [];
    const box = h("div", { class: "list assessors" }, h("h3", { text: label("assessors") }));
    list.forEach((a, k) => {
      const row = h("fieldset", { class: "row" }, h("legend", { text: label("assessor", { number: k + 1 }) }),
        field("assessor-" + k, label("assessor_name"), input("assessor-" + k, a.name, v => { a.name = v; })),
        field("assessor-role-" + k, label("assessor_role"), input("assessor-role-" + k, a.role, v => { if (isBlank(v)) delete a.role; else a.role = v; })),
        h("button", { type: "button", class: "remove", text: label("remove"), onclick: () => {
          list.splice(k, 1);
          if (list.length === 0) delete doc.assessors;
          store(STORE, JSON.stringify(doc));
          render("add-assessor");
        } }));
      box.appendChild(row);
    });
    box.appendChild(h("button", { type: "button", id: "add-assessor", text: label("add_assessor"), onclick: () => {
      doc.assessors = list.concat([{ name: "" }]);
      store(STORE, JSON.stringify(doc));
      render("assessor-" + (doc.assessors.length - 1));
    } }));
    return box;
  }

  function section(s, depth) {
    const inside = inScopeOf(s);
    const infos = s.children.filter(c => c.type === "info" && inScope(c.tags));
    if (inside.length === 0 && infos.length === 0) return null;
    const tag = "h" + Math.min(depth + 2, 6);
    const box = h("section", { class: "sec depth-" + depth, id: "sec-" + s.id, "aria-labelledby": "sec-" + s.id + "-h" },
      h(tag, { id: "sec-" + s.id + "-h", text: tr(s.heading) }),
      h("p", { class: "progress", "data-progress": s.id }),
      text(tr(s.description), "description"));
    if (s.assessable && inScope(s.assessable.tags)) box.appendChild(indicator(s.assessable, true));
    s.children.forEach(child => {
      if (child.type === "indicator" && inScope(child.tags)) box.appendChild(indicator(child, false));
      else if (child.type === "section") box.appendChild(section(child, depth + 1) || document.createTextNode(""));
      else if (child.type === "info" && inScope(child.tags)) box.appendChild(info(child));
    });
    return box;
  }

  function info(item) {
    return h("aside", { class: "info" },
      item.heading ? h("p", { class: "info-title", text: tr(item.heading) }) : null,
      h("p", { text: tr(item.text) }));
  }

  function indicator(ind, own) {
    const box = h("article", { class: "ind", id: "ind-" + ind.id, "data-indicator": ind.id, "aria-labelledby": "ind-" + ind.id + "-h" });
    fillIndicator(box, ind, own);
    return box;
  }

  function fillIndicator(box, ind, own) {
    box.textContent = "";
    const a = doc.answers[ind.id] || {};
    box.appendChild(h("h4", { id: "ind-" + ind.id + "-h" },
      h("span", { class: "id", text: ind.id }), " ",
      own ? label("section_answer") + " " : null,
      tr(ind.heading),
      ind.critical ? h("span", { class: "critical", text: label("critical") }) : null));
    if (ind.rationale) box.appendChild(h("p", { class: "rationale" }, h("span", { class: "small-h", text: label("rationale") }), " ", tr(ind.rationale)));
    if (ind.guidance) box.appendChild(h("div", { class: "guidance" }, h("p", { class: "small-h", text: label("guidance") }), h("p", { text: tr(ind.guidance) })));
    if (ind.evidence.length) {
      box.appendChild(h("div", { class: "expected" }, h("p", { class: "small-h", text: label("expected_evidence") }),
        h("ul", {}, ind.evidence.map(e => h("li", { text: tr(e) })))));
    }
    const redraw = focus => { fillIndicator(box, ind, own); if (focus) { const el = document.getElementById(focus); if (el) el.focus(); } };
    box.appendChild(rating(ind, a));
    box.appendChild(statuses(ind, a, redraw));
    const commentId = "comment-" + ind.id;
    const needs = a.status === "not-applicable" && CHECKLIST.justify_not_applicable;
    const comment = h("textarea", { id: commentId, name: ind.id + ".comment", rows: 2, "aria-describedby": commentId + "-hint" });
    comment.value = a.comment || "";
    comment.addEventListener("input", () => {
      const now = answer(ind.id, true);
      if (comment.value === "") delete now.comment; else now.comment = comment.value;
      tidy(ind.id);
      changed();
    });
    box.appendChild(field(commentId, label(needs ? "justification" : "comment"), comment,
      label(needs ? "justification_hint" : "comment_hint")));
    box.appendChild(h("p", { class: "problem", id: "problem-" + ind.id, role: "status" }));
    box.appendChild(evidence(ind, redraw));
    box.appendChild(action(ind, redraw));
  }

  function rating(ind, a) {
    if (ind.kind === "number") {
      const id = "value-" + ind.id;
      const bounds = [ind.min === null ? null : label("at_least", { min: ind.min }),
        ind.max === null ? null : label("at_most", { max: ind.max })].filter(x => x).join(", ");
      const unit = ind.unit ? " (" + tr(ind.unit) + ")" : "";
      const el = input(id, a.value, v => {
        const now = answer(ind.id, true);
        if (v.trim() === "") delete now.value;
        else { now.value = v.trim(); delete now.status; uncheck(ind.id + ".status"); }
        tidy(ind.id);
      }, { inputmode: "decimal", name: ind.id + ".value", "aria-describedby": bounds ? id + "-hint" : null });
      return field(id, label("value") + unit, el, bounds || null);
    }
    if (ind.kind === "criteria") return criteria(ind, a);
    const set = h("fieldset", { class: "levels" }, h("legend", { text: label("level") }));
    ind.levels.forEach(level => {
      const id = nextId("level");
      const checked = a.level !== undefined && a.level !== null &&
        (String(a.level) === level.value || level.code !== null && String(a.level) === level.code);
      const radio = h("input", { type: "radio", id: id, name: ind.id + ".level", value: level.value, checked: checked,
        "aria-describedby": level.description ? id + "-d" : null });
      radio.addEventListener("change", () => {
        const now = answer(ind.id, true);
        now.level = ind.codes ? level.code : Number(level.value);
        delete now.status;
        uncheck(ind.id + ".status");
        changed();
      });
      const name = (level.code !== null ? level.code : level.value) + " — " + tr(level.label);
      set.appendChild(h("div", { class: "choice" }, radio,
        h("label", { for: id }, h("span", { class: "level-name", text: name }),
          level.description ? h("span", { class: "level-description", id: id + "-d", text: tr(level.description) }) : null)));
    });
    return set;
  }

  function criteria(ind, a) {
    const met = Array.isArray(a.criteria_met) ? a.criteria_met : null;
    const set = h("fieldset", { class: "criteria" }, h("legend", { text: label("criteria_met") }));
    const boxes = [];
    const result = h("p", { class: "criteria-level", id: "criteria-level-" + ind.id, "aria-live": "polite" });
    const update = () => {
      const now = answer(ind.id, true);
      const ticked = boxes.filter(b => b.checked && b.value).map(b => b.value);
      const none = boxes[boxes.length - 1].checked;
      if (ticked.length || none) { now.criteria_met = ticked; delete now.status; uncheck(ind.id + ".status"); }
      else delete now.criteria_met;
      result.textContent = ticked.length || none ? criteriaLevel(ind, ticked) : "";
      tidy(ind.id);
      changed();
    };
    ind.criteria.forEach(c => {
      const id = nextId("criterion");
      const box = h("input", { type: "checkbox", id: id, name: ind.id + ".criteria_met", value: c.id, checked: !!met && met.indexOf(c.id) >= 0 });
      box.addEventListener("change", () => { if (box.checked) boxes[boxes.length - 1].checked = false; update(); });
      boxes.push(box);
      set.appendChild(h("div", { class: "choice" }, box, h("label", { for: id }, h("span", { class: "id", text: c.id }), " ", tr(c.text))));
    });
    const id = nextId("criterion");
    const none = h("input", { type: "checkbox", id: id, name: ind.id + ".criteria_none", value: "", checked: !!met && met.length === 0 });
    none.addEventListener("change", () => { if (none.checked) boxes.forEach(b => { if (b !== none) b.checked = false; }); update(); });
    boxes.push(none);
    set.appendChild(h("div", { class: "choice" }, none, h("label", { for: id, text: label("criteria_none") })));
    if (met) result.textContent = criteriaLevel(ind, met);
    set.appendChild(result);
    return set;
  }

  // "Level from the criteria ticked: 2 — Applied", with what the level means where the
  // checklist says; the engine's own table of levels by criteria (`levels_by_criteria`).
  function criteriaLevel(ind, met) {
    const key = ind.criteria.map(c => c.id).filter(id => met.indexOf(id) >= 0).join(" ");
    const rule = ind.rules[ind.levels_by_criteria[key]];
    if (!rule) return "";
    const level = ind.levels.find(l => l.value === rule.level);
    const name = level ? (level.code !== null ? level.code : level.value) + " — " + tr(level.label) : rule.level;
    const text = label("criteria_level", { level: name });
    return rule.description ? text + ": " + tr(rule.description) : text;
  }

  function uncheck(name) {
    document.querySelectorAll("input").forEach(el => { if (el.name === name) el.checked = false; });
  }

  function statuses(ind, a, redraw) {
    const set = h("fieldset", { class: "statuses" }, h("legend", { text: label("no_level") }));
    ["not-applicable", "not-enough-information"].forEach(status => {
      const id = nextId("status");
      const radio = h("input", { type: "radio", id: id, name: ind.id + ".status", value: status, checked: a.status === status });
      radio.addEventListener("change", () => {
        const now = answer(ind.id, true);
        now.status = status;
        delete now.level; delete now.value; delete now.criteria_met;
        changed();
        redraw(id);
      });
      set.appendChild(h("div", { class: "choice" }, radio, h("label", { for: id, text: label(status.replace(/-/g, "_")) })));
    });
    const clearId = "clear-" + ind.id;
    set.appendChild(h("button", { type: "button", id: clearId, class: "link", text: label("clear_answer"), onclick: () => {
      const now = doc.answers[ind.id];
      if (now) { delete now.level; delete now.value; delete now.criteria_met; delete now.status; tidy(ind.id); }
      changed();
      redraw(clearId);
    } }));
    return set;
  }

  function evidence(ind, redraw) {
    const a = doc.answers[ind.id] || {};
    const list = a.evidence || [];
    const box = h("div", { class: "list evidence" }, h("p", { class: "small-h", text: label("evidence") }));
    list.forEach((e, k) => {
      const base = "evidence-" + ind.id + "-" + k;
      const set = (name, v) => { if (isBlank(v) && name !== "title") delete e[name]; else e[name] = v; };
      box.appendChild(h("fieldset", { class: "row" }, h("legend", { text: label("evidence_item", { number: k + 1 }) }),
        field(base + "-title", label("evidence_title"), input(base + "-title", e.title, v => set("title", v))),
        field(base + "-date", label("evidence_date"), dateInput(base + "-date", e.date, v => set("date", v))),
        field(base + "-ref", label("evidence_ref"), input(base + "-ref", typeof e.ref === "object" && e.ref ? tr(e.ref) : e.ref, v => set("ref", v))),
        actInForce(e, base + "-act"),
        h("button", { type: "button", class: "remove", text: label("remove_evidence", { number: k + 1 }), onclick: () => {
          list.splice(k, 1);
          if (list.length === 0) { delete doc.answers[ind.id].evidence; tidy(ind.id); }
          changed();
          redraw("add-evidence-" + ind.id);
        } })));
    });
    box.appendChild(h("button", { type: "button", id: "add-evidence-" + ind.id, text: label("add_evidence"), onclick: () => {
      const now = answer(ind.id, true);
      now.evidence = list.concat([{ title: "" }]);
      changed();
      redraw("evidence-" + ind.id + "-" + (now.evidence.length - 1) + "-title");
    } }));
    return box;
  }

  // An evidence item's `kind`: an act in force never goes out of date; a record, the default,
  // ages.
  function actInForce(e, id) {
    const box = h("input", { type: "checkbox", id: id, checked: e.kind === "act-in-force" });
    box.addEventListener("change", () => {
      if (box.checked) e.kind = "act-in-force"; else delete e.kind;
      changed();
    });
    return h("div", { class: "choice" }, box, h("label", { for: id, text: label("evidence_act_in_force") }));
  }

  function action(ind, redraw) {
    const a = doc.answers[ind.id] || {};
    const box = h("div", { class: "list action" }, h("p", { class: "small-h", text: label("action") }));
    if (!a.action) {
      box.appendChild(h("button", { type: "button", id: "add-action-" + ind.id, text: label("add_action"), onclick: () => {
        answer(ind.id, true).action = { text: "" };
        changed();
        redraw("action-" + ind.id + "-text");
      } }));
      return box;
    }
    const act = a.action;
    const base = "action-" + ind.id;
    const set = (name, v) => { if (isBlank(v) && name !== "text") delete act[name]; else act[name] = v; };
    box.appendChild(h("fieldset", { class: "row" }, h("legend", { text: label("action") }),
      field(base + "-text", label("action_text"), input(base + "-text", act.text, v => set("text", v))),
      field(base + "-owner", label("action_owner"), input(base + "-owner", act.owner, v => set("owner", v))),
      field(base + "-due", label("action_due"), dateInput(base + "-due", act.due, v => set("due", v))),
      h("button", { type: "button", class: "remove", text: label("remove_action"), onclick: () => {
        delete doc.answers[ind.id].action;
        tidy(ind.id);
        changed();
        redraw("add-action-" + ind.id);
      } })));
    return box;
  }

  function toolbar() {
    const bar = h("div", { class: "toolbar" });
    if (CHECKLIST.languages.length > 1) {
      const select = h("select", { id: "form-language" },
        CHECKLIST.languages.map(l => h("option", { value: l, text: languageName(l), selected: l === lang })));
      select.addEventListener("change", () => {
        lang = select.value;
        store(LANG_STORE, lang);
        render("form-language");
      });
      bar.appendChild(h("div", { class: "field inline" }, h("label", { for: "form-language", text: label("language_switch") }), select));
    }
    const file = h("input", { type: "file", id: "open-answers", accept: ".yaml,.yml,text/yaml", class: "file" });
    file.addEventListener("change", () => { if (file.files && file.files[0]) openFile(file.files[0]); });
    bar.appendChild(h("label", { for: "open-answers", class: "button", text: label("open_answers") }));
    bar.appendChild(file);
    bar.appendChild(h("button", { type: "button", id: "save-answers", class: "primary", text: label("save_answers"), onclick: save }));
    return bar;
  }

  function sidebar() {
    return h("aside", { class: "side", "aria-labelledby": "side-h" },
      h("h2", { id: "side-h", text: label("progress") }),
      h("p", { id: "overall", class: "overall" }),
      h("progress", { id: "overall-bar", max: 100, value: 0, "aria-labelledby": "overall" }),
      h("p", { id: "autosave", class: "hint", role: "status", text: label("autosave_note") }),
      h("div", { id: "save-problems", role: "alert", tabindex: "-1" }),
      h("h3", { id: "missing-h", text: label("missing") }),
      h("ol", { id: "missing", "aria-labelledby": "missing-h" }),
      h("p", { id: "nothing-missing", text: label("nothing_missing") }));
  }

  function render(focus) {
    document.documentElement.lang = lang;
    document.title = label("title", { title: tr(CHECKLIST.title) });
    const root = document.getElementById("form");
    root.textContent = "";
    uid = 0;
    const main = h("div", { class: "sections" }, header());
    CHECKLIST.sections.forEach(s => { const el = section(s, 0); if (el) main.appendChild(el); });
    main.appendChild(h("details", { class: "card preview" }, h("summary", { text: label("preview") }),
      h("pre", { id: "answers-yaml" })));
    root.appendChild(h("header", { class: "top" },
      h("h1", { text: label("title", { title: tr(CHECKLIST.title) }) }),
      h("p", { class: "hint", text: CHECKLIST.id + " " + CHECKLIST.version + " · " + label("intro") }),
      toolbar(),
      h("p", { id: "open-message", role: "status" })));
    root.appendChild(h("div", { class: "layout" }, main, sidebar()));
    refresh();
    if (focus) { const el = document.getElementById(focus); if (el) el.focus(); }
  }

  // Progress, what is missing, the problems beside each answer and the file's preview.
  function refresh() {
    const shown = allIndicators().filter(i => inScope(i.tags));
    const done = shown.filter(i => isAnswered(doc.answers[i.id])).length;
    const percent = shown.length ? Math.round(100 * done / shown.length) : 100;
    document.getElementById("overall").textContent = label("answered", { done: done, total: shown.length, percent: percent });
    document.getElementById("overall-bar").value = percent;
    const walk = s => {
      const el = document.querySelector('[data-progress="' + CSS.escape(s.id) + '"]');
      if (el) {
        const inside = inScopeOf(s);
        el.textContent = label("answered", { done: inside.filter(i => isAnswered(doc.answers[i.id])).length,
          total: inside.length, percent: inside.length ? Math.round(100 * inside.filter(i => isAnswered(doc.answers[i.id])).length / inside.length) : 100 });
      }
      s.children.forEach(c => { if (c.type === "section") walk(c); });
    };
    CHECKLIST.sections.forEach(walk);
    const list = document.getElementById("missing");
    list.textContent = "";
    missing().forEach(i => list.appendChild(h("li", { class: i.critical ? "is-critical" : null },
      h("a", { href: "#ind-" + i.id }, h("span", { class: "id", text: i.id }), " ", tr(i.heading)),
      i.critical ? h("span", { class: "critical", text: label("critical") }) : null)));
    document.getElementById("nothing-missing").hidden = list.children.length > 0;
    shown.forEach(i => {
      const el = document.getElementById("problem-" + i.id);
      if (!el) return;
      const found = answerProblems(i);
      el.textContent = found.map(p => p.text).join(" ");
      const comment = document.getElementById("comment-" + i.id);
      if (comment) comment.setAttribute("aria-invalid", String(found.some(p => p.text === label("problem_justification", { id: i.id }))));
    });
    const preview = document.getElementById("answers-yaml");
    if (preview) preview.textContent = yaml(doc);
  }

  // ---- saving and opening ------------------------------------------------------------------

  function fileName() {
    const org = typeof doc.organisation === "string" ? doc.organisation : tr(doc.organisation);
    const base = (org || "").trim() || CHECKLIST.id;
    return base.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, "-") + ".yaml";
  }

  function save() {
    const found = problems();
    const box = document.getElementById("save-problems");
    box.textContent = "";
    if (found.length) {
      box.appendChild(h("p", { class: "problem-title", text: label("cannot_save", { count: found.length }) }));
      box.appendChild(h("ul", {}, found.map(p => h("li", {}, h("a", { href: "#" + p.target, text: p.text })))));
      box.focus();
      return;
    }
    const blob = new Blob([yaml(doc)], { type: "text/yaml;charset=utf-8" });
    const link = h("a", { href: URL.createObjectURL(blob), download: fileName() });
    document.body.appendChild(link);
    link.click();
    link.remove();
    box.appendChild(h("p", { class: "saved", text: label("saved", { file: fileName() }) }));
  }

  function openFile(file) {
    const reader = new FileReader();
    const message = text => { document.getElementById("open-message").textContent = text; };
    reader.onload = () => {
      let value;
      try {
        value = window.jsyaml.load(String(reader.result), { schema: window.jsyaml.CORE_SCHEMA });
      } catch (e) {
        message(label("open_not_yaml", { file: file.name, reason: e.message }));
        return;
      }
      if (!value || typeof value !== "object" || value.checklist !== CHECKLIST.id) {
        message(label("open_other_checklist", { file: file.name, id: CHECKLIST.id }));
        return;
      }
      doc = normalised(value);
      store(STORE, JSON.stringify(doc));
      render("open-answers");
      message(label("opened", { file: file.name }));
    };
    reader.readAsText(file);
  }

  render(null);
  window.oversightForm = { yaml: () => yaml(doc) };
})();
