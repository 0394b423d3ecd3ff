import * as assert from 'assert';
import { base64Bytes } from '../../src/extension/webview/base64';

describe('base64Bytes (a PNG export\'s bytes, with no Node Buffer)', () => {
  it('decodes base64 as Node does', () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    assert.deepStrictEqual(base64Bytes(png), new Uint8Array(Buffer.from(png, 'base64')));
    assert.deepStrictEqual(base64Bytes(''), new Uint8Array(0));
  });

  it('is undefined for what is not base64', () => {
    assert.strictEqual(base64Bytes('A'), undefined, 'a length no base64 has');
    assert.strictEqual(base64Bytes('ab$c'), undefined);
  });
});
