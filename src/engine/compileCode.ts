// Where step, condition and mock code is turned into functions. The browser uses the host's
// `new Function`; a host with a stronger sandbox (the CLI's vm context) installs its own compiler.

/** Compiles a function body with the given parameter names, like `new Function(...params, body)`. */
export type CodeCompiler = (params: readonly string[], body: string) => (...args: unknown[]) => unknown;

const hostCompiler: CodeCompiler = (params, body) => new Function(...params, body) as ReturnType<CodeCompiler>;
let compiler: CodeCompiler = hostCompiler;

/**
 * Replaces the compiler for every later load. It must keep V8's `new Function` line layout
 * (two header lines before the body), so error positions still map to the user's source.
 */
export function setCodeCompiler(next: CodeCompiler | null): void {
  compiler = next ?? hostCompiler;
}

/** The compiler now in use; loaded steps are cached per compiler (see loadStep). */
export function currentCompiler(): object {
  return compiler;
}

export function compileCode(params: readonly string[], body: string): ReturnType<CodeCompiler> {
  return compiler(params, body);
}
