// Passwords are hashed with argon2id (@node-rs/argon2's default algorithm) and OWASP's parameters.
import { hash, verify } from "@node-rs/argon2";

const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the answer time the same, so
// the sign-in form does not tell which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("baton-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
