// Worker entry: loads CIFAR files off the main thread (see src/jobs/cifarLoaderHost.ts).
import { runLoaderJob } from '../jobs/cifarLoaderHost.ts';
import type { LoaderReply, LoaderRequest } from '../jobs/cifarLoaderProtocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LoaderRequest>) => void) | null;
  postMessage(message: LoaderReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void runLoaderJob(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
};
