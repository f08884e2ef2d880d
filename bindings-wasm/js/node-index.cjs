'use strict';
// baogao for Node.js, CommonJS entry (the module is ready on require; init() is a no-op).
const raw = require('./baogao_wasm.js');
const { makeApi, BaogaoError, RubricError, Rubric } = require('../wrap.cjs');

const api = makeApi(raw);
async function init() {}
function initSync() {}
module.exports = { ...api, init, initSync, default: init, BaogaoError, RubricError, Rubric };
