// baogao for Node.js, ES module entry (the module is ready on import; init() is a no-op).
import api from './index.cjs';
export const { analyze, loadRubric, listRubrics, version, init, initSync, BaogaoError, RubricError, Rubric } = api;
export default init;
