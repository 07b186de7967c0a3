import fs from 'node:fs';
import path from 'node:path';
import { buildPersistedDocuments, formatPersistedDocuments, PERSISTED_DOCUMENTS_FILE, PERSISTED_OPERATIONS_DIR } from '../../router/persisted-documents.ts';

/** Writes the persisted document manifest from `persisted-operations/*.graphql`; run by `npm run persisted-documents`. */
function persistedDocumentsCommand(): void {
  const manifest = buildPersistedDocuments(PERSISTED_OPERATIONS_DIR);
  fs.writeFileSync(PERSISTED_DOCUMENTS_FILE, formatPersistedDocuments(manifest));
  console.log(`Skrev ${Object.keys(manifest).length} dokument till ${path.relative(process.cwd(), PERSISTED_DOCUMENTS_FILE)}.`);
}

persistedDocumentsCommand();
