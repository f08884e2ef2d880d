// node --test suite for the Node.js build of the package (bindings-wasm/pkg, made by build.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esm from '../../pkg/node/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const require = createRequire(import.meta.url);
const cjs = require('../../pkg/node/index.cjs');
const { analyze, loadRubric, listRubrics, version, BaogaoError, RubricError, Rubric } = cjs;

const REPORT = [
  '2023年XX社区党支部工作总结',
  '一、主要成绩',
  '全年新发展党员12名，走访困难群众300余户，发放慰问金4.8万元。',
  '二、存在问题',
  '一是理论学习不够深入；二是制度落实不到位。',
  '三、下一步打算',
  '明年将组织集中学习不少于12次，党员参学率达到95%以上。',
  '',
].join('\n');

/** A small valid rubric, written for these tests. */
const MINE = [
  'version = 1', 'id = "my-rubric"', 'name = "我的细则"', 'total = 10', '',
  '[[roles]]', 'id = "plans"', 'heading = ["下一步", "打算"]', '',
  '[[items]]', 'id = "plans"', 'kind = "section_present"', 'role = "plans"', 'points = 10',
  'message = "缺少下一步打算"', '',
].join('\n');

/** Every object in the report that carries offsets, with its path. */
function* spans(v, path = '') {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* spans(v[i], `${path}[${i}]`);
  } else if (v && typeof v === 'object') {
    if (typeof v.start === 'number' && typeof v.end === 'number') yield [path, v];
    for (const [k, x] of Object.entries(v)) if (x && typeof x === 'object') yield* spans(x, `${path}.${k}`);
  }
}

/** utf16 offset → character (code point) offset, for every offset of `text`. */
function charIndex(text) {
  const map = new Uint32Array(text.length + 1);
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = c;
    const u = text.charCodeAt(i);
    const pair = u >= 0xd800 && u <= 0xdbff && i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pair) { map[i + 1] = c; i++; }
    c++;
  }
  map[text.length] = c;
  return map;
}

/** Checks start/end are UTF-16 offsets that agree with char_start/char_end. */
function checkOffsets(report, text) {
  const map = charIndex(text);
  assert.equal(report.length, text.length);
  let n = 0;
  for (const [path, s] of spans(report)) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${path}: ${s.start}..${s.end}`);
    if ('char_start' in s) {
      assert.equal(s.char_start, map[s.start], `${path}.char_start`);
      assert.equal(s.char_end, map[s.end], `${path}.char_end`);
    }
    n++;
  }
  return n;
}

test('version and rubric names', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const v = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo)[1];
  assert.equal(version(), v);
  const list = listRubrics();
  assert.ok(list.some((r) => r.id === 'work-summary'));
  for (const r of list) {
    assert.deepEqual(Object.keys(r).sort(), ['description', 'id', 'name']);
    assert.ok(r.name.length > 0, r.id);
  }
});

test('the CommonJS and ES module entries are the same API', async () => {
  assert.equal(esm.version(), version());
  assert.equal(typeof esm.analyze, 'function');
  await esm.default(); // init() is a no-op in Node
  assert.deepEqual(esm.analyze(REPORT), analyze(REPORT));
});

test('analyze returns a plain baogao/1 object with UTF-16 offsets', () => {
  const r = analyze(REPORT);
  assert.equal(r.schema, 'baogao/1');
  assert.equal(r.offsets, 'utf16');
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  for (const k of ['documents', 'headings', 'items', 'stats', 'boilerplate', 'placeholders', 'defects', 'checklist', 'diagnostics']) {
    assert.ok(Array.isArray(r[k]), k);
  }
  assert.equal(r.documents.length, 1);
  assert.ok(r.headings.length >= 3, 'three top-level headings');
  const titles = r.headings.filter((h) => h.depth === 1).map((h) => text(h));
  assert.deepEqual(titles.slice(0, 3), ['一、主要成绩', '二、存在问题', '三、下一步打算']);
  for (const h of r.headings) assert.equal(REPORT.slice(h.start, h.start + h.marker.length), h.marker);
  for (const s of r.stats) assert.equal(REPORT.slice(s.start, s.end), s.text);
  checkOffsets(r, REPORT);
  function text(h) { return REPORT.slice(h.start, h.title_end); }
});

test('offsets index the JS string when characters lie outside the BMP', () => {
  const t = '𠀀𠀁😀工作总结\n一、𠀂主要成绩\n共有党员12名😀。\n二、问题\n';
  const r = analyze(t);
  assert.ok(r.headings.length >= 2);
  const h = r.headings[0];
  assert.equal(t.slice(h.start, h.title_end), '一、𠀂主要成绩');
  assert.equal(h.char_start, [...t.slice(0, h.start)].length);
  assert.equal(r.length, t.length);
  for (const s of r.stats) assert.equal(t.slice(s.start, s.end), s.text);
  checkOffsets(r, t);
});

test('lone surrogates neither crash nor shift offsets', () => {
  const cases = [
    '\uD800一、主要成绩\n内容\n二、问题\n',
    '一、主要成绩\uDC00\n共有\uD83D党员12名\n二、\uDBFF问题\n\uDFFF',
    '\uD800'.repeat(100) + '\n一、概况\n',
    '\uDC00\uD800', // reversed pair: two lone surrogates
    '\uD800',
    '',
  ];
  for (const t of cases) {
    const r = analyze(t);
    assert.equal(r.length, t.length, JSON.stringify(t));
    for (const h of r.headings) {
      assert.equal(t.slice(h.start, h.start + h.marker.length), h.marker, JSON.stringify(t));
    }
    checkOffsets(r, t);
  }
  const r = analyze(cases[1]);
  const second = r.headings.find((h) => h.marker === '二、');
  if (second) assert.equal(cases[1].slice(second.start, second.title_end), '二、\uDBFF问题');
});

test('rubric options: auto, none, built-in, loaded', () => {
  assert.equal(analyze(REPORT, { rubric: 'none' }).checklist.length, 0);
  assert.equal(analyze(REPORT, { rubric: null }).checklist.length, 0);
  for (const { id: name } of listRubrics()) {
    const r = analyze(REPORT, { rubric: name });
    assert.ok(r.checklist.length >= 1);
    assert.equal(r.checklist[0].id, name);
  }
  const mine = loadRubric(MINE);
  assert.ok(mine instanceof Rubric);
  assert.equal(mine.id, 'my-rubric');
  assert.equal(mine.name, '我的细则');
  assert.equal(mine.source, MINE);
  assert.equal(analyze(REPORT, { rubric: mine }).checklist[0].id, 'my-rubric');
  // A rubric that went through structured cloning (e.g. postMessage to a worker) still works.
  assert.equal(analyze(REPORT, { rubric: structuredClone(mine) }).checklist[0].id, 'my-rubric');
  assert.deepEqual(analyze(REPORT, {}), analyze(REPORT, { rubric: 'auto' }));
});

test('a bad rubric throws RubricError with line and column', () => {
  const src = MINE.replace('total = 10', 'total = ');
  let err;
  try { loadRubric(src); } catch (e) { err = e; }
  assert.ok(err instanceof RubricError, String(err));
  assert.ok(err instanceof BaogaoError);
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'RubricError');
  assert.equal(err.kind, 'rubric');
  assert.equal(err.line, MINE.split('\n').findIndex((l) => l.startsWith('total')) + 1);
  assert.equal(typeof err.column, 'number');
  assert.match(err.message, new RegExp(`${err.line}:${err.column}`));
  assert.ok(err.stack.includes('RubricError'));
  assert.throws(() => loadRubric('not toml at all ['), RubricError);
  assert.throws(() => analyze(REPORT, { rubric: { id: 'x', source: 'id = ' } }), RubricError);
});

test('misuse throws real errors', () => {
  assert.throws(() => analyze(REPORT, { rubric: 'no-such-rubric' }), (e) =>
    e instanceof BaogaoError && !(e instanceof RubricError) && e.kind === 'invalid-input' && /no-such-rubric/.test(e.message));
  assert.throws(() => analyze(42), TypeError);
  assert.throws(() => analyze(REPORT, { rubric: 7 }), TypeError);
  assert.throws(() => loadRubric(undefined), TypeError);
});

test('odd input: long lines, many markers, control characters', () => {
  const inputs = [
    'x'.repeat(200_000),
    '一、'.repeat(20_000),
    '\u0000\u0001\r\r\n\u2028\u2029\uFEFF一、标题\r\n',
    '（一）\n'.repeat(5_000),
  ];
  for (const t of inputs) checkOffsets(analyze(t), t);
});

// ---- the JS result equals the CLI's JSON on the shared corpus --------------------------------

/** As the CLI reads files: UTF-16 by BOM, else UTF-8 (BOM kept as U+FEFF), else GB18030. */
function decode(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The JS report with character offsets, as the CLI gives them. */
function toChars(report, text) {
  const map = charIndex(text);
  const conv = (v) => {
    if (Array.isArray(v)) return v.map(conv);
    if (!v || typeof v !== 'object') return v;
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'char_start' || k === 'char_end') continue;
      if ((k === 'start' || k === 'end' || k === 'title_end') && typeof x === 'number') out[k] = map[x];
      else out[k] = conv(x);
    }
    return out;
  };
  const out = conv(report);
  out.offsets = 'chars';
  out.length = map[text.length];
  return out;
}

const shared = resolve(root, '../shared/corpus');
const cli = process.env.BAOGAO_CLI || join(root, 'target/release/baogao');

test('the JS result equals the CLI JSON on every corpus file', (t) => {
  if (!existsSync(shared)) {
    t.diagnostic('note: ../shared/corpus is absent; corpus comparison skipped');
    return;
  }
  if (!existsSync(cli)) {
    t.diagnostic(`note: ${cli} is missing (cargo build --release -p baogao-cli); corpus comparison skipped`);
    return;
  }
  const files = readdirSync(shared).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length > 0);
  let spansChecked = 0;
  for (const f of files) {
    const path = join(shared, f);
    const text = decode(readFileSync(path));
    const js = analyze(text);
    spansChecked += checkOffsets(js, text);
    const expected = JSON.parse(execFileSync(cli, ['analyze', path, '--format', 'json'], { maxBuffer: 1 << 28 }).toString('utf8'));
    assert.deepStrictEqual(toChars(js, text), expected, f);
  }
  t.diagnostic(`${files.length} corpus files, ${spansChecked} spans: JS equals CLI`);
});
