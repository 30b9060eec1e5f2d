import { hash, verify } from '@node-rs/argon2';

// The library's defaults are argon2id with OWASP's recommended cost (19 MiB, 2 passes, 1 lane).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A fixed hash to check against when the account does not exist, so that both failures take equally long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hash('no account has this password');
    await verify(await decoy, password);
    return false;
  }
  return verify(passwordHash, password);
}
