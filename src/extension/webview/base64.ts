/** The bytes of a base64 text, with no Node `Buffer` (the web worker extension host has none); undefined when it is not base64. */
export function base64Bytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined; // atob rejects a length or a character that is not base64
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
