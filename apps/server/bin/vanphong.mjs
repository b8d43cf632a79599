#!/usr/bin/env node
// The `vanphong` command (works as `npx vanphong …`). TypeScript runs through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
