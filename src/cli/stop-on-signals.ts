/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal exits at once. A process
 * that `npm start` launched also stops when its IPC channel to the supervisor closes, so it does
 * not outlive a supervisor that was killed without a chance to stop it.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals | 'disconnect') => {
    if (stopping) process.exit(130);
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`Stopping after ${signal} failed:`, error);
        process.exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (process.connected) process.on('disconnect', () => onSignal('disconnect'));
}
