/** A release file written around the page cache where the system allows it (see direct-file.cjs). */
export declare class ReleaseFile {
  constructor(path: string, direct?: boolean);
  /** Whether the file is being written around the page cache (false where the system refused). */
  readonly direct: boolean;
  write(bytes: Uint8Array): void;
  /** As write(), each full buffer written off this thread while the next fills; await each call, and settle() before end(). */
  writeOverlapped(bytes: Uint8Array): Promise<void>;
  /** Waits for the buffer writeOverlapped sent to the disk (its failure is thrown here). */
  settle(): Promise<void>;
  /** Writes what is left and closes the file; returns its length in bytes. */
  end(): number;
}
