// lz-string's decompressFromEncodedURIComponent, with a cap on the output. lz-string's own
// decoder cannot be stopped: a 31 KB link can expand to hundreds of megabytes and take the tab
// down with it. This port of its `_decompress` (lz-string 1.5, MIT, Pieroxy) stops as soon as the
// output passes `maxChars`. The format is unchanged, so every `#v1/` link decodes as before.

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_SAFE].map((ch, i) => [ch, i]));

export class DecompressedTooLargeError extends Error {
  name = 'DecompressedTooLargeError';
}

/** Returns the text, null for damaged input (as lz-string does), or throws past `maxChars`. */
export function decompressUriBounded(input: string, maxChars: number): string | null {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const length = text.length;
  let value = VALUE_OF.get(text[0]) ?? 0;
  let position = 32;
  let index = 1;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1, max = 2 ** count; power !== max; power <<= 1) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = VALUE_OF.get(text[index++]) ?? 0;
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first === 2) return '';
  if (first !== 0 && first !== 1) return null;
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result: string[] = [w];
  let total = w.length;

  for (;;) {
    if (index > length) return null;
    let code = readBits(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (dictionary[code] !== undefined && code < dictSize) entry = dictionary[code];
    else if (code === dictSize) entry = w + w.charAt(0);
    else return null;
    total += entry.length;
    if (total > maxChars) throw new DecompressedTooLargeError(`it unpacks to more than ${maxChars.toLocaleString('en-US')} characters`);
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
