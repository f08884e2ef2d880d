// Runs the analysis off the main thread. Messages in: {id, text, rubric} where rubric is
// {name} or {toml}; out: {id, report, ms} or {id, error}. Also {type:'hello'} on start with
// the rubric names and version, and {type:'rubric', id, ...} answers to {type:'check-rubric'}.
import init, { analyze, loadRubric, listRubrics, version } from './pkg/web/index.js';

const ready = init().then(() => {
  postMessage({ type: 'hello', rubrics: listRubrics(), version: version() });
  // The first analysis builds the core's matchers and rubrics once (about a second); do it now,
  // while the page is still loading, rather than on the user's first keystroke.
  analyze('2023年工作总结\n一、主要成绩\n全年接待群众120人次，增长5%。\n二、存在问题\n三、下一步打算\n');
}, (e) => {
  postMessage({ type: 'fatal', error: String(e && e.message || e) });
});

function errorInfo(e) {
  return { name: e && e.name, message: String(e && e.message || e), line: e && e.line, column: e && e.column };
}

onmessage = async (ev) => {
  await ready;
  const m = ev.data;
  if (m.type === 'check-rubric') {
    try {
      const r = loadRubric(m.toml);
      postMessage({ type: 'rubric', id: m.id, rubric: { id: r.id, name: r.name, description: r.description, source: r.source } });
    } catch (e) {
      postMessage({ type: 'rubric', id: m.id, error: errorInfo(e) });
    }
    return;
  }
  const t0 = performance.now();
  try {
    const rubric = m.rubric && m.rubric.toml ? { id: '', source: m.rubric.toml } : (m.rubric && m.rubric.name) || undefined;
    const report = analyze(m.text, { rubric });
    postMessage({ type: 'report', id: m.id, report, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: 'report', id: m.id, error: errorInfo(e), ms: performance.now() - t0 });
  }
};
