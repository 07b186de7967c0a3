/** Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal exits at once. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
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
}
