// The tests' temporary files all go under one folder made for the run, removed when it ends
// (test/temp-root.ts): a run leaves nothing behind in the system's temporary folder.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/temp-root.ts'],
  },
});
