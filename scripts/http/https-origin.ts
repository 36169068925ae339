/**
 * The origin of an `https://` address without credentials (the public address of a host), or
 * undefined when `address` is not one. Each caller says why in its own words.
 */
export function httpsOrigin(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' && !url.username && !url.password ? url.origin : undefined;
}
