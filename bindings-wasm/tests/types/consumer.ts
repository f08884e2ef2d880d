// A small consumer of the package's TypeScript declarations: checked by `tsc --noEmit` (see
// tests/node/package.test.mjs, which installs the built package with `npm install ./pkg`).
import init, {
  analyze, listRubrics, loadRubric, version, initSync,
  BaogaoError, RubricError, Rubric,
  type Report, type Heading, type Stat, type Checklist, type ChecklistItem, type Span,
  type AnalyzeOptions, type StatKind, type Verdict, type Placeholder, type Defect, type Item,
  type Document, type Diagnostic, type RubricInfo,
} from 'baogao';

export async function main(text: string): Promise<string[]> {
  await init();
  const v: string = version();
  const rubrics: RubricInfo[] = listRubrics();
  const names: string[] = rubrics.map((r) => `${r.id} ${r.name} ${r.description}`);
  const opts: AnalyzeOptions = { rubric: rubrics[0]?.id };
  const report: Report = analyze(text, opts);
  const schema: 'baogao/1' = report.schema;
  const out: string[] = [v, schema, ...names];
  const docs: Document[] = report.documents;
  for (const h of report.headings as Heading[]) {
    const title: string = text.slice(h.start, h.title_end);
    const parent: number | null = h.parent;
    out.push(`${h.depth}${h.marker}${title}${parent ?? ''}${h.char_start}`);
  }
  for (const s of report.stats as Stat[]) {
    const kind: StatKind = s.kind;
    const value: number | null = s.value;
    out.push(`${text.slice(s.start, s.end)} ${kind} ${value ?? ''} ${s.unit} ${s.approx ?? ''}`);
  }
  const items: Item[] = report.items;
  const ph: Placeholder[] = report.placeholders;
  const defects: Defect[] = report.defects;
  const diags: Diagnostic[] = report.diagnostics;
  const bp: Span[] = report.boilerplate;
  out.push(String(docs.length + items.length + ph.length + defects.length + diags.length + bp.length));
  for (const c of report.checklist as Checklist[]) {
    for (const it of c.items as ChecklistItem[]) {
      const verdict: Verdict = it.verdict;
      out.push(`${c.id} ${c.score}/${c.max} ${it.id} ${verdict} ${it.suggestion ?? ''}`);
    }
  }
  let rubric: Rubric;
  try {
    rubric = loadRubric('id = "mine"');
    out.push(rubric.id, rubric.name, analyze(text, { rubric }).checklist[0]?.id ?? '');
    analyze(text, { rubric: null });
    loadRubric('id = ');
  } catch (e) {
    if (e instanceof RubricError) {
      const line: number | null = e.line;
      const col: number | null = e.column;
      out.push(`${e.kind} ${line}:${col} ${e.detail}`);
    } else if (e instanceof BaogaoError) {
      out.push(e.kind);
    }
  }
  void initSync;
  return out;
}
