/** `npm run generate`: writes `index.d.ts` from the catalogue (see declarations.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderDeclarations } from './declarations';

const root = path.join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
writeFileSync(path.join(root, 'index.d.ts'), renderDeclarations(version));
