/** Helpers that build partner files byte by byte, the way Excel and LibreOffice save them. */
import type { ColumnSpec } from '../../../src/transfer/table';

// Windows-1252 where it differs from Latin-1 (0x80-0x9F); the rest of 0xA0-0xFF is Latin-1.
const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'Œ': 0x8c, 'œ': 0x9c, 'Ÿ': 0x9f };

/** `text` as Windows-1252 bytes (Excel fr's plain "CSV (séparateur: point-virgule)"). */
export function cp1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else if (CP1252[ch] != null) out.push(CP1252[ch]!);
    else throw new Error(`no Windows-1252 byte for ${ch}`);
  }
  return Buffer.from(out);
}

export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const utf8 = (text: string) => Buffer.from(text, 'utf8');
export const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

/** The actor columns an import expects, with the French headers partners use. */
export const ACTOR_COLUMNS: ColumnSpec[] = [
  { name: 'externalId', aliases: ['identifiant', 'id externe', 'référence'], required: true },
  { name: 'name', aliases: ['nom', 'raison sociale'], required: true },
  { name: 'kind', aliases: ['type', 'nature'], required: true },
  { name: 'sector', aliases: ['secteur', 'milieu'], required: true },
  { name: 'description', aliases: ['description'] },
  { name: 'territory', aliases: ['territoire'] },
  { name: 'tags', aliases: ['étiquettes', 'mots-clés'] },
  { name: 'weight', aliases: ['poids'] },
  { name: 'since', aliases: ['depuis', 'date de début'] },
];
