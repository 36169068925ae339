import { createPrivateKey } from 'node:crypto';

/**
 * A GitHub App's private key in the PKCS#8 form Web Crypto imports, whatever form it comes in
 * (GitHub gives PKCS#1). Undefined when `pem` holds no private key; never says what it holds.
 */
export function appKeyAsPkcs8(pem: string): string | undefined {
  try {
    return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    return undefined;
  }
}
