// In-process stand-ins for the pane's two workers (jest cannot load `new URL(..., import.meta.url)`):
// the same worker bodies (serveRun, fileServer), answering through onmessage.
import type { FileCall, FileWorkerLike } from "../../src/taskpane/file/fileProtocol";
import { fileServer } from "../../src/taskpane/file/serveFile";
import type { JobWorkerLike, RunMessage } from "../../src/taskpane/worker/protocol";
import { serveRun } from "../../src/taskpane/worker/serveJobs";

export class InProcessJobWorker implements JobWorkerLike {
  onmessage: JobWorkerLike["onmessage"] = null;
  onerror: JobWorkerLike["onerror"] = null;
  terminated = false;
  postMessage(message: RunMessage): void {
    setTimeout(() => void serveRun(message, (reply) => { if (!this.terminated) this.onmessage?.({ data: reply }); }), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

export class InProcessFileWorker implements FileWorkerLike {
  onmessage: FileWorkerLike["onmessage"] = null;
  onerror: FileWorkerLike["onerror"] = null;
  private readonly serve = fileServer();
  terminated = false;
  postMessage(message: FileCall): void {
    this.serve(message.request).then(
      (value) => { if (!this.terminated) this.onmessage?.({ data: { id: message.id, ok: true, value } }); },
      (error: Error) => { if (!this.terminated) this.onmessage?.({ data: { id: message.id, ok: false, message: error.message } }); },
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}
