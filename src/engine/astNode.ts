// The one loose type for walking acorn's ESTree output. acorn types its nodes without index
// access, and the walkers here read fields by name, so the node type has to be loose.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ESTree fields are read by name at run time
export type AstNode = { type: string; [key: string]: any };
