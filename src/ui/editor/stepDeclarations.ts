// Type declarations that give Monaco IntelliSense for the step API: `data` typed from the
// selected task's JSON, `connectors` from the workspace's mocks, and docs for task/step/console.
import type { ConnectorMocks, Json } from '../../engine/types.ts';

const IDENT = /^[A-Za-z_$][\w$]*$/;
const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));

/** A TypeScript type for a JSON value; objects stay open so steps can add fields. */
export function typeOfJson(value: Json, indent = '  ', depth = 0): string {
  if (value === null) return 'any';
  if (Array.isArray(value)) {
    if (value.length === 0 || depth > 6) return 'any[]';
    const first = value[0];
    return first !== null && typeof first === 'object' && !Array.isArray(first)
      ? `Array<${typeOfJson(first, indent, depth + 1)}>`
      : `${typeOfJson(first, indent, depth + 1)}[]`;
  }
  if (typeof value === 'object') {
    if (depth > 6) return 'any';
    const pad = indent.repeat(depth + 1);
    const fields = Object.entries(value).map(([k, v]) => `${pad}${key(k)}: ${typeOfJson(v, indent, depth + 1)};`);
    return `{\n${fields.join('\n')}${fields.length ? '\n' : ''}${pad}[key: string]: any;\n${indent.repeat(depth)}}`;
  }
  return typeof value;
}

export function connectorsType(mocks: ConnectorMocks): string {
  const entries = Object.entries(mocks).map(([name, methods]) => {
    const list = Object.keys(methods).map((m) => `    /** Mocked in this workspace's Connectors tab. */\n    ${key(m)}(args?: any): Promise<any>;`);
    return `  ${key(name)}: {\n${list.join('\n')}\n    [method: string]: (args?: any) => Promise<any>;\n  };`;
  });
  return `{\n${entries.join('\n')}\n  utils: {\n    /** Waits on the virtual clock. */\n    sleep(args: { milliseconds: number }): Promise<null>;\n    [method: string]: (args?: any) => Promise<any>;\n  };\n  [connector: string]: { [method: string]: (args?: any) => Promise<any> };\n}`;
}

export function stepDeclarations(data: Json, mocks: ConnectorMocks): string {
  return `/** The task's data. Change it freely: the step's changes are applied when it finishes. */
declare let data: ${typeOfJson(data)};
declare const task: {
  /** Ends the task as "done" once this step finishes; result becomes the task's result. */
  complete(result?: any): void;
  /** Ends the task as "ignored" once this step finishes. */
  ignore(): void;
  /** After this step, waits ms of virtual time, then checks conditions again. */
  park(ms: number): void;
  /** Ends the task if it has not ended ms after it was created. */
  timeout(ms: number): void;
  /** On expiry, end as "done" with this result instead of "error". */
  completeOnExpire(result?: any): void;
  /** Starts a child task run by the same steps; its { status, result } lands at options.into. */
  subtask(name: string, data: object, options?: { into?: string; waitFor?: boolean }): void;
  /** Shows data, a table or a chart in the run's visualize panel. */
  visualize(spec: { type: 'data' | 'table' | 'chart'; name: string; data: any }): void;
  /** The task's name, or renames it. */
  name(value?: string): string;
  /** The task's tags, or replaces them. */
  tags(value?: string[]): string[];
  /** The task's id. */
  id(): string;
  /** A value from the workspace's Config tab. */
  config(key: string): any;
};
declare const step: {
  /** Lets this step run again the next time its condition matches. */
  redo(): void;
};
/** Connector calls are answered by the workspace's mocks after their latency, on the virtual clock. */
declare const connectors: ${connectorsType(mocks)};
declare const audit: { /** Records an audit entry in the run's log. */ log(...args: any[]): void };
declare const console: {
  log(...args: any[]): void;
  info(...args: any[]): void;
  warn(...args: any[]): void;
  error(...args: any[]): void;
  debug(...args: any[]): void;
};
`;
}
