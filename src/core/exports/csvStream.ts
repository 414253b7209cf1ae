// CSV written as the passages come (issue 14: an export of half a million rows must not hold them all): the head
// first, then each report's rows, encoded into chunks of about `chunkBytes` and handed to the caller's sink (a
// file, a stream), awaited so a slow disk holds the collection back rather than filling memory.

import type { EvidenceItem } from '../evidence/evidenceModel';
import { csvHead, csvRow, CSV_LINE_END } from './csvRows';

/** Where the bytes go (UTF-8): awaited before the next chunk is handed over; a chunk is the sink's to keep. */
export type CsvSink = (chunk: Uint8Array) => void | Promise<void>;

const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * Rows are encoded straight into a chunk of bytes (TextEncoder.encodeInto): joining half a million row strings
 * into text chunks and encoding those took four times as long at national scale.
 */
export class CsvStreamWriter {
  private readonly encoder = new TextEncoder();
  private chunk: Uint8Array;
  private used = 0;
  private started = false;
  /** Rows written (or waiting in the chunk under way). */
  rows = 0;

  constructor(
    private readonly sink: CsvSink,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {
    this.chunk = new Uint8Array(chunkBytes);
  }

  /** Adds rows in the order given; the head goes before the first. */
  async write(items: Iterable<EvidenceItem>): Promise<void> {
    await this.start();
    for (const item of items) {
      await this.add(csvRow(item) + CSV_LINE_END);
      this.rows++;
    }
  }

  /** Writes what is left (the head alone when there were no rows: the same file as exportCsv of an empty set). */
  async end(): Promise<void> {
    await this.start();
    await this.flush();
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.add(csvHead());
  }

  private async add(line: string): Promise<void> {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const worst = line.length * 3;
    if (this.chunk.length - this.used < worst) {
      await this.flush();
      if (this.chunk.length < worst) this.chunk = new Uint8Array(worst);
    }
    this.used += this.encoder.encodeInto(line, this.chunk.subarray(this.used)).written;
    if (this.used >= this.chunkBytes) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = new Uint8Array(this.chunkBytes);
    this.used = 0;
    await this.sink(full);
  }
}
