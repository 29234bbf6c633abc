// Share links: the URL hash holds a versioned, compressed workspace, `#v1/<lz-string>`.
// The version prefix lets a future format decode old links; anything else is a clear error.
import lzString from 'lz-string';
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { decompressUriBounded, DecompressedTooLargeError } from './boundedLz.ts';
import { checkDepth, LIMITS } from './inputLimits.ts';

/** Chat tools and some browsers cut links longer than about this. */
export const LONG_LINK = 8000;

export class ShareLinkError extends Error {
  name = 'ShareLinkError';
}

export function encodeShareHash(workspace: Workspace): string {
  return `#v1/${lzString.compressToEncodedURIComponent(JSON.stringify(workspace))}`;
}

/** True when the hash claims to be a share link (so a bad one deserves an error, not silence). */
export const isShareHash = (hash: string): boolean => /^#v\d+\//.test(hash);

/** Decodes `#v1/…`; throws ShareLinkError saying what is wrong with the link. */
export function decodeShareHash(hash: string): Workspace {
  const match = /^#v(\d+)\/(.*)$/s.exec(hash);
  if (!match) throw new ShareLinkError('this link holds no Steplab workspace (it should start with #v1/)');
  if (match[1] !== '1') throw new ShareLinkError(`this link was made by a newer Steplab (format v${match[1]}); this one reads v1 links`);
  // No real link is near this long (browsers cap URLs at about 2 MB); refuse before unpacking.
  if (match[2].length > LIMITS.linkChars)
    throw new ShareLinkError(`this link is ${match[2].length.toLocaleString('en-US')} characters long, far more than any workspace needs`);
  let json: string | null;
  try {
    json = decompressUriBounded(match[2], LIMITS.linkChars);
  } catch (error) {
    if (error instanceof DecompressedTooLargeError) throw new ShareLinkError(`this link's workspace is too large: ${error.message} (the limit is 5 MB)`);
    json = null;
  }
  if (!json) throw new ShareLinkError('this link is damaged or cut short: its workspace cannot be unpacked');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ShareLinkError('this link is damaged or cut short: its workspace is not complete JSON');
  }
  try {
    checkDepth(value, 'the workspace');
    return parseWorkspace(value);
  } catch (error) {
    throw new ShareLinkError(`this link's workspace is not valid: ${(error as Error).message}`);
  }
}
