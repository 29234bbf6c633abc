// Reads the CLI's input files with bounds: a size cap, a time limit (a FIFO with no writer),
// no devices, and strict text decoding, so every bad input ends in one clear line.
import { constants, createReadStream, openSync, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { stat } from 'node:fs/promises';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
export const READ_TIMEOUT_MS = 5_000;

/** Bad input: the message names the file and the problem, and the CLI exits with 2. */
export class InputError extends Error {
  name = 'InputError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'no such file or folder',
  ELOOP: 'a symbolic link loop',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the path is too long',
  EISDIR: 'a folder, not a file',
};

/** The InputError for a failed file operation, named by its code rather than Node's text. */
export function fileError(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? (REASONS[code] ?? `cannot be read (${code})`) : 'cannot be read';
  return new InputError(`${path}: ${reason}`);
}

export async function statInput(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Reads a file or a pipe (`<(cmd)`, /dev/stdin) as bytes: at most `limit` of them, and a pipe
 * within READ_TIMEOUT_MS. Devices are refused. A pipe is opened non-blocking and read through the
 * event loop: a blocking read would pin a libuv thread that even process.exit waits for.
 */
export async function readBytes(path: string, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const info = await statInput(path);
  if (info.isDirectory()) throw new InputError(`${path}: a folder, not a file`);
  if (info.isFile() && info.size > limit) throw new InputError(`${path}: ${megabytes(info.size)}, over the ${megabytes(limit)} input limit`);
  if (!info.isFile() && !info.isFIFO() && !info.isSocket()) throw new InputError(`${path}: a device, not a file`);
  let stream: Readable;
  try {
    stream = info.isFile()
      ? createReadStream(path, { highWaterMark: 1024 * 1024 })
      : new Socket({ fd: openSync(path, constants.O_RDONLY | constants.O_NONBLOCK), readable: true, writable: false });
  } catch (error) {
    throw fileError(path, error);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const timer = setTimeout(
      () => fail(new InputError(`${path}: nothing more to read after ${READ_TIMEOUT_MS / 1000} s (a pipe with no writer?)`)),
      READ_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      stream.destroy();
      reject(fileError(path, error));
    };
    stream.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > limit) fail(new InputError(`${path}: over the ${megabytes(limit)} input limit`));
      else chunks.push(bytes);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 text; binary data (a NUL byte) and invalid UTF-8 are input errors. */
export function decodeText(path: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`${path}: a binary file, not text (a NUL byte at offset ${nul})`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8 text`);
  }
}

export async function readText(path: string, limit = MAX_INPUT_BYTES): Promise<string> {
  return decodeText(path, await readBytes(path, limit));
}
