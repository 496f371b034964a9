// Synthetic collections as tunetrack export files (never thesession.org's
// data): `count` tunes from `firstId`, each with about `notesChars` of notes.
import { writeFileSync } from 'node:fs';

const WORDS = ['lift', 'the', 'B', 'part', 'roll', 'on', 'long', 'notes', 'cut', 'slow', 'air', 'drone'];

export function writeSyntheticExport(file, { count, firstId = 500001, notesChars = 0 }) {
  const tunes = [];
  for (let i = 0; i < count; i++) {
    let notes = '';
    for (let w = 0; notes.length < notesChars; w++) notes += WORDS[(i * 7 + w * 3) % WORDS.length] + (w % 13 ? ' ' : '. ');
    tunes.push({ tune_id: firstId + i, name: `Synthetic Tune ${firstId + i}`, type: i % 3 ? 'reel' : 'jig',
                 learn_status: 'want_to_learn', heard_count: i % 4, notes });
  }
  writeFileSync(file, JSON.stringify({ format: 'tunetrack-collection', version: 1, tunes }));
}
