import { unzipSync, strFromU8 } from 'fflate';
import { GENERATOR_NAME } from '../html/document.js';

/**
 * The generator a .docx declares, or undefined when this tool did not write it last:
 * the export names itself as the file's last editor, and Word or LibreOffice put the
 * person's name there on the first save, so a file someone has edited is theirs and a
 * later export will not replace it silently.
 */
export function readDocxGenerator(bytes: Uint8Array): string | undefined {
  let core: Uint8Array | undefined;
  try {
    core = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' })[
      'docProps/core.xml'
    ];
  } catch {
    return undefined;
  }
  if (!core) return undefined;
  const match = /<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(strFromU8(core));
  const author = match?.[1];
  return author?.startsWith(`${GENERATOR_NAME} `) ? author : undefined;
}
