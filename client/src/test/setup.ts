import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Without vitest globals Testing Library cannot register its own cleanup; each test starts from an empty page.
afterEach(cleanup);

// Panels below a screen's first view come a few frames after the commit (`lib/in-turn.ts`), and on a busy machine
// one role query over a whole dashboard takes hundreds of milliseconds: the default second to find something was
// seen to run out in CI while the browser journeys ran beside the unit tests. A test that passes waits no longer.
configure({ asyncUtilTimeout: 15_000 });
