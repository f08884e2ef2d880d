// End-to-end test of the page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): paste a report, wait for the outline, click a heading and a statistic,
// choose another rubric, check the page; measure a 100 KB report; check it works offline.
// Saves screenshots under bindings-wasm/test-results/ and prints their paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const www = resolve(here, '../../www');
const results = resolve(here, '../../test-results');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const SECTION = (n, title, body) => `${n}、${title}\n${body}\n`;
const REPORT = '2023年XX街道党工委工作总结\n\n'
  + '今年以来，街道党工委坚持以党建引领基层治理，各项工作稳步推进。现将有关情况总结如下：\n\n'
  + SECTION('一', '主要工作成效',
    '（一）思想建设持续加强\n全年组织集中学习24次，开展专题党课6场，参学党员累计560余人次。\n'
    + '（二）组织建设不断夯实\n新发展党员12名，现有党员704人，35岁以下党员占18.1%，较上年提高2.3个百分点。\n'
    + '（三）民生服务扎实有效\n走访困难群众300余户，发放慰问金4.8万元，新建社区食堂1处，面积约120平方米。\n'
    + '街道各社区按照“一社区一品牌”的思路开展工作，'.repeat(12) + '\n')
  + SECTION('二', '存在的问题',
    '一是理论学习深度不够；二是服务方式比较单一，青年群体参与率不足三成；三是阵地建设投入有限。\n'
    + '部分党员对新形势下的工作方法研究不够，'.repeat(15) + '\n')
  + SECTION('三', '下一步工作打算',
    '2024年，全年组织集中学习不少于12次，力争新发展党员10至15名，推动“红色物业”覆盖率提升到90%。\n'
    + '我们将继续坚持问题导向，'.repeat(15) + '\n')
  + '\nXX街道党工委\n2023年12月\n';

/** A report of at least `bytes` UTF-8 bytes, in the same style. */
function bigReport(bytes) {
  const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let out = '2023年XX市政府工作报告\n\n';
  let i = 0;
  while (Buffer.byteLength(out) < bytes) {
    const n = nums[i % 10];
    out += `${n}、第${i + 1}方面的工作\n`;
    for (let k = 1; k <= 6; k++) {
      out += `（${nums[k - 1]}）重点任务${k}\n全市完成固定资产投资${100 + i + k}.5亿元，同比增长${(k * 1.7).toFixed(1)}%，`
        + `新增就业岗位${3000 + 17 * i + k}个，建成保障性住房${120 + k}套，惠及群众约${2 + k}万人。`
        + '一是强化统筹调度；二是狠抓项目落地；三是优化营商环境，持续推动高质量发展。\n';
    }
    i++;
  }
  return out;
}

let server;
let context;
let base;
let profile;
const shots = [];

before(async () => {
  assert.ok(existsSync(join(www, 'pkg/web/baogao_wasm_bg.wasm')), 'www/pkg is missing: run bindings-wasm/build.sh first');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`);
  mkdirSync(results, { recursive: true });
  server = await serve(www);
  base = `http://127.0.0.1:${server.address().port}/`;
  profile = mkdtempSync(join(tmpdir(), 'baogao-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.close();
  if (profile) {
    try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch { /* a temp dir */ }
  }
  for (const s of shots) console.log(`screenshot: ${s}`);
});

async function openPage() {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base);
  await page.waitForFunction(() => window.baogaoPage && window.baogaoPage.version, null, { timeout: 30_000 });
  return { page, errors };
}

async function analyzed(page, runsBefore) {
  await page.waitForFunction((n) => window.baogaoPage.runs > n && window.baogaoPage.pending === 0, runsBefore, { timeout: 60_000 });
}

test('paste a report, use the outline, statistics and rubric chooser', async (t) => {
  const { page, errors } = await openPage();
  const runs = await page.evaluate(() => window.baogaoPage.runs);
  await page.fill('#input', REPORT);
  await analyzed(page, runs);

  // The outline tree shows the three top-level headings.
  const links = page.locator('#tab-outline .hlink');
  await links.first().waitFor();
  const titles = await links.allTextContents();
  assert.ok(titles.some((x) => x.includes('一、') && x.includes('主要工作成效')), titles.join(' | '));
  assert.ok(titles.some((x) => x.includes('三、') && x.includes('下一步工作打算')), titles.join(' | '));
  const report = await page.evaluate(() => window.baogaoPage.report);
  assert.equal(report.length, REPORT.length);

  // The rendered copy holds the text exactly.
  assert.equal(await page.locator('#rendered').textContent(), REPORT);

  // Click a heading: the rendered text scrolls to it and flashes it.
  const third = links.filter({ hasText: '下一步工作打算' });
  const before = await page.locator('#rendered').evaluate((e) => e.scrollTop);
  await third.click();
  await page.waitForFunction(() => document.querySelector('#rendered .flash') !== null);
  await page.waitForTimeout(600); // smooth scrolling
  const view = await page.evaluate(() => {
    const r = document.getElementById('rendered');
    const h = r.querySelector('.flash');
    const a = r.getBoundingClientRect();
    const b = h.getBoundingClientRect();
    return { top: r.scrollTop, inside: b.top >= a.top && b.bottom <= a.bottom, text: h.textContent };
  });
  assert.ok(view.top > before, `scrolled from ${before} to ${view.top}`);
  assert.ok(view.inside, 'the heading is in view');
  assert.ok(view.text.includes('下一步工作打算'));

  // Statistics: sortable table; a click highlights the statistic in the text.
  await page.click('.tabs button[data-tab="stats"]');
  if (report.stats.length) {
    const rows = page.locator('#tab-stats tbody tr');
    assert.equal(await rows.count(), report.stats.length);
    await page.click('#tab-stats th[data-key="value"]');
    assert.equal(await page.getAttribute('#tab-stats th[data-key="value"]', 'aria-sort'), 'ascending');
    const row = rows.first();
    const written = await row.locator('td').first().textContent();
    await row.click();
    const marked = await page.locator('#rendered mark.stat.on').allTextContents();
    assert.equal(marked.join(''), written);
    assert.ok(await row.evaluate((r) => r.classList.contains('on')));
  } else {
    t.diagnostic('note: the core found no statistics yet; checked the empty state instead');
    assert.match(await page.locator('#tab-stats').textContent(), /没有识别出数据/);
  }
  await page.screenshot({ path: join(results, 'page-stats.png') });
  shots.push(join(results, 'page-stats.png'));

  // Choose another rubric: the scorecard follows.
  await page.click('.tabs button[data-tab="score"]');
  const names = await page.$$eval('#rubric option', (os) => os.map((o) => o.value));
  assert.ok(names.includes('gov-report') && names.includes('work-summary'), names.join(','));
  for (const id of ['gov-report', 'party-building']) {
    const n = await page.evaluate(() => window.baogaoPage.runs);
    await page.selectOption('#rubric', id);
    await analyzed(page, n);
    await page.locator(`#tab-score .card[data-rubric="${id}"]`).waitFor();
    assert.match(await page.locator('#tab-score .card .rid').first().textContent(), new RegExp(id));
    const items = await page.locator(`#tab-score .card[data-rubric="${id}"] .check`).count();
    assert.ok(items > 0, `${id}: the scorecard lists its items`);
  }
  const n = await page.evaluate(() => window.baogaoPage.runs);
  await page.selectOption('#rubric', 'none');
  await analyzed(page, n);
  assert.match(await page.locator('#tab-score').textContent(), /不评分/);
  await page.selectOption('#rubric', 'party-building');
  await page.locator('#tab-score .card').waitFor();

  // Collapse a branch of the outline tree.
  await page.click('.tabs button[data-tab="outline"]');
  const twisty = page.locator('#tab-outline .twisty:not(:empty)').first();
  if (await twisty.count()) {
    await twisty.click();
    assert.ok(await page.locator('#tab-outline li.closed').count() >= 1);
    await twisty.click();
  }
  await page.click('.tabs button[data-tab="score"]');
  const shot = join(results, 'page.png');
  await page.screenshot({ path: shot });
  shots.push(shot);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 100 KB report is analysed in the worker; the main thread stays responsive', async (t) => {
  const { page, errors } = await openPage();
  const text = bigReport(100 * 1024);
  const m = await page.evaluate(async (text) => {
    const p = window.baogaoPage;
    const input = document.getElementById('input');
    // A ticker on the main thread; afterwards, the longest gap between ticks while the worker
    // was analysing (from posting the text to receiving the report).
    // Let the analysis of the draft restored at load settle first.
    await new Promise((ok) => { const w = () => (p.runs > 0 && p.pending === 0 ? ok() : setTimeout(w, 5)); w(); });
    const ticks = [];
    const iv = setInterval(() => ticks.push(performance.now()), 5);
    input.value = text;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input'));
    await new Promise((ok) => { const w = () => (p.text === text && p.pending === 0 ? ok() : setTimeout(w, 5)); w(); });
    const shownAt = performance.now();
    await new Promise((ok) => setTimeout(ok, 50));
    clearInterval(iv);
    const inside = ticks.filter((x) => x >= p.sentAt && x <= p.gotAt);
    const marks = [p.sentAt, ...inside, p.gotAt];
    let maxGap = 0;
    for (let i = 1; i < marks.length; i++) maxGap = Math.max(maxGap, marks[i] - marks[i - 1]);
    const maxGapWhileAnalysing = maxGap;
    const gotAt = shownAt;
    return {
      bytes: new TextEncoder().encode(text).length, chars: text.length,
      workerMs: p.lastMs, renderMs: p.renderMs, totalMs: gotAt - t0, maxGapWhileAnalysing: maxGap, ticks: inside.length,
      headings: p.report.headings.length, stats: p.report.stats.length,
    };
  }, text);
  const line = `100 KB report (${m.bytes} bytes, ${m.chars} UTF-16 units; ${m.headings} headings, ${m.stats} stats): `
    + `worker analysis ${m.workerMs.toFixed(1)} ms, main-thread render ${m.renderMs.toFixed(1)} ms, `
    + `input→shown ${m.totalMs.toFixed(0)} ms (incl. ${250} ms debounce); longest main-thread gap while the worker ran `
    + `${m.maxGapWhileAnalysing.toFixed(1)} ms over ${m.ticks} ticks`;
  console.log(line);
  t.diagnostic(line);
  assert.ok(m.bytes >= 100 * 1024);
  assert.ok(m.headings > 0);
  assert.ok(m.maxGapWhileAnalysing < 100, 'the main thread kept ticking while the worker analysed');
  // Typing stays possible on the big text.
  await page.focus('#input');
  await page.keyboard.press('End');
  await page.keyboard.type('补充。');
  assert.ok((await page.inputValue('#input')).endsWith('补充。'));
  const shot = join(results, 'page-100kb.png');
  await page.screenshot({ path: shot });
  shots.push(shot);
  assert.deepEqual(errors, []);
  await page.close();
});

test('works offline once loaded (service worker)', async (t) => {
  const { page } = await openPage();
  const ok = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    return true;
  });
  if (!ok) {
    t.diagnostic('note: no service worker in this browser; offline check skipped');
    return;
  }
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForFunction(() => window.baogaoPage && window.baogaoPage.version, null, { timeout: 30_000 });
    const runs = await page.evaluate(() => window.baogaoPage.runs);
    await page.fill('#input', '2023年工作总结\n一、主要成绩\n全年接待群众120人次。\n二、存在问题\n');
    await analyzed(page, runs);
    assert.ok(await page.locator('#tab-outline .hlink').count() >= 2);
  } finally {
    await context.setOffline(false);
    await page.close();
  }
});
