// node:zlib's inflateSync (PNG pixel data in the screenshot checks) for the web extension host, by fflate.

import { unzlibSync } from 'fflate';

export function inflateSync(data: Uint8Array): Uint8Array {
  return Buffer.from(unzlibSync(data));
}
