// CSV written as the passages come (issue 14: an export of half a million rows must not hold them all): the head
// first, then each report's rows, gathered into chunks of about `chunkChars` and handed to the caller's sink (a
// file, a stream), awaited so a slow disk holds the collection back rather than filling memory.

import type { EvidenceItem } from '../evidence/evidenceModel';
import { csvHead, csvRow, CSV_LINE_END } from './csvRows';

/** Where the text goes: awaited before the next chunk is handed over. */
export type CsvSink = (chunk: string) => void | Promise<void>;

const DEFAULT_CHUNK_CHARS = 64 * 1024;

export class CsvStreamWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private started = false;
  /** Rows written (or waiting in the chunk under way). */
  rows = 0;

  constructor(
    private readonly sink: CsvSink,
    private readonly chunkChars = DEFAULT_CHUNK_CHARS,
  ) {}

  /** Adds rows in the order given; the head goes before the first. */
  async write(items: Iterable<EvidenceItem>): Promise<void> {
    this.start();
    for (const item of items) {
      const line = csvRow(item) + CSV_LINE_END;
      this.pending.push(line);
      this.pendingChars += line.length;
      this.rows++;
      if (this.pendingChars >= this.chunkChars) await this.flush();
    }
  }

  /** Writes what is left (the head alone when there were no rows: the same file as exportCsv of an empty set). */
  async end(): Promise<void> {
    this.start();
    await this.flush();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const head = csvHead();
    this.pending.push(head);
    this.pendingChars += head.length;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.sink(chunk);
  }
}
