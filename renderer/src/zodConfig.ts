import { z } from 'zod';

// The window's schemas (settings checked as they are typed) run without compiling code: the desktop
// app's CSP forbids eval, and zod would otherwise probe for it with `new Function`. Imported first, so
// that no schema runs before this is set.
z.config({ jitless: true });
