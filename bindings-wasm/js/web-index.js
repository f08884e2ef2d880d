// baogao for browsers (and Deno, bundlers): ES module. Call `await init()` once before use.
import initWasm, { initSync as initWasmSync } from './baogao_wasm.js';
import * as raw from './baogao_wasm.js';
import { makeApi, BaogaoError, RubricError, Rubric } from '../wrap.mjs';

const api = makeApi(raw);
export const { analyze, loadRubric, listRubrics, version } = api;
export { BaogaoError, RubricError, Rubric };

/** Loads the WebAssembly module (by default from beside this file). Safe to call twice. */
export default async function init(moduleOrPath) {
  await initWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath });
}

/** Instantiates from bytes or a compiled WebAssembly.Module, synchronously. */
export function initSync(module) {
  initWasmSync({ module });
}
export { init };
