// The page: reads text, asks the worker for a report, and shows it. All analysis is in the
// worker (baogao compiled to WebAssembly); this file only renders. Offsets in the report are
// UTF-16 code units, i.e. indices into the JavaScript string.

const $ = (id) => document.getElementById(id);
const input = $('input');
const rendered = $('rendered');
const statusEl = $('status');
const rubricSel = $('rubric');

const RUBRIC_LABELS = {
  'work-summary': '工作总结', 'party-building': '党建工作总结',
  'duty-report': '述职报告', 'gov-report': '政府工作报告',
};
const KIND_LABELS = {
  count: '计数', money: '金额', percent: '百分比', points: '百分点', measure: '计量',
  duration: '时长', ratio: '比例', date: '日期',
};
const APPROX_LABELS = { over: '以上', under: '不足', about: '约' };
const VERDICT_LABELS = { passed: '通过', partial: '部分', failed: '未通过', 'not-applicable': '不适用' };
const DEBOUNCE_MS = 250;
const STORE_KEY = 'baogao.draft';

// State visible to tests and to the curious (window.baogaoPage).
const page = {
  report: null, text: '', lastMs: null, renderMs: null, version: '', rubrics: [], pending: 0,
  customRubric: null, runs: 0, sentAt: 0, gotAt: 0,
};
window.baogaoPage = page;

// ---- worker -------------------------------------------------------------------------------
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let seq = 0;
let shown = 0;
let rubricSeq = 0;
const rubricWaiters = new Map();

worker.onmessage = (ev) => {
  const m = ev.data;
  if (m.type === 'hello') {
    page.version = m.version;
    page.rubrics = m.rubrics;
    fillRubrics(m.rubrics);
    document.querySelector('.bar h1 small').textContent = 'baogao ' + m.version;
    setStatus('就绪');
    schedule(0);
  } else if (m.type === 'fatal') {
    setStatus('无法加载分析模块：' + m.error, true);
  } else if (m.type === 'rubric') {
    const w = rubricWaiters.get(m.id);
    rubricWaiters.delete(m.id);
    if (w) w(m);
  } else if (m.type === 'report') {
    page.gotAt = performance.now();
    page.pending = Math.max(0, page.pending - 1);
    if (m.id < shown) return; // a newer result is already on screen
    shown = m.id;
    if (m.id !== seq) return; // stale: the text changed since
    if (m.error) {
      setStatus(m.error.message, true);
      return;
    }
    page.lastMs = m.ms;
    const t0 = performance.now();
    show(m.report, sentText);
    page.renderMs = performance.now() - t0;
    page.runs += 1;
    setStatus(`分析 ${fmtMs(m.ms)}，显示 ${fmtMs(page.renderMs)}`);
  }
};
worker.onerror = (e) => setStatus('分析模块出错：' + (e.message || e), true);

let timer = 0;
let sentText = '';
function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}
function run() {
  const text = input.value;
  sentText = text;
  seq += 1;
  page.pending += 1;
  page.sentAt = performance.now();
  setStatus('分析中…');
  worker.postMessage({ type: 'analyze', id: seq, text, rubric: currentRubric() });
  try { localStorage.setItem(STORE_KEY, text.length < 2e6 ? text : ''); } catch { /* private mode */ }
}
function currentRubric() {
  const v = rubricSel.value;
  if (v === 'custom' && page.customRubric) return { toml: page.customRubric.source };
  return { name: v || 'auto' };
}

function setStatus(msg, error = false) {
  statusEl.textContent = msg;
  statusEl.classList.toggle('error', error);
}
const fmtMs = (ms) => (ms < 10 ? ms.toFixed(1) : Math.round(ms)) + ' 毫秒';

// ---- rubric chooser -----------------------------------------------------------------------
function fillRubrics(rubrics) {
  rubricSel.textContent = '';
  const add = (value, label) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    rubricSel.append(o);
    return o;
  };
  add('auto', '自动选择');
  for (const r of rubrics) {
    RUBRIC_LABELS[r.id] = r.name || RUBRIC_LABELS[r.id] || r.id;
    add(r.id, RUBRIC_LABELS[r.id]).title = r.description || '';
  }
  add('none', '不评分');
  add('load', '载入细则文件…');
}
let lastRubricValue = 'auto';
rubricSel.addEventListener('change', () => {
  if (rubricSel.value === 'load') {
    rubricSel.value = lastRubricValue;
    $('rubric-file').click();
    return;
  }
  lastRubricValue = rubricSel.value;
  schedule(0);
});
$('rubric-file').addEventListener('change', async (ev) => {
  const f = ev.target.files[0];
  ev.target.value = '';
  if (!f) return;
  const toml = decodeBytes(new Uint8Array(await f.arrayBuffer())).text;
  const id = ++rubricSeq;
  const answer = await new Promise((res) => {
    rubricWaiters.set(id, res);
    worker.postMessage({ type: 'check-rubric', id, toml });
  });
  if (answer.error) {
    const at = answer.error.line ? `（第 ${answer.error.line} 行第 ${answer.error.column} 列）` : '';
    setStatus(`细则文件 ${f.name} 有误${at}：${answer.error.message}`, true);
    return;
  }
  page.customRubric = answer.rubric;
  let o = rubricSel.querySelector('option[value="custom"]');
  if (!o) {
    o = document.createElement('option');
    o.value = 'custom';
    rubricSel.insertBefore(o, rubricSel.querySelector('option[value="load"]'));
  }
  o.textContent = `自定义：${answer.rubric.name || answer.rubric.id}`;
  RUBRIC_LABELS[answer.rubric.id] = answer.rubric.name || answer.rubric.id;
  rubricSel.value = lastRubricValue = 'custom';
  schedule(0);
});

// ---- input: typing, files, drag and drop --------------------------------------------------
input.addEventListener('input', () => schedule());

/** Bytes of a text file to a string: UTF-16 by BOM, else UTF-8, else GB18030. */
function decodeBytes(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), enc: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), enc: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), enc: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), enc: 'GB18030' };
  }
}
async function openFile(file) {
  if (!file) return;
  const { text, enc } = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  input.value = text;
  $('meta').dataset.file = `${file.name}（${enc}）`;
  schedule(0);
}
$('file').addEventListener('change', (ev) => { openFile(ev.target.files[0]); ev.target.value = ''; });
const drop = $('drop');
let dragDepth = 0;
addEventListener('dragenter', (e) => { if (hasFiles(e)) { dragDepth++; drop.hidden = false; e.preventDefault(); } });
addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; drop.hidden = true; } });
addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  drop.hidden = true;
  openFile(e.dataTransfer.files[0]);
});
const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');

$('sample').addEventListener('click', async () => {
  const res = await fetch(new URL('./sample.txt', import.meta.url));
  input.value = await res.text();
  $('meta').dataset.file = '示例报告';
  schedule(0);
});

// ---- tabs ---------------------------------------------------------------------------------
for (const b of document.querySelectorAll('.tabs button')) {
  b.addEventListener('click', () => selectTab(b.dataset.tab));
}
function selectTab(name) {
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + name;
}

// ---- rendering ----------------------------------------------------------------------------
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const clip = (s, n = 40) => (s.length > n ? s.slice(0, n) + '…' : s);
const fmtNum = (v) => (v == null ? '' : Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 }));

function show(report, text) {
  page.report = report;
  page.text = text;
  const chars = report.documents.length ? report.documents[report.documents.length - 1].char_end : 0;
  const file = $('meta').dataset.file ? $('meta').dataset.file + ' · ' : '';
  $('meta').textContent = `${file}${text.length.toLocaleString('zh-CN')} 个 UTF-16 单元 · ${chars.toLocaleString('zh-CN')} 字 · ${report.documents.length} 篇`;
  renderText(report, text);
  renderOutline(report, text);
  renderStats(report);
  renderScore(report);
  renderNotes(report, text);
}

/** The rendered copy: the text cut at every span boundary, each piece wrapped by what covers it. */
function renderText(report, text) {
  const ev = []; // [pos, order, kind, index, delta]
  const add = (kind, list, startOf = (x) => x.start, endOf = (x) => x.end) => {
    list.forEach((x, i) => {
      const s = Math.max(0, Math.min(text.length, startOf(x)));
      const e = Math.max(s, Math.min(text.length, endOf(x)));
      if (e > s) { ev.push([s, 1, kind, i]); ev.push([e, 0, kind, i]); }
    });
  };
  add('bp', report.boilerplate);
  add('ph', report.placeholders);
  add('stat', report.stats);
  add('df', report.defects);
  add('hd', report.headings, (h) => h.start, (h) => Math.max(h.title_end, h.start));
  add('doc', report.documents.filter((d) => d.title), (d) => d.start, (d) => d.start + 0); // anchors only
  ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const open = { bp: 0, ph: 0, df: 0, stat: -1, hd: -1 };
  const frag = document.createDocumentFragment();
  let pos = 0;
  const emit = (end) => {
    if (end <= pos) return;
    const piece = text.slice(pos, end);
    let node;
    if (open.stat >= 0 || open.ph) {
      node = el('mark', (open.stat >= 0 ? 'stat' : '') + (open.ph ? ' ph' : ''), piece);
      if (open.stat >= 0) node.dataset.stat = open.stat;
    } else if (open.bp || open.df || open.hd >= 0) {
      node = el('span', '', piece);
    } else {
      node = document.createTextNode(piece);
    }
    if (node.nodeType === 1) {
      if (open.bp) node.classList.add('bp');
      if (open.df) node.classList.add('df');
      if (open.hd >= 0) {
        node.classList.add('hd', 'hd' + report.headings[open.hd].depth);
        node.dataset.heading = open.hd;
      }
    }
    frag.append(node);
    pos = end;
  };
  for (const [p, isStart, kind, i] of ev) {
    emit(p);
    if (kind === 'hd' && isStart) {
      const a = el('a');
      a.id = 'h-' + i;
      a.className = 'anchor';
      frag.append(a);
    }
    if (kind === 'stat' || kind === 'hd') open[kind] = isStart ? i : (open[kind] === i ? -1 : open[kind]);
    else if (kind !== 'doc') open[kind] += isStart ? 1 : -1;
  }
  emit(text.length);
  rendered.textContent = '';
  if (!text.trim()) rendered.append(el('p', 'empty', '分析结果将显示在这里。'));
  else rendered.append(frag);
}

function scrollToPos(node) {
  if (!node) return;
  const box = rendered.getBoundingClientRect();
  const r = node.getBoundingClientRect();
  rendered.scrollTop += r.top - box.top - box.height / 3;
}
function flash(nodes) {
  for (const n of nodes) {
    n.classList.remove('flash');
    void n.offsetWidth; // restart the animation
    n.classList.add('flash');
  }
}

function renderOutline(report, text) {
  const box = $('tab-outline');
  box.textContent = '';
  $('n-outline').textContent = report.headings.length;
  if (!report.headings.length) {
    box.append(el('p', 'empty', text.trim() ? '没有识别出标题。规范的标题形如“一、”“（一）”“1.”。' : '暂无标题。'));
    return;
  }
  const kids = new Map();
  report.headings.forEach((h, i) => {
    const key = h.parent == null ? 'd' + h.document : i.toString();
    const parentKey = h.parent == null ? 'd' + h.document : String(h.parent);
    if (!kids.has(parentKey)) kids.set(parentKey, []);
    kids.get(parentKey).push(i);
    void key;
  });
  const build = (list) => {
    const ul = el('ul');
    for (const i of list) {
      const h = report.headings[i];
      const li = el('li');
      const node = el('div', 'node');
      const children = kids.get(String(i)) || [];
      const tw = el('button', 'twisty', children.length ? '▾' : '');
      tw.type = 'button';
      tw.setAttribute('aria-label', children.length ? '折叠' : '');
      if (children.length) {
        tw.addEventListener('click', () => {
          const closed = li.classList.toggle('closed');
          tw.textContent = closed ? '▸' : '▾';
        });
      }
      const link = el('button', 'hlink');
      link.type = 'button';
      link.dataset.heading = i;
      if (h.marker) link.append(el('span', 'mk', h.marker));
      link.append(clip(h.title || text.slice(h.start, h.title_end), 36));
      link.title = h.title;
      link.addEventListener('click', () => {
        const a = document.getElementById('h-' + i);
        scrollToPos(a);
        flash(rendered.querySelectorAll(`[data-heading="${i}"]`));
      });
      node.append(tw, link);
      li.append(node);
      if (children.length) li.append(build(children));
      ul.append(li);
    }
    return ul;
  };
  report.documents.forEach((d, di) => {
    const top = kids.get('d' + di) || [];
    if (!top.length) return;
    if (report.documents.length > 1) box.append(el('div', 'docgroup', `第 ${di + 1} 篇 · ${clip(d.title || '（无标题）', 30)}`));
    const ul = build(top);
    ul.className = 'tree';
    box.append(ul);
  });
}

const statSort = { key: null, dir: 1 };
function renderStats(report) {
  const box = $('tab-stats');
  box.textContent = '';
  $('n-stats').textContent = report.stats.length;
  if (!report.stats.length) {
    box.append(el('p', 'empty', '没有识别出数据。具体的数字（如“新发展党员12名”“增长5.2%”）会让总结更有说服力。'));
    return;
  }
  const section = (s) => (s.section == null ? '' : report.headings[s.section].title);
  const cols = [
    ['text', '原文', (s) => s.text],
    ['kind', '类型', (s) => s.kind],
    ['value', '数值', (s) => s.value],
    ['unit', '单位', (s) => s.unit],
    ['subject', '对象', (s) => s.subject || ''],
    ['section', '章节', (s) => s.section ?? -1],
  ];
  const rows = report.stats.map((s, i) => i);
  if (statSort.key) {
    const get = cols.find((c) => c[0] === statSort.key)[2];
    rows.sort((a, b) => {
      const x = get(report.stats[a]);
      const y = get(report.stats[b]);
      const c = x == null ? (y == null ? 0 : 1) : y == null ? -1
        : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * statSort.dir || a - b;
    });
  }
  const table = el('table', 'stats');
  const head = el('tr');
  for (const [key, label] of cols) {
    const th = el('th', '', label);
    th.dataset.key = key;
    th.setAttribute('aria-sort', statSort.key === key ? (statSort.dir > 0 ? 'ascending' : 'descending') : 'none');
    th.addEventListener('click', () => {
      statSort.dir = statSort.key === key ? -statSort.dir : 1;
      statSort.key = key;
      renderStats(page.report);
    });
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const i of rows) {
    const s = report.stats[i];
    const tr = el('tr');
    tr.dataset.stat = i;
    const value = s.value == null ? '' : fmtNum(s.value) + (s.high != null ? '–' + fmtNum(s.high) : '');
    tr.append(
      el('td', '', s.text),
      kindCell(s.kind),
      el('td', 'num', (s.approx ? APPROX_LABELS[s.approx] + ' ' : '') + value),
      el('td', '', s.unit),
      el('td', '', s.subject || ''),
      el('td', '', clip(section(s), 12)),
    );
    tr.addEventListener('click', () => selectStat(i));
    body.append(tr);
  }
  table.append(body);
  box.append(table);
}
function kindCell(kind) {
  const td = el('td');
  td.append(el('span', 'kind', KIND_LABELS[kind] || kind));
  return td;
}
function selectStat(i) {
  for (const n of document.querySelectorAll('.on')) n.classList.remove('on');
  const marks = rendered.querySelectorAll(`mark[data-stat="${i}"]`);
  for (const m of marks) m.classList.add('on');
  const row = document.querySelector(`#tab-stats tr[data-stat="${i}"]`);
  if (row) row.classList.add('on');
  scrollToPos(marks[0]);
}
rendered.addEventListener('click', (e) => {
  const m = e.target.closest('mark[data-stat]');
  if (!m) return;
  selectTab('stats');
  const i = Number(m.dataset.stat);
  selectStat(i);
  const row = document.querySelector(`#tab-stats tr[data-stat="${i}"]`);
  if (row) row.scrollIntoView({ block: 'nearest' });
});

/** Marks a UTF-16 range in the rendered copy (evidence of a checklist item) and scrolls to it. */
function highlightRange(start, end) {
  for (const n of rendered.querySelectorAll('.ev')) n.replaceWith(...n.childNodes);
  rendered.normalize();
  const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let first = null;
  const hits = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    const s = Math.max(start, pos);
    const e = Math.min(end, pos + len);
    if (s < e || (start === end && start >= pos && start < pos + len)) hits.push([n, s - pos, Math.max(e, s + (start === end ? 1 : 0)) - pos]);
    pos += len;
    if (pos >= end && hits.length) break;
  }
  for (const [n, s, e] of hits) {
    const r = document.createRange();
    r.setStart(n, s);
    r.setEnd(n, Math.min(e, n.data.length));
    const w = el('span', 'ev');
    r.surroundContents(w);
    first = first || w;
  }
  scrollToPos(first);
}

function renderScore(report) {
  const box = $('tab-score');
  box.textContent = '';
  const lists = report.checklist;
  $('n-score').textContent = lists.length ? lists.map((c) => fmtNum(c.score)).join('/') : '–';
  if (!lists.length) {
    box.append(el('p', 'empty', rubricSel.value === 'none' ? '已选择“不评分”。' : '暂无评分。'));
    return;
  }
  for (const c of lists) {
    const card = el('section', 'card');
    card.dataset.rubric = c.id;
    const head = el('div', 'card-head');
    const score = el('span', 'score', fmtNum(c.score));
    score.append(el('small', '', ' / ' + fmtNum(c.max)));
    head.append(score);
    if (c.grade) head.append(el('span', 'grade', c.grade));
    const doc = report.documents[c.document];
    const rid = el('span', 'rid', `${RUBRIC_LABELS[c.id] || c.id}（${c.id}）`);
    if (report.documents.length > 1 && doc) rid.append(el('br'), clip(doc.title || `第 ${c.document + 1} 篇`, 20));
    head.append(rid);
    card.append(head);
    if (!c.items.length) card.append(el('p', 'empty', '该细则没有评分项。'));
    for (const it of c.items) {
      const row = el('div', 'check');
      row.dataset.item = it.id;
      const top = el('div', 'top');
      top.append(el('span', 'verdict v-' + it.verdict, VERDICT_LABELS[it.verdict] || it.verdict), el('span', 'id', it.id),
        el('span', 'pts', `${fmtNum(it.points)} / ${fmtNum(it.max)}`));
      row.append(top);
      if (it.message) row.append(el('div', 'msg', it.message));
      if (it.suggestion) row.append(el('div', 'sug', it.suggestion));
      if (it.evidence.length) {
        row.dataset.evidence = '';
        row.title = '点击查看依据';
        row.addEventListener('click', () => highlightRange(it.evidence[0].start, it.evidence[0].end));
      }
      card.append(row);
    }
    box.append(card);
  }
}

function renderNotes(report, text) {
  const box = $('tab-notes');
  box.textContent = '';
  const n = report.placeholders.length + report.defects.length + report.diagnostics.length + report.boilerplate.length;
  $('n-notes').textContent = n;
  if (!n) {
    box.append(el('p', 'empty', '没有发现模板占位符、数字疑点或非正文内容。'));
    return;
  }
  const section = (title, list, line) => {
    if (!list.length) return;
    box.append(el('h3', '', `${title}（${list.length}）`));
    const ul = el('ul', 'notes');
    for (const x of list) {
      const li = el('li', '', line(x));
      if (x.start != null) li.addEventListener('click', () => highlightRange(x.start, x.end));
      ul.append(li);
    }
    box.append(ul);
  };
  section('模板占位符', report.placeholders, (p) => `“${p.text}”尚未替换`);
  section('数字疑点', report.defects, (d) => `${d.message}：“${clip(text.slice(d.start, d.end), 20)}”`);
  section('非正文内容', report.boilerplate, (b) => clip(text.slice(b.start, b.end).replace(/\s+/g, ' '), 40));
  section('输入提示', report.diagnostics, (d) => d.message);
}

// ---- start --------------------------------------------------------------------------------
try { input.value = localStorage.getItem(STORE_KEY) || ''; } catch { /* private mode */ }
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register('sw.js').catch(() => { /* offline use is a bonus */ });
}
