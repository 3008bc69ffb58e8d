import { z } from 'zod';

// zod 4 probes for `new Function` to speed up object parsing. Extensions run under a CSP
// that forbids eval, and store reviewers flag it, so we run zod without its JIT.
z.config({ jitless: true });

export { z };
