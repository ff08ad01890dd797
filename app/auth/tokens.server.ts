// Random tokens for sessions, invitations and API keys, and the one-way hash that is stored
// instead of them (Lucia's session design: the database never holds a usable token).
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256, sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 20 random bytes (160 bits) as lower-case base32: 32 characters, safe in URLs and cookies. */
export function generateToken(bytes = 20): string {
  const random = new Uint8Array(bytes);
  crypto.getRandomValues(random);
  return encodeBase32LowerCaseNoPadding(random);
}

/**
 * SHA-256 of the token, or HMAC-SHA-256 keyed by `secret` when one is configured, so that a
 * leaked database copy is useless without the server's secret as well.
 */
export function hashToken(token: string, secret?: string): string {
  const message = new TextEncoder().encode(token);
  if (secret) return encodeHexLowerCase(hmac(SHA256, new TextEncoder().encode(secret), message));
  return encodeHexLowerCase(sha256(message));
}
