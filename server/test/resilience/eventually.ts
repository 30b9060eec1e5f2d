/**
 * Waits until `condition` holds, looking every 20 ms, and fails naming `what` after `withinMs`, with what the server
 * under test wrote (`output`) when there is one: a resilience test waits for a process, never for a fixed time.
 */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { withinMs = 60_000, output = () => '' }: { withinMs?: number; output?: () => string } = {},
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > withinMs) throw new Error(`gave up waiting for ${what}\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
