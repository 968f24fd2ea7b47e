/**
 * What a YAML data file's last reads left behind for the next one, kept per file by the
 * engine's data cache. A data file is read again whole after any change to it; with
 * this, an indicator whose lines did not change comes back as the same draft (and so the
 * same catalogue indicator), and only the changed entries are parsed, built and checked
 * against the schema. Everything here is a memo of a pure function, keyed by identity of
 * objects that are never changed after they are made: it can hold a result too long, but
 * never a wrong one.
 */
import type { IndicatorDraft } from './drafts.js';
import { PlainItemMemo } from './read-plain-yaml.js';
import type { Message } from '../types.js';

export interface BuiltEntry {
  /** Where the entry starts: its drafts' places are right only while it starts there. */
  readonly line: number;
  readonly column: number;
  readonly drafts: readonly IndicatorDraft[];
  /** The messages building it gave (a period that means nothing). */
  readonly messages: readonly Message[];
}

export class DocumentMemo {
  /** The entries of the file's top-level sequences, by their lines. */
  readonly plain = new PlainItemMemo();
  /** What an `indicators:` entry (its parsed value, given back by `plain`) built. */
  readonly built = new WeakMap<object, BuiltEntry>();
  /** Whether an `indicators:` entry (as above) is valid against the schema on its own. */
  readonly valid = new WeakMap<object, boolean>();
}
