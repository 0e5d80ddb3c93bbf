// A release file written around the page cache (O_DIRECT) where the system allows it.
//
// Why: a buffered write puts every byte in a new page of the page cache, and on a virtual
// machine the first touch of a page the guest has not used lately is slow (here 7-10 s of kernel
// time per GB, against 0.7 s per GB written directly; see README "How a build scales"). The build
// never reads a release file back, so it has no use for those pages.
//
// O_DIRECT wants the memory, the file offset and the length of every write aligned to the
// device's block: the bytes go through one buffer of WebAssembly memory (mmap'd by V8, so it
// starts on a page), full blocks are written as they fill, and the tail is written padded with
// zeros and then cut to its length. Where O_DIRECT is missing (not Linux) or refused (tmpfs,
// some network file systems: EINVAL at open or at the first write), the file is written the
// usual way; the bytes are the same.
//
// Plain CommonJS, so that the background writer thread (sink.ts) can load it without a loader.
'use strict';
const fs = require('node:fs');

/** Every write's alignment: 4 KiB, a multiple of every usual logical block size. */
const ALIGN = 4096;
/** The buffer: 1 MiB (16 WebAssembly pages). */
const SIZE = 1 << 20;

/** fs.write as a promise: how many bytes went. */
function writeAt(fd, buf, off, len, position) {
  return new Promise((resolve, reject) => fs.write(fd, buf, off, len, position, (err, n) => (err ? reject(err) : resolve(n))));
}

class ReleaseFile {
  /** `direct`: false to write through the page cache whatever the system allows. */
  constructor(path, direct = true) {
    this.path = path;
    /** Bytes written to the file so far (whole blocks while direct). */
    this.offset = 0;
    /** Bytes waiting in the buffer. */
    this.pos = 0;
    this.direct = false;
    const flag = fs.constants.O_DIRECT;
    if (direct && typeof flag === 'number') {
      try {
        this.fd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | flag, 0o666);
        this.direct = true;
      } catch (e) {
        if (!e || e.code !== 'EINVAL') throw e;
      }
    }
    if (!this.direct) this.fd = fs.openSync(path, 'w');
    this.buf = Buffer.from(new WebAssembly.Memory({ initial: SIZE / 65536 }).buffer);
  }

  /** Appends `bytes` (any length). */
  write(bytes) {
    for (let at = 0; at < bytes.byteLength; ) {
      const n = Math.min(SIZE - this.pos, bytes.byteLength - at);
      this.buf.set(bytes.subarray(at, at + n), this.pos);
      this.pos += n;
      at += n;
      if (this.pos === SIZE) this.flush(SIZE);
    }
  }

  /**
   * Appends `bytes` as write() does, but each full buffer is written on libuv's thread pool while
   * the next one fills (a second buffer), so a thread that reads, hashes and writes a big file
   * does not wait for the disk between blocks. Await each call before the next, and settle()
   * before end(); write() and writeOverlapped() are not mixed.
   */
  async writeOverlapped(bytes) {
    for (let at = 0; at < bytes.byteLength; ) {
      const n = Math.min(SIZE - this.pos, bytes.byteLength - at);
      this.buf.set(bytes.subarray(at, at + n), this.pos);
      this.pos += n;
      at += n;
      if (this.pos === SIZE) {
        await this.settle(); // the other buffer is free again
        const full = this.buf;
        this.pending = this.writeOutAsync(full, this.offset);
        this.pending.catch(() => {}); // its failure is thrown by the next settle(), not left unhandled meanwhile
        this.offset += SIZE;
        this.buf = this.spare ?? Buffer.from(new WebAssembly.Memory({ initial: SIZE / 65536 }).buffer);
        this.spare = full;
        this.pos = 0;
      }
    }
  }

  /** Waits for the buffer that writeOverlapped sent to the disk. */
  async settle() {
    const p = this.pending;
    this.pending = undefined;
    if (p) await p;
  }

  /** A whole buffer written at `offset`, off this thread (refused direct at the first write: the usual way from there, as flush). */
  async writeOutAsync(buf, offset) {
    const put = async () => {
      for (let o = 0; o < SIZE; ) o += await writeAt(this.fd, buf, o, SIZE - o, offset + o);
    };
    try {
      await put();
    } catch (e) {
      this.refused(e, offset);
      await put();
    }
  }

  /**
   * After a failed first write: a direct write the device refused (EINVAL at offset 0, alignment it
   * does not take) turns the file into an ordinary one, to be written again from the start; any
   * other failure is thrown.
   */
  refused(e, offset) {
    if (!this.direct || !e || e.code !== 'EINVAL' || offset !== 0) throw e;
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.path, 'w');
    this.direct = false;
  }

  /** Writes the first `n` bytes of the buffer (a multiple of ALIGN while direct) and keeps the rest. */
  flush(n) {
    try {
      this.writeOut(n);
    } catch (e) {
      this.refused(e, this.offset);
      this.writeOut(n);
    }
    this.buf.copyWithin(0, n, this.pos);
    this.pos -= n;
  }

  writeOut(n) {
    for (let o = 0; o < n; ) o += fs.writeSync(this.fd, this.buf, o, n - o, this.offset + o);
    this.offset += n;
  }

  /** Writes what is left and closes the file; returns its length in bytes. */
  end() {
    const size = this.offset + this.pos;
    if (this.direct && this.pos) {
      const padded = Math.ceil(this.pos / ALIGN) * ALIGN;
      this.buf.fill(0, this.pos, padded);
      this.pos = padded;
      this.flush(padded);
      fs.ftruncateSync(this.fd, size);
    } else if (this.pos) this.flush(this.pos);
    fs.closeSync(this.fd);
    return size;
  }
}

module.exports = { ReleaseFile };
