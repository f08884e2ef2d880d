// The built package installs with `npm install ./path` and works from both module systems;
// its TypeScript declarations check (`tsc --noEmit`) on a small consumer file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '../../pkg');
const tsc = resolve(here, '../../node_modules/.bin/tsc');
let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'baogao-consumer-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', pkg], { cwd: dir, stdio: 'pipe' });
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const run = (args) => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
const SNIPPET = "const t='工作总结\\n一、主要成绩\\n'; const r=b.analyze(t); "
  + "if (r.schema!=='baogao/1' || !r.headings.length) throw new Error('bad'); console.log(b.version());";

test('require("baogao") gives the Node.js build', () => {
  const out = run(['-e', `const b=require('baogao'); ${SNIPPET}`]);
  assert.match(out, /^\d+\.\d+\.\d+/);
  const resolved = run(['-p', "require.resolve('baogao')"]);
  assert.match(resolved, /node[\\/]index\.cjs/);
});

test('import "baogao" gives the Node.js build as an ES module', () => {
  const out = run(['--input-type=module', '-e', `import * as b from 'baogao'; await b.default(); ${SNIPPET}`]);
  assert.match(out, /^\d+\.\d+\.\d+/);
});

test('the browser condition points at the web build', () => {
  const meta = JSON.parse(run(['-p', "JSON.stringify(require('baogao/package.json').exports['.'])"]));
  assert.equal(meta.browser.default, './web/index.js');
  assert.equal(meta.node.require.default, './node/index.cjs');
});

test('tsc --noEmit accepts a consumer of every declared function and type', () => {
  copyFileSync(resolve(here, '../types/consumer.ts'), join(dir, 'consumer.ts'));
  copyFileSync(resolve(here, '../types/tsconfig.json'), join(dir, 'tsconfig.json'));
  try {
    execFileSync(tsc, ['--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

test('tsc rejects misuse (the declarations are not "any")', () => {
  writeFileSync(join(dir, 'bad.ts'), "import { analyze } from 'baogao';\nconst n: number = analyze('x').headings[0].title;\nanalyze(1);\n");
  writeFileSync(join(dir, 'tsconfig.bad.json'), JSON.stringify({ extends: './tsconfig.json', files: ['bad.ts'] }));
  let out = '';
  try {
    execFileSync(tsc, ['--noEmit', '-p', join(dir, 'tsconfig.bad.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.match(out, /TS2322/); // string is not assignable to number
  assert.match(out, /TS2345/); // number is not assignable to string
});
