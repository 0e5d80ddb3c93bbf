// WebAssembly text to binary, by the wabt package (a development dependency: the assembled
// binary is committed beside its source, so a build never needs the assembler).
import { readFileSync } from 'node:fs';

/** The binary module `wat` (a .wat file's path) assembles to: SIMD on, no names, no debug info. */
export async function assembleWat(wat: string): Promise<Uint8Array> {
  const { default: wabt } = await import('wabt');
  const w = await wabt();
  const module = w.parseWat(wat, readFileSync(wat, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}
