import { previewFile } from './import-preview';
import type { PreviewRequest, PreviewResponse } from './preview-client';

// Reads a picked file off the page's thread, so a 50,000-row sheet never freezes it.
addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { id, bytes, fileName, kind, shop, mapping } = event.data;
  let response: PreviewResponse;
  try {
    response = { id, preview: previewFile(bytes, fileName, kind, shop, mapping) };
  } catch (error) {
    response = { id, failure: error instanceof Error ? error.message : String(error) };
  }
  postMessage(response);
});

postMessage({ ready: true } satisfies PreviewResponse);
