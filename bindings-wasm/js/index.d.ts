// TypeScript declarations of the baogao package (browser and Node.js entries alike).
//
// OFFSETS: every `start`/`end` (and `title_end`, `length`, diagnostics' `start`/`end`) is a
// UTF-16 code-unit offset into the string you passed to `analyze()`, end exclusive, so
// `text.slice(x.start, x.end)` is the span's text. The Unicode-character offsets of the
// `baogao/1` JSON (what the CLI and Python give) are kept as `char_start`/`char_end`.

/** A half-open range of the analysed string. */
export interface Span {
  /** First UTF-16 code unit (JavaScript string index). */
  start: number;
  /** One past the last UTF-16 code unit. */
  end: number;
  /** `start` counted in Unicode characters (code points), as in the CLI's JSON. */
  char_start: number;
  /** `end` counted in Unicode characters. */
  char_end: number;
}

/** One report inside the text (a file usually holds one). */
export interface Document extends Span {
  /** The title line, trimmed; "" when the document has no title. */
  title: string;
}

export type MarkerKind =
  | 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'circled'
  | 'chapter' | 'part' | 'section' | 'unnumbered';

/** A heading; its span runs to the end of its section. */
export interface Heading extends Span {
  /** Where the title stops (UTF-16). */
  title_end: number;
  /** Index into `Report.documents`. */
  document: number;
  /** 1 = top level. */
  depth: number;
  /** The marker as written (`一、`, `（三）`); "" when unnumbered. */
  marker: string;
  marker_kind: MarkerKind;
  ordinal: number | null;
  title: string;
  /** Index into `Report.headings` of the parent heading. */
  parent: number | null;
}

export type ItemKind = 'shi' | 'ordinal' | 'sequence' | 'circled' | 'dash' | 'numbered';

/** An inline list item (`一是…`, `第一，…`, `——…`). */
export interface Item extends Span {
  document: number;
  marker: string;
  kind: ItemKind;
  ordinal: number | null;
  /** Index into `Report.headings` of the innermost section holding the item. */
  section: number | null;
}

export type StatKind =
  | 'count' | 'money' | 'percent' | 'points' | 'measure' | 'duration' | 'ratio' | 'date';
export type Approx = 'over' | 'under' | 'about';

/** A stated quantity, normalised. */
export interface Stat extends Span {
  /** The statistic as written. */
  text: string;
  kind: StatKind;
  /** The value with its scale applied (low end of a range); null for dates. */
  value: number | null;
  /** The high end of a range. */
  high: number | null;
  /** The unit as written (`人`, `元`, `%`); "" when none. */
  unit: string;
  approx: Approx | null;
  /** What is counted, as written nearby (best effort). */
  subject: string | null;
  document: number;
  section: number | null;
}

/** A template placeholder left in the text (`20_年`, `xx社区`). */
export interface Placeholder extends Span {
  text: string;
}

export type DefectCode =
  | 'unit-missing' | 'decimal-comma' | 'parts-exceed-whole' | 'arithmetic-mismatch'
  | 'share-over-100' | 'future-date';

/** A numeric defect worth a warning. */
export interface Defect extends Span {
  code: DefectCode;
  /** A message for the writer, in Chinese. */
  message: string;
}

export type Verdict = 'passed' | 'partial' | 'failed' | 'not-applicable';

/** One scored checklist item. */
export interface ChecklistItem {
  id: string;
  /** `verdict === 'passed'`. */
  passed: boolean;
  verdict: Verdict;
  points: number;
  max: number;
  /** Evidence spans, or where the missing part was expected. */
  evidence: Span[];
  message: string;
  suggestion: string | null;
}

/** A document's score against one rubric. */
export interface Checklist {
  document: number;
  /** The rubric's id. */
  id: string;
  score: number;
  max: number;
  /** 好 / 较好 / 一般 / 差. */
  grade: string;
  items: ChecklistItem[];
}

/** A note about odd input that the analysis worked around. */
export interface Diagnostic {
  start: number | null;
  end: number | null;
  code: string;
  message: string;
}

/** The `baogao/1` report, with UTF-16 offsets. */
export interface Report {
  schema: 'baogao/1';
  offsets: 'utf16';
  /** The text's length in UTF-16 code units (`text.length`). */
  length: number;
  documents: Document[];
  headings: Heading[];
  items: Item[];
  stats: Stat[];
  /** Text that is not the report (page chrome, site headers). */
  boilerplate: Span[];
  placeholders: Placeholder[];
  defects: Defect[];
  checklist: Checklist[];
  diagnostics: Diagnostic[];
}

/** A built-in rubric id (see `listRubrics()`), or `"auto"`/`"none"`. */
export type RubricName = string;

export interface AnalyzeOptions {
  /**
   * The rubric to score against: `"auto"` (default: chosen per document), `"none"` or `null`
   * (no checklist), a built-in rubric's id, or a `Rubric` from `loadRubric()`.
   */
  rubric?: RubricName | Rubric | null;
}

/** What a rubric is: its id (the value for `options.rubric`), name and description. */
export interface RubricInfo {
  /** `work-summary`, `party-building`, …: pass it as `analyze(text, { rubric: id })`. */
  id: string;
  /** A readable name, in Chinese (`工作总结`). */
  name: string;
  description: string;
}

/** A validated rubric (from `loadRubric`). Plain data: it can be posted to a worker. */
export class Rubric implements RubricInfo {
  private constructor();
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The TOML source it was loaded from. */
  readonly source: string;
}

/** Base class of the errors baogao throws. */
export class BaogaoError extends Error {
  /** `"rubric"`, `"invalid-input"` (e.g. an unknown rubric name), `"decode"`. */
  readonly kind: string;
  /** The message without the location. */
  readonly detail: string;
}

/** A rubric that does not parse or validate. */
export class RubricError extends BaogaoError {
  readonly kind: 'rubric';
  /** 1-based line in the rubric source, when known. */
  readonly line: number | null;
  /** 1-based column (in characters), when known. */
  readonly column: number | null;
}

/**
 * Analyses a report: outline, statistics, placeholders, boilerplate and checklist.
 * Never throws on any text (lone surrogates included); throws `BaogaoError` for an unknown
 * rubric name and `TypeError` for a non-string text.
 */
export function analyze(text: string, options?: AnalyzeOptions): Report;

/** Parses and validates a rubric's TOML source; throws `RubricError` with line/column. */
export function loadRubric(toml: string): Rubric;

/** The built-in rubrics. */
export function listRubrics(): RubricInfo[];

/** The version of baogao inside the module. */
export function version(): string;

/**
 * Loads the WebAssembly module. Required once before use in browsers (`await init()` fetches
 * the `.wasm` beside the module, or from `moduleOrPath`); a no-op in Node.js.
 */
export default function init(
  moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
export { init };

/** Synchronous initialisation from bytes or a compiled module (no-op in Node.js). */
export function initSync(module: BufferSource | WebAssembly.Module): void;
