// The file worker's entry (bundled by webpack from createFileWorker.ts): holds the open workbook.

import type { FileCall } from "./fileProtocol";
import { fileServer } from "./serveFile";

const scope = self as unknown as { onmessage: ((e: MessageEvent<FileCall>) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };
const serve = fileServer();
let queue: Promise<void> = Promise.resolve();
scope.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    try {
      const value = await serve(data.request);
      const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
      scope.postMessage({ id: data.id, ok: true, value }, transfer);
    } catch (error) {
      scope.postMessage({ id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
};
