// Turns a step's source into a loaded step: either invalid (with a position) or a factory that
// makes one module instance per task, plus its compiled condition.
import { compileCondition, ConditionError, type CompiledCondition, type LeafResult } from './compileCondition.ts';
import { CONDITION_OPERATORS, typeInOperatorMessage, unknownOperatorMessage } from './conditionOperators.ts';
import { compileCode, currentCompiler } from './compileCode.ts';
import { locateConditionPath, parseStep, StepSourceError } from './parseStep.ts';
import { INJECTED_NAMES } from './shareableModule.ts';
import { messageOf } from './sourceLocation.ts';
import type { SourceError, StepDef } from './types.ts';
import type { AstNode } from './astNode.ts';

/** The free names a step module sees besides `data`. */
export interface StepGlobals {
  task: unknown;
  step: unknown;
  connectors: unknown;
  console: unknown;
  audit: unknown;
  Date: DateConstructor;
  Math: Math;
  setTimeout: unknown;
  clearTimeout: unknown;
  setInterval: unknown;
  clearInterval: unknown;
}

export interface StepInstance {
  setData(data: unknown): void;
  getData(): unknown;
  conditionValue(): unknown;
  content(): unknown;
}

interface StepBase {
  index: number;
  name: string;
  enabled: boolean;
  sourceName: string;
  /** Turns a line and column of the generated code into the user's own (see thunkPositions). */
  mapPosition(line: number, column: number): { line: number; column: number };
}

export interface ValidStep extends StepBase {
  valid: true;
  /** Set when the condition reads no runtime values; then it is compiled once for every task. */
  staticCondition: CompiledCondition | null;
  /**
   * Whether testing the condition may run the user's code or patterns: a dynamic condition, or a
   * regular expression (which can backtrack for long). Hosts with a watchdog name such a slice.
   */
  conditionRunsCode: boolean;
  instantiate(globals: StepGlobals, data: unknown): StepInstance;
  /** Compiles a dynamic condition's current value, with a small cache. */
  compileDynamic(value: unknown): CompiledCondition;
}

export interface InvalidStep extends StepBase {
  valid: false;
  error: SourceError;
}

export type LoadedStep = ValidStep | InvalidStep;

const PRELUDE =
  '"use strict"; let data = __steplab.data; const { task, step, connectors, console, audit, Date, Math, setTimeout, clearTimeout, setInterval, clearInterval } = __steplab.globals;';
/** A shareable module's bindings are rebound before each use (the step never assigns them, see shareableModule.ts). */
const SHARED_PRELUDE = `"use strict"; let data = __steplab.data; let { ${INJECTED_NAMES.join(', ')} } = __steplab.globals;`;
const SHARED_RETURN = `bind(g, v) { ({ ${INJECTED_NAMES.join(', ')} } = g); data = v; }`;
const KNOWN_OPERATORS = new Set<string>(CONDITION_OPERATORS);
/** Operators whose parameter is a value, not a condition: type patterns make no sense there. */
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$all', '$size', '$mod', '$regex', '$exists']);
const TYPE_NAMES = new Set(['String', 'Number', 'Boolean', 'Array', 'Object', 'Date']);
let loadCounter = 0;

type Built = { sourceName: string; built: ReturnType<typeof buildStep> } | { sourceName: string; error: SourceError };

/**
 * Steps built from a source, for the code compiler they were built with: a run (or a check) of
 * a workspace whose steps were already loaded in this realm parses and compiles nothing again.
 * A built step holds no task state (instances are made per task), so sharing it is safe.
 */
const built = new WeakMap<object, Map<string, Built>>();
const BUILT_MAX = 2000;

function buildCached(source: string): Built {
  const key = currentCompiler();
  let bySource = built.get(key);
  if (!bySource) built.set(key, (bySource = new Map()));
  let entry = bySource.get(source);
  if (entry) {
    // Most recently used last, so the oldest go first when the cache is full.
    bySource.delete(source);
    bySource.set(source, entry);
    return entry;
  }
  const sourceName = `steplab-step-${++loadCounter}.js`;
  try {
    entry = { sourceName, built: buildStep(source, sourceName) };
  } catch (error) {
    entry = { sourceName, error: error instanceof StepSourceError ? error.toSourceError() : { message: messageOf(error), line: null, column: null } };
  }
  if (bySource.size >= BUILT_MAX) bySource.delete(bySource.keys().next().value!);
  bySource.set(source, entry);
  return entry;
}

/** Loads one step. Never throws: problems become an invalid step with a message, line and column. */
export function loadStep(def: StepDef, index: number): LoadedStep {
  // Folder form: the source starts below a `// step:` line, and errors name the file's own lines.
  const lineOffset = Math.max(0, Math.floor(def.firstLine ?? 1) - 1);
  const entry = buildCached(def.source);
  const base: StepBase = {
    index,
    name: def.name,
    enabled: def.enabled,
    sourceName: entry.sourceName,
    mapPosition: (line, column) => ({ line: line + lineOffset, column }),
  };
  if ('error' in entry) {
    const sourceError = { ...entry.error };
    if (sourceError.line !== null) sourceError.line += lineOffset;
    return { ...base, valid: false, error: sourceError };
  }
  const { built: step } = entry;
  const mapPosition = (line: number, column: number) => base.mapPosition(...step.unshift(line, column));
  return { ...base, valid: true, ...step, mapPosition };
}

function buildStep(source: string, sourceName: string) {
  const parsed = parseStep(source);
  checkOperators(parsed.conditionNode);
  // The module object is the instance itself: one object per task and step, no wrapper.
  let factory: (rt: unknown) => SharedModule;
  const { shareable } = parsed;
  try {
    factory = compileCode(
      ['__steplab'],
      `${shareable ? SHARED_PRELUDE : PRELUDE}\n${parsed.body}\n;return { conditionValue: condition, content, setData(v) { data = v; }, getData() { return data; }${shareable ? `, ${SHARED_RETURN}` : ''} };\n//# sourceURL=${sourceName}`,
    ) as typeof factory;
  } catch (error) {
    throw new StepSourceError(`this step cannot be loaded: ${messageOf(error)}`, null, null);
  }
  let staticCondition: CompiledCondition | null = null;
  if (parsed.isStatic) {
    const value = compileCode([], `"use strict"; return (${parsed.conditionText});`)();
    try {
      staticCondition = compileCondition(value);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      const loc = locateConditionPath(parsed.conditionNode, error.path, error.operator);
      throw new StepSourceError(error.message, loc.line, loc.column);
    }
  }
  const cache = new Map<string, CompiledCondition>();
  let shared: SharedModule | null = null;
  return {
    unshift: thunkPositions(parsed.conditionNode),
    staticCondition,
    conditionRunsCode: staticCondition === null || hasPattern(parsed.conditionNode),
    instantiate(globals: StepGlobals, data: unknown): StepInstance {
      if (!shareable) return factory({ globals, data });
      // One module for every task and run of this source; each task gets a small handle.
      shared ??= factory({ globals, data });
      return new SharedInstance(shared, globals, data);
    },
    compileDynamic(value: unknown): CompiledCondition {
      const key = conditionKey(value);
      let compiled = cache.get(key);
      if (!compiled) {
        if (cache.size > 256) cache.clear();
        compiled = compileCondition(value);
        cache.set(key, compiled);
      }
      return compiled;
    },
  };
}

interface SharedModule extends StepInstance {
  /** Points the module's `data` and injected names at one task's (only a shareable module has it). */
  bind(globals: StepGlobals, data: unknown): void;
}

/**
 * A task's view of a module shared by every task. The module's code never outlives a
 * synchronous call (shareableModule.ts), so binding it to this task before each use is enough
 * for the code to see this task's data and API and no other's.
 */
class SharedInstance implements StepInstance {
  constructor(
    private readonly mod: SharedModule,
    private readonly globals: StepGlobals,
    private data: unknown,
  ) {}
  setData(data: unknown): void {
    this.data = data;
  }
  getData(): unknown {
    return this.data;
  }
  conditionValue(): unknown {
    this.mod.bind(this.globals, this.data);
    return this.mod.conditionValue();
  }
  content(): unknown {
    this.mod.bind(this.globals, this.data);
    const started = this.mod.content();
    // Whatever `data` is now (a step may reassign it) is this run's: the content ran to its end.
    this.data = this.mod.getData();
    return started;
  }
}

/**
 * Rejects `$where`, unknown operators and type patterns inside value operators by reading the
 * literal, so dynamic conditions are checked at load too. `path` is the data path, for messages.
 */
function checkOperators(node: AstNode | null | undefined, path: string[] = [], valueOp: string | null = null): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'ObjectExpression') {
    for (const prop of node.properties) {
      if (prop.type !== 'Property' || prop.computed) continue;
      const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : '';
      const fail = (message: string) => new StepSourceError(message, prop.loc.start.line, prop.loc.start.column + 1);
      if (!key.startsWith('$')) checkOperators(prop.value, valueOp ? path : [...path, ...key.split('.')], valueOp);
      else if (!KNOWN_OPERATORS.has(key)) throw fail(unknownOperatorMessage(key, path));
      else checkOperators(prop.value, path, VALUE_OPERATORS.has(key) ? (valueOp ?? key) : valueOp);
    }
  } else if (node.type === 'ArrayExpression') {
    for (const element of node.elements) checkOperators(element, path, valueOp);
  } else if (node.type === 'Identifier' && valueOp && TYPE_NAMES.has(node.name)) {
    throw new StepSourceError(typeInOperatorMessage(node.name, valueOp, path), node.loc.start.line, node.loc.start.column + 1);
  }
}

/** Whether a condition literal holds a regular expression (a literal, or a `$regex` key). */
function hasPattern(node: AstNode | null | undefined): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'Literal') return node.regex !== undefined;
  if (node.type === 'Property') {
    const key = node.key?.type === 'Identifier' ? node.key.name : node.key?.value;
    return key === '$regex' || hasPattern(node.value);
  }
  if (node.type === 'ObjectExpression') return node.properties.some(hasPattern);
  if (node.type === 'ArrayExpression') return node.elements.some(hasPattern);
  if (node.type === 'UnaryExpression') return hasPattern(node.argument);
  return false;
}

/**
 * parseStep wraps the condition as `() => (…)`: 7 characters before it and 1 after, on its
 * first and last lines. This maps a generated line and column (1-based) back to the source.
 */
function thunkPositions(init: AstNode): (line: number, column: number) => [number, number] {
  const start = init.loc.start as { line: number; column: number };
  const end = init.loc.end as { line: number; column: number };
  return (line, column) => {
    const at = column - 1;
    if (line === start.line && line === end.line && at >= end.column + 8) return [line, column - 8];
    if (line === start.line && at >= start.column + 7) return [line, column - 7];
    if (line === end.line && line !== start.line && at >= end.column + 1) return [line, column - 1];
    return [line, column];
  };
}

function conditionKey(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v === 'function') return `\u0000fn:${v.name}`;
    if (v instanceof RegExp) return `\u0000re:${String(v)}`;
    if (v === undefined) return '\u0000undefined';
    return v;
  });
}

/** A failing leaf that explains why a dynamic condition could not be evaluated. */
export function conditionFailureLeaf(error: unknown): LeafResult {
  return { path: '(condition)', expected: 'a condition that can be evaluated', actual: messageOf(error), pass: false };
}
