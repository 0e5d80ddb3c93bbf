// Where publish puts a release's files: in memory (tests, small builds, the pure `buildRelease`)
// or in a folder on disk, written as they are made and hashed on the way, so that at 100x the
// corpus no file is ever held whole. Both sinks give the same bytes and the same facts. A folder's
// release files are written around the page cache where the system allows it (direct-file.cjs):
// on this VM that took the 100x finish from 11-17 s to 5-8 s.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TextChunks } from './chunks.ts';
import { ReleaseFile } from './direct-file.cjs';
import type { FileFacts } from './datapackage.ts';

/** One file being written: strings are UTF-8 encoded; `end` gives its size and sha256. */
export interface FileWriter {
  /** Writes a string (whole lines or records: never half of a surrogate pair); returns its UTF-8 byte length. */
  write(s: string): number;
  writeBytes(b: Uint8Array): void;
  end(): FileFacts;
}

/** Scratch bytes written once and then read back by range (the N-Quads groups, the graph's statement part). */
export interface Scratch {
  /** The file holding the bytes, where they are on disk. */
  file?: string;
  write(s: string): number;
  /** No more writes; reads may follow. */
  seal(): void;
  /** The bytes at [offset, offset + length): in `into` when given (valid until it is reused). */
  read(offset: number, length: number, into?: Buffer): Uint8Array;
  /** Copies everything written into `to`. */
  copyTo(to: FileWriter): void;
  dispose(): void;
}

export interface ReleaseSink {
  open(path: string): FileWriter;
  scratch(): Scratch;
  /** Every file written reaches the disk (before the release is moved into place). */
  sync(): void;
  /**
   * Writes `path` in another thread from `pieces`, in order, hashing on the way; `wait()` blocks
   * until it is written and gives its facts. Only where files are on disk (a folder sink).
   */
  background?(path: string, pieces: Pieces): { wait(): FileFacts };
}

/**
 * A file's content as pieces: per piece, bytes [offset, offset + length) of `files[file]`, or,
 * where `file` is -1, the next of `bytes`.
 */
export interface Pieces {
  files: string[];
  file: Int32Array;
  offset: Float64Array;
  length: Float64Array;
  bytes: Uint8Array[];
}

/**
 * The thread a background file is written by: plain JavaScript (no loader needed, so it starts in
 * milliseconds), told its job in one message; it reports through shared memory, since the thread
 * that waits for it is blocked in Atomics.wait.
 */
const BACKGROUND_WRITER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { ReleaseFile } = require(${JSON.stringify(fileURLToPath(new URL('./direct-file.cjs', import.meta.url)))});
parentPort.once('message', async ({ dest, files, file, offset, length, bytes, state }) => {
  const flag = new Int32Array(state, 0, 2);
  const size = new Float64Array(state, 8, 1);
  const text = new Uint8Array(state, 16);
  try {
    const fds = files.map((f) => fs.openSync(f, 'r'));
    const out = new ReleaseFile(dest);
    const hash = createHash('sha256');
    let block = Buffer.allocUnsafe(1 << 20);
    let pos = 0;
    let total = 0;
    let b = 0;
    // each block hashed, then written while the next is read (writeOverlapped)
    const drain = async () => {
      const v = block.subarray(0, pos);
      hash.update(v);
      await out.writeOverlapped(v);
      pos = 0;
      Atomics.add(flag, 1, 1); // a sign of progress for the thread that waits
    };
    for (let i = 0; i < file.length; i++) {
      const len = length[i];
      if (pos + len > block.length) {
        await drain();
        if (len > block.length) block = Buffer.allocUnsafe(len);
      }
      if (file[i] < 0) block.set(bytes[b++], pos);
      else
        for (let got = 0; got < len; ) {
          const n = fs.readSync(fds[file[i]], block, pos + got, len - got, offset[i] + got);
          if (n === 0) throw new Error(files[file[i]] + ' is shorter than expected');
          got += n;
        }
      pos += len;
      total += len;
    }
    await drain();
    await out.settle();
    out.end();
    for (const fd of fds) fs.closeSync(fd);
    size[0] = total;
    text.set(Buffer.from(hash.digest('hex')));
    Atomics.store(flag, 0, 1);
  } catch (e) {
    const m = Buffer.from(String((e && e.stack) || e)).subarray(0, text.length);
    text.set(m);
    size[0] = m.length;
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
});
`;

/** How long a background file may go without progress (no block written) before the wait gives up. */
const STALLED_MS = 120_000;

function backgroundFile(dest: string, pieces: Pieces): { wait(): FileFacts } {
  const state = new SharedArrayBuffer(16 + 4096);
  const w = new Worker(BACKGROUND_WRITER, { eval: true });
  w.unref();
  w.postMessage({ dest, ...pieces, state });
  return {
    wait() {
      // [0]: 0 writing, 1 done, 2 failed; [1]: blocks written. A thread that died without a word
      // (it could not start, or ran out of memory) shows as no progress: then this gives up.
      const flag = new Int32Array(state, 0, 2);
      let beats = -1;
      let since = performance.now();
      while (Atomics.wait(flag, 0, 0, 1000) === 'timed-out') {
        const now = Atomics.load(flag, 1);
        if (now !== beats) {
          beats = now;
          since = performance.now();
        } else if (performance.now() - since > STALLED_MS) {
          void w.terminate();
          throw new Error(`writing ${dest} in the background made no progress for ${STALLED_MS / 1000} s`);
        }
      }
      const size = new Float64Array(state, 8, 1)[0] as number;
      const text = Buffer.from(state, 16);
      if (Atomics.load(flag, 0) !== 1) throw new Error(`writing ${dest} in the background failed: ${text.subarray(0, size).toString('utf8')}`);
      return { bytes: size, sha256: text.subarray(0, 64).toString('latin1') };
    },
  };
}

const BLOCK = 1 << 20;

/** Bytes to a file descriptor through one reusable block, hashed as they go. */
class Blocked {
  private buf = Buffer.allocUnsafe(BLOCK);
  private pos = 0;
  bytes = 0;
  constructor(private readonly flush: (b: Buffer) => void, private readonly hash?: Hash) {}
  write(s: string): number {
    if (this.pos + s.length * 3 > BLOCK) {
      this.drain();
      if (s.length * 3 > BLOCK) {
        const b = Buffer.from(s, 'utf8');
        this.emit(b);
        return b.length;
      }
    }
    const n = this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
    this.bytes += n;
    return n;
  }
  writeBytes(b: Uint8Array): void {
    if (this.pos + b.byteLength <= BLOCK) {
      this.buf.set(b, this.pos);
      this.pos += b.byteLength;
      this.bytes += b.byteLength;
      return;
    }
    this.drain();
    this.emit(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }
  drain(): void {
    if (this.pos === 0) return;
    const b = this.buf.subarray(0, this.pos);
    this.hash?.update(b);
    this.flush(b);
    this.pos = 0;
  }
  private emit(b: Buffer): void {
    this.hash?.update(b);
    this.flush(b);
    this.bytes += b.length;
  }
}

const writeAll = (fd: number, b: Buffer) => {
  for (let off = 0; off < b.length; ) off += writeSync(fd, b, off, b.length - off);
};

/**
 * Files written under `dir` (created). They are fsynced together by `sync`, at the end: the
 * kernel writes a big file back while the next ones are made, instead of the build waiting for
 * each in turn.
 */
export function folderSink(dir: string): ReleaseSink {
  let scratchCount = 0;
  const written: string[] = [];
  return {
    sync() {
      for (const file of written) {
        const fd = openSync(file, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
    },
    background(path, pieces) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      written.push(file);
      return backgroundFile(file, pieces);
    },
    open(path) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      const to = new ReleaseFile(file);
      written.push(file);
      const hash = createHash('sha256');
      const out = new Blocked((b) => to.write(b), hash);
      return {
        write: (s) => out.write(s),
        writeBytes: (b) => out.writeBytes(b),
        end() {
          out.drain();
          to.end();
          return { bytes: out.bytes, sha256: hash.digest('hex') };
        },
      };
    },
    scratch() {
      const file = join(dir, `.scratch-${scratchCount++}`);
      mkdirSync(dir, { recursive: true });
      const fd = openSync(file, 'w+');
      const out = new Blocked((b) => writeAll(fd, b));
      return {
        file,
        write: (s) => out.write(s),
        seal: () => out.drain(),
        read(offset, length, into) {
          const b = into && into.length >= length ? into : Buffer.allocUnsafe(length);
          for (let got = 0; got < length; ) {
            const n = readSync(fd, b, got, length - got, offset + got);
            if (n === 0) throw new Error(`internal: scratch file ${file} is shorter than expected`);
            got += n;
          }
          return b.subarray(0, length);
        },
        copyTo(to) {
          out.drain();
          for (let off = 0; off < out.bytes; off += BLOCK) to.writeBytes(this.read(off, Math.min(BLOCK, out.bytes - off)));
        },
        dispose() {
          closeSync(fd);
          rmSync(file, { force: true });
        },
      };
    },
  };
}

/** Files kept as bytes: `files` maps each path written to its bytes. */
export function memorySink(): ReleaseSink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const chunks = () => {
    const sink = new TextChunks();
    let done: Uint8Array | undefined;
    return {
      write: (s: string) => sink.push(s),
      writeBytes: (b: Uint8Array) => sink.pushBytes(b),
      bytes: (): Uint8Array => (done ??= sink.finish()),
    };
  };
  return {
    files,
    sync() {},
    open(path) {
      const c = chunks();
      return {
        write: c.write,
        writeBytes: c.writeBytes,
        end() {
          const b = c.bytes();
          files.set(path, b);
          return { bytes: b.byteLength, sha256: createHash('sha256').update(b).digest('hex') };
        },
      };
    },
    scratch() {
      const c = chunks();
      let sealed: Uint8Array | undefined;
      return {
        write: c.write,
        seal: () => void (sealed = c.bytes()),
        read: (offset, length) => (sealed ?? (sealed = c.bytes())).subarray(offset, offset + length),
        copyTo: (to) => to.writeBytes(sealed ?? c.bytes()),
        dispose: () => void (sealed = undefined),
      };
    },
  };
}
